# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The pre-check export operations (VCF 9.1+) and how to read an ExportTaskRest.

Shared by precheck_export_info, precheck_export, precheck_export_download and the
wait_for_precheck_export action, so that every one of them reads statuses, run
ids and the 9.0 "no such operation" answer the same way.
"""

import re
from typing import Optional

from ansible_collections.sddc.manager.plugins.module_utils.check_set_runs import require_run
from ansible_collections.sddc.manager.plugins.module_utils.errors import (
    InvalidResponseError,
    UnsupportedVersionError,
)
from ansible_collections.sddc.manager.plugins.module_utils.retry import RETRYABLE_STATUS_CODES
from ansible_collections.sddc.manager.plugins.module_utils.text import (
    format_duration,
    percentage,
    plural,
    progress_phrase,
    quote,
    status_word,
)
from ansible_collections.sddc.manager.plugins.module_utils.vcf_error import describe_error
from ansible_collections.sddc.manager.plugins.module_utils.waiter import Subject

NOT_STARTED = 'NOT_STARTED'
QUEUED = 'QUEUED'
IN_PROGRESS = 'IN_PROGRESS'
COMPLETED = 'COMPLETED'
FAILED = 'FAILED'
PENDING_STATUSES = frozenset([NOT_STARTED, QUEUED, IN_PROGRESS])
TERMINAL_STATUSES = frozenset([COMPLETED, FAILED])
EXPORTS_MIN_VERSION = (9, 1)
APPLIANCE_INFO_PATH = '/v1/system/appliance-info'

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


def parse_version(text) -> Optional[tuple]:
    """(9, 1) from ``9.1.0.0.24000000``; None when it does not start with numbers."""
    match = re.match(r'^\s*(\d+)\.(\d+)', str(text or ''))
    if not match:
        return None
    return int(match.group(1)), int(match.group(2))


def appliance_version(client) -> str:
    """The version SDDC Manager reports (``9.1.0.0.24000000``), or None when it gives none."""
    info = client.get_json(APPLIANCE_INFO_PATH, 'Reading the SDDC Manager version')
    version = info.get('version') if isinstance(info, dict) else None
    return quote(version, 64) if isinstance(version, str) else None


def require_exports_support(client, status_code: int) -> None:
    """After a 404/405 on an export operation: fail clearly on an appliance older than 9.1."""
    version = appliance_version(client)
    parsed = parse_version(version)
    if parsed is not None and parsed < EXPORTS_MIN_VERSION:
        raise UnsupportedVersionError(
            'SDDC Manager at %s runs version %s; pre-check exports need VCF %d.%d or later '
            '(the export operation answered HTTP %s).'
            % (client.base_url, version, EXPORTS_MIN_VERSION[0], EXPORTS_MIN_VERSION[1], status_code),
            version=version, required_version='%d.%d' % EXPORTS_MIN_VERSION)


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
    export = client.decode_json(response, description)
    if not isinstance(export, dict) or 'status' not in export:
        raise InvalidResponseError('%s: the answer is not an export task (no status field): %s'
                                   % (description, client.redactor.text(quote(export))),
                                   status_code=response.status_code)
    return export


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
