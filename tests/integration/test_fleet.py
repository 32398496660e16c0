# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A fleet against four simulators: the sddc_managers inventory through ansible-inventory, then ONE play over
its hosts with upgrade_precheck and fleet_report, as the fleet guide writes it. One manager READY, one BLOCKED,
one with a wrong password, one stopped before the play (and, in its own test, one stopped mid-play); every
manager reaches the fleet page, each role run logs in once, and no secret reaches any output."""

import glob
import json
import os
import threading
import time

import pytest

from sim_harness import PASSWORD, USER, Simulator, ansible_command

READY_DOMAINS = [{'id': '5d73e7e4-5ef6-4a69-ab9b-1237484054dd', 'name': 'mgmt-01', 'type': 'MANAGEMENT',
                  'passed': 12}]
SECRET_MARKERS = ('sim-access-', 'sim-refresh-', PASSWORD)


@pytest.fixture(scope='module')
def fleet_sims(tmp_path_factory):
    sims = dict((name, Simulator(str(tmp_path_factory.mktemp('fleet-' + name))))
                for name in ('ready', 'blocked', 'wrong'))
    yield sims
    for sim in sims.values():
        if sim.process.poll() is None:
            sim.stop()


@pytest.fixture
def fleet(fleet_sims, tmp_path):
    """The three simulators reset, an inventory file of them plus a stopped port, and host vars with credentials."""
    fleet_sims['ready'].scenario(domains=READY_DOMAINS, precheck={'duration': 1})
    fleet_sims['blocked'].scenario(precheck={'duration': 1})
    fleet_sims['wrong'].scenario(precheck={'duration': 1})
    lines = ['plugin: sddc.manager.sddc_managers', 'username: %s' % USER, 'managers:']
    for name, sim in sorted(fleet_sims.items()):
        lines.append('  - {hostname: "%s", name: %s}' % (sim.url, name))
    lines.append('  - {hostname: "http://127.0.0.1:9", name: stopped}')
    (tmp_path / 'fleet.sddc_managers.yml').write_text('\n'.join(lines) + '\n')
    (tmp_path / 'host_vars').mkdir()
    (tmp_path / 'host_vars' / 'wrong.yml').write_text('sddc_manager_password: not-the-password\n')
    (tmp_path / 'group_vars').mkdir()
    (tmp_path / 'group_vars' / 'sddc_managers.yml').write_text(
        'sddc_manager_username: %s\nsddc_manager_password: %s\n' % (USER, PASSWORD))
    return tmp_path


def write_play(tmp_path, name='fleet.yml', extra_vars=None, fleet_report=True):
    role_vars = dict(upgrade_precheck_dest=str(tmp_path / 'reports'), upgrade_precheck_poll_interval=0.2,
                     upgrade_precheck_timeout=30, upgrade_precheck_export=False)
    role_vars.update(extra_vars or {})
    roles = [{'role': 'sddc.manager.upgrade_precheck', 'vars': role_vars}]
    if fleet_report:
        roles.append({'role': 'sddc.manager.fleet_report', 'vars': {'fleet_report_dest': str(tmp_path / 'fleet')}})
    play = [{'name': 'Pre-check the fleet', 'hosts': 'sddc_managers', 'gather_facts': False, 'roles': roles}]
    (tmp_path / name).write_text(json.dumps(play))
    return str(tmp_path / name)


def plain(value):
    """ansible-inventory's JSON without its {"__ansible_unsafe": text} wrappers (values read from a server)."""
    if isinstance(value, dict):
        return value['__ansible_unsafe'] if set(value) == {'__ansible_unsafe'} else dict(
            (key, plain(item)) for key, item in value.items())
    return [plain(item) for item in value] if isinstance(value, list) else value


def inventory_args(tmp_path, *more):
    return ['-i', str(tmp_path / 'fleet.sddc_managers.yml')] + list(more)


def fleet_json(tmp_path):
    pages = sorted(glob.glob(str(tmp_path / 'fleet' / 'fleet-*.json')))
    assert len(pages) == 1, pages
    with open(pages[0]) as handle:
        return json.load(handle)


def everything_written(tmp_path, result):
    texts = [result.output]
    with open(result.results_path) as handle:   # what a callback (ansible-runner's, for AWX) is given
        texts.append(handle.read())
    for path in glob.glob(str(tmp_path / '**' / '*'), recursive=True):
        if os.path.isfile(path) and not path.endswith('.yml'):
            with open(path, 'rb') as handle:
                texts.append(handle.read().decode('utf-8', 'replace'))
    return '\n'.join(texts)


def test_the_inventory_lists_every_manager_with_groups_and_no_secret(fleet, fleet_sims, ansible):
    alone = fleet / 'alone'   # the plugin's own output, without the play's group_vars beside the file
    alone.mkdir()
    (alone / 'fleet.sddc_managers.yml').write_text(
        (fleet / 'fleet.sddc_managers.yml').read_text().replace('managers:', '''compose:
  domain_count: sddc_manager_domains | length
groups:
  has_one_domain: sddc_manager_domains | length == 1
keyed_groups:
  - key: sddc_manager_version.split('.')[:3] | join('_')
    prefix: build
managers:'''))
    fleet = alone
    listed = ansible._run([ansible_command('ansible-inventory'), '--list'] + inventory_args(fleet),
                          dict(SDDC_MANAGER_PASSWORD=PASSWORD), 120)
    assert listed.rc == 0, listed
    data = plain(json.loads(listed.stdout))
    assert sorted(data['sddc_managers']['hosts']) == ['blocked', 'ready', 'stopped', 'wrong']
    assert sorted(data['sddc_manager_unreachable']['hosts']) == ['stopped']
    assert sorted(data['vcf_9_1']['hosts']) == ['blocked', 'ready', 'wrong']
    assert 'precheck_never_run' in data
    ready = data['_meta']['hostvars']['ready']
    assert [d['name'] for d in ready['sddc_manager_domains']] == ['mgmt-01']
    assert ready['sddc_manager_last_precheck'] == {'mgmt-01': None}
    assert ready['domain_count'] == 1 and data['has_one_domain']['hosts'] == ['ready']   # compose, groups
    assert sorted(data['build_9_1_0']['hosts']) == ['blocked', 'ready', 'wrong']         # keyed_groups
    assert 'Connection refused' in data['_meta']['hostvars']['stopped']['sddc_manager_inventory_error']
    assert 'could not be read' in listed.stderr
    graph = ansible._run([ansible_command('ansible-inventory'), '--graph'] + inventory_args(fleet),
                         dict(SDDC_MANAGER_PASSWORD=PASSWORD), 120)
    assert graph.rc == 0 and '@sddc_manager_unreachable:' in graph.stdout and '|--stopped' in graph.stdout
    for text in (listed.output, graph.output):
        for marker in SECRET_MARKERS:
            assert marker not in text


def test_one_play_reports_every_manager_whatever_happened(fleet, fleet_sims, ansible):
    for sim in fleet_sims.values():
        sim.scenario(**({'domains': READY_DOMAINS} if sim is fleet_sims['ready'] else {}), precheck={'duration': 1})
    result = ansible.playbook_file(write_play(fleet), extra_args=inventory_args(fleet), verbosity=3,
                                   env=dict(SDDC_MANAGER_PASSWORD=PASSWORD))
    assert result.rc == 2, result   # the fleet report fails the play, after the page is written
    assert 'BLOCKED: 4 SDDC Managers pre-checked: 1 BLOCKED, 2 NOT CHECKED, 1 READY.' in result.output
    data = fleet_json(fleet)
    verdicts = dict((m['name'], m['verdict']) for m in data['managers'])
    assert verdicts == {'ready': 'READY', 'blocked': 'BLOCKED', 'wrong': 'NOT CHECKED', 'stopped': 'NOT CHECKED'}
    reasons = dict((m['name'], m['reason']) for m in data['managers'])
    assert 'Invalid username or password' in reasons['wrong'] and 'Connection refused' in reasons['stopped']
    blocked = next(m for m in data['managers'] if m['name'] == 'blocked')
    assert dict((d['name'], d['verdict']) for d in blocked['domains']) == {
        'mgmt-01': 'READY', 'wld-01': 'READY WITH WARNINGS', 'wld-02': 'BLOCKED'}
    assert data['checks'][0]['check'] == 'sddc-manager-vcenter-license-state'
    assert data['checks'][0]['places'] == ['blocked/wld-02']
    for name in ('ready', 'blocked', 'wrong', 'stopped'):
        assert glob.glob(str(fleet / 'reports' / name / 'precheck-*.json')), name   # a folder of its own each
    # One login per manager per role run (the inventory's own read is the other), every session revoked.
    for name in ('ready', 'blocked'):
        log = fleet_sims[name].stats()['log']
        assert [entry[:2] for entry in log].count(['POST', '/v1/tokens']) == 2, name
        assert [entry[:2] for entry in log].count(['DELETE', '/v1/tokens/refresh-token']) == 2, name
    written = everything_written(fleet, result)
    for marker in SECRET_MARKERS + ('not-the-password',):
        assert marker not in written, marker
    html = glob.glob(str(fleet / 'fleet' / 'fleet-*.html'))[0]
    with open(html) as handle:
        page = handle.read()
    assert 'href="../reports/blocked/precheck-' in page and 'NOT CHECKED' in page


def test_slices_merge_into_one_fleet_page_from_the_reports(fleet, fleet_sims, ansible):
    play = write_play(fleet, fleet_report=False)
    env = dict(SDDC_MANAGER_PASSWORD=PASSWORD)
    first = ansible.playbook_file(play, extra_args=inventory_args(fleet, '--limit', 'ready,blocked'), env=env)
    second = ansible.playbook_file(play, extra_args=inventory_args(fleet, '--limit', 'wrong,stopped'), env=env)
    assert first.rc == 2 and second.rc == 2, (first, second)   # without fleet_report each slice fails its hosts
    merge = [{'name': 'merge', 'hosts': 'localhost', 'gather_facts': False, 'roles': [{
        'role': 'sddc.manager.fleet_report', 'vars': {'fleet_report_dest': str(fleet / 'fleet'),
                                                      'fleet_report_from': str(fleet / 'reports'),
                                                      'fleet_report_fail_on': 'never'}}]}]
    (fleet / 'merge.yml').write_text(json.dumps(merge))
    merged = ansible.playbook_file(str(fleet / 'merge.yml'))
    assert merged.rc == 0, merged
    assert sorted(m['name'] for m in fleet_json(fleet)['managers']) == ['blocked', 'ready', 'stopped', 'wrong']
    # The artifacts of both slices, merged as AWX does (a shallow update), keep every manager; the next workflow
    # node reads them back (fleet_report_from: artifacts) into the same fleet.
    artifacts = {}
    for run in (first, second):
        artifacts.update(run.custom_stats())
    outcomes = dict((key, value) for key, value in artifacts.items() if key.startswith('sddc_manager_precheck_'))
    assert sorted(value['name'] for value in outcomes.values()) == ['blocked', 'ready', 'stopped', 'wrong']
    assert 'sddc_manager_precheck' not in artifacts   # the single-manager key is for plays on localhost only
    node = [{'name': 'next node', 'hosts': 'localhost', 'gather_facts': False, 'roles': [{
        'role': 'sddc.manager.fleet_report', 'vars': {'fleet_report_dest': str(fleet / 'from-artifacts'),
                                                      'fleet_report_from': 'artifacts'}}]}]
    (fleet / 'node.yml').write_text(json.dumps(node))
    (fleet / 'artifacts.json').write_text(json.dumps(artifacts))
    from_artifacts = ansible.playbook_file(str(fleet / 'node.yml'),
                                           extra_args=['-e', '@' + str(fleet / 'artifacts.json')])
    assert from_artifacts.rc == 2 and 'BLOCKED: 4 SDDC Managers pre-checked' in from_artifacts.output, from_artifacts
    assert from_artifacts.custom_stats()['sddc_manager_fleet']['verdict'] == 'BLOCKED'


def test_a_manager_stopped_mid_play_is_not_finished_and_the_others_are_reported(
        fleet, fleet_sims, ansible, tmp_path_factory):
    late = Simulator(str(tmp_path_factory.mktemp('fleet-late')))
    try:
        late.scenario(precheck={'duration': 30})
        text = (fleet / 'fleet.sddc_managers.yml').read_text().replace(
            '  - {hostname: "http://127.0.0.1:9", name: stopped}', '  - {hostname: "%s", name: late}' % late.url)
        (fleet / 'fleet.sddc_managers.yml').write_text(text)

        def stop_when_running():
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                if any(entry[0] == 'POST' and entry[1] == '/v1/system/check-sets' for entry in late.stats()['log']):
                    time.sleep(0.5)
                    late.stop()
                    return
                time.sleep(0.2)
        # And a run that will not start on another manager: SDDC Manager refuses it.
        fleet_sims['blocked'].fault(kind='status', path='^/v1/system/check-sets$', method='POST', status=500,
                                    body={'message': 'The check-set service is not running.'}, count=5)
        stopper = threading.Thread(target=stop_when_running)
        stopper.start()
        result = ansible.playbook_file(write_play(fleet, extra_vars={'upgrade_precheck_timeout': 6}),
                                       extra_args=inventory_args(fleet), env=dict(SDDC_MANAGER_PASSWORD=PASSWORD))
        stopper.join()
        assert result.rc == 2, result
        late_entry = next(m for m in fleet_json(fleet)['managers'] if m['name'] == 'late')
        assert late_entry['verdict'] == 'NOT FINISHED' and late_entry['run_id'], late_entry
        managers = dict((m['name'], m) for m in fleet_json(fleet)['managers'])
        assert sorted(managers) == ['blocked', 'late', 'ready', 'wrong']
        assert managers['blocked']['verdict'] == 'NOT CHECKED', managers['blocked']
        assert 'The check-set service is not running.' in managers['blocked']['reason']
        assert managers['ready']['verdict'] == 'READY'
        # The role failed inside on that manager, and still ended its session (the inventory's, then the role's).
        log = [entry[:2] for entry in fleet_sims['blocked'].stats()['log']]
        assert log.count(['POST', '/v1/tokens']) == 2 and log.count(['DELETE', '/v1/tokens/refresh-token']) == 2
    finally:
        if late.process.poll() is None:
            late.stop()


def test_one_simulator_process_serves_independent_managers(tmp_path):
    import subprocess
    import sys

    import requests

    from sim_harness import SIMULATOR_DIR
    url_file = tmp_path / 'urls'
    process = subprocess.Popen([sys.executable, '-m', 'sddc_manager_sim', '--port', '0', '--managers', '3',
                                '--url-file', str(url_file)], cwd=SIMULATOR_DIR, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while not url_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        urls = url_file.read_text().split()
        assert len(set(urls)) == 3
        requests.post(urls[1] + '/v1/tokens', json={'username': USER, 'password': PASSWORD}, timeout=10)
        logins = [requests.get(url + '/sim/stats', timeout=10).json()['logins'] for url in urls]
        assert logins == [0, 1, 0], 'each manager has its own state'
    finally:
        process.terminate()
        process.wait(10)


def test_the_inventory_takes_vault_strings_and_caches_its_reading(fleet_sims, ansible, tmp_path):
    import subprocess

    vault_file = tmp_path / 'vault-pass'
    vault_file.write_text('fleet-vault-key\n')
    encrypted = subprocess.run([ansible_command('ansible-vault'), 'encrypt_string', '--vault-password-file',
                                str(vault_file), PASSWORD, '--name', 'password'], capture_output=True, text=True,
                               check=True, stdin=subprocess.DEVNULL).stdout
    fleet_sims['ready'].scenario(domains=READY_DOMAINS)
    inventory = tmp_path / 'vaulted.sddc_managers.yml'
    inventory.write_text('plugin: sddc.manager.sddc_managers\nusername: %s\n%s\ncache: true\n'
                         'cache_plugin: ansible.builtin.jsonfile\ncache_connection: %s\nmanagers:\n'
                         '  - {hostname: "%s", name: ready}\n'
                         % (USER, encrypted.strip(), tmp_path / 'cache', fleet_sims['ready'].url))
    command = [ansible_command('ansible-inventory'), '-i', str(inventory), '--list', '--vault-password-file',
               str(vault_file)]
    first = ansible._run(command, {}, 120)
    assert first.rc == 0 and 'sddc_manager_unreachable' not in first.stdout, first
    assert fleet_sims['ready'].stats()['logins'] == 1
    second = ansible._run(command, {}, 120)
    assert second.rc == 0 and plain(json.loads(second.stdout))['_meta']['hostvars']['ready'][
        'sddc_manager_version'] == '9.1.0.0.24000000'
    assert fleet_sims['ready'].stats()['logins'] == 1, 'the second reading came from the cache'
    cached = ''.join(path.read_text() for path in (tmp_path / 'cache').iterdir())
    assert 'sim-access-' not in cached and 'sim-refresh-' not in cached
    for text in (first.output, second.output, cached):
        assert PASSWORD not in text


def test_the_fleet_page_is_written_when_every_manager_failed(ansible, tmp_path):
    (tmp_path / 'fleet.sddc_managers.yml').write_text(
        'plugin: sddc.manager.sddc_managers\nusername: %s\nmanagers:\n'
        '  - {hostname: "http://127.0.0.1:9", name: gone-1}\n  - {hostname: "http://127.0.0.1:7", name: gone-2}\n'
        % USER)
    result = ansible.playbook_file(write_play(tmp_path), extra_args=inventory_args(tmp_path),
                                   env=dict(SDDC_MANAGER_PASSWORD=PASSWORD))
    assert result.rc == 2 and 'NOT CHECKED: 2 SDDC Managers pre-checked: 2 NOT CHECKED.' in result.output, result
    assert [m['verdict'] for m in fleet_json(tmp_path)['managers']] == ['NOT CHECKED', 'NOT CHECKED']
