#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r'''
module: fleet_report
short_description: One page and one verdict for many SDDC Managers' pre-checks
version_added: 0.2.0
description:
  - Merges the pre-check outcomes of many SDDC Managers into C(fleet-<timestamp>.json) and a self-contained
    C(fleet-<timestamp>.html) in O(dest), without talking to any SDDC Manager.
  - The outcomes come from O(managers) (what P(sddc.manager.upgrade_precheck#role) recorded for each host of the
    play, or handed to the next node of an AWX/AAP workflow), from the JSON run reports in O(reports_dir) (the
    newest of each manager), or both.
  - A manager with no outcome, or whose pre-check could not run (unreachable, login refused, no run started), is
    listed as C(NOT CHECKED) with its reason; one whose run did not finish as C(NOT FINISHED).
  - The fleet's verdict is the worst of its managers' (C(BLOCKED) > C(NOT CHECKED) > C(NOT FINISHED) >
    C(READY WITH WARNINGS) > C(READY)); with no manager at all it is C(NOT CHECKED).
  - The page shows the verdict, a matrix of managers and domains (each with its verdict, counts and a link to the
    run's own report), the checks that fail or warn grouped across the fleet, the most widespread blocker first,
    and the managers that could not be pre-checked with their reasons. No script, no external request; every value
    is escaped.
  - A domain is C(BLOCKED) by its own failing findings; a C(BLOCKED) run with a reason beyond its findings
    (incomplete coverage, counts that disagree, an expired waiver) blocks every domain of the run.
  - The timestamp in the file names is the completion of the newest run (C(20261202T101500Z)), so the same
    outcomes give the same files and writing them again changes nothing; with no finished run, the current time.
  - This module never fails on the verdict; the P(sddc.manager.fleet_report#role) role does, after the page is
    written.
author:
  - sddc.manager contributors (@sddc-manager)
options:
  dest:
    description:
      - The directory to write the two files into, on the host the module runs on. It is created if missing.
    type: path
    required: true
  managers:
    description:
      - The managers of the fleet. Each is an outcome itself (the C(upgrade_precheck_outcome) fact the role
        recorded, or the value of a C(sddc_manager_precheck_*) workflow artifact), or a dict with C(name) (the
        inventory host name) and C(outcome), or, for a manager that has none, C(name), C(hostname) and C(reason)
        (why it was not pre-checked).
    type: list
    elements: dict
    default: []
  play_hosts:
    description:
      - Add every host of the play (C(ansible_play_hosts_all), failed ones included) with the outcome
        P(sddc.manager.upgrade_precheck#role) recorded for it (the fact C(upgrade_precheck_outcome)); a host with
        none is C(NOT CHECKED), with C(sddc_manager_inventory_error) as its reason when the inventory could not
        reach it. Done on the controller by the action plugin of the same name.
    type: bool
    default: false
  reports_dir:
    description:
      - A folder of JSON run reports of M(sddc.manager.precheck_report) (directly in it, or one subfolder per
        manager as the role writes them); the newest report of each manager is its outcome.
      - A manager in both O(managers) and O(reports_dir) takes the outcome from O(managers).
    type: path
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ansible.builtin.action_common_attributes.flow
  - ansible.builtin.files
attributes:
  action:
    support: full
    details: The action plugin gathers the play's hosts (O(play_hosts)) on the controller; the module writes.
  check_mode:
    support: full
    details: Says what it would write, and writes nothing.
  diff_mode:
    support: none
  platform:
    platforms: posix
  async:
    support: none
  bypass_host_loop:
    support: none
notes:
  - Run it once (C(run_once), or in a play on C(localhost)) after the pre-checks of every manager.
seealso:
  - module: sddc.manager.precheck_report
  - module: sddc.manager.session
'''

EXAMPLES = r'''
- name: The fleet page from the reports the upgrade_precheck role wrote, one subfolder per manager
  sddc.manager.fleet_report:
    dest: /var/lib/prechecks/fleet
    reports_dir: /var/lib/prechecks
  register: fleet

- name: Say the fleet's verdict
  ansible.builtin.debug:
    msg: "{{ fleet.msg }} Page: {{ fleet.html }}"

- name: In the next node of an AWX/AAP workflow, the fleet page from the artifacts every job slice handed over
  sddc.manager.fleet_report:
    dest: /tmp/fleet
    managers: "{{ query('ansible.builtin.vars', *query('ansible.builtin.varnames', '^sddc_manager_precheck_.')) }}"
'''

RETURN = r'''
msg:
  description: The fleet's verdict and how many managers had each verdict, in one line.
  returned: always
  type: str
  sample: "BLOCKED: 3 SDDC Managers pre-checked: 1 BLOCKED, 1 NOT CHECKED, 1 READY."
verdict:
  description: The fleet's verdict, the worst of its managers'.
  returned: success
  type: str
  sample: BLOCKED
counts:
  description: How many managers had each verdict (every verdict word is a key).
  returned: success
  type: dict
  sample: {"BLOCKED": 1, "NOT CHECKED": 1, "NOT FINISHED": 0, "READY WITH WARNINGS": 0, "READY": 1}
managers:
  description: Each manager with C(name), C(hostname), C(verdict) and C(reason) (where it was not pre-checked),
    the worst first. The JSON file also has each manager's domains, counts, checks and report paths.
  returned: success
  type: list
  elements: dict
domains_checked:
  description: How many domains across the fleet have a finished pre-check.
  returned: success
  type: int
json:
  description: Path of the JSON file, with C(verdict), C(counts), C(managers) (each with C(name), C(hostname),
    C(verdict), C(reason), C(domains) with each domain's C(verdict) and counts), C(checks) and C(not_checked).
  returned: success
  type: str
  sample: /var/lib/prechecks/fleet/fleet-20261202T101500Z.json
html:
  description: Path of the page.
  returned: success
  type: str
  sample: /var/lib/prechecks/fleet/fleet-20261202T101500Z.html
skipped:
  description: JSON files in O(reports_dir) that are not run reports, left out.
  returned: success
  type: list
  elements: str
changed:
  description: Whether a file was written (the same outcomes give the same bytes).
  returned: always
  type: bool
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
  description: On failure, the HTTP status of the answer that failed (never set by this module, which sends no request).
  returned: never
  type: int
error:
  description: On failure, the VCF C(Error) object SDDC Manager returned (never set by this module).
  returned: never
  type: dict
error_details:
  description:
    - On failure, structured details where they apply, with the keys C(url) (the URL that could not be reached),
      C(attempts) (how many times the request was tried), C(version) (the SDDC Manager version found),
      C(required_version) (the VCF version an operation needs), C(export_status) (the status of an export that
      was not ready), C(available) (what exists instead of what was asked for) and C(option) (the option at fault).
  returned: on failure, when there are any
  type: dict
'''

import os
from datetime import datetime, timezone

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError
from ansible_collections.sddc.manager.plugins.module_utils.fleet import (
    clean_outcome,
    fleet_data,
    not_checked,
    outcomes_from_folder,
)
from ansible_collections.sddc.manager.plugins.module_utils.fleet_page import render_fleet_html, render_fleet_json
from ansible_collections.sddc.manager.plugins.module_utils.module_boundary import run_local_module
from ansible_collections.sddc.manager.plugins.module_utils.report_files import prepare_dest, write_files
from ansible_collections.sddc.manager.plugins.module_utils.text import parse_timestamp

OPTIONS = dict(
    dest=dict(type='path', required=True),
    managers=dict(type='list', elements='dict', default=[]),
    reports_dir=dict(type='path'),
    play_hosts=dict(type='bool', default=False),   # filled in by the action plugin, which removes it
)


def stamp(completed) -> str:
    """``20261202T101500Z`` from the newest run's completion, else from now."""
    moment = parse_timestamp(completed) or datetime.now(timezone.utc)
    return moment.astimezone(timezone.utc).strftime('%Y%m%dT%H%M%SZ')


def collect(params: dict) -> tuple:
    """(every manager's outcome, the report files skipped): O(managers) first, then the folder's others."""
    outcomes, skipped, seen = [], [], set()
    for entry in params['managers']:
        name = str(entry.get('name') or '')
        if 'verdict' in entry:
            outcome = clean_outcome(entry, name or None)
        elif entry.get('outcome') is not None:
            outcome = clean_outcome(entry['outcome'], name or None)
        else:
            outcome = not_checked(name, entry.get('hostname'), entry.get('reason'))
        if outcome['name'] not in seen:
            seen.add(outcome['name'])
            outcomes.append(outcome)
    if params['reports_dir']:
        if not os.path.isdir(params['reports_dir']):
            raise ConfigurationError('reports_dir %s is not a directory.' % params['reports_dir'], option='reports_dir')
        found, skipped = outcomes_from_folder(params['reports_dir'])
        outcomes.extend(outcome for outcome in found if outcome['name'] not in seen)
    return outcomes, skipped


def write_fleet_report(module) -> dict:
    params = module.params
    outcomes, skipped = collect(params)
    data = fleet_data(outcomes)
    dest = params['dest']
    try:
        changed = prepare_dest(module, dest)
        base = os.path.join(dest, 'fleet-%s' % stamp(data['completed']))
        paths = dict(json=base + '.json', html=base + '.html')
        changed = write_files(module, {paths['json']: render_fleet_json(data),
                                       paths['html']: render_fleet_html(data, dest)}, changed)
    except OSError as exc:
        raise ConfigurationError('Writing the fleet report in %s failed: %s.' % (dest, exc.strerror or exc),
                                 option='dest')
    msg = data['msg'] + (' Would write %s.' % paths['html'] if module.check_mode else ' Page: %s.' % paths['html'])
    managers = [dict(name=m['name'], hostname=m['hostname'], verdict=m['verdict'], reason=m['reason'])
                for m in data['managers']]
    return dict(changed=changed, msg=msg, verdict=data['verdict'], counts=data['counts'], managers=managers,
                domains_checked=data['domains_checked'], skipped=skipped, **paths)


def main():
    module = AnsibleModule(argument_spec=OPTIONS, supports_check_mode=True, add_file_common_args=True)
    run_local_module(module, lambda: write_fleet_report(module))


if __name__ == '__main__':
    main()
