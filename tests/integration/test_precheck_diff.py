# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""sddc.manager.precheck_diff through ansible-playbook and ad hoc, against two simulated runs that differ."""

import os

from sim_harness import PASSWORD, USER, connection_env

OLD = '0b7e2f4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5'
NEW = '7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21'
LICENSE = {'id': 'sddc-manager-vcenter-license-state', 'name': 'vCenter license state', 'severity': 'ERROR',
           'resource': 'wld-02-vc01.example.com', 'message': 'The vCenter license has expired.'}
DATASTORE = {'id': 'esx-storage-usage', 'name': 'Datastore usage', 'severity': 'WARNING', 'resource': 'wld-02-cl01',
             'message': 'Datastore vsan-wld-02 is 87% full.'}
BACKUP = {'id': 'vcenter-backup-age', 'name': 'vCenter backup age', 'severity': 'ERROR',
          'resource': 'wld-02-vc01.example.com', 'message': 'No file-based backup.'}


def two_runs(sim):
    """Last week: the license error and a datastore warning. Now: the license fixed, the datastore full (an
    error), a new backup error, reworded."""
    sim.scenario(check_runs=[
        {'run_id': OLD, 'domains': ['wld-02'], 'steps': 0, 'started_ago': 7 * 86400, 'completed_ago': 7 * 86400 - 600,
         'findings': {'wld-02': [LICENSE, DATASTORE]}},
        {'run_id': NEW, 'domains': ['wld-02'], 'steps': 0, 'started_ago': 600, 'completed_ago': 60,
         'findings': {'wld-02': [dict(DATASTORE, severity='ERROR', message='Datastore vsan-wld-02 is 97% full.'),
                                 BACKUP]}}])


def diff_task(sim, **options):
    options.update(hostname=sim.url, username=USER, password=PASSWORD)
    return {'name': 'diff', 'sddc.manager.precheck_diff': options, 'register': 'diff', 'ignore_errors': True}


def test_since_the_previous_run_new_resolved_and_changed(sim, ansible):
    two_runs(sim)
    diff = ansible.playbook([diff_task(sim, domains=['wld-02'], baseline='previous')]).task()
    assert not diff['failed'], diff['msg']
    assert (diff['run']['run_id'], diff['baseline']['run_id']) == (NEW, OLD)
    assert [f['id'] for f in diff['new']] == ['vcenter-backup-age']
    assert [f['id'] for f in diff['resolved']] == ['sddc-manager-vcenter-license-state']
    assert [(f['id'], f['from_severity'], f['severity']) for f in diff['severity_changed']] == [
        ('esx-storage-usage', 'WARNING', 'ERROR')]
    assert diff['msg'].startswith('Since run %s of ' % OLD)
    assert diff['msg'].endswith(': 1 new error, 1 resolved, 1 warning became an error.')


def test_against_a_saved_report_in_check_mode_and_ad_hoc(sim, ansible, tmp_path):
    two_runs(sim)
    connection = dict(hostname=sim.url, username=USER, password=PASSWORD)
    ansible.playbook([{'name': 'read', 'sddc.manager.precheck_info': dict(run_id=OLD, **connection), 'register': 'r'},
                      {'name': 'report', 'sddc.manager.precheck_report': {'result': '{{ r }}', 'dest': str(tmp_path)}}])
    report = os.path.join(str(tmp_path), 'precheck-%s.json' % OLD)
    diff = ansible.playbook([diff_task(sim, run_id=NEW, baseline=report)], check=True).task()
    assert diff['counts'] == {'new': 1, 'resolved': 1, 'persisting': 0, 'severity_changed': 1}, diff['msg']
    adhoc = ansible.adhoc('sddc.manager.precheck_diff', 'domains=wld-02 baseline=%s' % OLD, env=connection_env(sim))
    assert adhoc.rc == 0 and '1 new error, 1 resolved, 1 warning became an error' in adhoc.output


def test_a_baseline_for_another_domain_is_refused_unless_forced(sim, ansible):
    two_runs(sim)
    sim.scenario(check_runs=[{'run_id': OLD, 'domains': ['wld-01'], 'steps': 0, 'completed_ago': 600},
                             {'run_id': NEW, 'domains': ['wld-02'], 'steps': 0, 'completed_ago': 60}])
    refused = ansible.playbook([diff_task(sim, run_id=NEW, baseline=OLD)]).task()
    assert refused['failed'] and refused['error_kind'] == 'ConfigurationError'
    assert 'is for domains wld-01, not wld-02' in refused['msg']
    forced = ansible.playbook([diff_task(sim, run_id=NEW, baseline=OLD, force=True)]).task()
    assert not forced['failed'], forced['msg']


def wait_task(sim, **options):
    options.update(hostname=sim.url, username=USER, password=PASSWORD, run_id=NEW, poll_interval=0.1, timeout=60)
    return {'name': 'wait', 'sddc.manager.wait_for_precheck': options, 'register': 'waited', 'ignore_errors': True}


def test_the_gate_on_new_errors_passes_a_known_backlog_and_fails_on_what_is_new(sim, ansible):
    sim.scenario(check_runs=[
        {'run_id': OLD, 'domains': ['wld-02'], 'steps': 0, 'completed_ago': 600, 'findings': {'wld-02': [LICENSE]}},
        {'run_id': NEW, 'domains': ['wld-02'], 'steps': 0, 'completed_ago': 60,
         'findings': {'wld-02': [dict(LICENSE, message='The license ran out.')]}}])
    backlog = ansible.playbook([wait_task(sim, fail_on='new_error', baseline='previous')]).task()
    assert not backlog['failed'] and backlog['verdict'] == 'BLOCKED', backlog['msg']
    assert backlog['since_baseline']['counts'] == {'new': 0, 'resolved': 0, 'persisting': 1, 'severity_changed': 0}
    two_runs(sim)
    worse = ansible.playbook([wait_task(sim, fail_on='new_error', baseline='previous')]).task()
    assert worse['failed'] and worse['error_kind'] == 'PrecheckBlockedError'
    assert 'BLOCKED. New since run %s: ERROR' % OLD in worse['msg']
    assert sorted(f['id'] for f in worse['failing']) == ['esx-storage-usage', 'vcenter-backup-age']
    missing = ansible.playbook([wait_task(sim, fail_on='new_error')]).task()
    assert missing['error_kind'] == 'ConfigurationError' and 'needs baseline' in missing['msg']


def test_the_role_reports_what_changed_since_the_baseline(sim, ansible, tmp_path):
    two_runs(sim)
    role = {'name': 'pre-check', 'ansible.builtin.include_role': {'name': 'sddc.manager.upgrade_precheck'},
            'vars': dict(sddc_manager_hostname=sim.url, sddc_manager_username=USER, sddc_manager_password=PASSWORD,
                         upgrade_precheck_dest=str(tmp_path), upgrade_precheck_run_id=NEW,
                         upgrade_precheck_baseline='previous', upgrade_precheck_fail_on='new_error',
                         upgrade_precheck_poll_interval=0.1, upgrade_precheck_export=False)}
    result = ansible.playbook([role])
    assert result.rc == 2, 'two new blockers fail the play, after the reports'
    with open(os.path.join(str(tmp_path), 'precheck-%s.html' % NEW)) as handle:
        page = handle.read()
    assert '<section id="since">' in page and '1 new error, 1 resolved, 1 warning became an error' in page


def test_the_role_writes_the_formats_asked_for_and_lists_them(sim, ansible, tmp_path):
    two_runs(sim)
    role = {'name': 'pre-check', 'ansible.builtin.include_role': {'name': 'sddc.manager.upgrade_precheck'},
            'vars': dict(sddc_manager_hostname=sim.url, sddc_manager_username=USER, sddc_manager_password=PASSWORD,
                         upgrade_precheck_dest=str(tmp_path), upgrade_precheck_run_id=NEW,
                         upgrade_precheck_formats=['json', 'junit', 'csv', 'markdown'],
                         upgrade_precheck_fail_on='never',
                         upgrade_precheck_poll_interval=0.1, upgrade_precheck_export=False)}
    result = ansible.playbook([role])
    assert result.rc == 0, result
    assert sorted(os.listdir(str(tmp_path))) == sorted('precheck-%s.%s' % (NEW, suffix) for suffix in (
        'json', 'junit.xml', 'findings.csv', 'md'))
    line = next(r['result']['msg'] for r in result.results if r['task'] == 'Say whether to go')
    assert '.junit.xml' in line and '.findings.csv' in line and '.md' in line
