# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""modules/precheck: resolve, check the target, attach or start, with HTTP faked at the transport."""

import json

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.errors import (
    ConfigurationError,
    InvalidResponseError,
    NotFoundError,
)
from ansible_collections.sddc.manager.plugins.modules.precheck import ensure_precheck

WLD = '8b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
RUN = '7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21'
DOMAINS = {'elements': [{'id': WLD, 'name': 'wld-01', 'type': 'VI'},
                        {'id': '5d73e7e4-5ef6-4a69-ab9b-1237484054dd', 'name': 'mgmt-01', 'type': 'MANAGEMENT'}]}
QUERY = {'queryId': 'q-1', 'resources': [
    {'resourceId': 'r1', 'resourceName': 'vc.example.com', 'resourceType': 'VCENTER', 'resourceVersion': '9.0',
     'domain': {'domainId': WLD, 'domainName': 'wld-01', 'domainType': 'VI'}, 'extraContext': {},
     'checkSets': [{'checkSetId': 'vc-a', 'checkSetName': 'A'}, {'checkSetId': 'vc-b'}, {'checkSetId': 'vc-a'}]},
    {'resourceId': 'r2', 'resourceName': 'nothing', 'resourceType': 'CLUSTER', 'checkSets': []},
]}
TASK = {'id': RUN.upper(), 'name': 'run', 'status': 'IN_PROGRESS', 'creationTimestamp': 'x'}


def params(**overrides):
    values = dict(domains=['wld-01'], target_version=None, check_set_type='UPGRADE', force=False)
    values.update(overrides)
    return values


def run(make_client, check_mode=False, **overrides):
    warnings = []
    result = ensure_precheck(make_client(api_token='t0k3n'), params(**overrides), check_mode, warnings.append)
    return result, warnings


def test_start_sends_only_the_selected_resources_with_all_their_check_sets(make_client, transport):
    transport.add('GET', '/v1/domains', json_body=DOMAINS)
    transport.add('GET', '/v1/system/check-sets', json_body=[])
    transport.add('POST', '/v1/system/check-sets/queries', json_body=QUERY)
    transport.add('POST', '/v1/system/check-sets', status=202, json_body=TASK)
    result, warnings = run(make_client)
    assert json.loads(transport.sent[2]['body']) == {'checkSetType': 'UPGRADE', 'domains': [{'domainId': WLD}]}
    assert json.loads(transport.sent[3]['body']) == {'queryId': 'q-1', 'resources': [
        {'resourceId': 'r1', 'resourceName': 'vc.example.com', 'resourceType': 'VCENTER',
         'domain': {'domainId': WLD, 'domainName': 'wld-01', 'domainType': 'VI'},
         'checkSets': [{'checkSetId': 'vc-a'}, {'checkSetId': 'vc-b'}]}]}
    assert result['run_id'] == RUN and result['changed'] and result['started'] and warnings == []
    assert result['check_sets'] == [{'name': 'vc.example.com', 'type': 'VCENTER', 'id': 'r1', 'domain': 'wld-01',
                                     'domain_id': WLD, 'check_set_ids': ['vc-a', 'vc-b']}]


RELEASE = {'version': '9.1.0.0', 'applicabilityStatus': 'APPLICABLE',
           'bom': [{'name': 'VCENTER', 'version': '9.1.0.0'}, {'name': 'NSX_T_MANAGER', 'version': '9.1'}]}


def target_answers(transport, planned='9.1.0.0', nsx='SUCCESSFUL', planned_read=True):
    transport.add('GET', '/v1/domains', json_body=DOMAINS)
    transport.add('GET', '/v1/releases/domains/%s/future-releases' % WLD, json_body={'elements': [RELEASE]}, times=2)
    if planned_read:
        transport.add('GET', '/v1/releases/domains/%s' % WLD, json_body={'domainId': WLD, 'targetVersion': planned})
    transport.add('GET', '/v1/bundles/download-status', json_body={'elements': [
        {'componentType': 'VCENTER', 'downloadStatus': 'SUCCESSFUL'},
        {'componentType': 'NSX_T_MANAGER', 'downloadStatus': nsx}]})
    transport.add('GET', '/v1/system/check-sets', json_body=[])
    transport.add('POST', '/v1/system/check-sets/queries', json_body=QUERY)
    transport.add('POST', '/v1/system/check-sets', status=202, json_body=TASK)


def test_a_target_is_checked_then_sent_as_metadata(make_client, transport):
    target_answers(transport)
    warnings = []
    ensure_precheck(make_client(api_token='t0k3n'), params(target_version='9.1.0.0'), False, warnings.append)
    assert json.loads(transport.sent[-1]['body'])['metadata'] == {'targetVersion': '9.1.0.0'}
    assert warnings == []


def test_planned_takes_the_domains_planned_target(make_client, transport):
    target_answers(transport, planned='9.1.0.0')
    result = ensure_precheck(make_client(api_token='t0k3n'), params(target_version='planned'), False, [].append)
    assert result['target_version'] == '9.1.0.0'
    assert json.loads(transport.sent[-1]['body'])['metadata'] == {'targetVersion': '9.1.0.0'}


def test_a_target_off_plan_or_with_bundles_missing_is_warned_before_starting(make_client, transport):
    target_answers(transport, planned='9.2.0.0', nsx='PENDING')
    warnings = []
    ensure_precheck(make_client(api_token='t0k3n'), params(target_version='9.1.0.0'), False, warnings.append)
    assert warnings[0] == ('Domain wld-01 is planned to go to 9.2.0.0, not 9.1.0.0: this pre-check is for another '
                           'target than the plan.')
    assert 'NSX_T_MANAGER (bundle PENDING) will not run' in warnings[1]


def test_planned_without_a_plan_fails_before_any_run(make_client, transport):
    transport.add('GET', '/v1/domains', json_body=DOMAINS)
    transport.add('GET', '/v1/releases/domains/%s' % WLD, json_body={'domainId': WLD, 'targetVersion': ''})
    with pytest.raises(NotFoundError) as caught:
        ensure_precheck(make_client(api_token='t0k3n'), params(target_version='planned'), False, [].append)
    assert 'target_version: planned needs one planned target for every domain' in caught.value.msg


@pytest.mark.parametrize('release, words', [
    ({'version': '9.1.0.0', 'isApplicable': False, 'notApplicableReason': 'Old SDDC Manager'},
     'offered to domain wld-01 but not applicable: Old SDDC Manager.'),
    ({'version': '9.1.0.0', 'applicabilityStatus': 'NOT_APPLICABLE',
      'reasonsNotApplicable': [{'messageKey': 'k', 'message': 'Step 1'}, {'messageKey': 'k2'}]},
     'but not applicable: Step 1; k2.'),
    ({'version': '9.1.0.0', 'applicabilityStatus': 'NOT_APPLICABLE'}, 'SDDC Manager gave no reason'),
])
def test_each_way_of_saying_not_applicable_is_read(make_client, transport, release, words):
    transport.add('GET', '/v1/domains', json_body=DOMAINS)
    transport.add('GET', '/v1/releases/domains/%s/future-releases' % WLD, json_body={'elements': [release]})
    with pytest.raises(NotFoundError) as caught:
        run(make_client, target_version='9.1.0.0')
    assert words in caught.value.msg


def test_a_release_without_a_version_is_left_out_of_what_is_offered(make_client, transport):
    transport.add('GET', '/v1/domains', json_body=DOMAINS)
    transport.add('GET', '/v1/releases/domains/%s/future-releases' % WLD, json_body={'elements': [
        {'applicabilityStatus': 'APPLICABLE'}, {'version': '9.0.1.0', 'applicabilityStatus': 'APPLICABLE'}]})
    with pytest.raises(NotFoundError) as caught:
        run(make_client, target_version='9.1.0.0')
    assert caught.value.msg == ('Target version 9.1.0.0 is not offered to domain wld-01; the versions offered are: '
                                '9.0.1.0 (applicable: 9.0.1.0).')


def test_an_attached_run_must_match_domains_and_target(make_client, transport):
    transport.add('GET', '/v1/domains', json_body=DOMAINS)
    transport.add('GET', '/v1/system/check-sets', json_body=[
        {'id': 'a' * 8 + '-0000-4000-8000-' + '0' * 12, 'state': 'IN_PROGRESS', 'timestamp': 3,
         'domainInputs': [{'domainId': WLD}, {'domainId': 'other'}], 'metadata': {}},
        {'id': RUN, 'state': 'In Progress', 'timestamp': 2, 'domainInputs': [{'domainId': WLD}],
         'metadata': {'targetVersion': 'General Upgrade Readiness'}},
        {'id': 'b' * 8 + '-0000-4000-8000-' + '0' * 12, 'state': 'COMPLETED_WITH_SUCCESS', 'timestamp': 9,
         'domainInputs': [{'domainId': WLD}], 'metadata': {}}])
    result, dummy = run(make_client)
    assert result['attached'] is True and result['run_id'] == RUN and result['changed'] is False
    assert 'POST /v1/system/check-sets' not in transport.paths()


def test_nothing_to_check_warns_and_starts_nothing(make_client, transport):
    transport.add('GET', '/v1/domains', json_body=DOMAINS)
    transport.add('GET', '/v1/system/check-sets', json_body=[])
    transport.add('POST', '/v1/system/check-sets/queries', json_body={'queryId': 'q', 'resources': []})
    result, warnings = run(make_client)
    assert result['run_id'] is None and result['changed'] is False and len(warnings) == 1
    assert warnings[0] == result['msg']


def test_check_mode_never_posts_a_run(make_client, transport):
    transport.add('GET', '/v1/domains', json_body=DOMAINS)
    transport.add('GET', '/v1/system/check-sets', json_body=[])
    transport.add('POST', '/v1/system/check-sets/queries', json_body=QUERY)
    result, dummy = run(make_client, check_mode=True)
    assert result['changed'] is True and result['run_id'] is None
    assert transport.paths()[-1] == 'POST /v1/system/check-sets/queries'


@pytest.mark.parametrize('domains', [[], [''], ['  ']])
def test_empty_domains_are_refused_before_any_request(make_client, transport, domains):
    with pytest.raises(ConfigurationError):
        run(make_client, domains=domains)
    assert transport.sent == []


@pytest.mark.parametrize('task', [{'status': 'x'}, {'id': 'not-a-uuid'}, ['x']])
def test_a_start_answer_without_a_run_id_fails_in_one_line(make_client, transport, task):
    transport.add('GET', '/v1/domains', json_body=DOMAINS)
    transport.add('GET', '/v1/system/check-sets', json_body=[])
    transport.add('POST', '/v1/system/check-sets/queries', json_body=QUERY)
    transport.add('POST', '/v1/system/check-sets', status=202, json_body=task)
    with pytest.raises(InvalidResponseError) as caught:
        run(make_client)
    assert 'not a task with a run id' in caught.value.msg


def test_domains_by_id_any_case_and_by_name_ignoring_case_each_once(make_client, transport):
    transport.add('GET', '/v1/domains', json_body=DOMAINS)
    transport.add('GET', '/v1/system/check-sets', json_body=[])
    transport.add('POST', '/v1/system/check-sets/queries', json_body={'queryId': 'q', 'resources': []})
    result, dummy = run(make_client, domains=[WLD.upper(), 'WLD-01', 'mgmt-01'])
    assert [d['name'] for d in result['domains']] == ['wld-01', 'mgmt-01']
