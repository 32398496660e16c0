#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r'''
module: precheck_export_info
short_description: Read the status of a results export
version_added: 0.1.0
description:
  - Reads the export task of a completed pre-check (check-set) run from SDDC Manager with
    C(GET /v1/system/check-sets/{runId}/exports), available from VMware Cloud Foundation 9.1.
  - Only reads; never changes anything. A run without an export is an answer (RV(exists=false)),
    not a failure.
  - On VCF 9.0, which has no export operations, it fails naming the version found and the version needed.
  - To wait until an export finishes, use M(sddc.manager.wait_for_precheck_export).
author:
  - sddc.manager contributors (@sddc-manager)
extends_documentation_fragment:
  - sddc.manager.run_id
  - sddc.manager.connection
  - sddc.manager.connection.module
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details: The module only reads, so it runs the same in check mode.
  diff_mode:
    support: none
  platform:
    platforms: all
'''

EXAMPLES = r'''
- name: Read the export of a pre-check run (connection from SDDC_MANAGER_* env vars)
  sddc.manager.precheck_export_info:
    run_id: 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d
  register: precheck_export

- name: Show its status
  ansible.builtin.debug:
    msg: "{{ precheck_export.export.status }} at {{ precheck_export.export.progress }}%"
  when: precheck_export.exists

- name: Read it with the connection written out, trusting a private CA
  sddc.manager.precheck_export_info:
    hostname: sddc-manager.example.com
    username: administrator@vsphere.local
    password: "{{ vault_sddc_manager_password }}"
    ca_path: /etc/pki/sddc-manager-ca.pem
    run_id: 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d
  register: precheck_export

# Ad hoc, with the connection in the environment:
#   export SDDC_MANAGER_HOST=sddc-manager.example.com SDDC_MANAGER_USERNAME=administrator@vsphere.local
#   export SDDC_MANAGER_PASSWORD=...
#   ansible localhost -m sddc.manager.precheck_export_info -a run_id=3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d
'''

RETURN = r'''
exists:
  description: Whether the run has an export task.
  returned: success
  type: bool
  sample: true
finished:
  description: Whether the export has ended, that is its status is C(COMPLETED) or C(FAILED) in any casing.
  returned: success
  type: bool
  sample: false
run_id:
  description: The run id as sent to SDDC Manager (lower case, hyphenated).
  returned: success
  type: str
  sample: 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d
export:
  description:
    - The export task (C(ExportTaskRest)) as SDDC Manager returned it; null when the run has no export.
  returned: success
  type: dict
  sample:
    status: IN_PROGRESS
    progress: 42.5
    startTimestamp: "2026-11-28T10:00:00Z"
    endTimestamp: null
    error: null
  contains:
    status:
      description: C(NOT_STARTED), C(QUEUED), C(IN_PROGRESS), C(COMPLETED) or C(FAILED).
      type: str
    progress:
      description: Progress in percent, 0.0 to 100.0.
      type: float
    startTimestamp:
      description: When the export began (ISO 8601, UTC).
      type: str
    endTimestamp:
      description: When it ended, successfully or not; null while it runs.
      type: str
    error:
      description: On failure, C(message), C(remediationMessage) and C(referenceToken); otherwise null.
      type: dict
error_kind:
  description: On failure, its kind, one of C(ConfigurationError), C(ApiError), C(AuthenticationError),
    C(NotFoundError), C(CertificateError), C(TransportError), C(InvalidResponseError), C(UnsupportedVersionError),
    C(ExportNotReadyError), C(ExportFailedError) (an export ended C(FAILED)), C(WaitTimeoutError) (a wait ran out of
    time), C(PrecheckBlockedError) (the gate failed on a run) or C(UnexpectedError). Every failure has one. The
    troubleshooting guide says what to do about each.
  returned: on failure
  type: str
  sample: UnsupportedVersionError
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
from ansible_collections.sddc.manager.plugins.module_utils.export_task import is_finished, read_export
from ansible_collections.sddc.manager.plugins.module_utils.module_boundary import run_module, sddc_manager_module
from ansible_collections.sddc.manager.plugins.module_utils.options import run_id_option

OPTIONS = dict(run_id=run_id_option())


def read_export_info(client, params: dict) -> dict:
    """The export of the run, or exists=false when the run has none (a run that does not exist fails)."""
    run_id = canonical_run_id(params['run_id'])
    export = read_export(client, run_id)
    return dict(changed=False, run_id=run_id, exists=export is not None, finished=is_finished(export), export=export)


def main():
    module = sddc_manager_module(OPTIONS, supports_check_mode=True)
    run_module(module, lambda client: read_export_info(client, module.params))


if __name__ == '__main__':
    main()
