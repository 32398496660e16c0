# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every snippet of the guides (docs/docsite/rst) runs as written, in order, against the simulator.

A guide's YAML snippets become one playbook, in the order a reader meets them: a play is a play, a list of
tasks joins the play before it (it reads what that play registered), and a role entry (``- role: ...``) is a
play on localhost with that role. The ``$ ansible localhost -m ...`` lines of its console snippets run as ad
hoc commands, ``<run_id>`` being the run the first of them printed. What a reader replaces is replaced, and
nothing else: the appliance (``sddc-manager.example.com``, the fleet's ``*.example.com`` managers), the vaulted
password, the folders under ``/var/tmp`` and ``/runner/artifacts``, and a waiver's expiry date (kept in the
future). A snippet that is not Ansible content is listed in NOT_RUN with what covers it, so a new snippet
cannot go untested unnoticed. The example playbooks and the AWX files, which the guides point at, say how they
are run and poll as the guides recommend.
"""

import datetime
import json
import os
import re
import shlex

import pytest
import yaml

from sim_harness import PASSWORD, REPO, RUN_ID, connection_env

GUIDES = os.path.join(REPO, 'docs', 'docsite', 'rst')
GUIDE_NAMES = sorted(name for name in os.listdir(GUIDES) if name.endswith('.rst'))

# console lines that set up what the test's simulator and environment stand in for
SETUP_LINES = ('$ export SDDC_MANAGER_', '$ read -rs SDDC_MANAGER_PASSWORD',
               '$ cd simulator && python3 -m sddc_manager_sim')

# ad hoc lines that fail as the guide says they do (the exit code and what the output says)
FAILS_AS_WRITTEN = {
    ('prechecks.rst', 'ansible localhost -m sddc.manager.wait_for_precheck -a "run_id=<the run_id printed above>"'):
        (2, 'BLOCKED'),
}

# (guide, first line of the snippet) -> why it is not run here
NOT_RUN = {
    ('getting_started.rst', '$ ansible-galaxy collection install sddc.manager'): 'installs from Galaxy (offline here)',
    ('fleet.rst', '$ ansible-inventory -i fleet.sddc_managers.yml --graph'):
        'shows the inventory this test reads with the fleet guide\'s play; tests/integration/test_fleet.py runs it',
    ('fleet.rst', '$ ansible-playbook -i fleet.sddc_managers.yml fleet_precheck.yml --forks 50'):
        'runs the play that this test runs from the guide',
    ('awx.rst', 'version: 3'): 'an execution environment: tests/integration/test_packaging.py (ansible-builder)',
    ('awx.rst', '$ ansible-builder build -f execution-environment.yml -t sddc-manager-ee:latest'):
        'an execution environment build: tests/integration/test_packaging.py',
    ('awx.rst', '- name: Create the SDDC Manager credential type'):
        'needs an AWX (awx.awx); the credential type file: tests/integration/test_awx.py',
    ('awx.rst', 'precheck_run_id: 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d'):
        'extra variables of a job template: tests/integration/test_awx.py runs the example with them',
    ('developing.rst', 'plugins/modules/*.py           thin: an argument spec, docs, one function that does the '
                       'work'): 'a directory tree',
    ('developing.rst', "$ make units PYTEST_ARGS='-k findings'                      # unit tests, in the built "
                       'copy'): 'the make targets CI runs',
    ('simulator.rst', '$ cd simulator'): 'starts simulators: tests/integration/test_simulator_contract.py',
    ('simulator.rst', '{'): 'a scenario: tests/integration/test_simulator_contract.py',
}

# last week's run of the guides' weekly job (its domains and target), for "what changed since last week"
LAST_WEEK = {'run_id': '0b7e2f4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5', 'domains': ['mgmt-01', 'wld-01'],
             'target_version': '9.1.0.0', 'steps': 0, 'completed_ago': 7 * 86400, 'started_ago': 7 * 86400 + 600}
EXPORT = {'run_id': RUN_ID, 'queued': 0, 'steps': 1, 'content': 'checkId,status\na,SUCCEEDED\n',
          'filename': 'precheck.csv'}


def snippets(guide):
    """(language, text) of each code block of ``guide``, in order."""
    with open(os.path.join(GUIDES, guide)) as handle:
        lines = handle.read().splitlines()
    found = []
    for index, line in enumerate(lines):
        match = re.match(r'\.\. code-block:: (\S+)', line)
        if not match:
            continue
        body = []
        for following in lines[index + 1:]:
            if following.strip() and not following.startswith('   '):
                break
            body.append(following[3:])
        found.append((match.group(1), '\n'.join(body).strip('\n') + '\n'))
    return found


def first_line(text):
    return next(line.strip() for line in text.splitlines() if line.strip() and not line.startswith('#'))


def as_written(text, sim, folder):
    """The snippet with what its reader replaces replaced."""
    expiry = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    text = re.sub(r'expires: "\d{4}-\d\d-\d\d"', 'expires: "%s"' % expiry, text)
    for placeholder, value in (('sddc-manager.example.com', sim.url), ('/var/tmp/', str(folder) + '/'),
                               ('/runner/artifacts/', str(folder) + '/artifacts/')):
        text = text.replace(placeholder, value)
    return text


def kind_of(language, text):
    if language == 'console':
        return 'console'
    if not language.startswith('yaml'):
        return None
    data = yaml.safe_load(text)
    if isinstance(data, dict) and data.get('plugin') == 'sddc.manager.sddc_managers':
        return 'inventory'
    if isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
        if all('hosts' in item for item in data):
            return 'plays'
        if all('role' in item for item in data):
            return 'roles'
        if all('name' in item and 'hosts' not in item for item in data):
            return 'tasks'
    return None


def guide_plan(guide, sim, folder):
    """(plays, inventory text or None, ad hoc command lines) of a guide, as written."""
    plays, inventory, adhoc = [], None, []
    for language, text in snippets(guide):
        head = first_line(text)
        if (guide, head) in NOT_RUN:
            continue
        text = as_written(text, sim, folder)
        kind = kind_of(language, text)
        assert kind, '%s: a snippet neither run nor listed in NOT_RUN: %r' % (guide, head)
        if kind == 'plays':
            plays.extend(yaml.safe_load(text))
        elif kind == 'roles':
            plays.append({'name': 'A role of %s' % guide, 'hosts': 'localhost', 'gather_facts': False,
                          'roles': yaml.safe_load(text)})
        elif kind == 'tasks':
            assert plays, '%s: tasks before any play: %r' % (guide, head)
            plays[-1].setdefault('tasks', []).extend(yaml.safe_load(text))
        elif kind == 'inventory':
            inventory = text
        else:
            for line in text.splitlines():
                if line.startswith('$ ansible localhost '):
                    adhoc.append(line[2:])
                else:
                    assert line.startswith(SETUP_LINES), '%s: a console line neither run nor set up: %r' % (guide, line)
    return plays, inventory, adhoc


def fleet_inventory(text, sim):
    """The fleet guide's inventory: its two reachable managers served by the simulator, the lab one stopped."""
    data = yaml.safe_load(text)
    for manager in data['managers']:
        manager['hostname'] = 'http://127.0.0.1:9' if manager['hostname'].startswith('lab-') else sim.url
        manager.setdefault('name', 'lab-vcf01')
    return yaml.safe_dump(data)


def test_every_snippet_is_run_or_says_what_covers_it(sim, tmp_path):
    listed = set()
    for guide in GUIDE_NAMES:
        for language, text in snippets(guide):
            head = first_line(text)
            if (guide, head) in NOT_RUN:
                listed.add((guide, head))
            else:
                assert kind_of(language, as_written(text, sim, tmp_path)), (guide, head)
    assert listed == set(NOT_RUN), 'NOT_RUN names only snippets that exist'


@pytest.mark.parametrize('guide', [name for name in GUIDE_NAMES if name not in ('developing.rst', 'simulator.rst')])
def test_the_guide_runs_as_written_in_order(sim, ansible, tmp_path, guide):
    sim.scenario(precheck={'steps': 1}, check_runs=[LAST_WEEK], exports=[dict(EXPORT)])
    plays, inventory, adhoc = guide_plan(guide, sim, tmp_path)
    if not plays and not adhoc:
        pytest.skip('%s has no Ansible snippet' % guide)
    env = dict(connection_env(sim), ANSIBLE_DEPRECATION_WARNINGS='1')
    extra = ['-e', json.dumps({'vault_sddc_manager_password': PASSWORD})]
    if inventory is not None:
        (tmp_path / 'fleet.sddc_managers.yml').write_text(fleet_inventory(inventory, sim))
        extra += ['-i', str(tmp_path / 'fleet.sddc_managers.yml')]
    if plays:
        (tmp_path / 'guide.yml').write_text(json.dumps(plays))
        result = ansible.playbook_file(str(tmp_path / 'guide.yml'), env=env, extra_args=extra, timeout=600)
        expected = 2 if inventory is not None else 0   # the fleet guide's lab manager is NOT CHECKED: rc 2
        assert result.rc == expected, result
        assert 'DEPRECATION WARNING' not in result.output, 'a guide uses nothing deprecated'
        assert 'ERROR!' not in result.output
    run_id = None
    for line in adhoc:
        words = shlex.split(line.replace('<the run_id printed above>', '<run_id>'), comments=True)
        if '<run_id>' in words[-1]:
            assert run_id, 'an ad hoc line needs the run id the one before printed: %s' % line
            words[-1] = words[-1].replace('<run_id>', run_id)
        assert words[:3] == ['ansible', 'localhost', '-m'] and words[4] == '-a' and len(words) == 6, line
        completed = ansible.adhoc(words[3], words[5], env=env)
        expected_rc, says = FAILS_AS_WRITTEN.get((guide, line.split('  #')[0].strip()), (0, 'localhost | '))
        assert completed.rc == expected_rc and says in completed.output, completed
        assert 'ERROR!' not in completed.output and 'Traceback' not in completed.output, completed
        found = re.search(r'"run_id": "([0-9a-f-]{36})"', completed.output)
        run_id = run_id or (found.group(1) if found else None)


# -- the examples and the AWX files the guides point at ----------------------------------------------

EXAMPLES = os.path.join(REPO, 'docs', 'examples')
EXAMPLE_NAMES = sorted(name for name in os.listdir(EXAMPLES) if name.endswith('.yml'))


@pytest.mark.parametrize('name', EXAMPLE_NAMES)
def test_an_example_says_to_run_it_from_its_folder_as_the_readme_does(name):
    with open(os.path.join(EXAMPLES, name)) as handle:
        header = [line for line in handle.read().splitlines() if line.startswith('#')]
    commands = [line[1:].strip() for line in header if line[1:].strip().startswith('ansible-playbook ')]
    assert commands, '%s says how to run it' % name
    assert re.match(r'ansible-playbook (-i \S+ )?%s( |$)' % re.escape(name), commands[0]), commands[0]
    assert any('Run from docs/examples' in line for line in header), name
    with open(os.path.join(REPO, 'README.md')) as handle:
        readme = handle.read()
    assert 'cd docs/examples' in readme and re.search(r'\nansible-playbook upgrade_precheck\.yml ', readme)


@pytest.mark.parametrize('name', EXAMPLE_NAMES)
def test_an_example_polls_a_real_appliance_every_10_s_or_more(name):
    with open(os.path.join(EXAMPLES, name)) as handle:
        text = handle.read()
    for setting in re.findall(r'poll_interval: (.*)', text):
        number = re.search(r'default\((\d+(?:\.\d+)?)\)', setting) or re.match(r'(\d+(?:\.\d+)?)$', setting.strip())
        assert number and float(number.group(1)) >= 10, '%s: poll_interval: %s' % (name, setting)


def test_the_awx_files_point_at_files_that_exist():
    folder = os.path.join(REPO, 'extensions', 'awx')
    for name in os.listdir(folder):
        with open(os.path.join(folder, name)) as handle:
            for path in re.findall(r'\b(docs/[\w./-]+\w)', handle.read()):
                assert os.path.exists(os.path.join(REPO, path)), '%s names %s' % (name, path)
