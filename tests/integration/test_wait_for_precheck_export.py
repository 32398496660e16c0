# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""sddc.manager.wait_for_precheck_export run through ansible-playbook/ansible against the simulator."""

import re

import pytest

from sim_harness import API_TOKEN, PASSWORD, RUN_ID, connection, connection_env

ACTION = 'sddc.manager.wait_for_precheck_export'
EXPORTS = '/v1/system/check-sets/%s/exports' % RUN_ID


def wait_task(**options):
    options.setdefault('run_id', RUN_ID)
    options.setdefault('poll_interval', 0.1)
    options.setdefault('timeout', 60)
    return {'name': 'wait for the export', ACTION: options, 'register': 'waited', 'ignore_errors': True}


def run(**settings):
    settings.setdefault('run_id', RUN_ID)
    settings.setdefault('started', True)
    return settings


def export_answers(sim):
    return [entry[2] for entry in sim.api_requests(EXPORTS)]


def test_completes_after_several_polls_on_one_connection_and_login(sim, ansible):
    sim.scenario(exports=[run(queued=1, steps=3)])
    result = ansible.playbook([wait_task(**connection(sim))])
    task = result.task()
    assert result.rc == 0 and not task['failed'], result
    assert task['export']['status'] == 'COMPLETED' and task['changed'] is False
    assert task['polls'] == 5 and task['elapsed'] > 0
    assert task['msg'].startswith('Pre-check export for run %s: COMPLETED after' % RUN_ID)
    assert task['msg'].endswith('(5 polls).')
    stats = sim.stats()
    assert (stats['logins'], stats['connections'], stats['requests']) == (1, 1, 7), 'login, 5 polls, logout'
    assert stats['live_refresh_tokens'] == 0


def test_failed_export_fails_the_play_with_its_remediation(sim, ansible):
    sim.scenario(exports=[run(outcomes=['FAILED'], queued=0, steps=2, fail_at=64.0, error={
        'message': 'Results store unreachable', 'remediationMessage': 'Restart the LCM service',
        'referenceToken': 'Q7XK2M'})])
    result = ansible.playbook([dict(wait_task(**connection(sim)), ignore_errors=False)])
    assert result.rc == 2
    task = result.task()
    assert task['msg'] == ('Pre-check export for run %s: FAILED at 64.0%%: Results store unreachable. '
                           'Remediation: Restart the LCM service. (reference token Q7XK2M) '
                           'Start a new export with sddc.manager.precheck_export and force: true.' % RUN_ID)
    assert task['error']['referenceToken'] == 'Q7XK2M' and task['export']['status'] == 'FAILED'
    assert 'Remediation: Restart the LCM service. (reference token Q7XK2M)' in result.output


def test_timeout_reports_last_status_and_that_it_may_still_run(sim, ansible):
    sim.scenario(exports=[run(queued=0, steps=10000)])
    task = ansible.playbook([wait_task(timeout=1.5, poll_interval=0.3, **connection(sim))]).task()
    assert task['failed'] is True
    assert re.match(r'Timed out after \ds \(\d+ polls\) waiting for the pre-check export of run %s: '
                    r'last status IN_PROGRESS at \d+\.\d%%\. ' % RUN_ID, task['msg']), task['msg']
    assert 'may still be running on SDDC Manager' in task['msg']
    assert task['export']['status'] == 'IN_PROGRESS' and 1.4 <= task['elapsed'] < 5 and task['polls'] >= 5


def test_no_export_fails_at_once(sim, ansible):
    sim.scenario(exports=[{'run_id': RUN_ID}])
    task = ansible.playbook([wait_task(**connection(sim))]).task()
    assert task['failed'] is True and task['polls'] == 1
    assert 'has no export' in task['msg'] and 'sddc.manager.precheck_export' in task['msg']


def test_90_appliance_gets_the_version_message(sim, ansible):
    sim.scenario(version='9.0.0.0.24703748', exports=[run()])
    task = ansible.playbook([wait_task(**connection(sim))]).task()
    assert task['failed'] is True and 'need VCF 9.1 or later' in task['msg']


def test_several_transient_faults_in_a_row_are_survived(sim, ansible):
    sim.scenario(exports=[run(queued=0, steps=2)], faults=[
        {'kind': 'reset', 'path': '/exports$', 'skip': 1, 'count': 2},
        {'kind': 'status', 'status': 503, 'path': '/exports$', 'skip': 1, 'count': 5, 'retry_after': '0'},
        {'kind': 'non_json', 'status': 502, 'path': '/exports$', 'skip': 1},
        {'kind': 'truncated', 'path': '/exports$', 'skip': 1},
    ])
    result = ansible.playbook([wait_task(**connection(sim))])
    task = result.task()
    assert not task['failed'], result
    assert task['export']['status'] == 'COMPLETED'
    answers = export_answers(sim)
    assert answers.count('reset') == 2 and answers.count(503) == 5 and answers.count(502) == 1


@pytest.mark.parametrize('revoke_refresh, logins, refreshes', [(False, 1, 1), (True, 2, 0)])
def test_token_expiry_mid_wait_is_survived(sim, ansible, revoke_refresh, logins, refreshes):
    sim.scenario(exports=[run(queued=0, steps=4)],
                 faults=[{'kind': 'expire_tokens', 'path': '/exports$', 'skip': 2, 'refresh': revoke_refresh}])
    task = ansible.playbook([wait_task(**connection(sim))]).task()
    assert not task['failed'] and task['export']['status'] == 'COMPLETED'
    stats = sim.stats()
    assert (stats['logins'], stats['refreshes']) == (logins, refreshes)
    assert 401 in export_answers(sim)


def test_expired_api_token_fails_saying_so(sim, ansible):
    sim.scenario(exports=[run(queued=0, steps=4)], api_tokens=[API_TOKEN],
                 faults=[{'kind': 'expire_tokens', 'path': '/exports$', 'skip': 1}])
    task = ansible.playbook([wait_task(hostname=sim.url, api_token=API_TOKEN)]).task()
    assert task['failed'] is True and 'api_token expired or was refused' in task['msg']
    assert task['polls'] == 2 and task['export']['status'] == 'IN_PROGRESS'


@pytest.mark.parametrize('style, outcome', [('title', 'COMPLETED'), ('lower', 'COMPLETED'), ('title', 'FAILED')])
def test_status_casing(sim, ansible, style, outcome):
    sim.scenario(exports=[run(queued=1, steps=2, status_style=style, outcomes=[outcome])])
    task = ansible.playbook([wait_task(**connection(sim))]).task()
    assert task['failed'] is (outcome == 'FAILED')
    assert task['export']['status'] in ('Completed', 'completed', 'Failed')
    assert task['polls'] == 4


def test_check_mode_waits_the_same(sim, ansible):
    sim.scenario(exports=[run(queued=0, steps=2)])
    task = ansible.playbook([wait_task(**connection(sim))], check=True).task()
    assert not task['failed'] and task['export']['status'] == 'COMPLETED' and task['changed'] is False


def test_ad_hoc(sim, ansible):
    sim.scenario(exports=[run(queued=0, steps=2)])
    result = ansible.adhoc(ACTION, 'run_id=%s timeout=600 poll_interval=0.1' % RUN_ID, env=connection_env(sim))
    assert result.rc == 0, result
    assert 'localhost | SUCCESS' in result.stdout and '"status": "COMPLETED"' in result.stdout


def test_module_defaults_reach_the_action(sim, ansible):
    sim.scenario(exports=[run(queued=0, steps=2)])
    result = ansible.playbook([wait_task()], module_defaults={'group/sddc.manager.sddc_manager': connection(sim)})
    assert not result.task()['failed'], result


def test_env_vars_only(tls_sim, ansible, tls_material):
    tls_sim.scenario(exports=[run(queued=0, steps=2)])
    env = connection_env(tls_sim, SDDC_MANAGER_CA_PATH=tls_material['ca'])
    result = ansible.playbook([{ACTION: {'run_id': RUN_ID, 'poll_interval': 0.1}, 'register': 'waited'}], env=env)
    assert result.rc == 0, result
    assert result.task()['export']['status'] == 'COMPLETED'


def test_missing_connection_names_env_vars(sim, ansible):
    task = ansible.playbook([wait_task()]).task()
    assert task['failed'] is True and 'SDDC_MANAGER_HOST' in task['msg']
    assert task['polls'] == 0 and task['export'] is None


def test_progress_is_shown_at_verbosity_1_only(sim, ansible):
    sim.scenario(exports=[run(queued=1, steps=3)])
    quiet = ansible.playbook([wait_task(**connection(sim))])
    assert 'The pre-check export of run %s: IN_PROGRESS' % RUN_ID not in quiet.output
    sim.scenario(exports=[run(queued=1, steps=3)])
    verbose = ansible.playbook([wait_task(**connection(sim))], verbosity=1)
    for line in ('QUEUED at 0.0%, 0s elapsed', 'IN_PROGRESS at 25.0%', 'IN_PROGRESS at 50.0%', 'COMPLETED at 100.0%'):
        assert 'The pre-check export of run %s: %s' % (RUN_ID, line) in verbose.output, verbose
    assert 'left' in verbose.output


def test_no_secret_in_output_at_full_verbosity(sim, ansible):
    sim.scenario(exports=[run(queued=0, steps=3)], faults=[{'kind': 'expire_tokens', 'path': '/exports$', 'skip': 1}])
    result = ansible.playbook([wait_task(**connection(sim))], verbosity=4)
    assert result.rc == 0, result
    assert PASSWORD not in result.output and 'sim-access-' not in result.output and 'sim-refresh-' not in result.output


def test_bad_arguments_fail_clearly(sim, ansible):
    task = ansible.playbook([wait_task(run_id='nope', **connection(sim))]).task()
    assert task['failed'] is True and 'run_id must be the UUID' in task['msg']
    task = ansible.playbook([wait_task(poll_interval=0, **connection(sim))]).task()
    assert task['failed'] is True and 'poll_interval' in task['msg']
    task = ansible.playbook([wait_task(timeout='soon', **connection(sim))]).task()
    assert task['failed'] is True and 'timeout' in task['msg']
    assert sim.stats()['requests'] == 0
