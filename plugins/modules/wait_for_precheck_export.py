#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

# This module is documentation only: the work is done on the controller by the action plugin
# plugins/action/wait_for_precheck_export.py.

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: wait_for_precheck_export
short_description: Wait for the export of an SDDC Manager pre-check run to finish
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
  - To start an export, use M(sddc.manager.precheck_export); to read its state once, M(sddc.manager.precheck_export_info).
author:
  - sddc.manager contributors (@sddc-manager)
options:
  run_id:
    description:
      - The UUID of the pre-check run whose export to wait for. Any casing; sent canonical.
    type: str
    required: true
  timeout:
    description:
      - Seconds to wait for the export to finish, measured on a monotonic clock.
      - V(0) looks once and fails unless the export has already finished.
    type: float
    default: 1800
  poll_interval:
    description:
      - Seconds between two reads of the export status. Fractions are allowed.
    type: float
    default: 10
extends_documentation_fragment:
  - sddc.manager.connection
attributes:
  action:
    support: full
    description: Runs on the controller as an action plugin.
  async:
    support: none
    description: The action waits itself; use O(timeout) instead of C(async).
  check_mode:
    support: full
    description: It only reads, so it waits the same in check mode.
  diff_mode:
    support: none
    description: Nothing changes.
  platform:
    support: full
    platforms: all
    description: Talks to SDDC Manager from the controller, whatever the target host.
notes:
  - The connection options fall back to the controller's environment variables (C(SDDC_MANAGER_HOST) and so on),
    as AWX/AAP credentials inject them.
  - The polls of one wait reuse one kept-alive connection; a poll that meets a transient fault is retried by the
    client within the wait.
seealso:
  - module: sddc.manager.precheck_export_info
'''

EXAMPLES = r'''
- name: Wait up to 30 minutes for the export of a pre-check run (connection from SDDC_MANAGER_* env vars)
  sddc.manager.wait_for_precheck_export:
    run_id: 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d
  register: precheck_wait

- name: Show how long it took
  ansible.builtin.debug:
    msg: "Export {{ precheck_wait.export.status }} after {{ precheck_wait.elapsed }} s and {{ precheck_wait.polls }} polls"

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
#   ansible localhost -m sddc.manager.wait_for_precheck_export -a "run_id=3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d timeout=600"
'''

RETURN = r'''
msg:
  description:
    - What happened, in one line.
    - "On failure, for example C(Pre-check export for run 3f1c9a52-...: FAILED at 64.0%: <message>
      Remediation: <remediation> (reference token Q7XK2M))."
  returned: always
  type: str
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
run_id:
  description: The run id as sent (lower case, hyphenated).
  returned: when O(run_id) is a valid UUID
  type: str
  sample: 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d
error:
  description:
    - When the export FAILED, its C(error) (C(message), C(remediationMessage), C(referenceToken)).
    - When SDDC Manager answered with an HTTP error, its VCF C(Error) object.
  returned: on failure, when there is one
  type: dict
status_code:
  description: The HTTP status of an answer that failed the task.
  returned: when SDDC Manager answered with an HTTP error
  type: int
error_kind:
  description: The kind of a failure that did not come from the export itself, for example C(ApiError),
    C(AuthenticationError), C(CertificateError), C(UnsupportedVersionError) or C(ConfigurationError).
  returned: on such a failure
  type: str
'''
