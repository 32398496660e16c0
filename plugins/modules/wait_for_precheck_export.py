#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

# This module is documentation only: the work is done on the controller by the action plugin
# plugins/action/wait_for_precheck_export.py.


DOCUMENTATION = r'''
module: wait_for_precheck_export
short_description: Wait for an export of pre-check results
version_added: 0.1.0
description:
  - Polls C(GET /v1/system/check-sets/{runId}/exports) until the export of a pre-check run ends,
    and fails the task, with SDDC Manager's own message, remediation and reference token, when the export failed.
  - Runs on the controller as an action plugin, through one HTTP session and one login for the whole wait;
    it does not ship a module per poll.
  - Every change of status or progress is shown at verbosity 1 (C(-v)), with the elapsed time and an
    estimate of the time left.
  - Transient faults while waiting (connection resets, timeouts, HTTP 429/502/503/504, a garbled answer) do not
    end the wait while time remains; an access token that expires during a long wait is refreshed or re-obtained.
  - To start an export, use M(sddc.manager.precheck_export); to read its state once,
    M(sddc.manager.precheck_export_info).
author:
  - sddc.manager contributors (@sddc-manager)
extends_documentation_fragment:
  - sddc.manager.run_id
  - sddc.manager.wait
  - sddc.manager.wait.export
  - sddc.manager.connection
  - sddc.manager.connection.action
  - ansible.builtin.action_common_attributes
  - ansible.builtin.action_common_attributes.flow
notes:
  - The polls of one wait reuse one kept-alive connection; a poll that meets a transient fault is retried by the
    client within the wait.
seealso:
  - module: sddc.manager.precheck_export
  - module: sddc.manager.precheck_export_info
  - module: sddc.manager.precheck_export_download
'''

EXAMPLES = r'''
- name: Wait up to 30 minutes for the export of a pre-check run (connection from SDDC_MANAGER_* env vars)
  sddc.manager.wait_for_precheck_export:
    run_id: 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d
  register: precheck_wait

- name: Show how long it took
  ansible.builtin.debug:
    msg: >-
      Export {{ precheck_wait.export.status }} after {{ precheck_wait.elapsed }} s
      and {{ precheck_wait.polls }} polls

- name: Wait with a shorter timeout and poll every 2.5 seconds, connection written out
  sddc.manager.wait_for_precheck_export:
    hostname: sddc-manager.example.com
    username: administrator@vsphere.local
    password: "{{ vault_sddc_manager_password }}"
    run_id: 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d
    timeout: 600
    poll_interval: 2.5

- name: Look once, without failing the play, and act on the outcome
  sddc.manager.wait_for_precheck_export:
    run_id: 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d
    timeout: 0
  register: precheck_look
  ignore_errors: true

# Ad hoc:
#   ansible localhost -m sddc.manager.wait_for_precheck_export \
#     -a "run_id=3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d timeout=600"
'''

RETURN = r'''
msg:
  description:
    - What happened, in one line of at most 2000 characters. On a failed export it holds SDDC Manager's message,
      remediation and reference token.
  returned: always
  type: str
  sample: "Pre-check export for run 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d: FAILED at 64.0%: Results store unreachable.
    Remediation: Restart the LCM service. (reference token Q7XK2M) Start a new export with sddc.manager.precheck_export
    and force: true."
export:
  description: The last export task (C(ExportTaskRest)) read, as SDDC Manager returned it; null if none was read.
  returned: always
  type: dict
  sample:
    status: COMPLETED
    progress: 100.0
    startTimestamp: "2026-11-28T10:00:00Z"
    endTimestamp: "2026-11-28T10:04:12Z"
    error: null
elapsed:
  description: Seconds the wait took.
  returned: always
  type: float
  sample: 42.3
polls:
  description: How many times the export status was read.
  returned: always
  type: int
  sample: 5
polls_phrase:
  description: RV(polls) in words (C(1 poll), C(3 polls)), for a message.
  returned: always
  type: str
  sample: 3 polls
run_id:
  description: The run id as sent (lower case, hyphenated).
  returned: when O(run_id) is a valid UUID
  type: str
  sample: 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d
error_kind:
  description: On failure, its kind, one of C(ConfigurationError), C(ApiError), C(AuthenticationError),
    C(NotFoundError), C(CertificateError), C(TransportError), C(InvalidResponseError), C(UnsupportedVersionError),
    C(ExportNotReadyError), C(ExportFailedError) (an export ended C(FAILED)), C(WaitTimeoutError) (a wait ran out of
    time), C(PrecheckBlockedError) (the gate failed on a run) or C(UnexpectedError). Every failure has one. The
    troubleshooting guide says what to do about each.
  returned: on failure
  type: str
  sample: TransportError
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
