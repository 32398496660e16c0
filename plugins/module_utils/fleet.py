# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""One verdict for many SDDC Managers: each manager's outcome, and the fleet's, from the run reports.

A manager's *outcome* is what the fleet page needs of one pre-check: the verdict and why, a verdict
and counts per domain, and the checks that failed or warned. ``precheck_report`` returns it beside
the files it writes; the ``upgrade_precheck`` role keeps it as a fact and as a ``set_stats`` key of
its own per manager; ``fleet_report`` reads it back from those, or from the JSON reports in a folder.
Wherever it comes from it is read as untrusted: every string bounded and made one line again.
Fail closed: a verdict the fleet cannot read is NOT CHECKED, a run-level reason blocks every domain.
"""

import json
import os

from ansible_collections.sddc.manager.plugins.module_utils.findings import count
from ansible_collections.sddc.manager.plugins.module_utils.precheck_verdict import (
    BLOCKED,
    NOT_CHECKED,
    NOT_FINISHED,
    READY,
    READY_WITH_WARNINGS,
)
from ansible_collections.sddc.manager.plugins.module_utils.text import one_line, plural, text_field

# Worst first: the fleet's verdict is the worst of its managers'.
VERDICT_ORDER = (BLOCKED, NOT_CHECKED, NOT_FINISHED, READY_WITH_WARNINGS, READY)
GOOD = (READY, READY_WITH_WARNINGS)
MAX_CHECKS = 500          # per manager: the fleet page groups them; the run report keeps them all
MAX_DOMAINS = 1000
MAX_MANAGERS = 5000
MAX_REASONS = 20
MAX_REPORT_BYTES = 64 * 1024 * 1024
COUNT_KEYS = ('error', 'warning', 'info', 'passed')
LISTED = ('ERROR', 'WARNING')


def worst(verdicts) -> str:
    """The worst of ``verdicts`` (READY when there are none)."""
    ranks = [VERDICT_ORDER.index(v) for v in verdicts]
    return VERDICT_ORDER[min(ranks)] if ranks else READY


def _counts(entry) -> dict:
    entry = entry if isinstance(entry, dict) else {}
    return dict((key, count(entry.get(key))) for key in COUNT_KEYS)


def _domain_verdict(run_verdict: str, run_level_reasons: bool, failing: int, counts: dict) -> str:
    if run_verdict not in GOOD + (BLOCKED,):
        return run_verdict   # NOT FINISHED, NOT CHECKED: no domain is known to be fine
    if failing or (run_verdict == BLOCKED and run_level_reasons):
        return BLOCKED
    return READY_WITH_WARNINGS if counts['warning'] else READY


def domain_outcomes(report: dict, verdict: str) -> list:
    """Each domain of the run with its verdict and counts.

    A domain is BLOCKED by its own failing findings; a BLOCKED run with a reason beyond the findings (coverage,
    counts that disagree, an expired waiver) or with a failing finding of no known domain blocks every domain.
    """
    summary = report.get('summary') if isinstance(report.get('summary'), dict) else {}
    per_domain = {}
    for entry in (summary.get('domains') if isinstance(summary.get('domains'), list) else [])[:MAX_DOMAINS]:
        if isinstance(entry, dict) and text_field(entry.get('domain'), 255):
            per_domain.setdefault(text_field(entry['domain'], 255), _counts(entry))
    names = [text_field(d, 255) for d in (report.get('domains') if isinstance(report.get('domains'), list) else [])]
    names = [n for n in names if n][:MAX_DOMAINS]
    for name in per_domain:
        if name not in names:
            names.append(name)
    failing = {}
    unattributed = False
    for finding in report.get('failing') if isinstance(report.get('failing'), list) else []:
        domain = text_field(finding.get('domain'), 255) if isinstance(finding, dict) else None
        if domain in names:
            failing[domain] = failing.get(domain, 0) + 1
        else:
            unattributed = True
    run_level = bool(report.get('verdict_reasons')) or unattributed
    return [dict(name=name, verdict=_domain_verdict(verdict, run_level, failing.get(name, 0),
                                                    per_domain.get(name) or _counts(None)),
                 **(per_domain.get(name) or _counts(None)))
            for name in names]


def _checks(report: dict) -> list:
    """The checks that failed the gate or warned, once per check, domain and severity (bounded)."""
    failing = set()
    for finding in report.get('failing') if isinstance(report.get('failing'), list) else []:
        if isinstance(finding, dict):
            failing.add((finding.get('id'), finding.get('name'), finding.get('domain'), finding.get('resource')))
    checks, seen = [], set()
    for finding in report.get('findings') if isinstance(report.get('findings'), list) else []:
        if not isinstance(finding, dict) or finding.get('severity') not in LISTED:
            continue
        blocking = (finding.get('id'), finding.get('name'), finding.get('domain'), finding.get('resource')) in failing
        entry = dict(check=text_field(finding.get('id'), 255) or text_field(finding.get('name'), 255) or 'unnamed',
                     name=text_field(finding.get('name'), 255), severity=finding['severity'],
                     domain=text_field(finding.get('domain'), 255), blocking=blocking,
                     set_aside=bool(finding.get('ignored') or finding.get('waived')))
        key = tuple(sorted(entry.items()))
        if key not in seen:
            seen.add(key)
            checks.append(entry)
        if len(checks) >= MAX_CHECKS:
            break
    return checks


def manager_outcome(report: dict, name: str = None, reports: dict = None) -> dict:
    """A manager's outcome from a run report (``precheck_report.report_data`` or its JSON)."""
    appliance = report.get('appliance') if isinstance(report.get('appliance'), dict) else {}
    verdict = report.get('verdict') if report.get('verdict') in VERDICT_ORDER else NOT_CHECKED
    reasons = [one_line(r, 1000) for r in (report.get('verdict_reasons') or [])[:MAX_REASONS] if r]
    if report.get('verdict') not in VERDICT_ORDER:
        reasons.insert(0, 'The report has no verdict this collection knows (%s).' % one_line(report.get('verdict'), 60))
    summary = report.get('summary') if isinstance(report.get('summary'), dict) else {}
    return dict(
        name=text_field(name or report.get('manager') or appliance.get('hostname'), 255) or 'unnamed',
        hostname=text_field(appliance.get('hostname'), 255), version=text_field(appliance.get('version'), 64),
        verdict=verdict, reason=reasons[0] if reasons and verdict in (NOT_CHECKED, NOT_FINISHED) else None,
        reasons=reasons, run_id=text_field(report.get('run_id'), 64), status=text_field(report.get('status'), 64),
        target_version=text_field(report.get('target_version'), 64),
        completed=text_field(report.get('completed'), 64), counts=_counts(summary),
        domains=domain_outcomes(report, verdict), checks=_checks(report),
        reports=dict((k, text_field(v, 4096)) for k, v in (reports or {}).items() if text_field(v, 4096)))


def not_checked(name: str, hostname: str = None, reason: str = None) -> dict:
    """The outcome of a manager that has no report: never reached, or failed before the pre-check ran."""
    reason = one_line(reason or 'No pre-check result was recorded for it.', 1000)
    return dict(name=text_field(name, 255) or 'unnamed', hostname=text_field(hostname, 255), version=None,
                verdict=NOT_CHECKED, reason=reason, reasons=[reason], run_id=None, status=None, target_version=None,
                completed=None, counts=_counts(None), domains=[], checks=[], reports={})


def clean_outcome(outcome, name: str = None) -> dict:
    """An outcome read back from a fact, a workflow artifact or a file, bounded and checked again."""
    if not isinstance(outcome, dict):
        return not_checked(name, reason='Its recorded result is not an outcome of sddc.manager.upgrade_precheck.')
    reasons = outcome.get('reasons') if isinstance(outcome.get('reasons'), list) else []
    report = dict(verdict=outcome.get('verdict'), verdict_reasons=reasons, manager=outcome.get('name'),
                  appliance=dict(hostname=outcome.get('hostname'), version=outcome.get('version')),
                  run_id=outcome.get('run_id'), status=outcome.get('status'),
                  target_version=outcome.get('target_version'), completed=outcome.get('completed'),
                  summary=dict(outcome.get('counts') if isinstance(outcome.get('counts'), dict) else {},
                               domains=[dict(d, domain=d.get('name')) for d in outcome.get('domains') or []
                                        if isinstance(d, dict)]),
                  domains=[d.get('name') for d in outcome.get('domains') or [] if isinstance(d, dict)])
    cleaned = manager_outcome(report, name or outcome.get('name'),
                              outcome.get('reports') if isinstance(outcome.get('reports'), dict) else {})
    # The recorded domain verdicts stand when they are known words (a run-level reason is not in the outcome).
    recorded = dict((d.get('name'), d.get('verdict')) for d in outcome.get('domains') or [] if isinstance(d, dict))
    for domain in cleaned['domains']:
        if recorded.get(domain['name']) in VERDICT_ORDER:
            domain['verdict'] = worst([domain['verdict'], recorded[domain['name']]])
    cleaned['checks'] = _clean_checks(outcome.get('checks'))
    if cleaned['verdict'] in (NOT_CHECKED, NOT_FINISHED) and not cleaned['reason']:
        cleaned['reason'] = one_line(outcome.get('reason'), 1000) or 'No reason was recorded.'
    return cleaned


def _clean_checks(checks) -> list:
    cleaned = []
    for check in (checks if isinstance(checks, list) else [])[:MAX_CHECKS]:
        if isinstance(check, dict) and check.get('severity') in LISTED:
            cleaned.append(dict(check=text_field(check.get('check'), 255) or 'unnamed',
                                name=text_field(check.get('name'), 255), severity=check['severity'],
                                domain=text_field(check.get('domain'), 255), blocking=check.get('blocking') is True,
                                set_aside=check.get('set_aside') is True))
    return cleaned


# -- the fleet -----------------------------------------------------------------------------------------------

def _grouped_checks(managers: list) -> list:
    """Each check across the fleet with the domains it fails or warns on, the most widespread blocker first."""
    groups = {}
    for manager in managers:
        for check in manager['checks']:
            if check['set_aside']:
                continue
            key = (check['check'], check['severity'], check['blocking'])
            group = groups.setdefault(key, dict(check=check['check'], name=check['name'], severity=check['severity'],
                                                blocking=check['blocking'], places=[]))
            place = '%s/%s' % (manager['name'], check['domain'] or 'unknown domain')
            if place not in group['places']:
                group['places'].append(place)
    ordered = sorted(groups.values(), key=lambda g: (not g['blocking'], g['severity'] != 'ERROR', -len(g['places']),
                                                     g['check']))
    for group in ordered:
        group['places'].sort()
        group['count'] = len(group['places'])
    return ordered


def fleet_data(outcomes: list) -> dict:
    """The fleet: its verdict (the worst), counts per verdict, each manager, the checks grouped, who was not checked."""
    managers = sorted(outcomes[:MAX_MANAGERS], key=lambda m: (VERDICT_ORDER.index(m['verdict']), m['name']))
    checked_domains = sum(1 for m in managers for d in m['domains'] if d['verdict'] in GOOD + (BLOCKED,))
    counts = dict((verdict, sum(1 for m in managers if m['verdict'] == verdict)) for verdict in VERDICT_ORDER)
    completed = sorted(m['completed'] for m in managers if m['completed'])
    verdict = worst(m['verdict'] for m in managers) if managers else NOT_CHECKED
    return dict(verdict=verdict, counts=counts, managers=managers, checks=_grouped_checks(managers),
                domains_checked=checked_domains, completed=completed[-1] if completed else None,
                not_checked=[dict(name=m['name'], hostname=m['hostname'], verdict=m['verdict'], reason=m['reason'])
                             for m in managers if m['verdict'] in (NOT_CHECKED, NOT_FINISHED)],
                msg=fleet_message(verdict, counts, len(managers)))


def fleet_message(verdict: str, counts: dict, total: int) -> str:
    if not total:
        return 'NOT CHECKED: no SDDC Manager was pre-checked.'
    parts = ['%d %s' % (counts[v], v) for v in VERDICT_ORDER if counts.get(v)]
    return '%s: %s pre-checked: %s.' % (verdict, plural(total, 'SDDC Manager'), ', '.join(parts))


def check_phrase(group: dict, of: int) -> str:
    """``vcenter-backup-config fails on 7 of 12 domains: sfo/w01, lax/w02, ...``."""
    what = 'fails' if group['blocking'] else ('errs' if group['severity'] == 'ERROR' else 'warns')
    shown = ', '.join(group['places'][:10]) + (', ...' if group['count'] > 10 else '')
    return '%s %s on %d of %s: %s' % (group['check'], what, group['count'], plural(of, 'domain'), shown)


# -- reading the JSON reports of a folder ----------------------------------------------------------------------

def _report_files(folder: str) -> list:
    """``precheck-*.json`` run reports in ``folder`` and its direct subfolders (one per manager)."""
    found = []
    for root in [folder] + sorted(os.path.join(folder, n) for n in os.listdir(folder)
                                  if os.path.isdir(os.path.join(folder, n)) and not n.startswith('.')):
        for name in sorted(os.listdir(root)):
            if name.startswith('precheck-') and name.endswith('.json') and name != 'precheck-trend.json':
                found.append(os.path.join(root, name))
    return found


def outcomes_from_folder(folder: str) -> tuple:
    """(the newest outcome of each manager in ``folder``'s JSON reports, the files that are not reports)."""
    newest, skipped = {}, []
    for path in _report_files(folder)[:MAX_MANAGERS * 20]:
        try:
            with open(path, 'rb') as handle:
                report = json.loads(handle.read(MAX_REPORT_BYTES + 1).decode('utf-8'))
            written = os.stat(path).st_mtime
        except (OSError, ValueError, RecursionError):
            skipped.append(path)
            continue
        if not isinstance(report, dict) or 'verdict' not in report or not isinstance(report.get('findings'), list):
            skipped.append(path)
            continue
        appliance = report.get('appliance') if isinstance(report.get('appliance'), dict) else {}
        name = report.get('manager') or (os.path.basename(os.path.dirname(path)) if os.path.dirname(path) != folder
                                         else appliance.get('hostname'))
        html = path[:-len('.json')] + '.html'
        reports = dict(json=path, html=html if os.path.exists(html) else None)
        outcome = manager_outcome(report, text_field(name, 255), reports)
        order = (written, path)
        if outcome['name'] not in newest or newest[outcome['name']][0] < order:
            newest[outcome['name']] = (order, outcome)
    return [outcome for dummy, outcome in newest.values()], skipped
