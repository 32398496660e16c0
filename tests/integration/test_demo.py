# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""`make demo` works from what the README says: the simulator, env vars, the docs' playbook."""

import json
import os
import subprocess
import sys

from sim_harness import REPO, RUN_ID, connection_env, installed_collections


def test_demo_prechecks_exports_and_keeps_what_it_wrote(tmp_path):
    env = dict((k, v) for k, v in os.environ.items() if not k.startswith(('SDDC_MANAGER_', 'ANSIBLE_')))
    env['PATH'] = os.path.dirname(sys.executable) + os.pathsep + env.get('PATH', '')
    env['ANSIBLE_COLLECTIONS_PATH'] = installed_collections()
    env['ANSIBLE_NOCOLOR'] = '1'
    env['ANSIBLE_HOME'] = str(tmp_path / 'ansible-home')
    env['ANSIBLE_REMOTE_TEMP'] = str(tmp_path / 'ansible-home' / 'remote-tmp')
    env['DEMO_OUTPUT'] = str(tmp_path / 'demo-output')
    completed = subprocess.run([os.path.join(REPO, 'docs', 'demo', 'run-demo.sh')], env=env, check=False,
                               capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    out = completed.stdout
    assert 'READY: pre-check run ' in out and 'found 0 errors, 0 warnings, 0 info and 12 passed.' in out
    assert 'BLOCKED. ERROR wld-02-vc01.example.com / vCenter license state: The vCenter license has expired.' in out
    assert out.count('== (the play failed, as it should)') == 2
    reports = [line.split('HTML report: ', 1)[1] for line in out.splitlines() if 'HTML report: ' in line]
    assert len(reports) == 2 and all(os.path.isfile(path) for path in reports), 'the reports outlive the demo'
    assert all(path.startswith(env['DEMO_OUTPUT']) for path in reports)
    assert os.path.isfile(os.path.join(env['DEMO_OUTPUT'], 'exports', 'vcf-precheck-3f1c9a52.csv'))
    assert 'checkId,resource,severity,status,message' in out, 'the first lines of the export are shown'
    assert '"stat": {' not in out, 'the export scene runs without -v: no stat dump of the role\'s checks of dest'
    assert ('Pre-check export for run 0b7e2f4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5: FAILED at 64.0%: Export of pre-check '
            'results failed: the results store did not answer. Remediation: Restart the LCM service '
            '(systemctl restart lcm) and export again. (reference token Q7XK2M)') in out
    assert 'localhost | SUCCESS' in out
    # The fleet: three managers in one play, one page for all (one READY, one BLOCKED, one stopped).
    assert 'BLOCKED: 3 SDDC Managers pre-checked: 1 BLOCKED, 1 NOT CHECKED, 1 READY.' in out
    assert out.count('== (the play failed at the end, as it should: the fleet is BLOCKED)') == 1
    pages = [line.split(': ', 1)[1] for line in out.splitlines() if line.strip().startswith('Fleet page: ')]
    assert len(pages) == 1 and os.path.isfile(pages[0]) and pages[0].startswith(env['DEMO_OUTPUT'])
    with open(pages[0].replace('.html', '.json')) as handle:
        fleet = json.load(handle)
    assert dict((m['name'], m['verdict']) for m in fleet['managers']) == {
        'sfo-vcf01': 'READY', 'lax-vcf01': 'BLOCKED', 'lab-vcf01': 'NOT CHECKED'}
    assert 'No inventory was parsed' not in completed.stderr and 'provided hosts list is empty' not in completed.stderr
    assert 'VMware1!VMware1!' not in out + completed.stderr


def test_precheck_export_info_example_runs(sim, ansible):
    sim.scenario(exports=[{'run_id': RUN_ID, 'started': True, 'queued': 0, 'steps': 4}])
    result = ansible.playbook_file(os.path.join(REPO, 'docs', 'examples', 'precheck_export_info.yml'),
                                   env=connection_env(sim), extra_args=['-e', 'precheck_run_id=%s' % RUN_ID])
    assert result.rc == 0, result
    assert 'Export IN_PROGRESS at 20.0% (still running)' in result.output


def test_precheck_step_by_step_example_runs_and_stops_on_a_blocked_domain(sim, ansible):
    sim.scenario(precheck={'steps': 1})
    example = os.path.join(REPO, 'docs', 'examples', 'precheck_step_by_step.yml')
    clean = ansible.playbook_file(example, env=connection_env(sim),
                                  extra_args=['-e', '{"precheck_domains": ["mgmt-01"], "precheck_poll_interval": 0.2}'])
    assert clean.rc == 0, clean
    blocked = ansible.playbook_file(example, env=connection_env(sim),
                                    extra_args=['-e', '{"precheck_domains": ["wld-02"], '
                                                      '"precheck_poll_interval": 0.2}'])
    assert blocked.rc == 2, blocked
    assert 'wld-02-vc01.example.com / vCenter license state: The vCenter license has expired.' in blocked.output
    assert 'BLOCKED: 1 finding blocks the upgrade; see above.' in blocked.output


def test_weekly_precheck_example_passes_a_known_backlog_and_writes_junit_and_the_trend(sim, ansible, tmp_path):
    previous = {'run_id': '0b7e2f4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5', 'domains': ['wld-02'], 'steps': 0,
                'completed_ago': 7 * 86400, 'findings': {'wld-02': [
                    {'id': 'sddc-manager-vcenter-license-state', 'name': 'vCenter license state', 'severity': 'ERROR',
                     'resource': 'wld-02-vc01.example.com', 'message': 'The vCenter license has expired.'}]}}
    sim.scenario(precheck={'steps': 1}, check_runs=[previous])
    example = os.path.join(REPO, 'docs', 'examples', 'weekly_precheck.yml')
    result = ansible.playbook_file(example, env=connection_env(sim), extra_args=[
        '-e', '{"precheck_domains": ["wld-02"], "precheck_poll_interval": 0.2}', '-e', 'precheck_dest=%s' % tmp_path])
    assert result.rc == 0, result   # the license error was there last week; the new datastore finding is a warning
    names = os.listdir(str(tmp_path))
    assert 'precheck-trend.html' in names and any(name.endswith('.junit.xml') for name in names)
    assert 'Since run 0b7e2f4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5' in ''.join(
        open(os.path.join(str(tmp_path), name)).read() for name in names if name.endswith('.md') or
        name.endswith('.html') and name != 'precheck-trend.html')
