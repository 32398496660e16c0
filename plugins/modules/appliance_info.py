#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r'''
module: appliance_info
short_description: Read the SDDC Manager version and what it supports
version_added: 0.1.0
description:
  - Reads C(GET /v1/system/appliance-info) and says which of the collection's operations the appliance offers,
    so a play can branch on it (for example, pre-check exports need VCF 9.1).
  - Only reads; never changes anything.
author:
  - sddc.manager contributors (@sddc-manager)
extends_documentation_fragment:
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
seealso:
  - module: sddc.manager.precheck
  - module: sddc.manager.precheck_export
'''

EXAMPLES = r'''
- name: Read the appliance (connection from SDDC_MANAGER_* env vars)
  sddc.manager.appliance_info:
  register: appliance

- name: Export the pre-check results only where SDDC Manager can
  sddc.manager.precheck_export:
    run_id: 7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21
  when: appliance.supports.precheck_exports
'''

RETURN = r'''
hostname:
  description: The SDDC Manager the module talked to, as a URL.
  returned: success
  type: str
  sample: https://sddc-manager.example.com
version:
  description: The version SDDC Manager reports; null when it reports none.
  returned: success
  type: str
  sample: 9.1.0.0.24000000
vcf_version:
  description: The VCF release of that version (its first two numbers); null when it cannot be read.
  returned: success
  type: str
  sample: "9.1"
supports:
  description: Which of the collection's operations the appliance offers.
  returned: success
  type: dict
  contains:
    precheck_runs:
      description: Pre-check (check-set) runs, from VCF 5.2.
      type: bool
    precheck_exports:
      description: Exports of pre-check runs, from VCF 9.1.
      type: bool
  sample: {"precheck_runs": true, "precheck_exports": true}
msg:
  description: The version and what it supports, in one line.
  returned: success
  type: str
  sample: SDDC Manager at https://sddc-manager.example.com runs 9.1.0.0.24000000 (VCF 9.1); pre-check exports are
    available.
error_kind:
  description: On failure, its kind, one of C(ConfigurationError), C(ApiError), C(AuthenticationError),
    C(NotFoundError), C(CertificateError), C(TransportError), C(InvalidResponseError), C(UnsupportedVersionError),
    C(ExportNotReadyError), C(ExportFailedError) (an export ended C(FAILED)), C(WaitTimeoutError) (a wait ran out of
    time), C(PrecheckBlockedError) (the gate failed on a run) or C(UnexpectedError). Every failure has one. The
    troubleshooting guide says what to do about each.
  returned: on failure
  type: str
  sample: AuthenticationError
status_code:
  description: On failure, the HTTP status of the answer that failed.
  returned: when SDDC Manager answered with an HTTP error
  type: int
  sample: 401
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

from ansible_collections.sddc.manager.plugins.module_utils.appliance import read_appliance
from ansible_collections.sddc.manager.plugins.module_utils.module_boundary import run_module, sddc_manager_module

OPTIONS = {}


def main():
    module = sddc_manager_module(OPTIONS, supports_check_mode=True)
    run_module(module, read_appliance)


if __name__ == '__main__':
    main()
