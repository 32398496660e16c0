# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Everything the simulator remembers: users, tokens, runs, faults, and what it served."""

import copy
import re
import secrets
import threading
import time
import uuid

from .checksets import DEFAULT_DOMAINS, CheckRun, Domain
from .exports import ExportScript
from .faults import FaultRule

DEFAULT_VERSION = '9.1.0.0.24000000'
DEFAULT_USERS = {'administrator@vsphere.local': 'VMware1!VMware1!'}


class SimulatorState:
    """The whole mutable state, behind one lock; ``load`` replaces it from a scenario."""

    def __init__(self, scenario=None):
        self.lock = threading.RLock()
        self.load(scenario or {})

    def load(self, scenario):
        scenario = dict(scenario)
        with self.lock:
            self.version = scenario.pop('version', DEFAULT_VERSION)
            self.users = dict(scenario.pop('users', DEFAULT_USERS))
            self.token_lifetime = float(scenario.pop('token_lifetime', 3600))
            self.login_status = int(scenario.pop('login_status', 201))
            self.content_disposition = bool(scenario.pop('content_disposition', True))
            self.bundles = dict(scenario.pop('bundles', {}))
            self.access_tokens = {}
            self.refresh_tokens = set()
            for token in scenario.pop('api_tokens', []):
                self.access_tokens[token] = float('inf')
            self.exports = {}
            for export in scenario.pop('exports', []):
                self.add_export(export)
            self.domains = [Domain(**dict(d)) for d in copy.deepcopy(scenario.pop('domains', DEFAULT_DOMAINS))]
            self.precheck = dict(scenario.pop('precheck', {}))
            self.queries = {}
            self.check_runs = {}
            for run in scenario.pop('check_runs', []):
                self.add_check_run(run)
            self.faults = [FaultRule(**fault) for fault in scenario.pop('faults', [])]
            if scenario:
                raise ValueError('unknown scenario settings: %s' % ', '.join(sorted(scenario)))
            self.reset_stats()

    def version_tuple(self):
        """(9, 1) from the version this appliance plays."""
        return tuple(int(part) for part in re.findall(r'\d+', self.version)[:2])

    def reset_stats(self):
        with self.lock:
            self.stats = {'requests': 0, 'connections': 0, 'logins': 0, 'refreshes': 0, 'log': []}

    def add_export(self, export):
        """A scripted export timeline of the run ``run_id`` (ExportScript settings); returns the run id."""
        export = dict(export)
        run_id = str(export.pop('run_id')).lower()
        with self.lock:
            self.exports[run_id] = ExportScript(run_id, **export)
        return run_id

    # -- domains and check-set runs -------------------------------------------------

    def domain(self, value):
        """The domain with this id (or name), or None."""
        value = str(value)
        return next((d for d in self.domains if d.id == value.lower() or d.name == value), None)

    def add_check_run(self, run):
        """A scripted run: ``domains`` by name or id, plus CheckRun settings; returns its id."""
        run = dict(run)
        run_id = str(run.pop('run_id', None) or uuid.uuid4()).lower()
        domains = [self.domain(d) for d in run.pop('domains', [])]
        if None in domains or not domains:
            raise ValueError('a check run needs domains that exist in the scenario')
        settings = dict(self.precheck)
        settings.update(run)
        with self.lock:
            self.check_runs[run_id] = CheckRun(run_id, domains, **settings)
        return run_id

    def add_fault(self, fault):
        with self.lock:
            self.faults.append(FaultRule(**fault))

    def take_fault(self, method, path):
        with self.lock:
            for rule in self.faults:
                if rule.take(method, path):
                    return rule
        return None

    def record(self, method, path, status):
        with self.lock:
            self.stats['requests'] += 1
            self.stats['log'].append([method, path, status])

    def count_connection(self):
        with self.lock:
            self.stats['connections'] += 1

    # -- tokens --------------------------------------------------------------------

    def login(self, username, password):
        with self.lock:
            if username not in self.users or self.users[username] != password:
                return None
            self.stats['logins'] += 1
            refresh = 'sim-refresh-' + secrets.token_hex(12)
            self.refresh_tokens.add(refresh)
            return {'accessToken': self._new_access_token(), 'refreshToken': {'id': refresh}}

    def refresh(self, refresh_token):
        with self.lock:
            if refresh_token not in self.refresh_tokens:
                return None
            self.stats['refreshes'] += 1
            return self._new_access_token()

    def revoke(self, refresh_token):
        with self.lock:
            self.refresh_tokens.discard(refresh_token)

    def token_valid(self, token):
        with self.lock:
            expiry = self.access_tokens.get(token)
            return expiry is not None and expiry > time.time()

    def expire_tokens(self, refresh=False):
        """Expire every access token now (and, with refresh=True, every refresh token)."""
        with self.lock:
            for token in self.access_tokens:
                self.access_tokens[token] = 0
            if refresh:
                self.refresh_tokens.clear()

    def _new_access_token(self):
        token = 'sim-access-' + secrets.token_hex(16)
        self.access_tokens[token] = time.time() + self.token_lifetime
        return token
