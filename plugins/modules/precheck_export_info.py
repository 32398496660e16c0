#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: precheck_export_info
short_description: Read the export task of an SDDC Manager pre-check run
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
options:
  run_id:
    description:
      - The UUID of the pre-check run, the C(id) of the task that C(POST /v1/system/check-sets) returned.
      - Any casing is accepted; it is sent in canonical form (lower case, hyphenated).
      - A value that is not a UUID fails before anything is sent.
    type: str
    required: true
extends_documentation_fragment:
  - sddc.manager.connection
attributes:
  check_mode:
    support: full
    description: The module only reads, so it runs the same in check mode.
  diff_mode:
    support: none
    description: Nothing changes, so there is nothing to diff.
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
error:
  description: On failure, the VCF C(Error) object SDDC Manager returned (errorCode, message, remediationMessage, referenceToken...).
  returned: when SDDC Manager answered with an error body
  type: dict
status_code:
  description: On failure, the HTTP status of the answer that failed.
  returned: when SDDC Manager answered with an HTTP error
  type: int
  sample: 500
error_kind:
  description: On failure, the kind of failure, for example C(ApiError), C(AuthenticationError), C(CertificateError),
    C(TransportError), C(InvalidResponseError), C(UnsupportedVersionError) or C(ConfigurationError).
  returned: on failure
  type: str
  sample: ApiError
version:
  description: On C(UnsupportedVersionError), the SDDC Manager version found.
  returned: when the appliance is older than VCF 9.1
  type: str
  sample: 9.0.0.0.24703748
'''

from ansible_collections.sddc.manager.plugins.module_utils.export_task import (
    canonical_run_id,
    is_finished,
    read_export,
)
from ansible_collections.sddc.manager.plugins.module_utils.module_boundary import (
    run_module,
    sddc_manager_module,
)


def main():
    module = sddc_manager_module(dict(run_id=dict(type='str', required=True)), supports_check_mode=True)

    def read(client):
        run_id = canonical_run_id(module.params['run_id'])
        export = read_export(client, run_id)
        return dict(changed=False, run_id=run_id, exists=export is not None,
                    finished=is_finished(export), export=export)

    run_module(module, read)


if __name__ == '__main__':
    main()
