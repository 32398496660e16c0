#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r'''
module: precheck_report
short_description: Write a pre-check run's findings as JSON and an HTML page
version_added: 0.1.0
description:
  - Writes the evidence of a pre-check run into a directory, from what M(sddc.manager.wait_for_precheck) or
    M(sddc.manager.precheck_info) returned for it, without talking to SDDC Manager.
  - C(precheck-<run_id>.json) holds the run, the verdict, the summary and every finding.
  - A result with C(verdict=NOT CHECKED) and no C(run_id) (what the P(sddc.manager.upgrade_precheck#role) role builds
    when SDDC Manager offers nothing to check) is written as C(precheck-not-checked.json) and C(.html), saying why.
  - C(precheck-<run_id>.html) is one self-contained page (no script, and no external style, font or image) that
    a change board can open from a ticket. It shows the run, the appliance, the domains, the target version, the
    start and end times, the verdict and why (the run did not complete, not everything was read, SDDC Manager's
    counts and the findings read disagree), the counts per severity and per domain drawn as bars, and every
    C(ERROR), C(WARNING), ignored and waived finding, most severe first, with resource, check, message and
    remediation, and for a waived one its reason, owner, ticket and expiry.
  - A M(sddc.manager.precheck_info) result is judged as M(sddc.manager.wait_for_precheck) judges it with its
    default gate, so both give the same verdict.
    Every value from the API is HTML-escaped; links appear only where the API gave an http(s) URL.
  - The same run always gives the same files, so writing them again changes nothing.
  - A task result holds at most 500 findings (RV(sddc.manager.wait_for_precheck#module:omitted) says how many were left
    out). For such a result the module reads the run again from SDDC Manager, judged with the result's own
    RV(sddc.manager.wait_for_precheck#module:gate), to write every finding; that read needs the connection options
    (from the task, C(module_defaults) of the group C(sddc.manager.sddc_manager), or the environment). Without them,
    or when the read fails, the reports list the findings the result holds, say how many the run had, and the task
    warns. A result that holds every finding is written without any request.
author:
  - sddc.manager contributors (@sddc-manager)
options:
  result:
    description:
      - The registered result of M(sddc.manager.wait_for_precheck), or of M(sddc.manager.precheck_info) for one run.
    type: dict
    required: true
  dest:
    description:
      - The directory to write the files into, on the host the module runs on. It is created if missing.
    type: path
    required: true
  appliance:
    description:
      - The SDDC Manager the run is on, as M(sddc.manager.appliance_info) returns it (C(hostname), C(version)).
    type: dict
  domains:
    description:
      - The names of the domains pre-checked. Left out, the domains of the result's summary.
    type: list
    elements: str
  target_version:
    description:
      - The target version of the run. Left out, the report says general upgrade readiness.
    type: str
  name:
    description:
      - The name of the SDDC Manager in a fleet (its inventory host name), kept as C(manager) in the JSON report
        and as C(name) in RV(outcome), for M(sddc.manager.fleet_report).
    type: str
  formats:
    description:
      - Which reports to write into O(dest), each named after the run so that none collides with SDDC Manager's own
        export file in the same directory. V(json) (C(precheck-<run_id>.json)) and V(html) (C(.html)), as above;
        V(junit) (C(precheck-<run_id>.junit.xml)), one C(testsuite) per domain and one C(testcase) per check and
        resource, C(failure) for what fails the gate (for a report-only result, what the default gate would fail),
        C(skipped) for ignored and waived findings, passed checks counted in each suite, so that GitLab and Jenkins
        show them as failed tests; V(csv) (C(precheck-<run_id>.findings.csv)), one row per finding (domain,
        resource, check id, check name, severity, status, message, remediation, link, run id), UTF-8 with a header,
        where a cell that would start a spreadsheet formula is prefixed with a quote; V(markdown)
        (C(precheck-<run_id>.md)), the verdict line, the counts and a table of the failing findings, for a ticket.
    type: list
    elements: str
    choices: [json, html, junit, csv, markdown]
    default: [json, html]
  waivers:
    description:
      - Waivers to apply to the result, as O(sddc.manager.wait_for_precheck#module:waivers) takes them. Given, the
        result is judged again by the default gate (C(fail_on=error)) with them, so a report written from a
        M(sddc.manager.precheck_info) result shows what they waive, expire or leave stale.
      - A waiver without a check, a reason or a valid expiry date fails the task before anything is written.
    type: list
    elements: dict
    default: []
extends_documentation_fragment:
  - sddc.manager.connection
  - sddc.manager.connection.module
  - ansible.builtin.files
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details: Reports what it would write, and writes nothing.
  diff_mode:
    support: none
  platform:
    platforms: all
seealso:
  - module: sddc.manager.wait_for_precheck
  - ref: ansible_collections.sddc.manager.docsite.prechecks
    description: Pre-checks before an upgrade, where the sddc.manager.upgrade_precheck role writes these reports.
'''

EXAMPLES = r'''
- name: Wait for a pre-check run without failing yet
  sddc.manager.wait_for_precheck:
    run_id: 7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21
    fail_on: never
  register: precheck_result

- name: Keep its evidence
  sddc.manager.precheck_report:
    result: "{{ precheck_result }}"
    dest: /var/tmp/prechecks
    target_version: 9.1.0.0
  register: report

- name: Say where it is
  ansible.builtin.debug:
    msg: "Open {{ report.html }}"
'''

RETURN = r'''
json:
  description: The path of the JSON report.
  returned: when O(formats) has V(json)
  type: str
  sample: /var/tmp/prechecks/precheck-7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21.json
html:
  description: The path of the HTML report.
  returned: when O(formats) has V(html)
  type: str
  sample: /var/tmp/prechecks/precheck-7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21.html
junit:
  description: The path of the JUnit XML report.
  returned: when O(formats) has V(junit)
  type: str
  sample: /var/tmp/prechecks/precheck-7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21.junit.xml
csv:
  description: The path of the CSV of the findings.
  returned: when O(formats) has V(csv)
  type: str
  sample: /var/tmp/prechecks/precheck-7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21.findings.csv
markdown:
  description: The path of the Markdown summary.
  returned: when O(formats) has V(markdown)
  type: str
  sample: /var/tmp/prechecks/precheck-7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21.md
formats:
  description: The formats written, each once, in the order json, html, junit, csv, markdown.
  returned: success
  type: list
  elements: str
  sample: [json, html]
outcome:
  description:
    - What M(sddc.manager.fleet_report) needs of this run, the same whether read from here, a fact or the JSON
      report. C(name), C(hostname), C(version), C(verdict), C(reason) (why it is NOT CHECKED or NOT FINISHED),
      C(reasons), C(run_id), C(status), C(target_version), C(completed), C(counts) (C(error), C(warning), C(info),
      C(passed)), C(domains) (each with C(name), C(verdict) and the same counts), C(checks) (each check that failed
      the gate or warned, at most 500, with C(check), C(name), C(severity), C(domain), C(blocking) and
      C(set_aside) for an ignored or waived one) and C(reports) (the paths written, by format).
  returned: always
  type: dict
msg:
  description: What was written (or would be, in check mode), in one line.
  returned: success
  type: str
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
  description: On failure, the HTTP status of the answer that failed (never set by this module, which does not fail
    on a read; a failed read of the run is a warning).
  returned: never
  type: int
error:
  description: On failure, the VCF C(Error) object SDDC Manager returned (never set by this module).
  returned: never
  type: dict
findings_written:
  description: How many findings the reports list; fewer than the run had only when a cut result could not be read
    again (see the warning).
  returned: success
  type: int
  sample: 3
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

import os

from ansible_collections.sddc.manager.plugins.module_utils.check_sets import canonical_run_id
from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError
from ansible_collections.sddc.manager.plugins.module_utils.fleet import manager_outcome
from ansible_collections.sddc.manager.plugins.module_utils.module_boundary import (
    run_local_module,
    run_operation,
    sddc_manager_module,
)
from ansible_collections.sddc.manager.plugins.module_utils.precheck_report import render_html, render_json, report_data
from ansible_collections.sddc.manager.plugins.module_utils.precheck_verdict import NOT_CHECKED
from ansible_collections.sddc.manager.plugins.module_utils.report_files import prepare_dest, write_files
from ansible_collections.sddc.manager.plugins.module_utils.result_bounds import is_cut
from ansible_collections.sddc.manager.plugins.module_utils.run_gate import read_whole_result
from ansible_collections.sddc.manager.plugins.module_utils.report_formats import (
    DEFAULT_FORMATS,
    FORMATS,
    RENDERERS,
    SUFFIXES,
)
from ansible_collections.sddc.manager.plugins.module_utils.waivers import check_waivers

OPTIONS = dict(
    result=dict(type='dict', required=True),
    dest=dict(type='path', required=True),
    appliance=dict(type='dict'),
    domains=dict(type='list', elements='str'),
    target_version=dict(type='str'),
    waivers=dict(type='list', elements='dict', default=[]),
    formats=dict(type='list', elements='str', default=list(DEFAULT_FORMATS), choices=list(FORMATS)),
    name=dict(type='str'),
)


def write_report(module) -> dict:
    """Both files of one run's report in ``dest``, created if missing; check mode writes nothing."""
    try:
        return _write_report(module)
    except OSError as exc:
        raise ConfigurationError('Writing the reports in %s failed: %s.'
                                 % (module.params['dest'], exc.strerror or exc), option='dest')


def whole_result(module, result: dict) -> dict:
    """``result`` itself, or for one cut to fit a task result, the run read again with every finding."""
    if not is_cut(result) or not result.get('run_id'):
        return result
    held, total = len(result['findings']), result.get('findings_total') or 0
    if not module.params.get('hostname'):
        module.warn('The result holds %d of the run\'s %d findings, and no SDDC Manager is set (hostname) to read the '
                    'rest: the reports list those %d.' % (held, total, held))
        return result
    failed, whole = run_operation(module.params, lambda client: read_whole_result(client, result))
    if failed:
        module.warn('Reading pre-check run %s again for its %d findings failed (%s): the reports list the %d the '
                    'result holds.' % (result['run_id'], total, whole.get('msg'), held))
        return result
    return whole


def _write_report(module) -> dict:
    params = module.params
    result = params['result']
    if not result.get('exists', True) or not isinstance(result.get('findings'), list):
        raise ConfigurationError('result must be what sddc.manager.wait_for_precheck or sddc.manager.precheck_info '
                                 'returned for a run that exists (it has no findings).', option='result')
    result = whole_result(module, result)
    not_checked = result.get('verdict') == NOT_CHECKED and not result.get('run_id')   # '' on ansible-core < 2.19
    run_id = 'not-checked' if not_checked else canonical_run_id(result.get('run_id'))
    check_waivers(params['waivers'])
    dest = params['dest']
    changed = prepare_dest(module, dest)
    report = report_data(result, params['appliance'], params['domains'], params['target_version'], params['waivers'],
                         manager=params['name'])
    formats = [kind for kind in FORMATS if kind in (params['formats'] or DEFAULT_FORMATS)]   # each once, in order
    renderers = dict(RENDERERS, json=render_json, html=render_html)
    paths = dict((kind, os.path.join(dest, 'precheck-%s.%s' % (run_id, SUFFIXES[kind]))) for kind in formats)
    changed = write_files(module, dict((paths[kind], renderers[kind](report)) for kind in formats), changed)
    what = 'what was not pre-checked' if not_checked else 'pre-check run %s' % run_id
    listed = ', '.join(paths[kind] for kind in formats)
    if module.check_mode:
        msg = 'Check mode: the reports of %s would be written to %s.' % (what, listed)
    else:
        msg = 'Reports of %s: %s%s.' % (what, listed, '' if changed else ' (unchanged)')
    return dict(changed=changed, msg=msg, formats=formats, outcome=manager_outcome(report, params['name'], paths),
                findings_written=len(report['findings']), **paths)


def main():
    module = sddc_manager_module(OPTIONS, supports_check_mode=True, add_file_common_args=True)
    run_local_module(module, lambda: write_report(module))


if __name__ == '__main__':
    main()
