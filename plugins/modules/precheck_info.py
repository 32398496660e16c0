#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r'''
module: precheck_info
short_description: Read pre-check findings, or list domains' runs
version_added: 0.1.0
description:
  - With O(run_id), reads one pre-check (check-set) run (C(GET /v1/system/check-sets/{runId})) and returns its
    status, discovery progress and findings as one flat list, with counts per severity overall and per domain.
  - With O(domains), lists the runs SDDC Manager remembers for those workload domains
    (C(GET /v1/system/check-sets?domainId=)), newest first.
  - Only reads; never changes anything. A run that does not exist fails, naming the run and the appliance, as
    M(sddc.manager.precheck_export_info) does.
  - A run read returns RV(verdict) and RV(msg) as M(sddc.manager.wait_for_precheck) gives them with its default gate
    (C(fail_on=error)), without failing on them, so a report written from this result says the same.
  - Findings are read from every shape a result is known to take (validation nodes, 9.1 notifications, inventory
    leaves), at any depth; a failed check whose severity is missing or unknown counts as C(ERROR).
    Passed checks are counted, not listed.
  - Works from VCF 5.2 to 9.1.
author:
  - sddc.manager contributors (@sddc-manager)
options:
  run_id:
    description:
      - The UUID of a pre-check run, as RV(sddc.manager.precheck#module:run_id) returns it. Any casing; sent canonical.
      - Mutually exclusive with O(domains); one of the two is required.
    type: str
  domains:
    description:
      - Workload domain names or ids whose last runs to list.
      - Mutually exclusive with O(run_id).
    type: list
    elements: str
  include_raw:
    description:
      - Also return the run's answer as SDDC Manager gave it (RV(raw)). A real result carries a large inventory tree.
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
  - module: sddc.manager.precheck
  - module: sddc.manager.wait_for_precheck
'''

EXAMPLES = r'''
- name: Read a pre-check run (connection from SDDC_MANAGER_* env vars)
  sddc.manager.precheck_info:
    run_id: 7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21
  register: precheck_run

- name: Show what blocks the upgrade
  ansible.builtin.debug:
    msg: "{{ item.resource }} / {{ item.name }}: {{ item.message }} ({{ item.remediation }})"
  loop: "{{ precheck_run.findings | selectattr('severity', 'equalto', 'ERROR') | list }}"
  loop_control:
    label: "{{ item.id }}"

- name: List the last pre-check runs of two domains
  sddc.manager.precheck_info:
    domains:
      - mgmt-01
      - wld-01
  register: precheck_runs

- name: Show the newest
  ansible.builtin.debug:
    msg: "{{ precheck_runs.runs[0].id }} {{ precheck_runs.runs[0].status }} since {{ precheck_runs.runs[0].timestamp }}"
  when: precheck_runs.runs | length > 0
'''

RETURN = r'''
run_id:
  description: The run id as sent (lower case, hyphenated).
  returned: when O(run_id) is given
  type: str
  sample: 7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21
exists:
  description: Whether SDDC Manager knows the run; always true, since an unknown run fails.
  returned: when O(run_id) is given
  type: bool
  sample: true
msg:
  description: What was read, in one line; for a run, as M(sddc.manager.wait_for_precheck) words it.
  returned: always
  type: str
  sample: "Pre-check run 7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21: COMPLETED_WITH_SUCCESS, 0 errors, 1 warning, 0 info,
    9 passed: READY WITH WARNINGS."
verdict:
  description: C(READY), C(READY WITH WARNINGS), C(BLOCKED) or C(NOT FINISHED), as M(sddc.manager.wait_for_precheck)
    gives it with its default gate. See there for when a run is C(BLOCKED).
  returned: when O(run_id) is given
  type: str
  sample: READY WITH WARNINGS
counts_phrase:
  description: What the run found, in words, for a summary line (C(1 error, 2 warnings, 0 info and 14 passed, 1
    ignored, 1 waived); the ignored and waived parts only when there are any).
  returned: when the run was read
  type: str
  sample: 1 error, 2 warnings, 0 info and 14 passed
verdict_reasons:
  description: Why the verdict is what it is beyond the findings, one sentence each (the run did not complete, not
    everything was read, SDDC Manager counts more errors than were read...); empty for most runs.
  returned: when O(run_id) is given
  type: list
  elements: str
failing:
  description: The findings the default gate (C(fail_on=error)) fails on, most severe first (same keys as
    RV(findings)). This module never fails on them.
  returned: when O(run_id) is given
  type: list
  elements: dict
status:
  description: C(IN_PROGRESS), C(COMPLETED_WITH_SUCCESS) or C(COMPLETED_WITH_FAILURE) (normalised to upper case);
    C(STARTING) while SDDC Manager has not filled it in.
  returned: when O(run_id) is given
  type: str
  sample: COMPLETED_WITH_FAILURE
finished:
  description: Whether the run has ended, successfully or not.
  returned: when O(run_id) is given
  type: bool
  sample: true
progress:
  description: The discovery progress in percent; null when SDDC Manager gives none.
  returned: when O(run_id) is given
  type: float
  sample: 100.0
findings_total:
  description: How many findings the run had in all. A task result holds at most 500 of them (and 512 KiB of each
    list), most severe first; RV(omitted) says how many were left out, and M(sddc.manager.precheck_report) reads the
    run again to write every one.
  returned: when the run was read
  type: int
  sample: 3
omitted:
  description: For each list cut to fit a task result (C(findings), C(failing), C(silenced), C(since_baseline.new)...),
    how many of its items were left out; empty when nothing was. The verdict and the counts are of the whole run.
  returned: when the run was read
  type: dict
  sample: {}
gate:
  description: The settings the verdict was judged with (C(fail_on), C(ignore_checks), C(waivers),
    C(fail_on_incomplete_coverage), C(baseline)), so that M(sddc.manager.precheck_report) judges a run it reads again
    the same way. Here always the default gate.
  returned: when the run was read
  type: dict
  sample: {"fail_on": "error", "ignore_checks": [], "waivers": [], "fail_on_incomplete_coverage": false,
    "baseline": null}
findings:
  description: The failed, warning, informational or silenced-out checks, most severe first (the first 500, see
    RV(findings_total)). Passed checks are only counted (RV(summary.passed)).
  returned: when O(run_id) is given
  type: list
  elements: dict
  contains:
    id:
      description: The check id (C(validatorDefinitionId), else the error code or inventory id).
      type: str
    name:
      description: The check's name (C(validationName), else its label or message).
      type: str
    severity:
      description: C(ERROR), C(WARNING) or C(INFO). C(CRITICAL) counts as C(ERROR), C(OPTIONAL) as C(INFO); a failed
        check whose severity is missing or unknown is C(ERROR).
      type: str
    severity_raw:
      description: The severity as SDDC Manager gave it.
      type: str
    status:
      description: The check's status as SDDC Manager gave it, for example C(VALIDATION_FAILED).
      type: str
    passed:
      description: Always false; passed checks are counted, not listed.
      type: bool
    ignored:
      description: Whether the check is in O(sddc.manager.wait_for_precheck#module:ignore_checks) (false here).
      type: bool
    waived:
      description: Whether a waiver of O(sddc.manager.wait_for_precheck#module:waivers) covers it (false here).
      type: bool
    waiver:
      description: The waiver that covers it (null here).
      type: dict
    resource:
      description: The resource the check ran on, where SDDC Manager says.
      type: str
    domain:
      description: The domain, where SDDC Manager says.
      type: str
    resource_id:
      description: The resource's id, where the result gives one for its name.
      type: str
    domain_id:
      description: The domain's id, where the result gives one for its name.
      type: str
    message:
      description: What the check found.
      type: str
    remediation:
      description: What to do about it.
      type: str
    remediation_url:
      description: A link to more, when SDDC Manager gave one.
      type: str
    reference_token:
      description: The reference token to quote to support.
      type: str
    source:
      description: Where in the result it was read, C(validationResult), C(notifications) or C(physicalPresentedData).
      type: str
summary:
  description: Counts overall and per domain.
  returned: when O(run_id) is given
  type: dict
  contains:
    error:
      description: Findings of severity C(ERROR).
      type: int
    warning:
      description: Findings of severity C(WARNING).
      type: int
    info:
      description: Findings of severity C(INFO).
      type: int
    passed:
      description: Checks that passed.
      type: int
    silenced:
      description: Checks silenced on SDDC Manager.
      type: int
    total:
      description: All checks counted.
      type: int
    domains:
      description: The same counts per domain (with C(domain) and C(source)), from SDDC Manager's
        C(validation-domain-summary) when it gave one, else from the findings.
      type: list
      elements: dict
  sample: {"error": 1, "warning": 2, "info": 0, "passed": 14, "silenced": 0, "total": 17, "domains": []}
truncated:
  description: Whether the result was nested deeper or larger than the walker reads (findings may be missing);
    such a run is never C(READY).
  returned: when O(run_id) is given
  type: bool
unread:
  description: What could not be read beyond the run's answer (the reads behind RV(coverage) failing), one sentence
    each; each is a reason the run is not C(READY). The run's own findings are still returned.
  returned: when the run was read
  type: list
  elements: str
counts_read:
  description: The C(error), C(warning) and C(info) findings read (each check on each resource once).
  returned: when O(run_id) is given
  type: dict
  sample: {"error": 1, "warning": 2, "info": 0}
counts_reported:
  description: The same counts from SDDC Manager's own per-domain summary, summed; null when it gives none.
  returned: when O(run_id) is given
  type: dict
  sample: {"error": 1, "warning": 2, "info": 0}
target_version:
  description: The run's target version, from its entry in the run list; null for general upgrade readiness, or
    when no domain lists the run.
  returned: when the run has finished
  type: str
  sample: 9.1.0.0
coverage:
  description: For a run with a target version, how far its version-specific checks went, per component of the
    target release; null for general upgrade readiness. The keys are those of
    RV(sddc.manager.wait_for_precheck#module:coverage).
  returned: when the run has finished
  type: dict
  sample: {"target_version": "9.1.0.0", "complete": false, "not_covered": ["NSX_T_MANAGER"], "components": []}
coverage_complete:
  description: Whether every component of the target release is covered; null without a target.
  returned: when the run has finished
  type: bool
silenced:
  description: The checks silenced on SDDC Manager, which were not judged, each with C(check), C(resource), C(domain)
    and C(message). On VCF 9.1 and later a second read lists them (C(severity=INFO&includeOnlySilencedInfo=true)); on
    older appliances, those the run's result names as silenced.
  returned: when the run was read
  type: list
  elements: dict
input_errors:
  description: The run's C(inputValidationErrors), each as one line.
  returned: when O(run_id) is given
  type: list
  elements: str
validation_message:
  description: The message of the top-level validation result.
  returned: when O(run_id) is given
  type: str
  sample: Target state validation successful
timestamp:
  description: When the run began, ISO 8601, as SDDC Manager gave it.
  returned: when O(run_id) is given
  type: str
completion_timestamp:
  description: When the run ended, ISO 8601, as SDDC Manager gave it.
  returned: when O(run_id) is given
  type: str
raw:
  description: The run's answer (C(AssessmentOutput)) as SDDC Manager gave it.
  returned: when O(include_raw=true)
  type: dict
domains:
  description: The domains whose runs were listed, as resolved (C(id), C(name), C(type)).
  returned: when O(domains) is given
  type: list
  elements: dict
runs:
  description: The last runs of those domains, each once, newest first.
  returned: when O(domains) is given
  type: list
  elements: dict
  contains:
    id:
      description: The run id.
      type: str
    status:
      description: The run's status, normalised to upper case, for example C(COMPLETED_WITH_SUCCESS) or
        C(IN_PROGRESS) (SDDC Manager calls it C(state) here).
      type: str
    timestamp:
      description: When it began, ISO 8601 UTC.
      type: str
    completion_timestamp:
      description: When it ended, ISO 8601 UTC; null while it runs.
      type: str
    domains:
      description: The domains it covered (C(id), C(name), C(type)).
      type: list
      elements: dict
    target_version:
      description: Its target version; null for general upgrade readiness, as
        O(sddc.manager.precheck#module:target_version) is for a run without a target.
      type: str
error_kind:
  description: On failure, its kind, one of C(ConfigurationError), C(ApiError), C(AuthenticationError),
    C(NotFoundError), C(CertificateError), C(TransportError), C(InvalidResponseError), C(UnsupportedVersionError),
    C(ExportNotReadyError), C(ExportFailedError) (an export ended C(FAILED)), C(WaitTimeoutError) (a wait ran out of
    time), C(PrecheckBlockedError) (the gate failed on a run) or C(UnexpectedError). Every failure has one. The
    troubleshooting guide says what to do about each.
  returned: on failure
  type: str
  sample: NotFoundError
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

from ansible_collections.sddc.manager.plugins.module_utils.check_sets import (
    canonical_run_id,
    require_run,
    runs_of_domains,
)
from ansible_collections.sddc.manager.plugins.module_utils.domains import resolve_domains
from ansible_collections.sddc.manager.plugins.module_utils.module_boundary import run_module, sddc_manager_module
from ansible_collections.sddc.manager.plugins.module_utils.precheck_verdict import Verdict, findings_sentence
from ansible_collections.sddc.manager.plugins.module_utils.result_bounds import bound_result
from ansible_collections.sddc.manager.plugins.module_utils.run_context import read_run_context
from ansible_collections.sddc.manager.plugins.module_utils.run_gate import DEFAULT_GATE
from ansible_collections.sddc.manager.plugins.module_utils.run_result import describe_run, run_finished
from ansible_collections.sddc.manager.plugins.module_utils.text import plural

OPTIONS = dict(
    run_id=dict(type='str'),
    domains=dict(type='list', elements='str'),
    include_raw=dict(type='bool', default=False),
)


def read_precheck(client, params: dict) -> dict:
    """One run with its findings and verdict (``run_id``), or the last runs of some domains (``domains``)."""
    if params['run_id'] is not None:
        run_id = canonical_run_id(params['run_id'])
        run = require_run(client, run_id)
        context = read_run_context(client, run_id, run) if run_finished(run) else None
        described = describe_run(run_id, run, params['include_raw'], context)
        verdict = Verdict(described)   # the default gate, as wait_for_precheck applies it: it only reads
        return bound_result(dict(described, changed=False, findings=verdict.findings, verdict=verdict.word,
                                 verdict_reasons=verdict.why(), failing=verdict.failing, msg=verdict.message(),
                                 gate=dict(DEFAULT_GATE),
                                 counts_phrase=findings_sentence(described['summary'], verdict.findings)))
    domains = resolve_domains(client, params['domains'])
    runs = runs_of_domains(client, domains)
    msg = '%s of domain%s %s%s.' % (plural(len(runs), 'pre-check run'), '' if len(domains) == 1 else 's',
                                    ', '.join(d['name'] for d in domains),
                                    ', the newest %s %s' % (runs[0]['id'], runs[0]['status']) if runs else '')
    return dict(changed=False, domains=domains, runs=runs, msg=msg)


def main():
    module = sddc_manager_module(OPTIONS, supports_check_mode=True, required_one_of=[('run_id', 'domains')],
                                 mutually_exclusive=[('run_id', 'domains')])
    run_module(module, lambda client: read_precheck(client, module.params))


if __name__ == '__main__':
    main()
