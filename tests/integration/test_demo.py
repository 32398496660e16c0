# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""`make demo` works from what the README says: the simulator, env vars, the docs' playbook."""

import os
import subprocess
import sys

from sim_harness import REPO, RUN_ID, connection_env, installed_collections


def test_demo_exports_one_file_and_stops_on_the_failed_export(tmp_path):
    env = dict((k, v) for k, v in os.environ.items() if not k.startswith('SDDC_MANAGER_'))
    env['PATH'] = os.path.dirname(sys.executable) + os.pathsep + env.get('PATH', '')
    env['ANSIBLE_COLLECTIONS_PATH'] = installed_collections()
    env['ANSIBLE_NOCOLOR'] = '1'
    env['ANSIBLE_HOME'] = str(tmp_path)
    completed = subprocess.run([os.path.join(REPO, 'docs', 'demo', 'run-demo.sh')], env=env, check=False,
                               capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    out = completed.stdout
    assert 'The pre-check export of run 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d: IN_PROGRESS' in out, 'progress is shown'
    assert '/exports/vcf-precheck-3f1c9a52.csv (' in out, 'the summary names the file'
    assert 'checkId,resource,severity,status,message' in out, 'the first lines are shown'
    assert ('Pre-check export for run 0b7e2f4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5: FAILED at 64.0%: Export of pre-check '
            'results failed: the results store did not answer. Remediation: Restart the LCM service '
            '(systemctl restart lcm) and export again. (reference token Q7XK2M)') in out
    assert '== (the play failed, as it should)' in out
    assert 'localhost | SUCCESS' in out
    assert 'VMware1!VMware1!' not in out + completed.stderr


def test_precheck_export_info_example_runs(sim, ansible):
    sim.scenario(runs=[{'run_id': RUN_ID, 'started': True, 'queued': 0, 'steps': 4}])
    result = ansible.playbook_file(os.path.join(REPO, 'docs', 'examples', 'precheck_export_info.yml'),
                                   env=connection_env(sim), extra_args=['-e', 'precheck_run_id=%s' % RUN_ID])
    assert result.rc == 0, result
    assert 'Export IN_PROGRESS at 20.0% (still running)' in result.output
