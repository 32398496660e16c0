#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r'''
module: precheck_export
short_description: Export a pre-check run's results, idempotently
version_added: 0.1.0
description:
  - Starts the export of the results of a completed pre-check (check-set) run with
    C(POST /v1/system/check-sets/{runId}/exports), available from VMware Cloud Foundation 9.1.
  - Reads first. An export that is C(NOT_STARTED), C(QUEUED) or C(IN_PROGRESS) is attached to, not started again.
    A C(COMPLETED) export is left alone unless O(force=true). A C(FAILED) export, or none, is started anew.
  - When SDDC Manager answers 429 (Too Many Export Request), the module reads again and attaches to the export
    if one is now running for the run; otherwise it backs off (honouring C(Retry-After)) and tries again a few
    times, then fails with the API's message.
  - Use M(sddc.manager.wait_for_precheck_export) to wait for it, and M(sddc.manager.precheck_export_download) to
    save the file; the role C(sddc.manager.precheck_export) does all three.
author:
  - sddc.manager contributors (@sddc-manager)
options:
  force:
    description:
      - Start a new export even when the last one C(COMPLETED).
      - An export that is still running is attached to, even with O(force=true).
    type: bool
    default: false
extends_documentation_fragment:
  - sddc.manager.run_id
  - sddc.manager.connection
  - sddc.manager.connection.module
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details: Reads, then reports what it would do (RV(outcome), RV(changed)) without sending the POST.
  diff_mode:
    support: none
  platform:
    platforms: all
seealso:
  - module: sddc.manager.wait_for_precheck_export
  - module: sddc.manager.precheck_export_download
  - module: sddc.manager.precheck_export_info
'''

EXAMPLES = r'''
- name: Start (or attach to) the export of a pre-check run, connection from SDDC_MANAGER_* env vars
  sddc.manager.precheck_export:
    run_id: 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d
  register: precheck_export

- name: Wait for it
  sddc.manager.wait_for_precheck_export:
    run_id: 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d

- name: Export again although the last export completed
  sddc.manager.precheck_export:
    hostname: sddc-manager.example.com
    username: administrator@vsphere.local
    password: "{{ vault_sddc_manager_password }}"
    run_id: 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d
    force: true
'''

RETURN = r'''
msg:
  description: What the module did, in one line.
  returned: success
  type: str
  sample: Started an export of pre-check run 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d.
outcome:
  description:
    - V(started) when a new export was started (or, in check mode, would be),
      V(attached) when one was already running, V(already_completed) when the last export completed
      and O(force) was not set.
  returned: success
  type: str
  sample: started
changed:
  description: Whether a new export was started (or, in check mode, would be).
  returned: always
  type: bool
  sample: true
run_id:
  description: The run id as sent (lower case, hyphenated).
  returned: success
  type: str
  sample: 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d
export:
  description:
    - The export task (C(ExportTaskRest)) as SDDC Manager returned it, the new one or the one attached to.
    - In check mode, when an export would be started, the current one (null when there is none).
  returned: success
  type: dict
  sample:
    status: QUEUED
    progress: 0.0
    startTimestamp: "2026-11-28T10:00:00Z"
    endTimestamp: null
    error: null
error_kind:
  description: On failure, its kind, one of C(ConfigurationError), C(ApiError), C(AuthenticationError),
    C(NotFoundError), C(CertificateError), C(TransportError), C(InvalidResponseError), C(UnsupportedVersionError),
    C(ExportNotReadyError), C(ExportFailedError) (an export ended C(FAILED)), C(WaitTimeoutError) (a wait ran out of
    time), C(PrecheckBlockedError) (the gate failed on a run) or C(UnexpectedError). Every failure has one. The
    troubleshooting guide says what to do about each.
  returned: on failure
  type: str
  sample: ApiError
status_code:
  description: On failure, the HTTP status of the answer that failed.
  returned: when SDDC Manager answered with an HTTP error
  type: int
  sample: 400
error:
  description: On failure, the VCF C(Error) object SDDC Manager returned (errorCode, message, remediationMessage,
    referenceToken...).
  returned: when SDDC Manager answered with an error body
  type: dict
error_details:
  description:
    - On failure, structured details where they apply, with the keys C(url) (the URL that could not be reached),
      C(attempts) (how many times the request was tried), C(version) (the SDDC Manager version found),
      C(required_version) (the VCF version an operation needs), C(export_status) (the status of an export that
      was not ready), C(available) (what exists instead of what was asked for) and C(option) (the option at fault).
  returned: on failure, when there are any
  type: dict
  sample: {"version": "9.0.0.0.24703748", "required_version": "9.1"}
'''

from ansible_collections.sddc.manager.plugins.module_utils.check_sets import canonical_run_id
from ansible_collections.sddc.manager.plugins.module_utils.export_task import (
    STARTED,
    plan_start,
    read_export,
    start_export,
)
from ansible_collections.sddc.manager.plugins.module_utils.module_boundary import run_module, sddc_manager_module
from ansible_collections.sddc.manager.plugins.module_utils.options import run_id_option

OPTIONS = dict(run_id=run_id_option(), force=dict(type='bool', default=False))

MESSAGES = {
    'started': 'Started an export of pre-check run %s.',
    'attached': 'An export of pre-check run %s is already running: attached to it.',
    'already_completed': 'The last export of pre-check run %s completed: nothing to do (force: true exports again).',
}


def ensure_export(client, params: dict, check_mode: bool) -> dict:
    """Attach to the running export, leave a completed one alone, or start one (not in check mode)."""
    run_id = canonical_run_id(params['run_id'])
    export = read_export(client, run_id)
    outcome = plan_start(export, params['force'])
    if outcome == STARTED and not check_mode:
        outcome, export = start_export(client, run_id)
    msg = MESSAGES[outcome] % run_id
    if check_mode and outcome == STARTED:
        msg = 'Check mode: an export of pre-check run %s would be started.' % run_id
    return dict(changed=outcome == STARTED, outcome=outcome, run_id=run_id, export=export, msg=msg)


def main():
    module = sddc_manager_module(OPTIONS, supports_check_mode=True)
    run_module(module, lambda client: ensure_export(client, module.params, module.check_mode))


if __name__ == '__main__':
    main()
