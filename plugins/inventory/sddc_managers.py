# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r'''
name: sddc_managers
short_description: SDDC Managers as inventory hosts, with their version, domains and last pre-checks
version_added: 0.2.0
description:
  - Reads a YAML file whose name ends in C(.sddc_managers.yml) or C(.sddc_managers.yaml) listing SDDC Managers, and
    makes one host of each, in the group C(sddc_managers).
  - Reads each manager, concurrently (at most O(max_workers) at a time), each within O(request_timeout) seconds
    in all; its version (C(GET /v1/system/appliance-info)), its workload domains (C(GET /v1/domains)) and the
    newest pre-check run of each domain (C(GET /v1/system/check-sets?domainId=)).
  - 'Host variables: C(sddc_manager_hostname); C(sddc_manager_version); C(sddc_manager_domains), each domain with
    C(id), C(name), C(type) and C(status); C(sddc_manager_last_precheck), by domain name, the newest run with C(id),
    C(status), C(timestamp), C(completion_timestamp) (ISO 8601) and C(target_version) (null for general upgrade
    readiness), or null for a domain never pre-checked; and, when given in the file, C(sddc_manager_validate_certs)
    and C(sddc_manager_ca_path). Each host also has C(ansible_connection=local), since a manager is an API endpoint
    whose tasks run on the controller.'
  - 'Groups: C(sddc_managers) (all); C(vcf_9_1) and so on, by VCF version; C(precheck_never_run) (a domain was never
    pre-checked), C(precheck_stale) (a domain''s newest finished run is older than O(stale_after_days)),
    C(precheck_in_progress) (a run is in progress); plus O(groups), O(keyed_groups) and O(compose).'
  - A manager that cannot be reached or refuses the login is kept, in the group C(sddc_manager_unreachable), with
    C(sddc_manager_inventory_error) (one line, no secret), and a warning is shown.
  - The credentials are read from the file (vault strings accepted) or from the environment, and only used to read;
    they never become host variables, so C(ansible-inventory --list) and an AWX inventory sync show none. Give the
    play's modules their credentials from vaulted host or group variables, or from the environment (an AWX/AAP
    credential); see the fleet guide.
author:
  - sddc.manager contributors (@sddc-manager)
extends_documentation_fragment:
  - ansible.builtin.constructed
  - ansible.builtin.inventory_cache
requirements:
  - requests (Python library on the controller)
options:
  plugin:
    description: The name of this plugin.
    required: true
    choices: [sddc.manager.sddc_managers]
  managers:
    description:
      - The SDDC Managers, each with C(hostname) (required), and optionally C(name) (the inventory host name; by
        default the hostname), C(username), C(password), C(api_token), C(validate_certs), C(ca_path); what a manager
        leaves out comes from the options of the same name below.
    type: list
    elements: dict
    required: true
  username:
    description: The user to read every manager as, unless the manager gives its own.
    type: str
    env:
      - name: SDDC_MANAGER_USERNAME
  password:
    description: Its password.
    type: str
    env:
      - name: SDDC_MANAGER_PASSWORD
  api_token:
    description: An access token instead of username and password.
    type: str
    env:
      - name: SDDC_MANAGER_API_TOKEN
  validate_certs:
    description: Verify the managers' TLS certificates.
    type: bool
    default: true
    env:
      - name: SDDC_MANAGER_VALIDATE_CERTS
  ca_path:
    description: A PEM CA bundle that signed the managers' certificates.
    type: path
    env:
      - name: SDDC_MANAGER_CA_PATH
  request_timeout:
    description: Seconds the whole read of one manager may take (0.1 to 3600).
    type: float
    default: 30
    env:
      - name: SDDC_MANAGER_REQUEST_TIMEOUT
  stale_after_days:
    description: A domain whose newest finished pre-check is older than this many days puts its manager in
      C(precheck_stale).
    type: float
    default: 7
  max_workers:
    description: How many managers are read at the same time (1 to 64).
    type: int
    default: 10
'''

EXAMPLES = r'''
# fleet.sddc_managers.yml: three managers, one user for all (its password from the environment or a vault)
plugin: sddc.manager.sddc_managers
username: administrator@vsphere.local
managers:
  - hostname: sfo-vcf01.example.com
    name: sfo
  - hostname: lax-vcf01.example.com
    name: lax
  - hostname: lab-vcf01.example.com
    validate_certs: false
    password: !vault |
      $ANSIBLE_VAULT;1.1;AES256
      6236...
keyed_groups:
  - key: sddc_manager_version.split('.')[:3] | join('_')
    prefix: vcf_build
compose:
  domain_count: sddc_manager_domains | length

# ansible-inventory -i fleet.sddc_managers.yml --graph
'''

import concurrent.futures
import re
import time
from datetime import datetime, timedelta, timezone

from ansible.errors import AnsibleParserError
from ansible.module_utils.parsing.convert_bool import boolean
from ansible.plugins.inventory import BaseInventoryPlugin, Cacheable, Constructable

from ansible_collections.sddc.manager.plugins.module_utils.appliance import appliance_version, parse_version
from ansible_collections.sddc.manager.plugins.module_utils.check_sets import RUNNING_TASK_STATES, runs_of_domains
from ansible_collections.sddc.manager.plugins.module_utils.client import HAS_REQUESTS, SddcManagerClient
from ansible_collections.sddc.manager.plugins.module_utils.domains import list_domains
from ansible_collections.sddc.manager.plugins.module_utils.errors import SddcManagerError
from ansible_collections.sddc.manager.plugins.module_utils.options import REQUEST_TIMEOUT_RANGE
from ansible_collections.sddc.manager.plugins.module_utils.redact import Redactor
from ansible_collections.sddc.manager.plugins.module_utils.retry import RetryPolicy
from ansible_collections.sddc.manager.plugins.module_utils.text import one_line, parse_timestamp

MANAGER_KEYS = ('hostname', 'name', 'username', 'password', 'api_token', 'validate_certs', 'ca_path')
SHARED_KEYS = ('username', 'password', 'api_token', 'validate_certs', 'ca_path')
NAME = re.compile(r'^[A-Za-z0-9][A-Za-z0-9._@-]{0,254}$')
MAX_WORKERS = 64
UNREACHABLE = 'sddc_manager_unreachable'
RUN_ON_CONTROLLER = dict(ansible_connection='local')


def _secret(value):
    """A string option as text: a vault string is decrypted here, and only here."""
    return None if value is None or value == '' else str(value)


def newest_runs(client, domain: dict) -> tuple:
    """(the newest run of ``domain``, its newest finished run), each a run-list entry, or None."""
    entries = runs_of_domains(client, [domain])   # newest first
    finished = next((entry for entry in entries if entry['status'] and entry['status'] not in RUNNING_TASK_STATES),
                    None)
    return (entries[0] if entries else None), finished


def _age_days(stamp: str, now: datetime):
    moment = parse_timestamp(stamp)
    return None if moment is None else (now - moment) / timedelta(days=1)


def read_manager(settings: dict, stale_after_days: float, now: datetime) -> dict:
    """What the inventory knows of one manager: version, domains, newest runs and the groups they put it in."""
    timeout = settings['request_timeout']
    client = SddcManagerClient(settings['hostname'], username=settings.get('username'),
                               password=settings.get('password'), api_token=settings.get('api_token'),
                               validate_certs=settings['validate_certs'], ca_path=settings.get('ca_path'),
                               request_timeout=timeout, retry_policy=RetryPolicy(retries=1, max_delay=1.0))
    with client, client.deadline(time.monotonic() + timeout):
        version = appliance_version(client)
        domains = list_domains(client, with_status=True)
        last, flags = {}, set()
        for domain in domains:
            newest, finished = newest_runs(client, domain)
            last[domain['name']] = None if newest is None else dict(
                (key, newest[key]) for key in ('id', 'status', 'timestamp', 'completion_timestamp', 'target_version'))
            if newest is None:
                flags.add('precheck_never_run')
            elif newest['status'] in RUNNING_TASK_STATES:
                flags.add('precheck_in_progress')
            age = _age_days(finished['completion_timestamp'] or finished['timestamp'], now) if finished else None
            if newest is not None and (age is None or age > stale_after_days):
                flags.add('precheck_stale')
    numbers = parse_version(version)
    if numbers:
        flags.add('vcf_%d_%d' % tuple(numbers[:2]))
    return dict(version=version, domains=domains, last_precheck=last, groups=sorted(flags), error=None)


def failed_read(settings: dict, exc: BaseException) -> dict:
    """A manager that could not be read: kept, with one redacted line saying why."""
    redactor = Redactor(*settings.get('secrets', ()))
    text = exc.msg if isinstance(exc, SddcManagerError) else 'Unexpected %s: %s' % (type(exc).__name__, exc)
    return dict(version=None, domains=[], last_precheck={}, groups=[UNREACHABLE],
                error=redactor.text(one_line(text, 500)))


class InventoryModule(BaseInventoryPlugin, Constructable, Cacheable):

    NAME = 'sddc.manager.sddc_managers'

    def verify_file(self, path):
        return super().verify_file(path) and path.endswith(('.sddc_managers.yml', '.sddc_managers.yaml'))

    def parse(self, inventory, loader, path, cache=True):
        super().parse(inventory, loader, path, cache)
        if not HAS_REQUESTS:
            raise AnsibleParserError('The sddc.manager.sddc_managers inventory needs the Python library requests on '
                                     'the controller: pip install requests')
        self._read_config_data(path)
        managers = self._manager_settings()
        cache_key = self.get_cache_key(path)
        use_cache = self.get_option('cache') and cache
        results = None
        if use_cache:
            try:
                results = self._cache[cache_key]
            except KeyError:
                results = None
        if results is None or set(results) != set(m['name'] for m in managers):
            results = self._read_all(managers)
            if self.get_option('cache'):
                self._cache[cache_key] = results
        self._populate(managers, results)

    # -- settings ---------------------------------------------------------------------------------------------

    def _manager_settings(self) -> list:
        """Each manager's settings, what it leaves out taken from the shared options; checked before any read."""
        shared = dict((key, self.get_option(key)) for key in SHARED_KEYS)
        timeout = self.get_option('request_timeout')
        low, high = REQUEST_TIMEOUT_RANGE
        if not low <= timeout <= high:
            raise AnsibleParserError('request_timeout must be from %g to %g seconds; got %s.' % (low, high, timeout))
        managers, names = [], set()
        for index, entry in enumerate(self.get_option('managers') or []):
            if not isinstance(entry, dict) or not entry.get('hostname'):
                raise AnsibleParserError('managers[%d] needs a hostname.' % index)
            unknown = sorted(set(entry) - set(MANAGER_KEYS))
            if unknown:
                raise AnsibleParserError('managers[%d] has unknown keys: %s (known: %s).'
                                         % (index, ', '.join(map(str, unknown)), ', '.join(MANAGER_KEYS)))
            settings = dict((key, entry[key] if entry.get(key) not in (None, '') else shared.get(key))
                            for key in SHARED_KEYS)
            for key in ('username', 'password', 'api_token', 'ca_path'):
                settings[key] = _secret(settings[key])
            # Every password and token of the file is masked in this manager's error line, not only its own.
            settings['secrets'] = [settings['password'], settings['api_token'], _secret(shared['password']),
                                   _secret(shared['api_token'])]
            settings.update(hostname=str(entry['hostname']).strip(), request_timeout=timeout,
                            validate_certs=self._boolean(settings['validate_certs'], index),
                            given=dict((key, entry[key]) for key in ('validate_certs', 'ca_path') if key in entry))
            name = str(entry.get('name') or settings['hostname']).strip()
            if not NAME.match(name) or '..' in name:
                raise AnsibleParserError('managers[%d]: %r cannot be an inventory host name (letters, digits, dots, '
                                         'dashes, underscores and @); set name.' % (index, name))
            if name in names:
                raise AnsibleParserError('managers[%d]: the name %s is given twice.' % (index, name))
            names.add(name)
            settings['name'] = name
            managers.append(settings)
        if not managers:
            raise AnsibleParserError('managers lists no SDDC Manager.')
        return managers

    @staticmethod
    def _boolean(value, index):
        try:
            return boolean(value, strict=True)
        except TypeError:
            raise AnsibleParserError('managers[%d]: validate_certs must be true or false; got %r.' % (index, value))

    # -- reading ----------------------------------------------------------------------------------------------

    def _read_all(self, managers: list) -> dict:
        """Every manager's reading, by name, read concurrently; none raises."""
        workers = max(1, min(int(self.get_option('max_workers')), MAX_WORKERS, len(managers)))
        stale, now = float(self.get_option('stale_after_days')), datetime.now(timezone.utc)

        def read(settings):
            try:
                return read_manager(settings, stale, now)
            except Exception as exc:  # pylint: disable=broad-except  # one manager's failure is its row, not ours
                return failed_read(settings, exc)
        with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
            readings = list(pool.map(read, managers))
        return dict((settings['name'], reading) for settings, reading in zip(managers, readings))

    # -- the inventory ----------------------------------------------------------------------------------------

    def _populate(self, managers: list, results: dict) -> None:
        strict = self.get_option('strict')
        self.inventory.add_group('sddc_managers')
        for settings in managers:
            name = settings['name']
            reading = results.get(name) or failed_read(settings, RuntimeError('not read'))
            self.inventory.add_host(name, group='sddc_managers')
            # The host is an API endpoint: its tasks run on the controller.
            for key, value in RUN_ON_CONTROLLER.items():
                self.inventory.set_variable(name, key, value)
            host_vars = dict(sddc_manager_hostname=settings['hostname'], sddc_manager_version=reading['version'],
                             sddc_manager_domains=reading['domains'],
                             sddc_manager_last_precheck=reading['last_precheck'])
            for key, value in settings['given'].items():
                host_vars['sddc_manager_' + key] = value if key != 'validate_certs' else settings['validate_certs']
            if reading['error']:
                host_vars['sddc_manager_inventory_error'] = reading['error']
                self.display.warning('SDDC Manager %s (%s) could not be read; it is in the group %s: %s'
                                     % (name, settings['hostname'], UNREACHABLE, reading['error']))
            for key, value in host_vars.items():
                self.inventory.set_variable(name, key, value)
            for group in reading['groups']:
                self.inventory.add_group(group)
                self.inventory.add_child(group, name)
            self._set_composite_vars(self.get_option('compose'), host_vars, name, strict=strict)
            self._add_host_to_composed_groups(self.get_option('groups'), host_vars, name, strict=strict)
            self._add_host_to_keyed_groups(self.get_option('keyed_groups'), host_vars, name, strict=strict)
