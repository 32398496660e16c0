# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""run_diff: what changed between two runs, by a finding's identity, never its message."""

import json

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError
from ansible_collections.sddc.manager.plugins.module_utils.run_diff import (
    change_phrase,
    check_comparable,
    compare,
    new_blockers,
    read_report,
    side,
)


def finding(check, severity='ERROR', resource='vc-01', domain='wld-01', message='m', **ids):
    return dict(dict(id=check, name=check.title(), severity=severity, resource=resource, domain=domain,
                     message=message), **ids)


def test_the_classification_table():
    baseline = [finding('fixed-error'), finding('backup', 'WARNING'), finding('reworded', message='old words'),
                finding('renamed-host', resource='old-name', resource_id='r-1')]
    current = [finding('new-error'), finding('backup', 'ERROR'), finding('reworded', message='new words'),
               finding('renamed-host', resource='new-name', resource_id='r-1')]
    diff = compare(current, baseline)
    assert [f['id'] for f in diff['new']] == ['new-error']
    assert [f['id'] for f in diff['resolved']] == ['fixed-error']
    assert [(f['id'], f['from_severity'], f['severity']) for f in diff['severity_changed']] == [
        ('backup', 'WARNING', 'ERROR')]
    assert sorted(f['id'] for f in diff['persisting']) == ['renamed-host', 'reworded'], 'never by the message'
    assert [f['id'] for f in new_blockers(diff)] == ['new-error', 'backup'], 'a warning that became an error is new'
    assert change_phrase(diff) == '1 new error, 1 resolved, 1 warning became an error, 2 persisting'


def test_the_same_checks_in_another_order_and_casing_match():
    baseline = [finding('A', resource='VC-01'), finding('b', 'WARNING')]
    current = [finding('B', 'WARNING'), finding('a', resource='vc-01')]
    diff = compare(current, baseline)
    assert (len(diff['persisting']), diff['new'], diff['resolved']) == (2, [], [])
    assert change_phrase(compare([], [])) == 'no change'


def test_ids_on_one_side_only_match_by_names():
    diff = compare([finding('x', resource_id='r-9', domain_id='d-1')], [finding('x')])
    assert len(diff['persisting']) == 1


def test_the_same_name_on_two_resources_of_different_ids_is_two_findings():
    diff = compare([finding('x', resource='esx', resource_id='r-1')], [finding('x', resource='esx', resource_id='r-2')])
    assert (len(diff['new']), len(diff['resolved'])) == (1, 1)


def test_a_report_is_a_baseline_and_anything_else_is_refused_in_one_line(tmp_path):
    report = tmp_path / 'precheck-x.json'
    report.write_text(json.dumps(dict(run_id='r0', completed='2026-11-20T10:00:00.000Z', domains=['wld-01'],
                                      target_version=None, findings=[finding('a'), 'junk'])))
    read = read_report(str(report))
    assert (read['run_id'], read['domains'], len(read['findings']), read['source']) == ('r0', ['wld-01'], 1, 'report')
    (tmp_path / 'other.json').write_text('{"x": 1}')
    for path in (str(tmp_path / 'missing.json'), str(tmp_path / 'other.json')):
        with pytest.raises(ConfigurationError) as caught:
            read_report(path)
        assert caught.value.details['option'] == 'baseline'


def test_a_baseline_for_other_domains_or_target_is_refused_unless_forced():
    current = side('r1', None, '9.1.0.0', ['wld-01'], [], 'appliance')
    with pytest.raises(ConfigurationError) as caught:
        check_comparable(current, side('r0', None, '9.1.0.0', ['wld-02'], [], 'appliance'), False)
    assert 'is for domains wld-02, not wld-01' in caught.value.msg
    with pytest.raises(ConfigurationError) as caught:
        check_comparable(current, side('r0', None, None, ['wld-01'], [], 'appliance'), False)
    assert 'is for target general upgrade readiness, not 9.1.0.0' in caught.value.msg
    check_comparable(current, side('r0', None, None, ['wld-02'], [], 'appliance'), True)
