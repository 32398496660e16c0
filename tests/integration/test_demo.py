# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""`make demo` works from what the README says: the simulator, env vars, the docs' playbook."""

from __future__ import absolute_import, division, print_function

import os
import subprocess
import sys

from sim_harness import REPO


def test_demo_script_shows_what_the_module_returns(tmp_path):
    env = dict((k, v) for k, v in os.environ.items() if not k.startswith('SDDC_MANAGER_'))
    env['PATH'] = os.path.dirname(sys.executable) + os.pathsep + env.get('PATH', '')
    env['ANSIBLE_COLLECTIONS_PATH'] = os.path.abspath(env.get('ANSIBLE_COLLECTIONS_PATH')
                                                      or os.path.join(REPO, '.build', 'collections'))
    env['ANSIBLE_NOCOLOR'] = '1'
    env['ANSIBLE_HOME'] = str(tmp_path)
    completed = subprocess.run([os.path.join(REPO, 'docs', 'demo', 'run-demo.sh')], env=env, check=False,
                               capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert 'Export IN_PROGRESS at 20.0% (still running)' in completed.stdout
    assert 'Export FAILED at 64.0% (finished)' in completed.stdout
    assert '"referenceToken": "Q7XK2M"' in completed.stdout
    assert 'localhost | SUCCESS' in completed.stdout
