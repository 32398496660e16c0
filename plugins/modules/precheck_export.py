#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: precheck_export
short_description: Start the export of an SDDC Manager pre-check run, idempotently
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
  run_id:
    description:
      - The UUID of a completed pre-check run. Any casing; sent canonical. A value that is not a UUID fails
        before anything is sent.
    type: str
    required: true
  force:
    description:
      - Start a new export even when the last one C(COMPLETED).
      - An export that is still running is attached to, even with O(force=true).
    type: bool
    default: false
extends_documentation_fragment:
  - sddc.manager.connection
attributes:
  check_mode:
    support: full
    description: Reads, then reports what it would do (RV(outcome), RV(changed)) without sending the POST.
  diff_mode:
    support: none
    description: No diff is produced.
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
error:
  description: On failure, the VCF C(Error) object SDDC Manager returned.
  returned: when SDDC Manager answered with an error body
  type: dict
status_code:
  description: On failure, the HTTP status of the answer that failed.
  returned: when SDDC Manager answered with an HTTP error
  type: int
  sample: 400
error_kind:
  description: On failure, the kind of failure (C(ApiError), C(AuthenticationError), C(UnsupportedVersionError)...).
  returned: on failure
  type: str
'''

from ansible_collections.sddc.manager.plugins.module_utils.export_task import (
    STARTED,
    canonical_run_id,
    plan_start,
    read_export,
    start_export,
)
from ansible_collections.sddc.manager.plugins.module_utils.module_boundary import (
    run_module,
    sddc_manager_module,
)


def main():
    module = sddc_manager_module(dict(run_id=dict(type='str', required=True),
                                      force=dict(type='bool', default=False)),
                                 supports_check_mode=True)

    def ensure_started(client):
        run_id = canonical_run_id(module.params['run_id'])
        export = read_export(client, run_id)
        outcome = plan_start(export, module.params['force'])
        if outcome == STARTED and not module.check_mode:
            outcome, export = start_export(client, run_id)
        return dict(changed=outcome == STARTED, outcome=outcome, run_id=run_id, export=export)

    run_module(module, ensure_started)


if __name__ == '__main__':
    main()
