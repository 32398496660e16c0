# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a finished pre-check run means for the upgrade: the verdict and its one-line reason.

Shared by precheck_info, wait_for_precheck, precheck_report and the upgrade_precheck
role, so that every one of them gates on a run and words its failure the same way.

The verdict fails closed: a run is READY only when it completed and everything it
reported was read and passed. A run that ended otherwise, a walk cut at a bound, or a
server that counts more errors than were read are each a reason, quoted in the line.
"""

from ansible_collections.sddc.manager.plugins.module_utils.coverage import coverage_phrase
from ansible_collections.sddc.manager.plugins.module_utils.findings import ERROR, WARNING, count
from ansible_collections.sddc.manager.plugins.module_utils.run_diff import compare, new_blockers
from ansible_collections.sddc.manager.plugins.module_utils.run_result import (
    COMPLETED_STATUSES,
    COMPLETED_WITH_FAILURE,
)
from ansible_collections.sddc.manager.plugins.module_utils.text import MSG_LIMIT, one_line, plural
from ansible_collections.sddc.manager.plugins.module_utils.waivers import apply_waivers

FAIL_ON_CHOICES = ('error', 'warning', 'never', 'new_error', 'new_warning')
NEW_GATES = {'new_error': (ERROR,), 'new_warning': (ERROR, WARNING)}   # fail only on what the baseline had not
READY = 'READY'
READY_WITH_WARNINGS = 'READY WITH WARNINGS'
BLOCKED = 'BLOCKED'
NOT_FINISHED = 'NOT FINISHED'
NOT_CHECKED = 'NOT CHECKED'   # nothing was pre-checked (no check-set offered, the manager not reached)
MAX_SHOWN_WARNINGS = 10
GATE_LEVELS = {'error': (ERROR,), 'warning': (ERROR, WARNING), 'never': ()}


def ignore_set(ignore_checks) -> tuple:
    """(the ids and names to ignore, casefolded; a note per blank entry, which ignores nothing)."""
    wanted, notes = set(), []
    for check in ignore_checks or []:
        text = str(check).strip() if check is not None else ''
        if text:
            wanted.add(text.casefold())
        else:
            notes.append('ignore_checks has an empty entry (an empty survey answer?): it was dropped, so it '
                         'ignores nothing.')
    return wanted, notes[:1]


def is_ignored(finding: dict, wanted: set) -> bool:
    """A finding is ignored by its id or name, never by a missing one."""
    return any(finding.get(key) and finding[key].casefold() in wanted for key in ('id', 'name'))


def failing_findings(findings: list, fail_on: str) -> list:
    """The findings the gate fails on: at its levels, neither ignored nor waived."""
    levels = GATE_LEVELS[fail_on]
    return [f for f in findings if f['severity'] in levels and not f.get('ignored') and not f.get('waived')]


def incomplete_reasons(described: dict) -> list:
    """Why a finished run cannot be READY whatever its findings: what it did not check, or what was not read."""
    reasons = []
    status = described['status']
    if status not in COMPLETED_STATUSES:
        reasons.append('the run ended %s, so it did not check everything' % status)
    if described.get('truncated'):
        reasons.append('the result is larger, nests deeper or names more domains than the collection reads, so '
                       'not every finding was read; open the run in the SDDC Manager UI')
    read, reported = described.get('counts_read') or {}, described.get('counts_reported') or {}
    if count(reported.get('error')) > count(read.get('error')):
        reasons.append('SDDC Manager counts %s but %s could be read, so an error went unread'
                       % (plural(count(reported.get('error')), 'error'), count(read.get('error'))))
    reasons.extend(described.get('unread') or [])
    if status == COMPLETED_WITH_FAILURE and not count(read.get('error')):
        explained = [described.get('validation_message')] + list(described.get('input_errors') or [])
        explained = [one_line(r, 600) for r in explained if r]
        reasons.append(' '.join(explained) or 'SDDC Manager reported the run as failed without a readable '
                                              'finding; open the run in the SDDC Manager UI')
    return reasons


def count_mismatch(described: dict):
    """A line when SDDC Manager's own counts and the findings read disagree, with both figures; else None."""
    read, reported = described.get('counts_read'), described.get('counts_reported')
    if not isinstance(read, dict) or not isinstance(reported, dict):
        return None
    differ = [key for key in ('error', 'warning') if count(read.get(key)) != count(reported.get(key))]
    if not differ:
        return None
    return 'SDDC Manager counts %s; the findings read are %s.' % (
        ', '.join(plural(count(reported.get(key)), key) for key in differ),
        ', '.join(plural(count(read.get(key)), key) for key in differ))


def counts_phrase(summary: dict) -> str:
    """``2 errors, 1 warning, 0 info, 14 passed``."""
    summary = summary if isinstance(summary, dict) else {}
    return ', '.join([plural(count(summary.get('error')), 'error'), plural(count(summary.get('warning')), 'warning'),
                      '%d info' % count(summary.get('info')), '%d passed' % count(summary.get('passed'))])


def findings_sentence(summary: dict, findings: list) -> str:
    """``1 error, 2 warnings, 0 info and 14 passed, 1 ignored, 1 waived``: what a run found, for a summary line."""
    summary = summary if isinstance(summary, dict) else {}
    line = '%s, %s, %d info and %d passed' % (plural(count(summary.get('error')), 'error'),
                                              plural(count(summary.get('warning')), 'warning'),
                                              count(summary.get('info')), count(summary.get('passed')))
    for key in ('ignored', 'waived'):
        marked = len([f for f in findings if f.get(key)])
        if marked:
            line += ', %d %s' % (marked, key)
    return line


def finding_phrase(finding: dict, with_severity: bool = True) -> str:
    """``ERROR vc-01.example.com / vCenter license: <message> Remediation: <remediation>``."""
    where = ' / '.join(part for part in (finding.get('resource'), finding.get('name') or finding.get('id')) if part)
    line = '%s %s' % (finding['severity'], where or 'unnamed check') if with_severity else where or 'unnamed check'
    if finding.get('message'):
        line += ': %s' % one_line(finding['message'], 300)
    if finding.get('remediation'):
        line += ' Remediation: %s' % one_line(finding['remediation'], 300)
    return line


def verdict_word(finished: bool, reasons: list, blocking: list, findings: list) -> str:
    """NOT FINISHED, BLOCKED (a reason, or a finding at the gate's level), READY WITH WARNINGS, or READY."""
    if not finished:
        return NOT_FINISHED
    if reasons or blocking:
        return BLOCKED
    if any(f['severity'] in (ERROR, WARNING) for f in findings):
        return READY_WITH_WARNINGS
    return READY


class Verdict:
    """The gate applied to a finished run: which findings fail the play, and the one-line reason.

    The caller's findings are left as they are: ``findings`` is a new list, each marked
    ``ignored`` and ``waived``.
    """

    def __init__(self, described: dict, fail_on: str = 'error', ignore_checks=None, waivers=None, today=None,
                 fail_on_incomplete_coverage: bool = False, baseline: dict = None):
        self.described = described
        wanted, self.notes = ignore_set(ignore_checks)
        findings = [dict(f, ignored=bool(f.get('ignored')) or is_ignored(f, wanted)) for f in described['findings']]
        waived = apply_waivers(findings, waivers or [], today)
        self.findings, self.expired, self.stale = waived.findings, waived.expired, waived.stale
        self.reasons = incomplete_reasons(described) if described['finished'] else []
        self.fail_on = fail_on
        self.baseline = baseline
        self.since = compare(self.findings, baseline['findings']) if baseline else None
        # The word describes the run: it reads the same with fail_on never or new_* as with error.
        blocking = failing_findings(self.findings, fail_on if fail_on in GATE_LEVELS and fail_on != 'never'
                                    else 'error')
        self.word = verdict_word(described['finished'], self.reasons, blocking, self.findings)
        coverage = described.get('coverage')
        self.coverage_gap = coverage_phrase(coverage) if coverage and not coverage['complete'] else None
        if self.coverage_gap and self.word == READY:
            self.word = READY_WITH_WARNINGS   # READY only for what was checked: never plain READY
        gating = fail_on != 'never'
        self.failing = blocking if gating else []
        if fail_on in NEW_GATES:   # only what is new since the baseline (or rose into the gate's levels) fails
            self.failing = [f for f in new_blockers(self.since, NEW_GATES[fail_on]) if not f['ignored']
                            and not f.get('waived')] if self.since is not None else []
        self.coverage_failed = bool(gating and fail_on_incomplete_coverage and self.coverage_gap)
        self.failed = gating and bool(self.failing or self.reasons or self.expired or self.coverage_failed)
        # Warnings shown beside a passing gate: with fail_on=warning every one of them is in blocking,
        # and fail_on=never only reports.
        self.warnings = [] if fail_on != 'error' else [
            f for f in self.findings if f['severity'] == WARNING and not f['ignored'] and not f.get('waived')]

    def why(self) -> list:
        """Each reason beyond the findings for the verdict or the failure, as a sentence (``verdict_reasons``)."""
        why = [one_line(reason, 1000).rstrip('.') + '.' for reason in self.reasons]
        why.extend('Waiver %s for %s expired on %s.' % (w['ticket'] or 'without a ticket', w['check'], w['expires'])
                   for w in self.expired)
        if self.coverage_gap:
            why.append('Coverage incomplete: %s.' % self.coverage_gap)
        return why

    def message(self) -> str:
        """One line, at most MSG_LIMIT characters: run, status, counts, verdict, why, then the failing findings."""
        described = self.described
        line = 'Pre-check run %s: %s, %s: %s.' % (described['run_id'], described['status'],
                                                  counts_phrase(described['summary']), self.word)
        why = self.why()
        if why:
            line += ' ' + ' '.join(why)
        if self.failing:
            if self.fail_on in NEW_GATES:
                line += ' New since run %s:' % self.baseline['run_id']
            return self._listing(line, self.failing)
        set_aside = [plural(len([f for f in self.findings if f.get(key)]), 'finding') + ' ' + key
                     for key in ('ignored', 'waived') if any(f.get(key) for f in self.findings)]
        if set_aside and not why:
            line = line[:-1] + ' (%s).' % ', '.join(set_aside)
        return one_line(line, MSG_LIMIT)

    @staticmethod
    def _listing(head: str, failing: list) -> str:
        """``head`` then as many failing findings as fit in MSG_LIMIT, then ``+N more (see findings)``."""
        line = head
        for index, finding in enumerate(failing):
            more = len(failing) - index - 1
            piece = ' %s%s' % (finding_phrase(finding).rstrip('.;'), ';' if more else '.')
            reserve = len(' +%d more (see findings).' % len(failing))
            if len(line) + len(piece) + reserve > MSG_LIMIT:
                return line.rstrip(';') + ' +%d more (see findings).' % (len(failing) - index)
            line += piece
        return line

    def warning_lines(self) -> list:
        """Ansible warnings: WARNING findings that do not fail the play (ten, then a count), and stale waivers."""
        lines = [finding_phrase(f, with_severity=False) for f in self.warnings[:MAX_SHOWN_WARNINGS]]
        if len(self.warnings) > MAX_SHOWN_WARNINGS:
            lines.append('+%d more warnings (see findings).' % (len(self.warnings) - MAX_SHOWN_WARNINGS))
        lines.extend('Waiver %s for %s matched no finding: remove it, the problem it covered is gone.'
                     % (w['ticket'] or 'without a ticket', w['check']) for w in self.stale)
        if self.coverage_gap and not self.coverage_failed:
            lines.append('Pre-check run %s: coverage incomplete: %s.' % (self.described['run_id'], self.coverage_gap))
        mismatch = count_mismatch(self.described)
        if mismatch:
            lines.append(mismatch)
        return self.notes + lines
