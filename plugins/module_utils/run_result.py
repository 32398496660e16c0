# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A pre-check run's answer (AssessmentOutput): its status, progress and times, and the result keys of a run.

Facts in tests/spec/check-set-runs.md §2: a run's status is IN_PROGRESS,
COMPLETED_WITH_SUCCESS or COMPLETED_WITH_FAILURE (a blank status means it is still
starting); anything else that ends a run (FAILED, CANCELLED...) is what peers defend against.
"""

from typing import Optional

from ansible_collections.sddc.manager.plugins.module_utils.findings import extract_findings
from ansible_collections.sddc.manager.plugins.module_utils.text import percentage, status_word, text_field
from ansible_collections.sddc.manager.plugins.module_utils.vcf_error import describe_error

IN_PROGRESS = 'IN_PROGRESS'
COMPLETED_WITH_SUCCESS = 'COMPLETED_WITH_SUCCESS'
COMPLETED_WITH_FAILURE = 'COMPLETED_WITH_FAILURE'
COMPLETED_STATUSES = frozenset([COMPLETED_WITH_SUCCESS, COMPLETED_WITH_FAILURE])
STARTING = 'STARTING'   # what a blank status reads as: the run has not filled it in yet
# Not in the run enum, but peers defend against them: a run that ends so has failed.
ABORTED_STATUSES = frozenset(['FAILED', 'CANCELLED', 'CANCELED', 'TIMED_OUT', 'ABORTED'])
TERMINAL_STATUSES = COMPLETED_STATUSES | ABORTED_STATUSES


def run_status(run) -> str:
    status = status_word(run.get('status')) if isinstance(run, dict) else ''
    return status or STARTING


def run_progress(run) -> Optional[float]:
    """Discovery progress in percent (0..100), or None."""
    progress = run.get('discoveryProgress') if isinstance(run, dict) else None
    return percentage(progress.get('percentageComplete') if isinstance(progress, dict) else None)


def run_finished(run) -> bool:
    """True once the run has ended, successfully or not; a blank or unknown status is still running."""
    return run_status(run) in TERMINAL_STATUSES


def describe_run(run_id: str, run, include_raw: bool = False, context=None) -> dict:
    """The result keys of one run: exists, status, finished, progress, findings, summary (and raw).

    ``truncated``, ``counts_read`` and ``counts_reported`` say how much of the run was read,
    so that the verdict never calls a run READY past what it could read. ``context``
    (run_context.RunContext) adds the target, its coverage, the upgradables' errors and what was silenced.
    """
    if run is None:
        return dict(run_id=run_id, exists=False, status=None, finished=False, progress=None, findings=[],
                    summary=None, input_errors=[], validation_message=None)
    if context is not None:
        run = context.run
    extracted = extract_findings(run, context.extra_findings if context is not None else ())
    validation = run.get('validationResult') if isinstance(run.get('validationResult'), dict) else {}
    raw_errors = run.get('inputValidationErrors') if isinstance(run.get('inputValidationErrors'), list) else []
    input_errors = [describe_error(error) for error in raw_errors[:20] if isinstance(error, (dict, str))]
    result = dict(run_id=run_id, exists=True, status=run_status(run), finished=run_finished(run),
                  progress=run_progress(run), findings=extracted['findings'], summary=extracted['summary'],
                  truncated=extracted['truncated'], counts_read=extracted['counts_read'],
                  counts_reported=extracted['counts_reported'], input_errors=[e for e in input_errors if e],
                  validation_message=text_field(validation.get('message'), 1000),
                  timestamp=text_field(run.get('timestamp'), 64),
                  completion_timestamp=text_field(run.get('completionTimestamp'), 64))
    coverage = context.coverage if context is not None else None
    result['unread'] = list(context.unread) if context is not None else []
    result.update(target_version=context.target_version if context is not None else None, coverage=coverage,
                  coverage_complete=coverage['complete'] if coverage else None,
                  silenced=context.silenced if context is not None and context.silenced is not None
                  else extracted['silenced'])
    if include_raw:
        result['raw'] = run
    return result
