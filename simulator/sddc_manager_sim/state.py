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
from .exports import RunScript

DEFAULT_VERSION = '9.1.0.0.24000000'
DEFAULT_USERS = {'administrator@vsphere.local': 'VMware1!VMware1!'}


class FaultRule:
    """Answer the next ``count`` matching requests (after ``skip`` of them) with a fault.

    kinds: ``status`` (an HTTP error, optional Retry-After), ``reset`` (TCP reset,
    no answer), ``slow`` (answer normally after ``delay`` s), ``non_json`` (an HTML
    page), ``truncated`` (JSON cut short), ``expire_tokens`` (every access token
    expires just before the request, and with ``refresh: true`` every refresh token),
    ``cut`` (the normal answer, but the connection breaks half-way through its body);
    hostile ones (hostile.py): ``redirect`` (to ``location``), ``trickle`` (the normal
    answer a byte every ``delay`` s), ``echo`` (the caller's secrets sent back, ``as_export``
    in a FAILED export), ``flood`` (``size`` bytes of JSON), ``deep`` (an Error ``depth``
    levels deep, or ``brackets`` nested brackets).
    """

    KINDS = ('status', 'reset', 'slow', 'non_json', 'truncated', 'expire_tokens', 'cut',
             'redirect', 'trickle', 'echo', 'flood', 'deep')

    def __init__(self, kind, path='', method='*', count=1, skip=0, status=None,
                 retry_after=None, delay=0.0, body=None, refresh=False, location=None, as_export=False,
                 size=None, depth=None, brackets=None):
        if kind not in self.KINDS:
            raise ValueError('fault kind must be one of %s' % ', '.join(self.KINDS))
        self.kind = kind
        self.path = re.compile(path)
        self.method = method.upper()
        self.count = int(count)
        self.skip = int(skip)
        self.status = status
        self.retry_after = retry_after
        self.delay = float(delay)
        self.body = body
        self.refresh = bool(refresh)
        self.location = location
        self.as_export = bool(as_export)
        self.size = size
        self.depth = depth
        self.brackets = brackets

    def take(self, method, path):
        """True (and one fewer left) when this rule applies to the request."""
        if self.count <= 0 or (self.method != '*' and self.method != method) or not self.path.search(path):
            return False
        if self.skip > 0:
            self.skip -= 1
            return False
        self.count -= 1
        return True


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
            self.access_tokens = {}
            self.refresh_tokens = set()
            for token in scenario.pop('api_tokens', []):
                self.access_tokens[token] = float('inf')
            self.runs = {}
            for run in scenario.pop('runs', []):
                self.add_run(run)
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

    def reset_stats(self):
        with self.lock:
            self.stats = {'requests': 0, 'connections': 0, 'logins': 0, 'refreshes': 0, 'log': []}

    def add_run(self, run):
        run = dict(run)
        run_id = str(run.pop('run_id')).lower()
        with self.lock:
            self.runs[run_id] = RunScript(run_id, **run)
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
