# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a finished run's verdict needs beyond the run's own answer, read once it has finished.

* its target version and domains, from the run list (the run read does not carry them);
* for a target version: the coverage of the target release and the domains' upgradable errors;
* on 9.1 and later: the run read again with ``includeSummary=true``, and the silenced checks
  (``severity=INFO&includeOnlySilencedInfo=true``). An older appliance is never sent these
  parameters (the 9.0.2 excerpt in tests/spec/ has none).
"""

from ansible_collections.sddc.manager.plugins.module_utils.appliance import appliance_version, parse_version
from ansible_collections.sddc.manager.plugins.module_utils.check_sets import find_run_entry, read_run
from ansible_collections.sddc.manager.plugins.module_utils.coverage import read_coverage, upgradable_findings
from ansible_collections.sddc.manager.plugins.module_utils.errors import (
    ApiError,
    AuthenticationError,
    InvalidResponseError,
    TransportError,
)
from ansible_collections.sddc.manager.plugins.module_utils.findings import silenced_of

READ_PARAMETERS_FROM = (9, 1)
SUMMARY_QUERY = {'includeSummary': 'true'}
SILENCED_QUERY = {'severity': 'INFO', 'includeOnlySilencedInfo': 'true'}


class RunContext:
    """``run`` (the answer to judge), ``entry``, ``coverage``, ``extra_findings`` and ``silenced`` (None: not read)."""

    def __init__(self, run, entry=None, coverage=None, extra_findings=(), silenced=None, unread=()):
        self.run = run
        self.unread = list(unread)   # what could not be read: each a reason the run is not READY
        self.entry = entry
        self.coverage = coverage
        self.extra_findings = list(extra_findings)
        self.silenced = silenced

    @property
    def target_version(self):
        return self.entry['target_version'] if self.entry else None


def read_run_context(client, run_id: str, run: dict) -> RunContext:
    """The context of the finished run ``run_id`` whose last answer was ``run``."""
    entry = find_run_entry(client, run_id)
    coverage, extra, unread = None, [], []
    if entry and entry['target_version'] and entry['domains']:
        domains = [d for d in entry['domains'] if d.get('id')]
        target = entry['target_version']
        try:
            coverage = read_coverage(client, domains, target)
            for domain in domains:
                extra.extend(upgradable_findings(client, dict(domain, name=domain.get('name') or domain['id']), target))
        except (ApiError, InvalidResponseError, TransportError) as exc:
            if isinstance(exc, AuthenticationError):
                raise
            # Not READY, but the run's own findings are kept and reported.
            coverage = dict(target_version=target, components=[], complete=False, not_covered=[], error=exc.msg)
            unread.append('what the run covered of release %s could not be read: %s' % (target, exc.msg))
    silenced = None
    parsed = parse_version(appliance_version(client))
    if parsed is not None and parsed >= READ_PARAMETERS_FROM:
        summarised = read_run(client, run_id, SUMMARY_QUERY)
        run = summarised if isinstance(summarised, dict) else run
        silenced = silenced_of(read_run(client, run_id, SILENCED_QUERY))
    return RunContext(run, entry, coverage, extra, silenced, unread)
