# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""inventory/sddc_managers: settings checked first, each manager read into host vars and groups, the unreachable
kept, no credential in any host variable."""

import json
from datetime import datetime, timezone
from unittest.mock import MagicMock

import pytest
from ansible.errors import AnsibleParserError
from ansible.inventory.data import InventoryData

from ansible_collections.sddc.manager.plugins.inventory import sddc_managers
from ansible_collections.sddc.manager.plugins.inventory.sddc_managers import InventoryModule, read_manager
from ansible_collections.sddc.manager.plugins.module_utils import client as client_module

from ansible_collections.sddc.manager.tests.unit.fakes import PASSWORD, login_answer

NOW = datetime(2026, 12, 2, tzinfo=timezone.utc)
DAY_MS = 86400 * 1000
NOW_MS = int(NOW.timestamp() * 1000)
DOMAINS = {'elements': [{'id': 'd1', 'name': 'mgmt-01', 'type': 'MANAGEMENT', 'status': 'ACTIVE'},
                        {'id': 'd2', 'name': 'wld-01', 'type': 'VI', 'status': 'ACTIVE'},
                        {'id': 'd3', 'name': 'wld-02', 'type': 'VI', 'status': 'ACTIVE'}]}
SETTINGS = dict(hostname='sfo.example.com', username='admin@local', password=PASSWORD, api_token=None,
                validate_certs=True, ca_path=None, request_timeout=30.0, name='sfo', given={})


def script_manager(transport):
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer())
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.1.0.0.24000000'})
    transport.add('GET', '/v1/domains', json_body=DOMAINS)
    transport.add('GET', '/v1/system/check-sets', json_body=[])   # mgmt-01: never pre-checked
    transport.add('GET', '/v1/system/check-sets', json_body=[
        {'id': 'r-new', 'state': 'IN_PROGRESS', 'timestamp': NOW_MS - 1000},
        {'id': 'r-old', 'state': 'COMPLETED_WITH_SUCCESS', 'timestamp': NOW_MS - 10 * DAY_MS,
         'completionTimestamp': NOW_MS - 10 * DAY_MS + 60000, 'metadata': {'targetVersion': '9.1.0.0'}}])
    transport.add('GET', '/v1/system/check-sets', json_body=[
        {'id': 'r-fresh', 'state': 'COMPLETED_WITH_FAILURE', 'timestamp': NOW_MS - DAY_MS,
         'completionTimestamp': NOW_MS - DAY_MS + 60000}])
    transport.add('DELETE', '/v1/tokens/refresh-token', status=204)


def test_one_manager_read_into_domains_newest_runs_and_groups(fake_http, monkeypatch):
    monkeypatch.setattr(client_module.time, 'sleep', lambda seconds: None)
    script_manager(fake_http)
    reading = read_manager(SETTINGS, 7.0, NOW)
    assert reading['version'] == '9.1.0.0.24000000' and reading['error'] is None
    assert [d['status'] for d in reading['domains']] == ['ACTIVE'] * 3
    assert reading['last_precheck']['mgmt-01'] is None
    assert reading['last_precheck']['wld-01'] == dict(id='r-new', status='IN_PROGRESS', timestamp='2026-12-01T23:59:59Z'
                                                      .replace('59Z', '59.000Z'), completion_timestamp=None,
                                                      target_version=None)
    assert reading['groups'] == ['precheck_in_progress', 'precheck_never_run', 'precheck_stale', 'vcf_9_1']
    assert fake_http.paths()[-1] == 'DELETE /v1/tokens/refresh-token'   # the inventory's own session is ended
    assert [entry['query'] for entry in fake_http.sent if entry['path'] == '/v1/system/check-sets'] == [
        'domainId=d1', 'domainId=d2', 'domainId=d3']


def plugin(config, monkeypatch, readings=None):
    module = InventoryModule()
    module.inventory = InventoryData()
    module.display = MagicMock()
    options = dict(plugin='sddc.manager.sddc_managers', username='admin@local', password=PASSWORD, api_token=None,
                   validate_certs=True, ca_path=None, request_timeout=30.0, stale_after_days=7.0, max_workers=4,
                   compose={}, groups={}, keyed_groups=[], strict=False, cache=False)
    options.update(config)
    module.get_option = options.get
    calls = []

    def fake_read(settings, stale, now):
        calls.append(settings)
        if settings['name'] in (readings or {}):
            return readings[settings['name']]
        raise client_module.TransportError('Logging in to SDDC Manager at https://%s failed: refused by %s.'
                                           % (settings['hostname'], PASSWORD))
    monkeypatch.setattr(sddc_managers, 'read_manager', fake_read)
    managers = module._manager_settings()
    module._populate(managers, module._read_all(managers))
    return module, calls


READING = dict(version='9.1.0.0.1', domains=[{'id': 'd1', 'name': 'mgmt-01', 'type': 'MANAGEMENT', 'status': 'ACTIVE'}],
               last_precheck={'mgmt-01': None}, groups=['precheck_never_run', 'vcf_9_1'], error=None)


def test_hosts_groups_and_no_secret_in_any_host_variable(monkeypatch):
    module, calls = plugin(dict(managers=[dict(hostname='sfo.example.com', name='sfo'),
                                          dict(hostname='lab.example.com', password='other-Secret-9',
                                               validate_certs=False)]), monkeypatch,
                           readings=dict(sfo=READING))
    inventory = module.inventory
    assert sorted(inventory.groups['sddc_managers'].hosts, key=str) == [inventory.hosts['lab.example.com'],
                                                                        inventory.hosts['sfo']]
    assert [h.name for h in inventory.groups['sddc_manager_unreachable'].hosts] == ['lab.example.com']
    assert [h.name for h in inventory.groups['vcf_9_1'].hosts] == ['sfo']
    sfo = inventory.hosts['sfo'].vars
    assert sfo['sddc_manager_hostname'] == 'sfo.example.com' and sfo['ansible_connection'] == 'local'
    lab = inventory.hosts['lab.example.com'].vars
    assert lab['sddc_manager_validate_certs'] is False and '********' in lab['sddc_manager_inventory_error']
    text = json.dumps(dict((h.name, h.vars) for h in inventory.hosts.values()), default=str)
    assert PASSWORD not in text and 'other-Secret-9' not in text and 'password' not in text
    assert calls[1]['password'] == 'other-Secret-9' and calls[0]['password'] == PASSWORD   # each its own, or shared
    module.display.warning.assert_called_once()
    assert PASSWORD not in str(module.display.warning.call_args)


@pytest.mark.parametrize('managers, words', [
    ([], 'lists no SDDC Manager'),
    ([dict(name='x')], 'needs a hostname'),
    ([dict(hostname='a.example.com', pasword='typo')], 'unknown keys: pasword'),
    ([dict(hostname='a.example.com'), dict(hostname='b.example.com', name='a.example.com')], 'given twice'),
    ([dict(hostname='a.example.com', name='../etc')], 'cannot be an inventory host name'),
    ([dict(hostname='a.example.com', validate_certs='maybe')], 'validate_certs must be true or false'),
])
def test_settings_are_checked_before_any_read(monkeypatch, managers, words):
    with pytest.raises(AnsibleParserError) as caught:
        plugin(dict(managers=managers), monkeypatch)
    assert words in str(caught.value)


def test_only_its_own_files_are_read():
    module = InventoryModule()
    assert not module.verify_file('/nonexistent/hosts.yml')
