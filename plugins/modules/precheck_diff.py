#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r'''
module: precheck_diff
short_description: Compare a pre-check run with a baseline
version_added: 0.1.0
description:
  - Compares the findings of a pre-check (check-set) run with those of a baseline, and says what is new, what was
    resolved, what persists and what changed severity.
  - A finding is the same in both runs when its check (C(validatorDefinitionId), else C(errorCode), else the check's
    name), its resource (id when known, else name) and its domain (id when known, else name) are; never the message
    text, which SDDC Manager may reword. Two runs of the same checks on the same resources match whatever the order
    or representation of their findings.
  - The baseline is a run on the appliance (its id), the JSON report M(sddc.manager.precheck_report) wrote of a run
    (its path, on the host that runs the task), or V(previous), the finished run before this one for the same domains
    and target, by completion time (C(GET /v1/system/check-sets?domainId=)).
  - A baseline for other domains or another target version is refused, unless O(force=true).
  - Only reads; never changes anything.
author:
  - sddc.manager contributors (@sddc-manager)
options:
  run_id:
    description:
      - The run to compare. Left out, the newest finished run of O(domains).
    type: str
  domains:
    description:
      - The workload domains (names or ids) whose newest finished run to compare, when O(run_id) is left out.
    type: list
    elements: str
  baseline:
    description:
      - What to compare with, V(previous), a run id, or the path of a JSON report of M(sddc.manager.precheck_report).
    type: str
    required: true
  force:
    description:
      - Compare even when the baseline is for other domains or another target version.
    type: bool
    default: false
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
  - module: sddc.manager.precheck_info
  - module: sddc.manager.precheck_report
'''

EXAMPLES = r'''
- name: What changed since the previous pre-check of the domains (connection from SDDC_MANAGER_* env vars)
  sddc.manager.precheck_diff:
    domains:
      - wld-01
    baseline: previous
  register: since_last_week

- name: Show it
  ansible.builtin.debug:
    msg: "{{ since_last_week.msg }}"

- name: Compare a run with last week's saved report
  sddc.manager.precheck_diff:
    run_id: 7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21
    baseline: /var/tmp/prechecks/precheck-0b7e2f4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5.json

# Ad hoc:
#   ansible localhost -m sddc.manager.precheck_diff -a "domains=wld-01 baseline=previous"
'''

RETURN = r'''
msg:
  description: What changed, in one line.
  returned: always
  type: str
  sample: "Since run 0b7e2f4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5 of 2026-11-20: 1 new error, 2 resolved, 1 warning became an
    error, 3 persisting."
new:
  description: The findings of the run the baseline does not have (keys as M(sddc.manager.precheck_info) returns
    findings).
  returned: success
  type: list
  elements: dict
resolved:
  description: The findings of the baseline the run no longer has.
  returned: success
  type: list
  elements: dict
persisting:
  description: The findings in both, with the same severity (as the run has them).
  returned: success
  type: list
  elements: dict
severity_changed:
  description: The findings in both whose severity changed, as the run has them, with C(from_severity), the baseline's.
  returned: success
  type: list
  elements: dict
counts:
  description: How many findings each of RV(new), RV(resolved), RV(persisting) and RV(severity_changed) holds.
  returned: success
  type: dict
  sample: {"new": 1, "resolved": 2, "persisting": 3, "severity_changed": 1}
run:
  description: The run compared, C(run_id), C(completed) (ISO 8601), C(target_version) (null for general upgrade
    readiness), C(domains) (names) and C(source) (C(appliance)).
  returned: success
  type: dict
baseline:
  description: The baseline, with the same keys; C(source) is C(appliance) or C(report).
  returned: success
  type: dict
error_kind:
  description: On failure, its kind, one of C(ConfigurationError), C(ApiError), C(AuthenticationError),
    C(NotFoundError), C(CertificateError), C(TransportError), C(InvalidResponseError), C(UnsupportedVersionError),
    C(ExportNotReadyError), C(ExportFailedError) (an export ended C(FAILED)), C(WaitTimeoutError) (a wait ran out of
    time), C(PrecheckBlockedError) (the gate failed on a run) or C(UnexpectedError). Every failure has one. The
    troubleshooting guide says what to do about each.
  returned: on failure
  type: str
  sample: ConfigurationError
status_code:
  description: On failure, the HTTP status of the answer that failed.
  returned: when SDDC Manager answered with an HTTP error
  type: int
  sample: 404
error:
  description: On failure, the VCF C(Error) object SDDC Manager returned.
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
  sample: {"option": "baseline"}
'''

from ansible_collections.sddc.manager.plugins.module_utils.module_boundary import run_module, sddc_manager_module
from ansible_collections.sddc.manager.plugins.module_utils.run_diff import compare_runs

OPTIONS = dict(
    run_id=dict(type='str'),
    domains=dict(type='list', elements='str'),
    baseline=dict(type='str', required=True),
    force=dict(type='bool', default=False),
)


def main():
    module = sddc_manager_module(OPTIONS, supports_check_mode=True, required_one_of=[('run_id', 'domains')])
    run_module(module, lambda client: compare_runs(client, module.params))


if __name__ == '__main__':
    main()
