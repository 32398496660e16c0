# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The pre-check export operations (VCF 9.1+) and how to read an ExportTaskRest.

Shared by precheck_export_info, precheck_export, precheck_export_download and the
wait_for_precheck_export action, so that every one of them reads statuses, run
ids and the 9.0 "no such operation" answer the same way.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re
import uuid

from ansible_collections.sddc.manager.plugins.module_utils.errors import (
    ConfigurationError,
    InvalidResponseError,
    UnsupportedVersionError,
)
from ansible_collections.sddc.manager.plugins.module_utils.retry import RETRYABLE_STATUS_CODES

PENDING_STATUSES = frozenset(['NOT_STARTED', 'QUEUED', 'IN_PROGRESS'])
TERMINAL_STATUSES = frozenset(['COMPLETED', 'FAILED'])
EXPORTS_MIN_VERSION = (9, 1)
APPLIANCE_INFO_PATH = '/v1/system/appliance-info'


def canonical_run_id(value):
    """The run id as the API wants it (lower case, hyphenated), or ConfigurationError."""
    text = str(value if value is not None else '').strip()
    try:
        if not re.match(r'^[0-9A-Fa-f]{8}-?([0-9A-Fa-f]{4}-?){3}[0-9A-Fa-f]{12}$', text):
            raise ValueError(text)
        return str(uuid.UUID(text))
    except ValueError:
        raise ConfigurationError(
            "run_id must be the UUID of a pre-check (check-set) run, like "
            "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d; got %r." % (text,))


def export_path(run_id):
    return '/v1/system/check-sets/%s/exports' % run_id


def export_data_path(run_id):
    return export_path(run_id) + '/data'


def normalise_status(value):
    """``In Progress``, ``in_progress`` and ``IN-PROGRESS`` all become ``IN_PROGRESS``."""
    if value is None:
        return 'UNKNOWN'
    return re.sub(r'[\s-]+', '_', str(value).strip()).upper() or 'UNKNOWN'


def export_status(export):
    return normalise_status((export or {}).get('status'))


def is_finished(export):
    """True for COMPLETED or FAILED only; an unknown status is never finished, nor success."""
    return export_status(export) in TERMINAL_STATUSES


def export_progress(export):
    """The progress as a float in 0..100, or None when absent or unreadable."""
    try:
        return float((export or {}).get('progress'))
    except (TypeError, ValueError):
        return None


def failure_message(run_id, export):
    """``Pre-check export for run X: FAILED at 64.0%: <message> Remediation: ... (reference token T)``."""
    error = (export or {}).get('error') or {}
    line = 'Pre-check export for run %s: %s' % (run_id, export_status(export))
    progress = export_progress(export)
    if progress is not None:
        line += ' at %.1f%%' % progress
    line += ':'
    message = error.get('message') if isinstance(error, dict) else None
    line += ' %s' % (' '.join(str(message).split()) if message else 'SDDC Manager gave no error message.')
    if isinstance(error, dict) and error.get('remediationMessage'):
        line += ' Remediation: %s' % ' '.join(str(error['remediationMessage']).split())
    if isinstance(error, dict) and error.get('referenceToken'):
        line += ' (reference token %s)' % error['referenceToken']
    return line


def parse_version(text):
    """(9, 1) from ``9.1.0.0.24000000``; None when it does not start with numbers."""
    match = re.match(r'^\s*(\d+)\.(\d+)', str(text or ''))
    if not match:
        return None
    return int(match.group(1)), int(match.group(2))


def require_exports_support(client, status_code):
    """After a 404/405 on an export operation: fail clearly on an appliance older than 9.1."""
    info = client.get_json(APPLIANCE_INFO_PATH, 'Reading the SDDC Manager version')
    version = info.get('version') if isinstance(info, dict) else None
    parsed = parse_version(version)
    if parsed is not None and parsed < EXPORTS_MIN_VERSION:
        raise UnsupportedVersionError(
            'SDDC Manager at %s runs version %s; pre-check exports need VCF %d.%d or later '
            '(the export operation answered HTTP %s).'
            % (client.base_url, version, EXPORTS_MIN_VERSION[0], EXPORTS_MIN_VERSION[1], status_code),
            version=version, required_version='%d.%d' % EXPORTS_MIN_VERSION)
    return version


def read_export(client, run_id):
    """The ExportTaskRest of ``run_id``, or None when there is none (404 on 9.1+).

    One GET when the export exists; on 404/405 one more GET of appliance-info so a
    9.0 appliance is told apart from a run that has no export.
    """
    action = 'Reading the export of pre-check run %s' % run_id
    response = client.request('GET', export_path(run_id), action, allow_status=(404, 405))
    if response.status_code in (404, 405):
        require_exports_support(client, response.status_code)
        if response.status_code == 405:
            raise client.api_error(action, response)
        return None
    export = client.decode_json(response, action)
    if not isinstance(export, dict) or 'status' not in export:
        raise InvalidResponseError(
            '%s: the answer is not an export task (no status field): %r' % (action, export),
            status_code=response.status_code)
    return export


STARTED = 'started'
ATTACHED = 'attached'
ALREADY_COMPLETED = 'already_completed'


def plan_start(export, force=False):
    """What starting an export should do given the current one: attach, nothing, or start."""
    status = export_status(export) if export is not None else None
    if status in PENDING_STATUSES:
        return ATTACHED
    if status == 'COMPLETED' and not force:
        return ALREADY_COMPLETED
    return STARTED   # none, FAILED, COMPLETED with force, or a status we do not know


def start_export(client, run_id):
    """POST a new export; on 429 attach to one that is now running, else back off and retry.

    Returns (outcome, export): (STARTED, the 202 answer) or (ATTACHED, the running export).
    """
    action = 'Starting an export of pre-check run %s' % run_id
    attempt = 0
    while True:
        response = client.request('POST', export_path(run_id), action, expected=(202,), allow_status=(429,),
                                  retry_statuses=RETRYABLE_STATUS_CODES - frozenset([429]))
        if response.status_code == 202:
            return STARTED, client.decode_json(response, action)
        current = read_export(client, run_id)
        if current is not None and export_status(current) in PENDING_STATUSES:
            return ATTACHED, current
        attempt += 1
        if not client.backoff(attempt, response):
            raise client.api_error(action, response)
