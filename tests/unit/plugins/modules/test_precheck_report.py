# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""modules/precheck_report: both files, created directory, idempotence, check mode."""

import os

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError
from ansible_collections.sddc.manager.plugins.modules.precheck_report import write_report
from ansible_collections.sddc.manager.tests.unit.fakes import StubFileModule

RUN = '7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21'
RESULT = dict(run_id=RUN, exists=True, status='COMPLETED_WITH_SUCCESS', verdict='READY', findings=[],
              summary={'error': 0, 'warning': 0, 'info': 0, 'passed': 3, 'silenced': 0, 'total': 3, 'domains': []})


def stub_module(dest, check_mode=False, result=None, name=None):
    return StubFileModule(dict(result=result or dict(RESULT), dest=str(dest), appliance=None, domains=None,
                               target_version=None, waivers=[], formats=None, name=name), check_mode)


def test_writes_both_files_in_a_new_directory_then_changes_nothing(tmp_path):
    dest = tmp_path / 'a' / 'b'
    first = write_report(stub_module(dest))
    assert first['changed'] is True and sorted(os.listdir(str(dest))) == ['precheck-%s.html' % RUN,
                                                                          'precheck-%s.json' % RUN]
    second = write_report(stub_module(dest))
    assert second['changed'] is False and second['msg'].endswith('(unchanged).')


def test_check_mode_writes_nothing(tmp_path):
    result = write_report(stub_module(tmp_path / 'new', check_mode=True))
    assert result['changed'] is True and result['msg'].startswith('Check mode:') and not (tmp_path / 'new').exists()


@pytest.mark.parametrize('result, words', [
    (dict(RESULT, exists=False), 'for a run that exists'), (dict(RESULT, findings=None), 'for a run that exists'),
    (dict(RESULT, run_id='nope'), 'run_id must be the UUID'),
])
def test_a_result_that_is_not_a_run_is_refused(tmp_path, result, words):
    with pytest.raises(ConfigurationError) as caught:
        write_report(stub_module(tmp_path, result=result))
    assert words in caught.value.msg


def test_a_dest_that_is_a_file_is_refused(tmp_path):
    (tmp_path / 'file').write_text('x')
    with pytest.raises(ConfigurationError) as caught:
        write_report(stub_module(tmp_path / 'file'))
    assert 'is not a directory' in caught.value.msg


def test_a_full_disk_leaves_no_temporary_file(tmp_path, monkeypatch):
    import errno
    from ansible_collections.sddc.manager.plugins.modules import precheck_report as module_file
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle, mode):
            self.stream = real_fdopen(handle, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.stream.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, 'No space left on device')
    monkeypatch.setattr(module_file.os, 'fdopen', FullDisk)
    with pytest.raises(ConfigurationError) as caught:
        write_report(stub_module(tmp_path))
    assert 'No space left on device' in caught.value.msg
    assert os.listdir(str(tmp_path)) == [], 'no .precheck-report-* file is left behind'


def test_a_nul_in_dest_is_refused_in_one_line(tmp_path):
    with pytest.raises(ConfigurationError) as caught:
        write_report(stub_module(str(tmp_path) + '/a\x00b'))
    assert 'holds a NUL character' in caught.value.msg


@pytest.mark.parametrize('no_run', [None, ''])   # a null templated by ansible-core before 2.19 arrives as ''
def test_the_not_checked_report_is_written_without_a_run(tmp_path, no_run):
    result = dict(run_id=no_run, exists=True, status=None, finished=True, verdict='NOT CHECKED', findings=[],
                  failing=[], summary={}, verdict_reasons=['SDDC Manager offers no UPGRADE check-set.'])
    written = write_report(stub_module(tmp_path, result=result))
    assert sorted(os.listdir(str(tmp_path))) == ['precheck-not-checked.html', 'precheck-not-checked.json']
    assert written['msg'].startswith('Reports of what was not pre-checked:')


def test_the_outcome_for_the_fleet_names_the_manager_and_its_reports(tmp_path):
    written = write_report(stub_module(tmp_path, name='sfo-m01'))
    outcome = written['outcome']
    assert (outcome['name'], outcome['verdict'], outcome['run_id']) == ('sfo-m01', 'READY', RUN)
    assert outcome['reports'] == dict(json=written['json'], html=written['html'])
    with open(written['json']) as handle:
        assert '"manager": "sfo-m01"' in handle.read()


def cut_result(total):
    """What the wait returns for a run of ``total`` errors: the first 2 of them, the rest counted."""
    kept = [dict(id='check-%04d' % i, name='Check %04d' % i, severity='ERROR', message='It failed', resource=None,
                 domain=None, ignored=False) for i in range(2)]
    return dict(RESULT, status='COMPLETED_WITH_FAILURE', finished=True, verdict='BLOCKED', verdict_reasons=[],
                findings=kept, failing=kept, findings_total=total,
                omitted={'findings': total - 2, 'failing': total - 2},
                gate=dict(fail_on='error', ignore_checks=[], waivers=[], fail_on_incomplete_coverage=False,
                          baseline=None))


def read_json_report(dest):
    import json
    with open(os.path.join(str(dest), 'precheck-%s.json' % RUN)) as handle:
        return json.load(handle)


def test_a_cut_result_is_read_again_so_that_the_reports_hold_every_finding(tmp_path, fake_http):
    from ansible_collections.sddc.manager.tests.unit.plugins.module_utils.test_run_gate import PATH, many_errors
    from ansible_collections.sddc.manager.tests.unit.plugins.action.test_wait_for_precheck import no_context
    fake_http.add('GET', PATH, json_body=many_errors(700))
    no_context(fake_http)
    module = stub_module(tmp_path, result=cut_result(700))
    module.params.update(hostname='sddc.example.com', api_token='t0k3n', validate_certs=True, request_timeout=30.0)
    written = write_report(module)
    report = read_json_report(tmp_path)
    assert written['findings_written'] == 700 and len(report['findings']) == 700 and report['findings_total'] == 700
    assert report['verdict'] == 'BLOCKED' and len(report['failing']) == 700 and module.warnings == []


def test_a_cut_result_without_a_manager_to_read_lists_what_it_holds_and_says_so(tmp_path):
    module = stub_module(tmp_path, result=cut_result(700))
    written = write_report(module)
    report = read_json_report(tmp_path)
    assert written['findings_written'] == 2 and report['findings_total'] == 700
    assert module.warnings == ["The result holds 2 of the run's 700 findings, and no SDDC Manager is set "
                               "(hostname) to read the rest: the reports list those 2."]
    with open(os.path.join(str(tmp_path), 'precheck-%s.html' % RUN)) as handle:
        assert "lists the first 2 of the run&#x27;s 700 findings" in handle.read()


def test_a_cut_result_whose_read_fails_keeps_what_it_holds_and_warns(tmp_path, fake_http):
    from ansible_collections.sddc.manager.tests.unit.plugins.module_utils.test_run_gate import PATH
    fake_http.add('GET', PATH, status=500, json_body={'message': 'Boom'}, times=10)
    module = stub_module(tmp_path, result=cut_result(700))
    module.params.update(hostname='sddc.example.com', api_token='t0k3n', validate_certs=True, request_timeout=30.0)
    written = write_report(module)
    assert written['findings_written'] == 2 and read_json_report(tmp_path)['findings_total'] == 700
    assert len(module.warnings) == 1 and 'Reading pre-check run %s again for its 700 findings failed' % RUN \
        in module.warnings[0] and 'Boom' in module.warnings[0]


def test_waivers_on_a_cut_result_that_cannot_be_read_again_never_make_it_ready(tmp_path):
    result = cut_result(700)
    result['counts_read'] = {'error': 700, 'warning': 0, 'info': 0}
    waivers = [dict(check='check-0000', reason='r', expires='2999-01-01'),
               dict(check='check-0001', reason='r', expires='2999-01-01')]
    module = stub_module(tmp_path, result=result)
    module.params['waivers'] = waivers
    write_report(module)
    report = read_json_report(tmp_path)
    assert report['verdict'] == 'BLOCKED' and any('so the rest were not judged' in why for why in
                                                  report['verdict_reasons'])
