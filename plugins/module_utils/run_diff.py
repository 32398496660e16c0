# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What changed between two pre-check runs: new, resolved, persisting and changed findings.

A finding is the same across runs when its check (``validatorDefinitionId``, else ``errorCode``,
else the check's name), its resource (id when known, else name) and its domain (id when known,
else name) are: never the message text, which SDDC Manager may reword. Findings that carry ids on
one side only are matched again by names.
"""

import json

from ansible_collections.sddc.manager.plugins.module_utils.check_sets import (
    canonical_run_id,
    find_run_entry,
    is_uuid,
    require_run,
    runs_of_domains,
    same_target,
)
from ansible_collections.sddc.manager.plugins.module_utils.domains import resolve_domains
from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError, NotFoundError
from ansible_collections.sddc.manager.plugins.module_utils.findings import ERROR, SEVERITY_RANK, WARNING
from ansible_collections.sddc.manager.plugins.module_utils.run_result import COMPLETED_STATUSES, describe_run
from ansible_collections.sddc.manager.plugins.module_utils.text import plural, text_field

CLASSES = ('new', 'resolved', 'persisting', 'severity_changed')
MAX_REPORT_BYTES = 64 * 1024 * 1024


def _fold(value) -> str:
    return str(value).casefold() if value else ''


def identity(finding: dict, by_id: bool = True) -> tuple:
    """(check, resource, domain) of a finding; ``by_id`` prefers the resource and domain ids."""
    check = _fold(finding.get('id') or finding.get('name'))
    resource = (by_id and finding.get('resource_id')) or finding.get('resource')
    domain = (by_id and finding.get('domain_id')) or finding.get('domain')
    return check, _fold(resource), _fold(domain)


def _ids_agree(one: dict, other: dict) -> bool:
    return all(not one.get(key) or not other.get(key) or one[key] == other[key] for key in ('resource_id', 'domain_id'))


def _index(findings: list, by_id: bool) -> dict:
    index = {}
    for finding in findings:
        if isinstance(finding, dict) and finding.get('severity') in SEVERITY_RANK:
            index.setdefault(identity(finding, by_id), finding)   # one finding per identity
    return index


def compare(current: list, baseline: list) -> dict:
    """``new``, ``resolved``, ``persisting`` and ``severity_changed`` (each with ``from_severity``)."""
    now, before = _index(current, True), _index(baseline, True)
    pairs = [(now.pop(key), before.pop(key)) for key in list(now) if key in before]
    # What carries an id on one side only is matched again by its names (two different ids stay two findings).
    left, right = _index(list(now.values()), False), _index(list(before.values()), False)
    pairs.extend((left.pop(key), right.pop(key)) for key in list(left)
                 if key in right and _ids_agree(left[key], right[key]))
    result = dict(new=list(left.values()), resolved=list(right.values()), persisting=[], severity_changed=[])
    for finding, old in pairs:
        if finding['severity'] == old['severity']:
            result['persisting'].append(finding)
        else:
            result['severity_changed'].append(dict(finding, from_severity=old['severity']))
    return result


def new_blockers(diff: dict, levels=(ERROR,)) -> list:
    """What the baseline did not have at ``levels``: new findings, and findings whose severity rose into them."""
    risen = [f for f in diff['severity_changed'] if f['severity'] in levels and f['from_severity'] not in levels]
    return [f for f in diff['new'] if f['severity'] in levels] + risen


def counts(diff: dict) -> dict:
    return dict((name, len(diff[name])) for name in CLASSES)


def change_phrase(diff: dict) -> str:
    """``1 new error, 2 resolved, 1 warning became an error, 3 persisting``, or ``no change``."""
    parts = []
    for severity, word in ((ERROR, 'new error'), (WARNING, 'new warning')):
        found = len([f for f in diff['new'] if f['severity'] == severity])
        if found:
            parts.append(plural(found, word))
    info = len([f for f in diff['new'] if f['severity'] not in (ERROR, WARNING)])
    if info:
        parts.append('%d new info' % info)
    if diff['resolved']:
        parts.append('%d resolved' % len(diff['resolved']))
    changes = {}
    for finding in diff['severity_changed']:
        key = (finding['from_severity'], finding['severity'])
        changes[key] = changes.get(key, 0) + 1
    for (old, new), number in sorted(changes.items()):
        parts.append('%s became %s' % (plural(number, _noun(old)), _article(new) if number == 1 else _noun(new) + 's'))
    if diff['persisting']:
        parts.append('%d persisting' % len(diff['persisting']))
    return ', '.join(parts) or 'no change'


def _noun(severity: str) -> str:
    return {ERROR: 'error', WARNING: 'warning'}.get(severity, 'info finding')


def _article(severity: str) -> str:
    return {ERROR: 'an error', WARNING: 'a warning'}.get(severity, 'an info finding')


# -- the two sides -------------------------------------------------------------------------------

def side(run_id, completed, target_version, domains, findings, source) -> dict:
    """One side of a comparison: which run, when it completed, for what, and its findings."""
    return dict(run_id=run_id, completed=completed, target_version=target_version, domains=list(domains),
                findings=findings, source=source)


def read_report(path: str) -> dict:
    """A side from a JSON report of precheck_report; ConfigurationError when it is not one."""
    try:
        with open(path, 'rb') as handle:
            report = json.loads(handle.read(MAX_REPORT_BYTES + 1).decode('utf-8'))
    except (OSError, ValueError, RecursionError) as exc:
        raise ConfigurationError('baseline %s is neither a run id, previous, nor a readable JSON report of '
                                 'sddc.manager.precheck_report (%s).' % (path, getattr(exc, 'strerror', None) or exc),
                                 option='baseline')
    if not isinstance(report, dict) or not isinstance(report.get('findings'), list) or not report.get('run_id'):
        raise ConfigurationError('baseline %s is JSON but not a report of sddc.manager.precheck_report (it has no '
                                 'run_id and findings).' % path, option='baseline')
    return side(text_field(report.get('run_id'), 64), text_field(report.get('completed'), 64),
                text_field(report.get('target_version'), 64),
                [text_field(d, 255) for d in report.get('domains') or [] if text_field(d, 255)],
                [f for f in report['findings'] if isinstance(f, dict)], 'report')


def check_comparable(current: dict, baseline: dict, force: bool) -> None:
    """Refuse a baseline for other domains or another target version, unless ``force``."""
    if force:
        return
    mine, theirs = set(_fold(d) for d in current['domains']), set(_fold(d) for d in baseline['domains'])
    if mine and theirs and mine != theirs:
        raise ConfigurationError('Baseline run %s is for domains %s, not %s: compare runs of the same domains, or '
                                 'set force: true.' % (baseline['run_id'], ', '.join(baseline['domains']),
                                                       ', '.join(current['domains'])), option='baseline')
    if not same_target(current['target_version'], baseline['target_version']):
        raise ConfigurationError('Baseline run %s is for target %s, not %s: compare runs for the same target, or '
                                 'set force: true.' % (baseline['run_id'], baseline['target_version'] or
                                                       'general upgrade readiness', current['target_version'] or
                                                       'general upgrade readiness'), option='baseline')


def since_phrase(baseline: dict, diff: dict) -> str:
    """``Since run X of 2026-11-20: 1 new error, 2 resolved, 1 warning became an error``."""
    when = (baseline['completed'] or '')[:10]
    return 'Since run %s%s: %s' % (baseline['run_id'], ' of %s' % when if when else '', change_phrase(diff))


# -- reading the runs from the appliance ----------------------------------------------------------

def _finished(entry: dict) -> bool:
    return (entry.get('status') or '') in COMPLETED_STATUSES


def _domain_ids(entry: dict) -> set:
    return set(d['id'] for d in entry['domains'] if d.get('id'))


def appliance_side(client, entry: dict) -> dict:
    """A side from a run on the appliance: its findings as precheck_info reads them."""
    described = describe_run(entry['id'], require_run(client, entry['id']))
    return side(entry['id'], entry.get('completion_timestamp'), entry.get('target_version'),
                [d.get('name') or d.get('id') for d in entry.get('domains') or []], described['findings'], 'appliance')


def _entry_of(client, run_id: str) -> dict:
    """The run-list entry of ``run_id``, or a bare one when no domain lists the run (it is still comparable)."""
    return find_run_entry(client, run_id) or dict(id=run_id, status=None, timestamp=None, completion_timestamp=None,
                                                  domains=[], target_version=None)


def current_entry(client, params: dict) -> dict:
    """The run to compare: ``run_id``, or the newest finished run of exactly ``domains``."""
    if params.get('run_id'):
        return _entry_of(client, canonical_run_id(params['run_id']))
    domains = resolve_domains(client, params['domains'])
    wanted = set(d['id'] for d in domains)
    for entry in runs_of_domains(client, domains):
        if _finished(entry) and _domain_ids(entry) == wanted:
            return entry
    names = ', '.join(d['name'] for d in domains)
    raise NotFoundError('No finished pre-check run of domain%s %s on SDDC Manager at %s: run one with '
                        'sddc.manager.precheck first.' % ('' if len(domains) == 1 else 's', names, client.base_url),
                        option='domains')


def previous_entry(client, entry: dict) -> dict:
    """The finished run before ``entry`` for the same domains and target, by completion time."""
    domains = [dict(d, name=d.get('name') or d['id']) for d in entry['domains'] if d.get('id')]
    for candidate in sorted((c for c in runs_of_domains(client, domains)
                             if c['id'] != entry['id'] and _finished(c) and _domain_ids(c) == _domain_ids(entry)
                             and same_target(c['target_version'], entry['target_version'])
                             and (c['completion_timestamp'] or '') < (entry['completion_timestamp'] or '~')),
                            key=lambda c: c['completion_timestamp'] or '', reverse=True):
        return candidate
    raise NotFoundError('No finished pre-check run before %s for the same domains and target on SDDC Manager at %s: '
                        'there is nothing to compare with yet.' % (entry['id'], client.base_url), option='baseline')


def baseline_side(client, baseline: str, entry: dict) -> dict:
    value = (baseline or '').strip()
    if value.casefold() == 'previous':
        if not entry['domains']:
            raise NotFoundError('Run %s is listed under no domain, so it has no previous run: name the baseline run '
                                'or report.' % entry['id'], option='baseline')
        return appliance_side(client, previous_entry(client, entry))
    if is_uuid(value):
        return appliance_side(client, _entry_of(client, canonical_run_id(value)))
    return read_report(value)


def since_baseline(baseline: dict, diff: dict) -> dict:
    """What a wait or a report returns of a diff: its classes, counts, the baseline (without findings), msg."""
    described = dict((k, v) for k, v in baseline.items() if k != 'findings')
    return dict(diff, counts=counts(diff), baseline=described, msg=since_phrase(baseline, diff) + '.')


def compare_runs(client, params: dict) -> dict:
    """The result of precheck_diff: what changed between the run and its baseline."""
    if not (params.get('baseline') or '').strip():
        raise ConfigurationError('baseline must be previous, a run id or the path of a JSON report.',
                                 option='baseline')
    entry = current_entry(client, params)
    current = appliance_side(client, entry)
    baseline = baseline_side(client, params['baseline'], entry)
    check_comparable(current, baseline, params.get('force'))
    diff = compare(current['findings'], baseline['findings'])
    described = dict((name, dict((k, v) for k, v in one.items() if k != 'findings'))
                     for name, one in (('run', current), ('baseline', baseline)))
    return dict(diff, changed=False, counts=counts(diff), msg=since_phrase(baseline, diff) + '.', **described)
