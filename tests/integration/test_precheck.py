# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""precheck, precheck_info and wait_for_precheck through ansible-playbook/ansible against the simulator."""

import pytest

from sim_harness import PASSWORD, RUN_ID, connection, connection_env

WLD_01 = '8b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
WLD_02 = 'c0ffee00-1234-4abc-8def-0123456789ab'
MGMT = '5d73e7e4-5ef6-4a69-ab9b-1237484054dd'
QUICK = {'steps': 2}


def precheck_task(register='started', **options):
    return {'name': 'start a pre-check', 'sddc.manager.precheck': options, 'register': register,
            'ignore_errors': True}


def wait_task(register='waited', **options):
    options.setdefault('run_id', '{{ started.run_id }}')
    options.setdefault('poll_interval', 0.1)
    options.setdefault('timeout', 60)
    return {'name': 'wait for the pre-check', 'sddc.manager.wait_for_precheck': options, 'register': register,
            'ignore_errors': True}


def info_task(register='read', **options):
    return {'name': 'read the pre-check', 'sddc.manager.precheck_info': options, 'register': register,
            'ignore_errors': True}


def posts(sim, path):
    return [entry for entry in sim.stats()['log'] if entry[0] == 'POST' and entry[1] == path]


def test_start_wait_and_read_a_blocked_domain(sim, ansible):
    sim.scenario(precheck=QUICK)
    result = ansible.playbook([precheck_task(domains=['wld-02'], **connection(sim)),
                               wait_task(**connection(sim)),
                               info_task(run_id='{{ started.run_id }}', **connection(sim))])
    started, waited, read = result.task(0), result.task(1), result.task(2)
    assert started['changed'] is True and started['started'] is True and started['attached'] is False
    assert started['domains'] == [{'id': WLD_02, 'name': 'wld-02', 'type': 'VI'}]
    assert [c['type'] for c in started['check_sets']] == ['SDDC_MANAGER', 'VCENTER', 'NSX_T_MANAGER', 'CLUSTER']
    assert started['task']['id'] == started['run_id'] and started['target_version'] is None
    assert waited['failed'] is True and waited['verdict'] == 'BLOCKED'
    assert waited['msg'].startswith('Pre-check run %s: COMPLETED_WITH_FAILURE, 1 error, 1 warning, 0 info, 7 passed: '
                                    'BLOCKED. ERROR wld-02-vc01.example.com / vCenter license state: The vCenter '
                                    'license has expired. Remediation: Assign a valid vCenter license'
                                    % started['run_id'])
    assert [f['id'] for f in waited['failing']] == ['sddc-manager-vcenter-license-state']
    assert read['exists'] is True and read['status'] == 'COMPLETED_WITH_FAILURE' and read['changed'] is False
    assert [(f['severity'], f['resource'], f['domain']) for f in read['findings']] == [
        ('ERROR', 'wld-02-vc01.example.com', 'wld-02'), ('WARNING', 'wld-02-cl01', 'wld-02')]
    assert 'raw' not in read and sim.stats()['live_refresh_tokens'] == 0


def test_a_clean_domain_is_ready_and_a_warning_shows_as_an_ansible_warning(sim, ansible):
    sim.scenario(precheck=QUICK)
    result = ansible.playbook([precheck_task(domains=['wld-01'], **connection(sim)), wait_task(**connection(sim))])
    waited = result.task(1)
    assert result.rc == 0 and not waited['failed'], result
    assert waited['verdict'] == 'READY WITH WARNINGS' and waited['failing'] == []
    assert waited['warnings'] == ['wld-01-vc01.example.com / vCenter backup age: The last file-based backup '
                                  'is 3 days old. Remediation: Run a file-based backup of vCenter before the upgrade.']
    assert '[WARNING]: wld-01-vc01.example.com / vCenter backup age' in result.output
    assert '[WARNING]: WARNING' not in result.output, 'the word once'


def test_a_second_start_attaches_to_the_run_in_progress_and_force_starts_another(sim, ansible):
    sim.scenario(precheck={'steps': 1000})
    result = ansible.playbook([precheck_task('first', domains=['wld-01', 'wld-02'], target_version='9.1.0.0',
                                             **connection(sim)),
                               precheck_task('second', domains=['wld-02', 'wld-01'], target_version='9.1.0.0',
                                             **connection(sim)),
                               precheck_task('general', domains=['wld-01', 'wld-02'], **connection(sim)),
                               precheck_task('forced', domains=['wld-01', 'wld-02'], target_version='9.1.0.0',
                                             force=True, **connection(sim))])
    first, second, general, forced = (result.task(i) for i in range(4))
    assert first['started'] is True
    assert second['attached'] is True and second['changed'] is False and second['run_id'] == first['run_id']
    assert second['run']['target_version'] == '9.1.0.0' and 'attached' in second['msg']
    assert general['started'] is True and general['run_id'] != first['run_id'], 'another target is another run'
    assert forced['started'] is True and forced['run_id'] not in (first['run_id'], general['run_id'])
    assert len(posts(sim, '/v1/system/check-sets')) == 3


def test_check_mode_queries_but_never_starts(sim, ansible):
    sim.scenario(precheck=QUICK)
    task = ansible.playbook([precheck_task(domains=['mgmt-01'], **connection(sim))], check=True).task()
    assert task['changed'] is True and task['started'] is False and task['run_id'] is None
    assert len(task['check_sets']) == 4 and task['msg'].startswith('Check mode: a pre-check run would be started')
    assert posts(sim, '/v1/system/check-sets/queries') and not posts(sim, '/v1/system/check-sets')


def test_an_unknown_domain_fails_listing_the_domains(sim, ansible):
    task = ansible.playbook([precheck_task(domains=['wld-01', 'wld-99'], **connection(sim))]).task()
    assert task['failed'] is True and task['error_kind'] == 'NotFoundError'
    assert task['msg'] == ("No workload domain 'wld-99' on SDDC Manager at %s; the domains there are: mgmt-01, "
                           "wld-01, wld-02." % sim.url)
    assert task['error_details']['available'] == ['mgmt-01', 'wld-01', 'wld-02']


@pytest.mark.parametrize('target, words', [
    ('9.9.0.0', 'Target version 9.9.0.0 is not offered to domain wld-01; the versions offered are: 9.1.0.0, '
                '9.2.0.0 (applicable: 9.1.0.0).'),
    ('9.2.0.0', 'Target version 9.2.0.0 is offered to domain wld-01 but not applicable: Upgrade to 9.1.0.0 first: '
                '9.2.0.0 needs 9.1 or later. Applicable versions: 9.1.0.0.'),
])
def test_a_target_version_not_offered_or_not_applicable_fails_naming_the_versions(sim, ansible, target, words):
    task = ansible.playbook([precheck_task(domains=[WLD_01], target_version=target, **connection(sim))]).task()
    assert task['failed'] is True and task['msg'] == words
    assert not posts(sim, '/v1/system/check-sets/queries')


def test_nothing_to_check_starts_nothing_and_warns(sim, ansible):
    sim.scenario(domains=[{'id': WLD_01, 'name': 'wld-01', 'resources': [
        {'type': 'VCENTER', 'name': 'vc.example.com', 'check_sets': []}]}])
    result = ansible.playbook([precheck_task(domains=['wld-01'], **connection(sim))])
    task = result.task()
    assert result.rc == 0 and not task['failed'] and task['run_id'] is None and task['changed'] is False
    assert 'SDDC Manager offers no UPGRADE check-set for domain wld-01' in result.output
    assert not posts(sim, '/v1/system/check-sets')


@pytest.mark.parametrize('domains, fail_on, failed, verdict', [
    (['wld-02'], 'error', True, 'BLOCKED'), (['wld-02'], 'never', False, 'BLOCKED'),
    (['wld-01'], 'warning', True, 'BLOCKED'), (['wld-01'], 'error', False, 'READY WITH WARNINGS'),
    (['mgmt-01'], 'warning', False, 'READY'),
])
def test_fail_on(sim, ansible, domains, fail_on, failed, verdict):
    sim.scenario(precheck=QUICK)
    result = ansible.playbook([precheck_task(domains=domains, **connection(sim)),
                               wait_task(fail_on=fail_on, **connection(sim))])
    waited = result.task(1)
    assert waited['failed'] is failed and waited['verdict'] == verdict, waited['msg']
    if fail_on == 'never':
        assert waited['failing'] == [] and waited['summary']['error'] == 1


def test_ignored_checks_are_returned_marked_and_do_not_fail(sim, ansible):
    sim.scenario(precheck=QUICK)
    result = ansible.playbook([precheck_task(domains=['wld-02'], **connection(sim)),
                               wait_task(ignore_checks=['SDDC-Manager-vCenter-License-State'], **connection(sim))])
    waited = result.task(1)
    assert not waited['failed'] and waited['verdict'] == 'READY WITH WARNINGS', waited['msg']
    assert [(f['id'], f['ignored']) for f in waited['findings']] == [
        ('sddc-manager-vcenter-license-state', True), ('esx-storage-usage', False)]
    assert '(1 finding ignored)' in waited['msg']


def test_several_domains_in_one_run_with_counts_per_domain(sim, ansible):
    sim.scenario(precheck=QUICK)
    result = ansible.playbook([precheck_task(domains=['mgmt-01', 'wld-01', 'wld-02'], **connection(sim)),
                               wait_task(fail_on='never', **connection(sim))])
    waited = result.task(1)
    assert [(d['domain'], d['error'], d['warning'], d['passed']) for d in waited['summary']['domains']] == [
        ('mgmt-01', 0, 0, 12), ('wld-01', 0, 1, 9), ('wld-02', 1, 1, 7)]
    assert (waited['summary']['error'], waited['summary']['warning'], waited['summary']['passed']) == (1, 2, 28)


def test_the_last_runs_of_domains_are_listed_newest_first(sim, ansible):
    sim.scenario(check_runs=[{'run_id': RUN_ID, 'domains': ['wld-01'], 'steps': 0, 'started_ago': 60},
                             {'run_id': '0b7e2f4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5', 'domains': ['wld-01', 'wld-02'],
                              'steps': 0, 'target_version': '9.1.0.0'}])
    task = ansible.playbook([info_task(domains=['wld-01'], **connection(sim))]).task()
    assert [r['id'] for r in task['runs']] == ['0b7e2f4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5', RUN_ID]
    newest = task['runs'][0]
    assert newest['target_version'] == '9.1.0.0' and newest['timestamp'].endswith('Z')
    assert newest['completion_timestamp'].endswith('Z') and newest['status'] == 'COMPLETED_WITH_FAILURE'
    assert [d['name'] for d in newest['domains']] == ['wld-01', 'wld-02']
    assert task['runs'][1]['target_version'] is None, 'general upgrade readiness, as precheck says it'
    assert task['msg'] == '2 pre-check runs of domain wld-01, the newest %s COMPLETED_WITH_FAILURE.' % newest['id']


def test_a_run_that_does_not_exist_fails_naming_it_for_info_and_for_the_wait(sim, ansible):
    result = ansible.playbook([info_task(run_id=RUN_ID.upper(), **connection(sim)),
                               wait_task(run_id=RUN_ID, **connection(sim))])
    read, waited = result.task(0), result.task(1)
    assert read['failed'] is True and read['error_kind'] == 'NotFoundError'
    assert read['msg'].startswith('No pre-check run %s on SDDC Manager at %s' % (RUN_ID, sim.url))
    assert waited['failed'] is True and waited['polls'] == 1 and waited['error_kind'] == 'NotFoundError'
    assert waited['msg'].startswith('No pre-check run %s on SDDC Manager at %s' % (RUN_ID, sim.url))


def test_a_run_that_disappears_mid_wait_fails_at_once(sim, ansible):
    sim.scenario(check_runs=[{'run_id': RUN_ID, 'domains': ['wld-01'], 'steps': 1000}],
                 faults=[{'kind': 'status', 'status': 404, 'path': '/check-sets/%s$' % RUN_ID, 'skip': 2,
                          'body': {'errorCode': 'TASK_NOT_FOUND', 'message': 'Task Not Found'}}])
    task = ansible.playbook([wait_task(run_id=RUN_ID, **connection(sim))]).task()
    assert task['failed'] is True and task['polls'] == 3 and task['status'] == 'IN_PROGRESS'
    assert 'No pre-check run %s' % RUN_ID in task['msg']


def test_token_expiry_and_503s_mid_wait_are_ridden_out(sim, ansible):
    sim.scenario(check_runs=[{'run_id': RUN_ID, 'domains': ['wld-01'], 'steps': 4}], faults=[
        {'kind': 'expire_tokens', 'path': '/check-sets/%s$' % RUN_ID, 'skip': 1},
        {'kind': 'status', 'status': 503, 'path': '/check-sets/%s$' % RUN_ID, 'skip': 2, 'count': 6,
         'retry_after': '0'}])
    task = ansible.playbook([wait_task(run_id=RUN_ID, **connection(sim))]).task()
    assert not task['failed'] and task['status'] == 'COMPLETED_WITH_SUCCESS', task['msg']
    stats = sim.stats()
    assert (stats['logins'], stats['refreshes'], stats['connections']) == (1, 1, 1)
    assert [e[2] for e in stats['log']].count(503) == 6


def test_an_unexplained_failure_still_fails_quoting_the_run(sim, ansible):
    result = {'status': 'COMPLETED_WITH_FAILURE', 'validationResult': {'message': 'Target state validation failed'},
              'inputValidationErrors': [{'errorCode': 'INPUT', 'message': 'Bundle for NSX is missing'}]}
    sim.scenario(check_runs=[{'run_id': RUN_ID, 'domains': ['wld-01'], 'steps': 0, 'result': result}])
    task = ansible.playbook([wait_task(run_id=RUN_ID, **connection(sim))]).task()
    assert task['failed'] is True and task['verdict'] == 'BLOCKED'
    assert task['msg'] == ('Pre-check run %s: COMPLETED_WITH_FAILURE, 0 errors, 0 warnings, 0 info, 0 passed: BLOCKED. '
                           'Target state validation failed INPUT: Bundle for NSX is missing.' % RUN_ID)


def test_the_90_appliance_runs_pre_checks_but_refuses_exports(sim, ansible):
    sim.scenario(version='9.0.0.0.24703748', precheck=QUICK)
    result = ansible.playbook([precheck_task(domains=['mgmt-01'], **connection(sim)), wait_task(**connection(sim)),
                               {'sddc.manager.precheck_export': dict(run_id='{{ started.run_id }}', **connection(sim)),
                                'register': 'exported', 'ignore_errors': True}])
    assert result.task(1)['verdict'] == 'READY' and not result.task(1)['failed']
    exported = result.task(2)
    assert exported['failed'] is True and exported['error_kind'] == 'UnsupportedVersionError'


def test_ad_hoc_start_and_wait(sim, ansible):
    sim.scenario(precheck=QUICK)
    result = ansible.adhoc('sddc.manager.precheck', 'domains=mgmt-01', env=connection_env(sim))
    assert result.rc == 0 and 'localhost | CHANGED' in result.stdout, result
    run_id = result.stdout.split('"run_id": "')[1].split('"')[0]
    waited = ansible.adhoc('sddc.manager.wait_for_precheck', 'run_id=%s poll_interval=0.1' % run_id,
                           env=connection_env(sim))
    assert waited.rc == 0 and '"verdict": "READY"' in waited.stdout, waited


def test_progress_at_verbosity_1_and_no_secret_at_verbosity_4(sim, ansible):
    sim.scenario(precheck={'steps': 3}, faults=[{'kind': 'expire_tokens', 'path': '/check-sets/[0-9a-f-]+$',
                                                 'skip': 1}])
    result = ansible.playbook([precheck_task(domains=['wld-02'], **connection(sim)), wait_task(**connection(sim))],
                              verbosity=4)
    assert 'Pre-check run %s: IN_PROGRESS at 33.0%%' % result.task(0)['run_id'] in result.output
    for secret in (PASSWORD, 'sim-access-', 'sim-refresh-'):
        assert secret not in result.output
    quiet = ansible.playbook([precheck_task(domains=['wld-02'], **connection(sim)), wait_task(**connection(sim))])
    assert 'IN_PROGRESS at 33.0%' not in quiet.output


def test_include_raw_returns_the_answer(sim, ansible):
    sim.scenario(check_runs=[{'run_id': RUN_ID, 'domains': ['wld-02'], 'steps': 0}])
    task = ansible.playbook([info_task(run_id=RUN_ID, include_raw=True, **connection(sim))]).task()
    assert task['raw']['status'] == 'COMPLETED_WITH_FAILURE'
    assert isinstance(task['raw']['presentedArtifactsMap']['validation-domain-summary'], list)


def test_bad_arguments_fail_before_any_request(sim, ansible):
    result = ansible.playbook([info_task(**connection(sim)),
                               info_task(run_id=RUN_ID, domains=['wld-01'], **connection(sim)),
                               wait_task(run_id='nope', **connection(sim)),
                               wait_task(run_id=RUN_ID, timeout='nan', **connection(sim)),
                               wait_task(run_id=RUN_ID, fail_on='sometimes', **connection(sim)),
                               precheck_task(domains=[], **connection(sim))])
    messages = [result.task(i)['msg'] for i in range(6)]
    assert 'one of the following is required: run_id, domains' in messages[0]
    assert 'mutually exclusive: run_id|domains' in messages[1]
    assert 'run_id must be the UUID' in messages[2]
    assert 'timeout must be a number of seconds from 0 to 604800; got nan.' == messages[3]
    assert 'fail_on' in messages[4] and 'sometimes' in messages[4]
    assert 'domains must name at least one workload domain' in messages[5]
    assert sim.stats()['requests'] == 0
