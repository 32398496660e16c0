# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The pre-check export operations (VCF 9.1+) and how to read an ExportTaskRest.

Shared by precheck_export_info, precheck_export, precheck_export_download and the
wait_for_precheck_export action, so that every one of them reads statuses, run
ids and the 9.0 "no such operation" answer the same way.
"""

from typing import Optional

from ansible_collections.sddc.manager.plugins.module_utils.appliance import require_exports_support
from ansible_collections.sddc.manager.plugins.module_utils.check_sets import require_run
from ansible_collections.sddc.manager.plugins.module_utils.retry import RETRYABLE_STATUS_CODES
from ansible_collections.sddc.manager.plugins.module_utils.text import (
    format_duration,
    percentage,
    plural,
    progress_phrase,
    status_word,
)
from ansible_collections.sddc.manager.plugins.module_utils.vcf_error import describe_error
from ansible_collections.sddc.manager.plugins.module_utils.subject import Subject

NOT_STARTED = 'NOT_STARTED'
QUEUED = 'QUEUED'
IN_PROGRESS = 'IN_PROGRESS'
COMPLETED = 'COMPLETED'
FAILED = 'FAILED'
PENDING_STATUSES = frozenset([NOT_STARTED, QUEUED, IN_PROGRESS])
TERMINAL_STATUSES = frozenset([COMPLETED, FAILED])

# What precheck_export did: outcome values.
STARTED = 'started'
ATTACHED = 'attached'
ALREADY_COMPLETED = 'already_completed'


def export_path(run_id: str) -> str:
    return '/v1/system/check-sets/%s/exports' % run_id


def export_data_path(run_id: str) -> str:
    return export_path(run_id) + '/data'


def normalise_status(value) -> str:
    """An export status in one spelling (``In Progress`` reads ``IN_PROGRESS``); blank is UNKNOWN."""
    return status_word(value) or 'UNKNOWN'


def export_status(export) -> str:
    return normalise_status(export.get('status') if isinstance(export, dict) else None)


def is_finished(export) -> bool:
    """True for COMPLETED or FAILED only; an unknown status is never finished, nor success."""
    return export_status(export) in TERMINAL_STATUSES


def export_progress(export) -> Optional[float]:
    """The progress as a float in 0..100, or None when absent or unreadable."""
    return percentage(export.get('progress') if isinstance(export, dict) else None)


def export_failure_message(run_id: str, export) -> str:
    """``Pre-check export for run X: FAILED at 64.0%: <error line> <what to do>``."""
    error = export.get('error') if isinstance(export, dict) else None
    detail = describe_error(error) or 'SDDC Manager gave no error message.'
    return ('Pre-check export for run %s: %s: %s Start a new export with sddc.manager.precheck_export and force: true.'
            % (run_id, progress_phrase(export_status(export), export_progress(export)), detail))


def export_success_message(run_id: str, elapsed: float, polls: int) -> str:
    return 'Pre-check export for run %s: COMPLETED after %s (%s).' % (
        run_id, format_duration(elapsed), plural(polls, 'poll'))


def read_export(client, run_id: str) -> Optional[dict]:
    """The ExportTaskRest of ``run_id``, or None when the run exists but has no export.

    One GET when the export exists. On 404/405: one GET of appliance-info, so a 9.0
    appliance is told apart, then one GET of the run, so a mistyped run id fails
    (NotFoundError) instead of reading as "no export".
    """
    description = 'Reading the export of pre-check run %s' % run_id
    response = client.request('GET', export_path(run_id), description, accept=(200, 404, 405))
    if response.status_code in (404, 405):
        require_exports_support(client, response.status_code)
        if response.status_code == 405:
            raise client.api_error(description, response)
        require_run(client, run_id)
        return None
    return client.decode_json(response, description, lambda export: isinstance(export, dict) and 'status' in export,
                              'an export task (with a status field)')


def plan_start(export, force: bool = False) -> str:
    """What starting an export should do given the current one: attach, nothing, or start."""
    status = export_status(export) if export is not None else None
    if status in PENDING_STATUSES:
        return ATTACHED
    if status == COMPLETED and not force:
        return ALREADY_COMPLETED
    return STARTED   # none, FAILED, COMPLETED with force, or a status we do not know


def start_export(client, run_id: str) -> tuple:
    """POST a new export; on 429 attach to one that is now running, else back off and retry.

    Returns (outcome, export): (STARTED, the 202 answer) or (ATTACHED, the running export).
    """
    description = 'Starting an export of pre-check run %s' % run_id
    attempt = 0
    while True:
        response = client.request('POST', export_path(run_id), description, accept=(202, 429),
                                  retry_statuses=RETRYABLE_STATUS_CODES - frozenset([429]))
        if response.status_code == 202:
            return STARTED, client.decode_json(response, description)
        current = read_export(client, run_id)
        if current is not None and export_status(current) in PENDING_STATUSES:
            return ATTACHED, current
        attempt += 1
        if not client.backoff(attempt, response):
            raise client.api_error(description, response)


def export_subject(run_id: str) -> Subject:
    """The export of one run, as the waiter polls it."""
    return Subject('the pre-check export of run %s' % run_id, 'The export', lambda client: read_export(client, run_id),
                   export_status, export_progress, is_finished)
