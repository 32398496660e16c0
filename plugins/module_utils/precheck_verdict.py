# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a finished pre-check run means for the upgrade: the run's result keys, the verdict, the one-line reason.

Shared by precheck_info (``describe_run``), wait_for_precheck and the
upgrade_precheck role, so that every one of them reads a run, gates on it and
words its failure the same way.
"""

from ansible_collections.sddc.manager.plugins.module_utils.check_set_runs import (
    ABORTED_STATUSES,
    COMPLETED_WITH_FAILURE,
    run_finished,
    run_progress,
    run_status,
)
from ansible_collections.sddc.manager.plugins.module_utils.findings import ERROR, WARNING, count, extract_findings
from ansible_collections.sddc.manager.plugins.module_utils.text import MSG_LIMIT, one_line, plural, text_field
from ansible_collections.sddc.manager.plugins.module_utils.vcf_error import describe_error

FAIL_ON_CHOICES = ('error', 'warning', 'never')
READY = 'READY'
READY_WITH_WARNINGS = 'READY WITH WARNINGS'
BLOCKED = 'BLOCKED'
NOT_FINISHED = 'NOT FINISHED'
MAX_SHOWN_WARNINGS = 10


def describe_run(run_id: str, run, include_raw: bool = False) -> dict:
    """The result keys of one run: exists, status, finished, progress, findings, summary (and raw)."""
    if run is None:
        return dict(run_id=run_id, exists=False, status=None, finished=False, progress=None, findings=[],
                    summary=None, input_errors=[], validation_message=None)
    extracted = extract_findings(run)
    validation = run.get('validationResult') if isinstance(run.get('validationResult'), dict) else {}
    raw_errors = run.get('inputValidationErrors') if isinstance(run.get('inputValidationErrors'), list) else []
    input_errors = [describe_error(error) for error in raw_errors[:20] if isinstance(error, (dict, str))]
    result = dict(run_id=run_id, exists=True, status=run_status(run), finished=run_finished(run),
                  progress=run_progress(run), findings=extracted['findings'], summary=extracted['summary'],
                  truncated=extracted['truncated'], input_errors=[e for e in input_errors if e],
                  validation_message=text_field(validation.get('message'), 1000),
                  timestamp=text_field(run.get('timestamp'), 64),
                  completion_timestamp=text_field(run.get('completionTimestamp'), 64))
    if include_raw:
        result['raw'] = run
    return result


def mark_ignored(findings: list, ignore_checks: list) -> None:
    """Set ``ignored`` on findings whose id or name is in ``ignore_checks`` (any casing)."""
    wanted = set(str(check).strip().casefold() for check in ignore_checks or [])
    for finding in findings:
        finding['ignored'] = bool(wanted) and any(
            (finding.get(key) or '').casefold() in wanted for key in ('id', 'name'))


def failing_findings(findings: list, fail_on: str) -> list:
    levels = {'error': (ERROR,), 'warning': (ERROR, WARNING), 'never': ()}[fail_on]
    return [f for f in findings if f['severity'] in levels and not f['ignored']]


def counts_phrase(summary: dict) -> str:
    """``2 errors, 1 warning, 0 info, 14 passed``."""
    summary = summary if isinstance(summary, dict) else {}
    return ', '.join([plural(count(summary.get('error')), 'error'), plural(count(summary.get('warning')), 'warning'),
                      '%d info' % count(summary.get('info')), '%d passed' % count(summary.get('passed'))])


def finding_phrase(finding: dict) -> str:
    """``ERROR vc-01.example.com / vCenter license: <message> Remediation: <remediation>``."""
    where = ' / '.join(part for part in (finding.get('resource'), finding.get('name') or finding.get('id')) if part)
    line = '%s %s' % (finding['severity'], where or 'unnamed check')
    if finding.get('message'):
        line += ': %s' % one_line(finding['message'], 300)
    if finding.get('remediation'):
        line += ' Remediation: %s' % one_line(finding['remediation'], 300)
    return line


def verdict_word(status: str, summary: dict, failing: list, unexplained: bool, finished: bool) -> str:
    if not finished:
        return NOT_FINISHED
    if failing or unexplained:
        return BLOCKED
    summary = summary or {}
    if summary.get('error') or summary.get('warning'):
        return READY_WITH_WARNINGS
    return READY if status not in ABORTED_STATUSES else BLOCKED


class Verdict:
    """The gate applied to a finished run: which findings fail the play, and the one-line reason."""

    def __init__(self, described: dict, fail_on: str = 'error', ignore_checks=None):
        self.described = described
        findings = described['findings']
        mark_ignored(findings, ignore_checks)
        # The verdict reads the same with fail_on: never (report only) as with error; only failing differs.
        blocking = failing_findings(findings, fail_on if fail_on != 'never' else 'error')
        status = described['status']
        readable_errors = [f for f in findings if f['severity'] == ERROR]
        failed_run = status == COMPLETED_WITH_FAILURE or status in ABORTED_STATUSES
        # A failed run with no ERROR finding we could read is blocked (never read the unknown as benign);
        # one whose only ERROR findings are ignored is not.
        unexplained = failed_run and not readable_errors
        self.word = verdict_word(status, described['summary'], blocking, unexplained, described['finished'])
        self.failing = blocking if fail_on != 'never' else []
        self.unexplained = unexplained and fail_on != 'never'
        self.failed = bool(self.failing) or self.unexplained
        # Warnings that do not fail the play: with fail_on=warning every one of them is in blocking.
        self.warnings = [] if fail_on == 'warning' else [
            f for f in findings if f['severity'] == WARNING and not f['ignored']]

    def message(self) -> str:
        """One line, at most MSG_LIMIT characters: run, status, counts, then the failing findings."""
        described = self.described
        head = 'Pre-check run %s: %s, %s' % (
            described['run_id'], described['status'], counts_phrase(described['summary']))
        if not self.failed:
            ignored = len([f for f in described['findings'] if f['ignored']])
            tail = ' (%s ignored)' % plural(ignored, 'finding') if ignored else ''
            return one_line('%s: %s%s.' % (head, self.word, tail), MSG_LIMIT)
        if self.unexplained:
            reasons = [described.get('validation_message')] + list(described.get('input_errors') or [])
            reasons = [r for r in reasons if r] or ['SDDC Manager reported the run as failed without a readable '
                                                    'finding; open the run in the SDDC Manager UI']
            line = '%s: %s. %s' % (head, self.word, ' '.join(one_line(r, 600) for r in reasons))
            return one_line(line, MSG_LIMIT)
        return self._listing(head + ': %s.' % self.word, self.failing)

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
        """Ansible warnings for WARNING findings that do not fail the play: at most ten, then a count."""
        lines = [finding_phrase(f) for f in self.warnings[:MAX_SHOWN_WARNINGS]]
        if len(self.warnings) > MAX_SHOWN_WARNINGS:
            lines.append('+%d more warnings (see findings).' % (len(self.warnings) - MAX_SHOWN_WARNINGS))
        return lines
