# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""action/wait_for_precheck: the wait, the gate and its one-line reason, through ActionModule.run."""

import json
import os

from ansible_collections.sddc.manager.plugins.action.wait_for_precheck import ActionModule
from ansible_collections.sddc.manager.tests.unit.fakes import ACCESS, PASSWORD, REFRESH, login_answer

RUN = '7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21'
PATH = '/v1/system/check-sets/' + RUN
CONNECTION = dict(hostname='sddc.example.com', username='administrator@vsphere.local', password=PASSWORD)
FIXTURES = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), 'fixtures')


def leaf(name, severity, message='It failed', remediation='Fix it', resource=None):
    importance = {'ERROR': 'CRITICAL', 'WARNING': 'WARNING', 'INFO': 'OPTIONAL'}[severity]
    node = {'errorCode': 'C', 'message': message, 'remediationMessage': remediation,
            'context': {'validationStatus': 'VALIDATION_FAILED', 'importanceLevel': importance,
                        'validatorDefinitionId': name.lower().replace(' ', '-'), 'validationName': name}}
    if resource:
        node['context']['resourceName'] = resource
    return node


def finished(status, *leaves, **extra):
    body = {'status': status, 'discoveryProgress': {'percentageComplete': 100},
            'validationResult': {'message': 'Target state validation', 'nestedErrors': list(leaves)}}
    body.update(extra)
    return body


def no_context(transport):
    """What a finished run's context reads on a 9.0 appliance that lists the run under no domain: nothing more."""
    transport.add('GET', '/v1/domains', json_body={'elements': []})
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.0.2.0.24703748'})


def wait(run_action, transport, *answers, **args):
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer())
    for answer in answers:
        transport.add('GET', PATH, json_body=answer)
    no_context(transport)
    transport.add('DELETE', '/v1/tokens/refresh-token', status=204)
    options = dict(CONNECTION, run_id=RUN, poll_interval=15)
    options.update(args)
    return run_action(ActionModule, options)


def test_a_clean_run_passes_with_its_counts(run_action, transport):
    with open(os.path.join(FIXTURES, 'captured-success-5.2.json')) as handle:
        captured = json.load(handle)
    result = wait(run_action, transport, {'status': 'IN_PROGRESS', 'discoveryProgress': {'percentageComplete': 50}},
                  captured)
    assert 'failed' not in result and result['verdict'] == 'READY' and result['polls'] == 2
    assert result['msg'] == ('Pre-check run %s: COMPLETED_WITH_SUCCESS, 0 errors, 0 warnings, 0 info, 1 passed: '
                             'READY.' % RUN)
    assert transport.paths()[-1] == 'DELETE /v1/tokens/refresh-token', 'the session is ended'


def test_errors_fail_most_severe_first_and_warnings_become_ansible_warnings(run_action, transport):
    result = wait(run_action, transport, finished('COMPLETED_WITH_FAILURE', leaf('Backup age', 'WARNING'),
                                                  leaf('License', 'ERROR', resource='vc-01'),
                                                  leaf('Optional thing', 'INFO')))
    assert result['failed'] is True and result['verdict'] == 'BLOCKED'
    assert result['msg'].endswith('BLOCKED. ERROR vc-01 / License: It failed Remediation: Fix it.')
    assert [f['name'] for f in result['failing']] == ['License']
    assert 'warnings' not in result, 'a failed task shows its reason, not warnings'


def test_fail_on_warning_and_never(run_action, transport):
    body = finished('COMPLETED_WITH_SUCCESS', leaf('Backup age', 'WARNING'))
    strict = wait(run_action, transport, body, fail_on='warning')
    assert strict['failed'] is True and [f['name'] for f in strict['failing']] == ['Backup age']
    relaxed = wait(run_action, transport, body, fail_on='error')
    assert 'failed' not in relaxed and relaxed['warnings'] == ['Backup age: It failed Remediation: Fix it']
    report = wait(run_action, transport, finished('COMPLETED_WITH_FAILURE', leaf('License', 'ERROR')), fail_on='never')
    assert 'failed' not in report and report['verdict'] == 'BLOCKED' and report['failing'] == []


def test_ignored_errors_pass_and_stay_in_the_findings(run_action, transport):
    result = wait(run_action, transport, finished('COMPLETED_WITH_FAILURE', leaf('License', 'ERROR')),
                  ignore_checks=['license'])
    assert 'failed' not in result and result['findings'][0]['ignored'] is True
    assert result['msg'].endswith('READY WITH WARNINGS (1 finding ignored).')


def test_a_long_list_is_cut_with_a_count_under_2000_characters(run_action, transport):
    leaves = [leaf('Check %03d' % i, 'ERROR', message='m' * 150) for i in range(40)]
    result = wait(run_action, transport, finished('COMPLETED_WITH_FAILURE', *leaves))
    assert len(result['msg']) <= 2000 and result['msg'].endswith('more (see findings).')
    shown = result['msg'].count('ERROR Check')
    assert 0 < shown < 40 and '+%d more (see findings).' % (40 - shown) in result['msg']


def test_more_than_ten_warnings_are_counted(run_action, transport):
    leaves = [leaf('Warn %02d' % i, 'WARNING') for i in range(13)]
    result = wait(run_action, transport, finished('COMPLETED_WITH_SUCCESS', *leaves))
    assert len(result['warnings']) == 11 and result['warnings'][-1] == '+3 more warnings (see findings).'


def test_a_failed_run_without_a_readable_error_still_fails_quoting_it(run_action, transport):
    result = wait(run_action, transport, finished('COMPLETED_WITH_FAILURE', inputValidationErrors=[
        {'message': 'No bundle for NSX', 'remediationMessage': 'Download it'}]))
    assert result['failed'] is True
    assert result['msg'].endswith('BLOCKED. Target state validation No bundle for NSX. Remediation: Download it.')


def test_a_timeout_fails_with_the_last_status(run_action, transport):
    answers = [{'status': 'IN_PROGRESS', 'discoveryProgress': {'percentageComplete': 10}}] * 12
    result = wait(run_action, transport, *answers, timeout=30)
    assert result['failed'] is True and result['verdict'] == 'NOT FINISHED'
    assert result['msg'].startswith('Timed out after 30s') and 'last status IN_PROGRESS at 10.0%' in result['msg']


def test_secrets_echoed_by_the_server_are_masked_in_the_result(run_action, transport):
    result = wait(run_action, transport, finished('COMPLETED_WITH_FAILURE', leaf(
        'License', 'ERROR', message='token %s refresh %s password %s' % (ACCESS, REFRESH, PASSWORD))))
    text = json.dumps(result)
    assert ACCESS not in text and REFRESH not in text and PASSWORD not in text and '********' in text


def test_bad_options_fail_before_any_request(run_action, transport):
    for args in (dict(run_id='nope'), dict(run_id=RUN, timeout=float('inf')), dict(run_id=RUN, poll_interval=0)):
        result = run_action(ActionModule, dict(CONNECTION, **args))
        assert result['failed'] is True and result['polls'] == 0
    assert transport.sent == []


def test_every_failure_path_has_its_kind(run_action, transport):
    blocked = wait(run_action, transport, finished('COMPLETED_WITH_FAILURE', leaf('License', 'ERROR')))
    assert blocked['error_kind'] == 'PrecheckBlockedError'
    timed_out = wait(run_action, transport, *([{'status': 'IN_PROGRESS'}] * 12), timeout=30)
    assert timed_out['error_kind'] == 'WaitTimeoutError'
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer())
    transport.add('GET', PATH, status=404, json_body={'message': 'Task Not Found'})
    transport.add('DELETE', '/v1/tokens/refresh-token', status=204)
    missing = run_action(ActionModule, dict(CONNECTION, run_id=RUN))
    assert missing['failed'] is True and missing['error_kind'] == 'NotFoundError'
    malformed = run_action(ActionModule, dict(CONNECTION, run_id=RUN, waivers=[{'check': 'x'}]))
    assert malformed['error_kind'] == 'ConfigurationError' and 'has no reason' in malformed['msg']
    passed = wait(run_action, transport, finished('COMPLETED_WITH_SUCCESS'))
    assert 'error_kind' not in passed and 'failed' not in passed


def test_an_expired_waiver_fails_and_a_stale_one_warns(run_action, transport):
    body = finished('COMPLETED_WITH_FAILURE', leaf('License', 'ERROR'))
    expired = wait(run_action, transport, body, waivers=[dict(check='license', reason='r', ticket='CHG-1',
                                                              expires='2000-01-01')])
    assert expired['failed'] and 'Waiver CHG-1 for license expired on 2000-01-01.' in expired['msg']
    stale = wait(run_action, transport, body, waivers=[
        dict(check='license', reason='r', expires='2999-01-01'), dict(check='gone', reason='r', ticket='CHG-2',
                                                                      expires='2999-01-01')])
    assert 'failed' not in stale and stale['findings'][0]['waived'] is True
    assert any('Waiver CHG-2 for gone matched no finding' in line for line in stale['warnings'])


def test_a_secret_echoed_in_an_altered_form_reaches_no_output(run_action, transport, monkeypatch):
    from ansible_collections.sddc.manager.plugins.plugin_utils import sddc_manager_action
    shown = []
    monkeypatch.setattr(sddc_manager_action.display, 'v', shown.append)
    monkeypatch.setattr(sddc_manager_action.display, 'display', shown.append)
    altered = ACCESS.upper().replace('-', '_')
    answers = [{'status': 'in progress %s' % ACCESS}] * 3 + [{'status': ACCESS.upper()}] * 12
    result = wait(run_action, transport, *answers, timeout=30)
    text = json.dumps(result) + ' '.join(shown)
    assert shown, 'progress lines were shown'
    for form in (ACCESS, altered, ACCESS.upper(), ACCESS.replace('-', '_')):
        assert form.casefold() not in text.casefold(), form


def test_an_answer_nested_too_deep_fails_at_once_not_at_the_timeout(run_action, transport):
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer())
    transport.add('GET', PATH, body='[' * 100000 + ']' * 100000)
    transport.add('DELETE', '/v1/tokens/refresh-token', status=204)
    result = run_action(ActionModule, dict(CONNECTION, run_id=RUN, timeout=3600))
    assert result['failed'] and result['polls'] == 1 and 'nested too deep' in result['msg']
    assert result['error_kind'] == 'InvalidResponseError'


def test_thousands_of_distinct_findings_keep_the_task_result_small(run_action, transport):
    from ansible_collections.sddc.manager.plugins.module_utils.result_bounds import LIST_ITEMS
    from ansible_collections.sddc.manager.plugins.module_utils.text import MSG_LIMIT
    body = finished('COMPLETED_WITH_FAILURE', *[leaf('Check %05d' % i, 'ERROR', message='m' * 1500)
                                                for i in range(3000)])
    result = wait(run_action, transport, body)
    assert result['failed'] is True and result['verdict'] == 'BLOCKED' and result['findings_total'] == 3000
    assert 0 < len(result['findings']) <= LIST_ITEMS and len(result['failing']) <= LIST_ITEMS
    assert result['omitted'] == {'findings': 3000 - len(result['findings']), 'failing': 3000 - len(result['failing'])}
    assert len(json.dumps(result)) < 2 * 1024 * 1024 and len(result['msg']) <= MSG_LIMIT
    assert result['gate']['fail_on'] == 'error', 'the gate travels with the result, for the report'
