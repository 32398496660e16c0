# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""sddc.manager.precheck_export_info run through ansible-playbook/ansible against the simulator."""

import pytest

from sim_harness import API_TOKEN, PASSWORD, RUN_ID, USER, connection, connection_env

MODULE = 'sddc.manager.precheck_export_info'
EXPORTS = '/v1/system/check-sets/%s/exports' % RUN_ID


def info_task(**options):
    return {'name': 'read the export', MODULE: options, 'register': 'info', 'ignore_errors': True}


def started_run(**settings):
    settings.setdefault('run_id', RUN_ID)
    settings.setdefault('started', True)
    return settings


def test_happy_path_costs_one_request_plus_login(sim, ansible):
    sim.scenario(exports=[started_run()])
    result = ansible.playbook([info_task(run_id=RUN_ID.upper(), **connection(sim))])
    task = result.task()
    assert result.rc == 0, result
    assert task['changed'] is False
    assert task['exists'] is True and task['finished'] is False
    assert task['run_id'] == RUN_ID
    assert task['export']['status'] == 'QUEUED'
    assert set(task['export']) == {'status', 'progress', 'startTimestamp', 'endTimestamp', 'error'}
    stats = sim.stats()
    assert [entry[:2] for entry in stats['log']] == [
        ['POST', '/v1/tokens'], ['GET', EXPORTS], ['DELETE', '/v1/tokens/refresh-token']]
    assert stats['logins'] == 1


def test_finished_export_reports_finished(sim, ansible):
    sim.scenario(exports=[started_run(queued=0, steps=0)])
    task = ansible.playbook([info_task(run_id=RUN_ID, **connection(sim))]).task()
    assert task['export']['status'] == 'COMPLETED' and task['finished'] is True


def test_failed_export_is_returned_as_data_not_a_failure(sim, ansible):
    sim.scenario(exports=[started_run(queued=0, steps=0, outcomes=['FAILED'])])
    task = ansible.playbook([info_task(run_id=RUN_ID, **connection(sim))]).task()
    assert not task.get('failed')
    assert task['finished'] is True
    assert task['export']['error']['referenceToken'] == 'Q7XK2M'


def test_no_export_is_an_answer(sim, ansible):
    sim.scenario(exports=[{'run_id': RUN_ID}])
    task = ansible.playbook([info_task(run_id=RUN_ID, **connection(sim))]).task()
    assert not task.get('failed')
    assert task['exists'] is False and task['export'] is None and task['finished'] is False
    assert len(sim.api_requests('/v1/system/appliance-info')) == 1


def test_90_appliance_fails_naming_both_versions(sim, ansible):
    sim.scenario(version='9.0.0.0.24703748', exports=[started_run()])
    task = ansible.playbook([info_task(run_id=RUN_ID, **connection(sim))]).task()
    assert task['failed'] is True
    assert 'runs version 9.0.0.0.24703748; pre-check exports need VCF 9.1 or later' in task['msg']
    assert task['error_details']['version'] == '9.0.0.0.24703748'


@pytest.mark.parametrize('status', [400, 500])
def test_api_errors_fail_with_message_remediation_and_token(sim, ansible, status):
    sim.scenario(exports=[started_run()], faults=[{
        'kind': 'status', 'status': status, 'path': '/exports$', 'body': {
            'errorCode': 'EXPORT_READ_FAILED', 'message': 'Cannot read the export store',
            'remediationMessage': 'Restart the LCM service', 'referenceToken': 'RT%d' % status}}])
    task = ansible.playbook([info_task(run_id=RUN_ID, **connection(sim))]).task()
    assert task['failed'] is True
    assert task['msg'] == (
        'Reading the export of pre-check run %s failed: HTTP %d EXPORT_READ_FAILED: Cannot read the export store. '
        'Remediation: Restart the LCM service. (reference token RT%d)' % (RUN_ID, status, status))
    assert task['status_code'] == status
    assert task['error']['referenceToken'] == 'RT%d' % status
    assert len(sim.api_requests(EXPORTS)) == 1, 'not retried'


def test_api_token_auth_skips_login(sim, ansible):
    sim.scenario(exports=[started_run()], api_tokens=[API_TOKEN])
    result = ansible.playbook([info_task(run_id=RUN_ID, hostname=sim.url, api_token=API_TOKEN)])
    assert result.task()['exists'] is True, result
    assert sim.stats()['logins'] == 0


def test_refused_api_token_says_so(sim, ansible):
    sim.scenario(exports=[started_run()])
    task = ansible.playbook([info_task(run_id=RUN_ID, hostname=sim.url, api_token='expired-token-xyz')]).task()
    assert task['failed'] is True
    assert 'HTTP 401' in task['msg'] and 'api_token expired or was refused' in task['msg']
    assert task['error_kind'] == 'AuthenticationError'


@pytest.mark.parametrize('revoke_refresh, logins, refreshes', [(False, 1, 1), (True, 2, 0)])
def test_token_expiry_mid_use_is_renewed(sim, ansible, revoke_refresh, logins, refreshes):
    sim.scenario(exports=[started_run()], faults=[
        {'kind': 'expire_tokens', 'path': '/exports$', 'refresh': revoke_refresh}])
    result = ansible.playbook([info_task(run_id=RUN_ID, **connection(sim))])
    assert result.task()['exists'] is True, result
    stats = sim.stats()
    assert (stats['logins'], stats['refreshes']) == (logins, refreshes)
    assert [entry[2] for entry in sim.api_requests(EXPORTS)] == [401, 200]


def test_wrong_credentials_fail_clearly_and_quietly(sim, ansible):
    secret = 'Wr0ng-Secret-Value'
    result = ansible.playbook([info_task(run_id=RUN_ID, **connection(sim, password=secret))], verbosity=4)
    task = result.task()
    assert task['failed'] is True
    assert 'Logging in to SDDC Manager at %s as %s failed: HTTP 401 Unauthorized: Invalid username or password.' \
        % (sim.url, USER) in task['msg']
    assert secret not in result.output


def test_tls_with_ca_path(tls_sim, ansible, tls_material):
    tls_sim.scenario(exports=[started_run()])
    result = ansible.playbook([info_task(run_id=RUN_ID, ca_path=tls_material['ca'], **connection(tls_sim))])
    assert result.task()['exists'] is True, result


def test_tls_with_validate_certs_false(tls_sim, ansible):
    tls_sim.scenario(exports=[started_run()])
    result = ansible.playbook([info_task(run_id=RUN_ID, validate_certs=False, **connection(tls_sim))])
    assert result.task()['exists'] is True, result


def test_tls_private_ca_without_ca_path_fails_naming_the_cause(tls_sim, ansible):
    tls_sim.scenario(exports=[started_run()])
    task = ansible.playbook([info_task(run_id=RUN_ID, **connection(tls_sim))],
                            env={'REQUESTS_CA_BUNDLE': '', 'CURL_CA_BUNDLE': ''}).task()
    assert task['failed'] is True
    assert task['error_kind'] == 'CertificateError'
    assert 'is not signed by a CA in the system trust store' in task['msg'] and 'could not verify' in task['msg']
    assert 'ca_path' in task['msg'] and 'validate_certs' in task['msg']


def test_env_var_fallbacks_only(tls_sim, ansible, tls_material):
    tls_sim.scenario(exports=[started_run()])
    env = connection_env(tls_sim, SDDC_MANAGER_CA_PATH=tls_material['ca'], SDDC_MANAGER_REQUEST_TIMEOUT='10')
    result = ansible.playbook([info_task(run_id=RUN_ID)], env=env)
    assert result.task()['exists'] is True, result


def test_env_validate_certs_false(tls_sim, ansible):
    tls_sim.scenario(exports=[started_run()])
    env = connection_env(tls_sim, SDDC_MANAGER_VALIDATE_CERTS='false')
    result = ansible.playbook([info_task(run_id=RUN_ID)], env=env)
    assert result.task()['exists'] is True, result


def test_env_api_token(sim, ansible):
    sim.scenario(exports=[started_run()])
    result = ansible.playbook([info_task(run_id=RUN_ID)],
                              env=dict(SDDC_MANAGER_HOST=sim.url, SDDC_MANAGER_API_TOKEN=API_TOKEN))
    assert result.task()['exists'] is True, result


def test_missing_credentials_name_the_env_vars(sim, ansible):
    task = ansible.playbook([info_task(run_id=RUN_ID, hostname=sim.url)]).task()
    assert task['failed'] is True
    for name in ('SDDC_MANAGER_API_TOKEN', 'SDDC_MANAGER_USERNAME', 'SDDC_MANAGER_PASSWORD'):
        assert name in task['msg']
    task = ansible.playbook([info_task(run_id=RUN_ID, api_token=API_TOKEN)]).task()
    assert 'hostname (or SDDC_MANAGER_HOST)' in task['msg']
    assert sim.stats()['requests'] == 0


def test_module_defaults_group(sim, ansible):
    sim.scenario(exports=[started_run()])
    result = ansible.playbook([info_task(run_id=RUN_ID)],
                              module_defaults={'group/sddc.manager.sddc_manager': connection(sim)})
    assert result.task()['exists'] is True, result


def test_check_mode_reads_the_same(sim, ansible):
    sim.scenario(exports=[started_run()])
    result = ansible.playbook([info_task(run_id=RUN_ID, **connection(sim))], check=True)
    task = result.task()
    assert task['exists'] is True and task['changed'] is False, result
    assert task['export']['status'] == 'QUEUED'


def test_ad_hoc_with_env_connection(sim, ansible):
    sim.scenario(exports=[started_run()])
    result = ansible.adhoc(MODULE, 'run_id=%s' % RUN_ID, env=connection_env(sim))
    assert result.rc == 0, result
    assert 'SUCCESS' in result.stdout and '"status": "QUEUED"' in result.stdout


def test_bad_run_id_fails_before_any_request(sim, ansible):
    task = ansible.playbook([info_task(run_id='not-a-uuid', **connection(sim))]).task()
    assert task['failed'] is True and 'run_id must be the UUID' in task['msg']
    assert sim.stats()['requests'] == 0


@pytest.mark.parametrize('fault', [
    {'kind': 'status', 'status': 503, 'count': 2},
    {'kind': 'status', 'status': 429, 'retry_after': '1'},
    {'kind': 'status', 'status': 502}, {'kind': 'status', 'status': 504},
    {'kind': 'reset', 'count': 2},
])
def test_transient_faults_are_survived(sim, ansible, fault):
    sim.scenario(exports=[started_run()], faults=[dict(fault, path='/exports$')])
    result = ansible.playbook([info_task(run_id=RUN_ID, **connection(sim))])
    assert result.task()['exists'] is True, result
    answers = [entry[2] for entry in sim.api_requests(EXPORTS)]
    faulted = [fault.get('status', 'reset')] * fault.get('count', 1)
    assert answers == faulted + [200]


def test_slow_answer_past_request_timeout_is_retried(sim, ansible):
    sim.scenario(exports=[started_run()], faults=[{'kind': 'slow', 'delay': 3, 'path': '/exports$'}])
    result = ansible.playbook([info_task(run_id=RUN_ID, request_timeout=1, **connection(sim))])
    assert result.task()['exists'] is True, result


@pytest.mark.parametrize('kind', ['non_json', 'truncated'])
def test_non_json_body_is_a_clear_error(sim, ansible, kind):
    sim.scenario(exports=[started_run()], faults=[{'kind': kind, 'path': '/exports$'}])
    task = ansible.playbook([info_task(run_id=RUN_ID, **connection(sim))]).task()
    assert task['failed'] is True
    assert 'with a body that is not JSON' in task['msg']
    assert 'Traceback' not in str(task)


def test_no_secret_in_any_output_at_full_verbosity(sim, ansible):
    sim.scenario(exports=[started_run()], faults=[{'kind': 'expire_tokens', 'path': '/exports$'}])
    result = ansible.playbook([info_task(run_id=RUN_ID, **connection(sim))], verbosity=4)
    assert result.rc == 0, result
    assert PASSWORD not in result.output
    assert 'sim-access-' not in result.output and 'sim-refresh-' not in result.output
    result = ansible.playbook([info_task(run_id=RUN_ID, hostname=sim.url, api_token=API_TOKEN)], verbosity=4)
    assert result.rc == 0 and API_TOKEN not in result.output
