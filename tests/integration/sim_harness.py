# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Integration harness: the simulator as a real process, and Ansible run as users run it.

Every test drives the installed collection (ANSIBLE_COLLECTIONS_PATH, set by the
Makefile to the artifact built and installed with ansible-galaxy) through
``ansible-playbook`` or ``ansible`` against the simulator over real sockets.
"""

import json
import os
import subprocess
import sys
import time

import requests
import urllib3

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SIMULATOR_DIR = os.path.join(REPO, 'simulator')
USER = 'administrator@vsphere.local'
PASSWORD = 'VMware1!VMware1!'
RUN_ID = '3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d'
OTHER_RUN_ID = '0b7e2f4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5'
API_TOKEN = 'static-api-token-6c1f9a'
CALLBACK_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'callback_plugins')


class Simulator:
    """A simulator process and its control API."""

    def __init__(self, workdir, certfile=None, keyfile=None, cafile=None):
        url_file = os.path.join(workdir, 'url')
        command = [sys.executable, '-m', 'sddc_manager_sim', '--port', '0', '--url-file', url_file]
        if certfile:
            command += ['--certfile', certfile, '--keyfile', keyfile]
        self.log = open(os.path.join(workdir, 'simulator.log'), 'w')
        self.process = subprocess.Popen(command, cwd=SIMULATOR_DIR, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while not os.path.exists(url_file):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError('the simulator did not start; see %s' % self.log.name)
            time.sleep(0.05)
        with open(url_file) as handle:
            self.url = handle.read().strip()
        self._control = requests.Session()
        self._verify = cafile or False   # the control channel trusts the test CA when there is one
        if not self._verify:
            urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

    def stop(self):
        self.process.terminate()
        self.process.wait(10)
        self.log.close()

    def control(self, path, body=None):
        response = self._control.post(self.url + path, json=body if body is not None else {}, timeout=10,
                                      verify=self._verify)
        response.raise_for_status()
        return response.json()

    def scenario(self, **scenario):
        """Replace the whole state: version, users, token_lifetime, api_tokens, exports, domains, faults..."""
        scenario.setdefault('api_tokens', [API_TOKEN])
        return self.control('/sim/scenario', scenario)

    def fault(self, **fault):
        return self.control('/sim/faults', fault)

    def stats(self):
        response = self._control.get(self.url + '/sim/stats', timeout=10, verify=self._verify)
        response.raise_for_status()
        return response.json()

    def api_requests(self, path_part=''):
        return [entry for entry in self.stats()['log'] if path_part in entry[1]]

    def export_info(self, run_id):
        response = self._control.get(self.url + '/sim/exports/' + run_id, timeout=10, verify=self._verify)
        response.raise_for_status()
        return response.json()


def installed_collections():
    """Where the collection under test is installed (the Makefile's ANSIBLE_COLLECTIONS_PATH)."""
    return os.path.abspath(os.environ.get('ANSIBLE_COLLECTIONS_PATH') or os.path.join(REPO, '.build', 'collections'))


def ansible_command(name):
    """The Ansible command installed beside this Python (the .venv's), else the one on PATH."""
    beside = os.path.join(os.path.dirname(sys.executable), name)
    return beside if os.path.exists(beside) else name


class AnsibleResult:
    def __init__(self, completed, results_path):
        self.rc = completed.returncode
        self.results_path = results_path
        self.stdout = completed.stdout
        self.stderr = completed.stderr
        self.output = completed.stdout + completed.stderr
        self.results = []
        if os.path.exists(results_path):
            with open(results_path) as handle:
                self.results = [json.loads(line) for line in handle if line.strip()]
        self.stats = next((entry['result'] for entry in self.results if entry['task'] == '__custom_stats__'), {})
        self.results = [entry for entry in self.results if entry['task'] != '__custom_stats__']

    def custom_stats(self) -> dict:
        """What set_stats handed on (the artifacts an AWX job gives the next workflow node)."""
        return self.stats

    def task(self, index=-1):
        """The result of a task (as the recorder callback saw it), the last by default."""
        if not self.results:
            raise AssertionError('no task result was recorded:\n%s' % self.output[-4000:])
        return self.results[index]['result']

    def __repr__(self):
        return 'AnsibleResult(rc=%s)\n%s' % (self.rc, self.output[-4000:])


class Ansible:
    """Runs ansible-playbook / ansible with a clean environment (no SDDC_MANAGER_* leaking in)."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.base_env = dict((k, v) for k, v in os.environ.items() if not k.startswith('SDDC_MANAGER_'))
        self.base_env['ANSIBLE_COLLECTIONS_PATH'] = installed_collections()
        self.base_env.update(ANSIBLE_NOCOLOR='1', ANSIBLE_FORCE_COLOR='0', ANSIBLE_RETRY_FILES_ENABLED='0',
                             ANSIBLE_LOCALHOST_WARNING='0', ANSIBLE_INVENTORY_UNPARSED_WARNING='0',
                             ANSIBLE_DEPRECATION_WARNINGS='0',
                             ANSIBLE_COLLECTIONS_SCAN_SYS_PATH='0', ANSIBLE_HOME=os.path.join(workdir, 'ansible-home'),
                             ANSIBLE_REMOTE_TEMP=os.path.join(workdir, 'ansible-home', 'remote-tmp'))
        self.count = 0

    def _env(self, env, results_path):
        merged = dict(self.base_env)
        merged.update(ANSIBLE_CALLBACK_PLUGINS=CALLBACK_DIR, ANSIBLE_CALLBACKS_ENABLED='result_recorder',
                      ANSIBLE_LOAD_CALLBACK_PLUGINS='1', RESULT_RECORDER_PATH=results_path)
        merged.update(env or {})
        return merged

    def playbook(self, tasks, env=None, check=False, verbosity=0, module_defaults=None, extra_args=(), timeout=300):
        """Run one play on localhost with ``tasks``; returns an AnsibleResult."""
        play = {'name': 'integration', 'hosts': 'localhost', 'gather_facts': False, 'tasks': tasks}
        if module_defaults:
            play['module_defaults'] = module_defaults
        self.count += 1
        path = os.path.join(self.workdir, 'playbook-%d.yml' % self.count)
        with open(path, 'w') as handle:
            json.dump([play], handle, indent=2)
        return self.playbook_file(path, env, check, verbosity, extra_args, timeout)

    def playbook_file(self, path, env=None, check=False, verbosity=0, extra_args=(), timeout=300):
        """Run an existing playbook file (the docs' examples) as a user would."""
        command = [ansible_command('ansible-playbook'), path]
        if check:
            command.append('--check')
        if verbosity:
            command.append('-' + 'v' * verbosity)
        command.extend(extra_args)
        return self._run(command, env, timeout)

    def adhoc(self, module, args, env=None, verbosity=0, check=False, timeout=300):
        command = [ansible_command('ansible'), 'localhost', '-m', module, '-a', args]
        if check:
            command.append('--check')
        if verbosity:
            command.append('-' + 'v' * verbosity)
        return self._run(command, env, timeout)

    def _run(self, command, env, timeout):
        results_path = os.path.join(self.workdir, 'results-%d.jsonl' % self.count)
        self.count += 1
        completed = subprocess.run(command, env=self._env(env, results_path), cwd=self.workdir, check=False,
                                   capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        return AnsibleResult(completed, results_path)


def task(module, register='result', **options):
    """A task of the collection's ``module``, registered, its failure left for the test to read."""
    return {'name': module, 'sddc.manager.' + module: options, 'register': register, 'ignore_errors': True}


def connection(sim, **overrides):
    """Task options for the simulator with username/password."""
    options = dict(hostname=sim.url, username=USER, password=PASSWORD)
    options.update(overrides)
    return options


def connection_env(sim, **overrides):
    env = dict(SDDC_MANAGER_HOST=sim.url, SDDC_MANAGER_USERNAME=USER, SDDC_MANAGER_PASSWORD=PASSWORD)
    env.update(overrides)
    return env
