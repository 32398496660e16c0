# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""run_context: the target from the run list, coverage for a target, and the 9.1 reads only on 9.1."""

from ansible_collections.sddc.manager.plugins.module_utils.run_context import read_run_context

RUN = '7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21'
WLD = '8b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
RUN_PATH = '/v1/system/check-sets/' + RUN


def listed(transport, target):
    transport.add('GET', '/v1/domains', json_body={'elements': [{'id': WLD, 'name': 'wld-01'}]})
    transport.add('GET', '/v1/system/check-sets', json_body=[
        {'id': RUN, 'state': 'COMPLETED_WITH_SUCCESS', 'timestamp': 1, 'metadata': {'targetVersion': target},
         'domainInputs': [{'domainId': WLD, 'domainName': 'wld-01'}]}])


def test_a_general_readiness_run_on_90_reads_no_coverage_and_sends_no_91_parameter(make_client, transport):
    listed(transport, 'General Upgrade Readiness')
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.0.2.0.1'})
    context = read_run_context(make_client(api_token='t0k3n'), RUN, {'status': 'COMPLETED_WITH_SUCCESS'})
    assert context.target_version is None and context.coverage is None and context.silenced is None
    assert [s['query'] for s in transport.sent if s['query']] == ['domainId=%s' % WLD]
    assert not any(s['path'] == RUN_PATH for s in transport.sent), 'no 9.1 read of the run on 9.0'
    assert 'includeSummary' not in str(transport.sent)


def test_a_target_run_on_91_reads_coverage_upgradables_summary_and_silenced(make_client, transport):
    listed(transport, '9.1.0.0')
    transport.add('GET', '/v1/releases/domains/%s/future-releases' % WLD, json_body={'elements': [
        {'version': '9.1.0.0', 'bom': [{'name': 'VCENTER', 'version': '9.1.0.0'}]}]})
    transport.add('GET', '/v1/bundles/download-status', json_body={'elements': [
        {'componentType': 'VCENTER', 'downloadStatus': 'SUCCESSFUL'}]})
    transport.add('GET', '/v1/upgradables/domains/' + WLD, json_body={'elements': []})
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.1.0.0.1'})
    transport.add('GET', RUN_PATH, json_body={'status': 'COMPLETED_WITH_SUCCESS', 'summarised': True})
    transport.add('GET', RUN_PATH, json_body={'status': 'COMPLETED_WITH_SUCCESS', 'validationResult': {
        'nestedErrors': [{'message': 'vSAN health silenced', 'context': {
            'validationStatus': 'VALIDATION_SILENCED', 'validatorDefinitionId': 'vsan-health'}}]}})
    context = read_run_context(make_client(api_token='t0k3n'), RUN, {'status': 'COMPLETED_WITH_SUCCESS'})
    assert context.target_version == '9.1.0.0' and context.coverage['complete'] is True
    assert context.run.get('summarised') is True
    assert context.silenced == [dict(check='vsan-health', resource=None, domain=None, message='vSAN health silenced')]
    assert [s['query'] for s in transport.sent if s['path'] == RUN_PATH] == [
        'includeSummary=true', 'includeOnlySilencedInfo=true&severity=INFO']
    assert [s['query'] for s in transport.sent if s['path'] == '/v1/bundles/download-status'] == [
        'releaseVersion=9.1.0.0']


def test_coverage_that_cannot_be_read_is_not_ready_but_keeps_the_run(make_client, transport):
    from ansible_collections.sddc.manager.plugins.module_utils.precheck_verdict import BLOCKED, Verdict
    from ansible_collections.sddc.manager.plugins.module_utils.run_result import describe_run
    listed(transport, '9.1.0.0')
    transport.add('GET', '/v1/releases/domains/%s/future-releases' % WLD, status=500,
                  json_body={'message': 'LCM is down'})
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.0.2.0.1'})
    run = {'status': 'COMPLETED_WITH_SUCCESS'}
    context = read_run_context(make_client(api_token='t0k3n'), RUN, run)
    assert context.coverage['complete'] is False and 'LCM is down' in context.coverage['error']
    judged = Verdict(describe_run(RUN, run, context=context))
    assert judged.word == BLOCKED and 'what the run covered of release 9.1.0.0 could not be read' in judged.message()
