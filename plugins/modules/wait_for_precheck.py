#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

# This module is documentation only: the work is done on the controller by the action plugin
# plugins/action/wait_for_precheck.py.

DOCUMENTATION = r'''
module: wait_for_precheck
short_description: Wait for pre-check results, fail on blockers
version_added: 0.1.0
description:
  - Polls C(GET /v1/system/check-sets/{runId}) until a pre-check (check-set) run ends, then gates on its findings.
    By default the task fails when any C(ERROR) finding remains, with one line naming the run, its counts and the
    failing findings, most severe first, with resource, check, message and remediation.
  - The verdict fails closed. A run is C(READY) only when it completed (C(COMPLETED_WITH_SUCCESS) or
    C(COMPLETED_WITH_FAILURE)) and everything it reported was read; otherwise it is C(BLOCKED) with one line saying
    why. That covers a run that ended otherwise (C(FAILED), C(CANCELLED), C(TIMED_OUT)...), whatever is ignored or
    waived; a result larger or deeper than the collection reads (RV(truncated)); SDDC Manager's own summary counting
    more errors than the C(ERROR) findings read; and a run that ends C(COMPLETED_WITH_FAILURE) without any readable
    C(ERROR) finding, quoting the top-level validation message and any input validation errors. A completed run
    whose only C(ERROR) findings are ignored or waived passes.
  - With O(fail_on=error), C(WARNING) findings are shown as Ansible warnings (at most ten, then a count).
  - Runs on the controller as an action plugin, through one HTTP session and one login for the whole wait.
    Transient faults (connection resets, timeouts, HTTP 429/502/503/504, a garbled answer) do not end the wait while
    time remains, and an access token that expires during the wait is refreshed or re-obtained. A run that goes
    missing (HTTP 404) fails at once.
  - Every change of status or progress is shown at verbosity 1 (C(-v)), with the elapsed time and an estimate of
    the time left.
  - Once the run has finished, what a READY rests on is read too. For a run with a target version (from its entry
    in the run list), RV(coverage) says which components of the target release had their version-specific checks
    run (their upgrade bundles downloaded), and the errors of the domains' upgradables for the target are findings
    of their own (source C(upgradables)). On VCF 9.1 and later the run is read with its summary
    (C(includeSummary=true)) and the silenced checks are listed (RV(silenced)); these parameters are never sent to an
    older appliance. Where SDDC Manager's own counts and the findings read disagree, a warning says so.
  - Returns what M(sddc.manager.precheck_info) returns for the run, plus RV(elapsed), RV(polls), RV(verdict) and
    RV(failing).
author:
  - sddc.manager contributors (@sddc-manager)
options:
  fail_on:
    description:
      - Which findings fail the task. V(error) (C(ERROR) findings), V(warning) (C(ERROR) and C(WARNING)), V(never)
        (report only), V(new_error) (only C(ERROR) findings the O(baseline) did not have, a finding whose severity
        rose to C(ERROR) included) or V(new_warning) (the same for C(ERROR) and C(WARNING)).
      - With V(new_error) or V(new_warning), the verdict still describes the run (C(BLOCKED) while errors remain);
        only whether the task fails follows the baseline. What the collection could not read or the run did not
        check still fails it.
    type: str
    choices: [error, warning, never, new_error, new_warning]
    default: error
  baseline:
    description:
      - What the run is compared with, as M(sddc.manager.precheck_diff) takes it; V(previous) (the finished run
        before it for the same domains and target), a run id, or the path of a JSON report of
        M(sddc.manager.precheck_report) (on the controller). Needed by O(fail_on=new_error) and
        O(fail_on=new_warning); with any O(fail_on), the comparison is returned as RV(since_baseline).
      - A baseline for other domains or another target version fails the task.
    type: str
  ignore_checks:
    description:
      - Check ids or names (any casing) whose findings never fail the task. They are still returned, marked
        C(ignored), and counted.
      - The quick form, without an audit trail; prefer O(waivers), which say why, who, until when.
      - An empty entry (what an empty AWX survey answer gives) ignores nothing; it is dropped with a warning.
    type: list
    elements: str
    default: []
  waivers:
    description:
      - Accepted risks. A finding a waiver matches is returned with C(waived=true) and its C(waiver), shown in the
        reports, and does not fail the task.
      - A waiver that matches a finding after its expiry date fails the task, naming it ("waiver CHG-1234 for
        vcenter-backup-config expired on 2026-11-30"). A waiver that matches nothing is stale and gives a warning
        naming its ticket and check, so waivers do not outlive the problem they covered.
      - A waiver without a check, a reason or a valid expiry date fails the task before any request.
    type: list
    elements: dict
    default: []
    suboptions:
      check:
        description: The check id or name (any casing).
        type: str
        required: true
      resource:
        description: Only the findings on this resource (any casing).
        type: str
      domain:
        description: Only the findings in this domain (any casing).
        type: str
      reason:
        description: Why the risk is accepted.
        type: str
        required: true
      owner:
        description: Who accepted it.
        type: str
      ticket:
        description: The change or risk ticket.
        type: str
      expires:
        description: The last day the waiver holds, C(YYYY-MM-DD).
        type: str
        required: true
  fail_on_incomplete_coverage:
    description:
      - Fail when the run has a target version and the version-specific checks of some component of the target
        release did not run (its upgrade bundle is not downloaded, or no bundle names it), naming the components.
      - Left false, such a run is never plain C(READY) (at best C(READY WITH WARNINGS)) and a warning names them.
    type: bool
    default: false
  include_raw:
    description:
      - Also return the run's answer as SDDC Manager gave it (RV(raw)).
    type: bool
    default: false
extends_documentation_fragment:
  - sddc.manager.run_id
  - sddc.manager.wait
  - sddc.manager.wait.run
  - sddc.manager.connection
  - sddc.manager.connection.action
  - ansible.builtin.action_common_attributes
  - ansible.builtin.action_common_attributes.flow
seealso:
  - module: sddc.manager.precheck
  - module: sddc.manager.precheck_info
  - module: sddc.manager.precheck_export
'''

EXAMPLES = r'''
- name: Start a pre-check of a domain (connection from SDDC_MANAGER_* env vars)
  sddc.manager.precheck:
    domains:
      - wld-01
  register: precheck

- name: Wait up to an hour; fail on ERROR findings, show WARNING findings as warnings
  sddc.manager.wait_for_precheck:
    run_id: "{{ precheck.run_id }}"
  register: precheck_result

- name: Show the verdict
  ansible.builtin.debug:
    msg: >-
      {{ precheck_result.verdict }}: {{ precheck_result.summary.error }} errors,
      {{ precheck_result.summary.warning }} warnings

- name: Be strict about warnings, but accept a known license finding
  sddc.manager.wait_for_precheck:
    run_id: "{{ precheck.run_id }}"
    fail_on: warning
    ignore_checks:
      - sddc-manager-vcenter-license-state
    timeout: 1800
    poll_interval: 30

- name: Weekly pre-check; fail only on what is new since the previous run
  sddc.manager.wait_for_precheck:
    run_id: "{{ precheck.run_id }}"
    fail_on: new_error
    baseline: previous

- name: Accept a known finding until the change window, with who and why
  sddc.manager.wait_for_precheck:
    run_id: "{{ precheck.run_id }}"
    waivers:
      - check: sddc-manager-vcenter-license-state
        resource: wld-02-vc01.example.com
        reason: License renewal is ordered; the upgrade does not need it.
        owner: jane.doe
        ticket: CHG-1234
        expires: "2026-12-31"

- name: Report only, never fail, and keep the raw answer
  sddc.manager.wait_for_precheck:
    run_id: "{{ precheck.run_id }}"
    fail_on: never
    include_raw: true
  register: precheck_report

# Ad hoc:
#   ansible localhost -m sddc.manager.wait_for_precheck -a "run_id=7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21 fail_on=never"
'''

RETURN = r'''
msg:
  description:
    - What happened, in one line of at most 2000 characters. On a blocked run it names the run, its status and
      counts, then the failing findings most severe first, then C(+N more (see findings\)) when they do not fit.
  returned: always
  type: str
  sample: "Pre-check run 7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21: COMPLETED_WITH_FAILURE, 1 error, 2 warnings, 0 info,
    14 passed: BLOCKED. ERROR vc-01.example.com / vCenter license state: The license has expired.
    Remediation: Assign a valid license."
verdict:
  description: C(READY), C(READY WITH WARNINGS), C(BLOCKED) (what O(fail_on) and O(ignore_checks) make of the
    findings), or C(NOT FINISHED) when the wait ended before the run.
  returned: when O(run_id) is valid
  type: str
  sample: READY WITH WARNINGS
counts_phrase:
  description: What the run found, in words, for a summary line (C(1 error, 2 warnings, 0 info and 14 passed, 1
    ignored, 1 waived); the ignored and waived parts only when there are any).
  returned: when the run was read
  type: str
  sample: 1 error, 2 warnings, 0 info and 14 passed
since_baseline:
  description: With O(baseline), what changed since it, as M(sddc.manager.precheck_diff) returns it (C(new),
    C(resolved), C(persisting), C(severity_changed), C(counts), C(baseline) and C(msg)).
  returned: when O(baseline) is given and the run has finished
  type: dict
  sample: {"counts": {"new": 1, "resolved": 2, "persisting": 3, "severity_changed": 0},
    "msg": "Since run 0b7e2f4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5 of 2026-11-20: 1 new error, 2 resolved, 3 persisting."}
verdict_reasons:
  description: Why the verdict is what it is beyond the findings, one sentence each (the run did not complete, not
    everything was read, SDDC Manager counts more errors than were read, an expired waiver); empty for most runs.
  returned: when O(run_id) is valid
  type: list
  elements: str
failing:
  description: The findings that failed the task, most severe first (same keys as RV(findings)).
  returned: when O(run_id) is valid
  type: list
  elements: dict
elapsed:
  description: Seconds the wait took.
  returned: when O(run_id) is valid
  type: float
  sample: 312.4
polls:
  description: How many times the run was read.
  returned: when O(run_id) is valid
  type: int
  sample: 21
run_id:
  description: The run id as sent (lower case, hyphenated).
  returned: when O(run_id) is valid
  type: str
  sample: 7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21
exists:
  description: Whether the run was found.
  returned: when O(run_id) is valid
  type: bool
status:
  description: The run's last status (C(IN_PROGRESS), C(COMPLETED_WITH_SUCCESS), C(COMPLETED_WITH_FAILURE),
    C(STARTING)).
  returned: when O(run_id) is valid
  type: str
finished:
  description: Whether the run has ended.
  returned: when O(run_id) is valid
  type: bool
progress:
  description: The last discovery progress in percent.
  returned: when O(run_id) is valid
  type: float
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
    the same way.
  returned: when the run was read
  type: dict
  sample: {"fail_on": "error", "ignore_checks": [], "waivers": [], "fail_on_incomplete_coverage": false,
    "baseline": null}
findings:
  description: The findings of the run, most severe first (the first 500, see RV(findings_total)), as
    M(sddc.manager.precheck_info) returns them, with C(ignored) set for those in O(ignore_checks), and C(waived) and
    C(waiver) (the matching waiver) for those O(waivers) cover.
  returned: when O(run_id) is valid
  type: list
  elements: dict
summary:
  description: Counts overall and per domain, as M(sddc.manager.precheck_info) returns them.
  returned: when O(run_id) is valid
  type: dict
truncated:
  description: Whether the result was larger or deeper than the walker reads; a truncated run is never C(READY).
  returned: when the run was read
  type: bool
unread:
  description: What could not be read beyond the run's answer (the reads behind RV(coverage) failing), one sentence
    each; each is a reason the run is not C(READY). The run's own findings are still returned.
  returned: when the run was read
  type: list
  elements: str
counts_read:
  description: The C(error), C(warning) and C(info) findings read from the run (each check on each resource once).
  returned: when the run was read
  type: dict
  sample: {"error": 1, "warning": 2, "info": 0}
counts_reported:
  description: The same counts as SDDC Manager's own per-domain summary gives them, summed; null when it gives
    none. More errors reported than read make the run C(BLOCKED).
  returned: when the run was read
  type: dict
  sample: {"error": 1, "warning": 2, "info": 0}
target_version:
  description: The run's target version, from its entry in the run list; null for general upgrade readiness, or
    when no domain lists the run.
  returned: when the run has finished
  type: str
  sample: 9.1.0.0
coverage:
  description:
    - For a run with a target version, how far its version-specific checks went. A pre-check for a target runs the
      version-specific checks only of components whose upgrade bundles are downloaded, so each component of the
      target release (its C(bom)) is matched to the release's bundle download status. Null for general upgrade
      readiness.
  returned: when the run has finished
  type: dict
  contains:
    target_version:
      description: The target version.
      type: str
    components:
      description: Per component, C(component), C(target_version), C(bundle_status) (as SDDC Manager gives it; null
        when no bundle of the release names the component), C(checks) (C(covered), C(not covered) or C(unknown); a
        component that cannot be matched to a bundle is never covered) and C(message).
      type: list
      elements: dict
    complete:
      description: Whether every component is covered.
      type: bool
    not_covered:
      description: The components whose version-specific checks did not run.
      type: list
      elements: str
    error:
      description: Why the components or bundles of the release could not be read, when they could not.
      type: str
  sample: {"target_version": "9.1.0.0", "complete": false, "not_covered": ["NSX_T_MANAGER"], "components": [
    {"component": "NSX_T_MANAGER", "target_version": "9.1.0.0", "bundle_status": "PENDING", "checks": "not covered",
     "message": null}]}
coverage_complete:
  description: RV(coverage.complete), or null when there is no coverage. A run whose coverage is incomplete is
    never plain C(READY).
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
  returned: when O(run_id) is valid
  type: list
  elements: str
validation_message:
  description: The message of the top-level validation result.
  returned: when O(run_id) is valid
  type: str
timestamp:
  description: When the run began, as SDDC Manager gave it.
  returned: when the run was read
  type: str
completion_timestamp:
  description: When the run ended, as SDDC Manager gave it.
  returned: when the run was read
  type: str
raw:
  description: The run's last answer (C(AssessmentOutput)) as SDDC Manager gave it.
  returned: when O(include_raw=true) and the run was read
  type: dict
warnings:
  description: The C(WARNING) findings, one line each (at most ten, then a count), when O(fail_on=error); stale
    waivers; dropped empty O(ignore_checks) entries.
  returned: when there are any
  type: list
  elements: str
error_kind:
  description: On failure, its kind, one of C(ConfigurationError), C(ApiError), C(AuthenticationError),
    C(NotFoundError), C(CertificateError), C(TransportError), C(InvalidResponseError), C(UnsupportedVersionError),
    C(ExportNotReadyError), C(ExportFailedError) (an export ended C(FAILED)), C(WaitTimeoutError) (a wait ran out of
    time), C(PrecheckBlockedError) (the gate failed on a run) or C(UnexpectedError). Every failure has one. The
    troubleshooting guide says what to do about each.
  returned: on such a failure
  type: str
  sample: NotFoundError
status_code:
  description: On failure, the HTTP status of the answer that failed.
  returned: when SDDC Manager answered with an HTTP error
  type: int
  sample: 404
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
