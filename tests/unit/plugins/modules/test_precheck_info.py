# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""modules/precheck_info: one run with its findings, or the last runs of domains."""

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.errors import InvalidResponseError, NotFoundError
from ansible_collections.sddc.manager.plugins.module_utils.text import MSG_LIMIT
from ansible_collections.sddc.manager.plugins.modules.precheck_info import read_precheck

RUN = '7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21'
WLD = '8b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'


def params(**overrides):
    values = dict(run_id=None, domains=None, include_raw=False)
    values.update(overrides)
    return values


def test_a_run_in_progress(make_client, transport):
    transport.add('GET', '/v1/system/check-sets/' + RUN,
                  json_body={'status': 'IN_PROGRESS', 'discoveryProgress': {'percentageComplete': 40}})
    result = read_precheck(make_client(api_token='t0k3n'), params(run_id=RUN.upper()))
    assert (result['exists'], result['status'], result['finished'], result['progress']) == (
        True, 'IN_PROGRESS', False, 40.0)
    assert result['findings'] == [] and 'raw' not in result and result['changed'] is False


def test_a_blank_status_reads_as_starting_not_finished(make_client, transport):
    transport.add('GET', '/v1/system/check-sets/' + RUN, json_body={})
    result = read_precheck(make_client(api_token='t0k3n'), params(run_id=RUN, include_raw=True))
    assert result['status'] == 'STARTING' and result['finished'] is False and result['raw'] == {}


def test_a_missing_run_fails_naming_it_as_the_export_info_does(make_client, transport):
    transport.add('GET', '/v1/system/check-sets/' + RUN, status=404, json_body={'message': 'Task Not Found'})
    with pytest.raises(NotFoundError) as caught:
        read_precheck(make_client(api_token='t0k3n'), params(run_id=RUN))
    assert caught.value.msg.startswith('No pre-check run %s on SDDC Manager at https://sddc.example.com' % RUN)


def test_a_run_read_has_the_waits_verdict_and_msg_without_failing(make_client, transport):
    transport.add('GET', '/v1/system/check-sets/' + RUN, json_body={
        'status': 'COMPLETED_WITH_FAILURE', 'validationResult': {'nestedErrors': [{
            'message': 'Expired', 'context': {'validationStatus': 'VALIDATION_FAILED', 'importanceLevel': 'CRITICAL',
                                              'validatorDefinitionId': 'license', 'validationName': 'License'}}]}})
    transport.add('GET', '/v1/domains', json_body={'elements': []})
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.0.2.0.1'})
    result = read_precheck(make_client(api_token='t0k3n'), params(run_id=RUN))
    assert result['verdict'] == 'BLOCKED' and [f['id'] for f in result['failing']] == ['license']
    assert result['msg'] == ('Pre-check run %s: COMPLETED_WITH_FAILURE, 1 error, 0 warnings, 0 info, 0 passed: '
                             'BLOCKED. ERROR License: Expired.' % RUN)
    assert 'failed' not in result


def test_an_answer_that_is_not_an_object_fails_in_one_line(make_client, transport):
    transport.add('GET', '/v1/system/check-sets/' + RUN, json_body=['x'])
    with pytest.raises(InvalidResponseError):
        read_precheck(make_client(api_token='t0k3n'), params(run_id=RUN))


def test_last_runs_with_iso_times_newest_first(make_client, transport):
    transport.add('GET', '/v1/domains', json_body={'elements': [{'id': WLD, 'name': 'wld-01'}]})
    transport.add('GET', '/v1/system/check-sets', json_body=[
        {'id': 'old', 'state': 'COMPLETED_WITH_SUCCESS', 'timestamp': 1752768142468,
         'completionTimestamp': 1752768142468, 'domainInputs': [{'domainId': WLD, 'domainName': 'wld-01'}],
         'metadata': {'targetVersion': 'General Upgrade Readiness'}},
        {'id': 'new', 'state': 'IN_PROGRESS', 'timestamp': 1752768999000, 'metadata': None},
        'junk', {'id': None}])
    result = read_precheck(make_client(api_token='t0k3n'), params(domains=['wld-01']))
    assert [r['id'] for r in result['runs']] == ['new', 'old']
    old, new = result['runs'][1], result['runs'][0]
    assert old['timestamp'] == '2025-07-17T16:02:22.468Z' and new['completion_timestamp'] is None
    assert (old['status'], new['status']) == ('COMPLETED_WITH_SUCCESS', 'IN_PROGRESS') and 'state' not in old
    assert old['target_version'] is None, 'general upgrade readiness reads as no target, as in precheck'
    assert result['msg'] == '2 pre-check runs of domain wld-01, the newest new IN_PROGRESS.'
    assert transport.sent[1]['path'] == '/v1/system/check-sets'


def test_an_unknown_domain_fails_naming_those_there(make_client, transport):
    transport.add('GET', '/v1/domains', json_body={'elements': [{'id': WLD, 'name': 'wld-01'}]})
    with pytest.raises(NotFoundError) as caught:
        read_precheck(make_client(api_token='t0k3n'), params(domains=['wld-9']))
    assert "the domains there are: wld-01." in caught.value.msg


def test_a_server_with_thousands_of_domains_gets_a_bounded_message_and_the_whole_list(make_client, transport):
    names = ['wld-%04d-%s' % (index, 'x' * 40) for index in range(3000)]
    transport.add('GET', '/v1/domains', json_body={'elements': [
        {'id': '%08d-0000-4000-8000-000000000000' % index, 'name': name} for index, name in enumerate(names)]})
    with pytest.raises(NotFoundError) as caught:
        read_precheck(make_client(api_token='t0k3n'), params(domains=['wld-9']))
    assert len(caught.value.msg) == MSG_LIMIT and caught.value.msg.endswith('...')
    assert caught.value.msg.startswith("No workload domain 'wld-9' on SDDC Manager at https://")
    assert caught.value.to_result()['error_details']['available'] == sorted(names)


def test_a_run_with_thousands_of_findings_is_returned_cut_and_counted(make_client, transport):
    from ansible_collections.sddc.manager.plugins.module_utils.result_bounds import LIST_ITEMS
    from ansible_collections.sddc.manager.tests.unit.plugins.action.test_wait_for_precheck import finished, leaf
    transport.add('GET', '/v1/system/check-sets/' + RUN, json_body=finished(
        'COMPLETED_WITH_FAILURE', *[leaf('Check %04d' % i, 'WARNING') for i in range(LIST_ITEMS + 5)]))
    transport.add('GET', '/v1/domains', json_body={'elements': []})
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.0.2.0.24703748'})
    result = read_precheck(make_client(api_token='t0k3n'), params(run_id=RUN))
    assert len(result['findings']) == LIST_ITEMS and result['findings_total'] == LIST_ITEMS + 5
    assert result['omitted'] == {'findings': 5} and result['gate']['fail_on'] == 'error'
