# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Waivers: an accepted risk with a reason, an owner, a ticket and an end, instead of a bare ignore.

A waiver names a check (id or name, any casing) and may narrow it to a resource and a
domain. A finding it matches is waived (it does not fail the gate) until the waiver
expires; an expired waiver that matches fails the play, naming it; a waiver that
matched nothing is stale, so waivers do not outlive the problem they covered.
"""

import datetime

from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError
from ansible_collections.sddc.manager.plugins.module_utils.text import one_line

WAIVER_KEYS = ('check', 'resource', 'domain', 'reason', 'owner', 'ticket', 'expires')
REQUIRED_KEYS = ('check', 'reason', 'expires')


def _text(value, limit=255):
    if value is None:
        return None
    return one_line(value, limit) or None


def parse_expiry(value, index: int) -> str:
    """``2026-11-30`` from a date or a ``YYYY-MM-DD`` string (YAML gives either); ConfigurationError otherwise."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    try:
        return datetime.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise ConfigurationError('waivers[%d].expires must be a date written YYYY-MM-DD, like 2026-12-31; got %r.'
                                 % (index, one_line(value, 40)), option='waivers')


def check_waivers(waivers) -> list:
    """The waivers, each with every key (None where not given); ConfigurationError before any request."""
    checked = []
    for index, waiver in enumerate(waivers or []):
        if not isinstance(waiver, dict):
            raise ConfigurationError('waivers[%d] must be a mapping with check, reason and expires.' % index,
                                     option='waivers')
        unknown = sorted(set(str(key) for key in waiver) - set(WAIVER_KEYS))
        if unknown:
            raise ConfigurationError('waivers[%d] has unknown keys %s; a waiver has %s.'
                                     % (index, ', '.join(unknown), ', '.join(WAIVER_KEYS)), option='waivers')
        entry = dict((key, _text(waiver.get(key), 1000 if key == 'reason' else 255)) for key in WAIVER_KEYS)
        missing = [key for key in REQUIRED_KEYS if not entry[key]]
        if missing:
            raise ConfigurationError('waivers[%d] (check %s) has no %s: a waiver needs a check, a reason and an '
                                     'expiry date.' % (index, entry['check'] or 'unnamed', ' and no '.join(missing)),
                                     option='waivers')
        entry['expires'] = parse_expiry(waiver['expires'], index)
        checked.append(entry)
    return checked


def matches(waiver: dict, finding: dict) -> bool:
    """The waiver's check is the finding's id or name; its resource and domain, when given, are the finding's."""
    check = waiver['check'].casefold()
    if not any(finding.get(key) and finding[key].casefold() == check for key in ('id', 'name')):
        return False
    for key in ('resource', 'domain'):
        if waiver[key] and (finding.get(key) or '').casefold() != waiver[key].casefold():
            return False
    return True


class WaivedFindings:
    """``findings`` (new dicts, ``waived`` and ``waiver`` set), ``expired`` and ``stale`` waivers."""

    def __init__(self, findings, expired, stale):
        self.findings = findings
        self.expired = expired
        self.stale = stale


def apply_waivers(findings: list, waivers: list, today=None) -> WaivedFindings:
    """Mark the findings each waiver covers; a waiver is valid through its expiry day."""
    today = (today or datetime.date.today()).isoformat()
    waivers = check_waivers(waivers)
    used, expired, marked = set(), [], []
    for finding in findings:
        finding = dict(finding, waived=False, waiver=None)
        for index, waiver in enumerate(waivers):
            if not matches(waiver, finding):
                continue
            used.add(index)
            if waiver['expires'] < today:
                if waiver not in expired:
                    expired.append(waiver)
            elif not finding['waived']:
                finding.update(waived=True, waiver=dict(waiver))
        marked.append(finding)
    stale = [waiver for index, waiver in enumerate(waivers) if index not in used]
    return WaivedFindings(marked, expired, stale)
