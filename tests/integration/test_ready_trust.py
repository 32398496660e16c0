# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A READY you can trust, through ansible-playbook against the simulator: coverage of the target release,
upgradable errors, silenced checks, waivers, nothing to check, and the same verdict from precheck_info."""

import json
import os

from sim_harness import PASSWORD, RUN_ID, USER

WLD_01 = '8b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
MGMT = '5d73e7e4-5ef6-4a69-ab9b-1237484054dd'
CLEAN = {'id': WLD_01, 'name': 'wld-01', 'passed': 6}


def connection(sim):
    return dict(hostname=sim.url, username=USER, password=PASSWORD)


def target_run(sim, domain=None, **scenario):
    """A finished run of one domain for target 9.1.0.0."""
    scenario.setdefault('domains', [dict(domain or CLEAN)])
    sim.scenario(check_runs=[{'run_id': RUN_ID, 'domains': ['wld-01'], 'steps': 0, 'target_version': '9.1.0.0'}],
                 **scenario)


def wait(sim, ansible, **options):
    task = {'name': 'wait', 'sddc.manager.wait_for_precheck': dict(run_id=RUN_ID, poll_interval=0.1, timeout=60,
                                                                   **dict(connection(sim), **options)),
            'register': 'waited', 'ignore_errors': True}
    return ansible.playbook([task])


def test_a_target_with_the_nsx_bundle_missing_is_never_plain_ready(sim, ansible):
    target_run(sim, bundles={'NSX_T_MANAGER': 'PENDING'})
    result = wait(sim, ansible)
    waited = result.task()
    assert not waited['failed'] and waited['verdict'] == 'READY WITH WARNINGS', waited['msg']
    assert waited['coverage']['not_covered'] == ['NSX_T_MANAGER'] and waited['coverage_complete'] is False
    assert 'Coverage incomplete: the version-specific checks of NSX_T_MANAGER (bundle PENDING) did not run' in ' '.join(
        waited['verdict_reasons'])
    assert 'coverage incomplete' in result.output and 'NSX_T_MANAGER' in result.output
    strict = wait(sim, ansible, fail_on_incomplete_coverage=True).task()
    assert strict['failed'] and strict['error_kind'] == 'PrecheckBlockedError' and 'NSX_T_MANAGER' in strict['msg']


def test_a_target_with_every_bundle_is_ready(sim, ansible):
    target_run(sim)
    waited = wait(sim, ansible, fail_on_incomplete_coverage=True).task()
    assert not waited['failed'] and waited['verdict'] == 'READY' and waited['coverage_complete'] is True
    assert [c['checks'] for c in waited['coverage']['components']] == ['covered'] * 4


def test_upgradable_errors_are_findings_of_their_own(sim, ansible):
    target_run(sim, domain=dict(CLEAN, upgradable_errors=[
        {'errorCode': 'NSX_BUNDLE_INCOMPATIBLE', 'message': 'The NSX bundle does not fit this domain.',
         'resource': 'wld-01-nsx01.example.com'}]))
    waited = wait(sim, ansible).task()
    assert waited['failed'] and waited['verdict'] == 'BLOCKED'
    assert [(f['id'], f['source'], f['resource']) for f in waited['failing']] == [
        ('NSX_BUNDLE_INCOMPATIBLE', 'upgradables', 'wld-01-nsx01.example.com')]


def test_silenced_checks_are_listed_on_91_and_no_91_parameter_reaches_90(sim, ansible):
    silenced = [{'id': 'vsan-health', 'name': 'vSAN health', 'resource': 'wld-01-cl01', 'message': 'Silenced.'}]
    target_run(sim, domain=dict(CLEAN, silenced_checks=silenced))
    waited = wait(sim, ansible).task()
    assert [s['check'] for s in waited['silenced']] == ['vsan-health'] and waited['summary']['silenced'] == 1
    reads = [entry for entry in sim.stats()['log'] if entry[1] == '/v1/system/check-sets/' + RUN_ID]
    assert len(reads) == 3, 'the wait, then the summary read and the silenced read'
    target_run(sim, domain=dict(CLEAN, silenced_checks=silenced), version='9.0.2.0.24703748',
               bundles={'NSX_T_MANAGER': 'FAILED'})
    old = wait(sim, ansible).task()
    assert not old['failed'] and old['coverage']['not_covered'] == ['NSX_T_MANAGER'], 'coverage is read on 9.0 too'
    assert [s['check'] for s in old['silenced']] == ['vsan-health'], 'from the result itself'
    assert all(status != 400 for dummy, path, status in sim.stats()['log']), 'no 9.1 parameter was refused'


def test_waivers_valid_expired_stale_and_malformed(sim, ansible):
    sim.scenario(check_runs=[{'run_id': RUN_ID, 'domains': ['wld-02'], 'steps': 0}])
    license_waiver = dict(check='sddc-manager-vcenter-license-state', resource='wld-02-vc01.example.com',
                          reason='Renewal ordered', owner='jane', ticket='CHG-1234', expires='2999-12-31')
    valid = wait(sim, ansible, waivers=[license_waiver]).task()
    assert not valid['failed'] and valid['verdict'] == 'READY WITH WARNINGS', valid['msg']
    assert [f['waiver']['ticket'] for f in valid['findings'] if f['waived']] == ['CHG-1234']
    expired = wait(sim, ansible, waivers=[dict(license_waiver, expires='2026-11-30')]).task()
    assert expired['failed'] and 'Waiver CHG-1234 for sddc-manager-vcenter-license-state expired on 2026-11-30.' in \
        expired['msg']
    stale = wait(sim, ansible, waivers=[license_waiver, dict(license_waiver, check='gone-check', ticket='CHG-9')])
    assert 'Waiver CHG-9 for gone-check matched no finding' in stale.output
    before = len(sim.stats()['log'])
    malformed = wait(sim, ansible, waivers=[dict(check='x', expires='soon')]).task()
    assert malformed['error_kind'] == 'ConfigurationError' and 'has no reason' in malformed['msg']
    assert len(sim.stats()['log']) == before, 'refused before any request'


def test_a_precheck_info_result_gives_the_report_the_waits_verdict(sim, ansible, tmp_path):
    sim.scenario(check_runs=[{'run_id': RUN_ID, 'domains': ['wld-02'], 'steps': 0}])
    tasks = [{'name': 'read', 'sddc.manager.precheck_info': dict(run_id=RUN_ID, **connection(sim)), 'register': 'read'},
             {'name': 'report', 'sddc.manager.precheck_report': {'result': '{{ read }}', 'dest': str(tmp_path)}},
             {'name': 'wait', 'sddc.manager.wait_for_precheck': dict(run_id=RUN_ID, **connection(sim)),
              'register': 'waited', 'ignore_errors': True}]
    result = ansible.playbook(tasks)
    read, waited = result.task(0), result.task(2)
    assert read['verdict'] == waited['verdict'] == 'BLOCKED' and not read['failed']
    with open(os.path.join(str(tmp_path), 'precheck-%s.json' % RUN_ID)) as handle:
        report = json.load(handle)
    assert report['verdict'] == 'BLOCKED' and [f['id'] for f in report['failing']] == [
        f['id'] for f in waited['failing']]
    with open(os.path.join(str(tmp_path), 'precheck-%s.html' % RUN_ID)) as handle:
        assert 'NOT FINISHED' not in handle.read()


def test_the_role_says_not_checked_when_nothing_is_offered_and_fails_unless_allowed(sim, ansible, tmp_path):
    sim.scenario(domains=[{'id': MGMT, 'name': 'mgmt-01', 'resources': [{'type': 'VCENTER', 'name': 'vc',
                                                                         'check_sets': []}]}])
    role = {'name': 'pre-check', 'ansible.builtin.include_role': {'name': 'sddc.manager.upgrade_precheck'},
            'vars': dict(sddc_manager_hostname=sim.url, sddc_manager_username=USER, sddc_manager_password=PASSWORD,
                         upgrade_precheck_dest=str(tmp_path), upgrade_precheck_domains=['mgmt-01'])}
    result = ansible.playbook([role])
    assert result.rc == 2 and 'NOT CHECKED: SDDC Manager offers no UPGRADE check-set' in result.output
    with open(os.path.join(str(tmp_path), 'precheck-not-checked.json')) as handle:
        assert json.load(handle)['verdict'] == 'NOT CHECKED'
    role['vars']['upgrade_precheck_allow_not_checked'] = True
    allowed = ansible.playbook([role])
    assert allowed.rc == 0 and 'NOT CHECKED' in allowed.output


def test_the_role_fails_closed_on_a_server_that_counts_an_error_it_does_not_show(sim, ansible, tmp_path):
    hidden = {'status': 'COMPLETED_WITH_SUCCESS', 'discoveryProgress': {'percentageComplete': 100},
              'presentedArtifactsMap': {'validation-domain-summary': [
                  {'domainName': 'wld-01', 'criticalGapsCount': 5.0, 'successfulValidationsCount': 3.0}]}}
    sim.scenario(check_runs=[{'run_id': RUN_ID, 'domains': ['wld-01'], 'steps': 0, 'result': hidden}])
    role = {'name': 'pre-check', 'ansible.builtin.include_role': {'name': 'sddc.manager.upgrade_precheck'},
            'vars': dict(sddc_manager_hostname=sim.url, sddc_manager_username=USER, sddc_manager_password=PASSWORD,
                         upgrade_precheck_dest=str(tmp_path), upgrade_precheck_run_id=RUN_ID,
                         upgrade_precheck_poll_interval=0.1, upgrade_precheck_export=False)}
    result = ansible.playbook([role])
    assert result.rc == 2 and 'SDDC Manager counts 5 errors but 0 could be read, so an error went unread' in \
        result.output
    with open(os.path.join(str(tmp_path), 'precheck-%s.json' % RUN_ID)) as handle:
        assert json.load(handle)['verdict'] == 'BLOCKED'
