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
