#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r'''
module: precheck_trend
short_description: Write the trend of many pre-check runs as HTML and JSON
version_added: 0.1.0
description:
  - Reads the JSON reports M(sddc.manager.precheck_report) wrote into a folder (C(precheck-<run_id>.json)), oldest
    first, and writes C(precheck-trend.json) and C(precheck-trend.html) into O(dest), without talking to SDDC
    Manager.
  - Per SDDC Manager (reports of different appliances in one folder are kept apart), the page shows the counts per
    domain and severity of each run over time, then each C(ERROR) and C(WARNING) finding with when it was first and
    last seen, how many days it has been open and in how many runs it appeared; the oldest open blockers first.
  - A finding is followed by its check, resource and domain, so a reworded message is the same finding.
  - The page is self-contained (no script, no external style, font or image) and escapes every value from the
    reports. The same reports always give the same bytes, so writing the trend again changes nothing.
  - JSON files in the folder that are not run reports are left out and named in RV(skipped).
author:
  - sddc.manager contributors (@sddc-manager)
options:
  src:
    description:
      - The folder of JSON reports, on the host the module runs on.
    type: path
    required: true
  dest:
    description:
      - The directory to write the trend into; created if missing. Left out, O(src).
    type: path
extends_documentation_fragment:
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
  - module: sddc.manager.precheck_report
  - module: sddc.manager.precheck_diff
'''

EXAMPLES = r'''
- name: The trend of every pre-check the weekly job kept
  sddc.manager.precheck_trend:
    src: /var/tmp/prechecks
  register: trend

- name: Say where it is
  ansible.builtin.debug:
    msg: "{{ trend.msg }}"
'''

RETURN = r'''
html:
  description: The path of the trend page.
  returned: success
  type: str
  sample: /var/tmp/prechecks/precheck-trend.html
json:
  description: The path of the trend's JSON.
  returned: success
  type: str
  sample: /var/tmp/prechecks/precheck-trend.json
reports:
  description: How many run reports were read.
  returned: success
  type: int
  sample: 104
managers:
  description: The SDDC Managers the reports are of, each kept apart.
  returned: success
  type: list
  elements: str
  sample: [https://sddc-manager.example.com]
skipped:
  description: The JSON files of O(src) that are not run reports.
  returned: success
  type: list
  elements: str
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
  sample: {"option": "src"}
'''

import os

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError
from ansible_collections.sddc.manager.plugins.module_utils.module_boundary import run_local_module
from ansible_collections.sddc.manager.plugins.module_utils.report_files import prepare_dest, write_files
from ansible_collections.sddc.manager.plugins.module_utils.trend import render_trend_html, render_trend_json, trend_data

OPTIONS = dict(
    src=dict(type='path', required=True),
    dest=dict(type='path'),
)


def write_trend(module) -> dict:
    """The trend page and JSON of the reports in ``src``; check mode writes nothing."""
    params = module.params
    src, dest = params['src'], params['dest'] or params['src']
    if '\x00' in src or not os.path.isdir(src):
        raise ConfigurationError('src %s is not a directory of pre-check reports.' % src.replace('\x00', '\\0'),
                                 option='src')
    try:
        data = trend_data(src)
        changed = prepare_dest(module, dest)
        paths = dict(json=os.path.join(dest, 'precheck-trend.json'), html=os.path.join(dest, 'precheck-trend.html'))
        changed = write_files(module, {paths['json']: render_trend_json(data),
                                       paths['html']: render_trend_html(data)}, changed)
    except OSError as exc:
        raise ConfigurationError('Writing the trend of %s into %s failed: %s.' % (src, dest, exc.strerror or exc),
                                 option='dest')
    managers = [m['manager'] for m in data['managers']]
    plural_s = '' if len(managers) == 1 else 's'
    what = 'the trend of %d run reports of %d SDDC Manager%s' % (data['reports'], len(managers), plural_s)
    if module.check_mode:
        msg = 'Check mode: %s would be written to %s.' % (what, paths['html'])
    else:
        msg = 'Wrote %s to %s%s.' % (what, paths['html'], '' if changed else ' (unchanged)')
    return dict(changed=changed, msg=msg, reports=data['reports'], managers=managers, skipped=data['skipped'], **paths)


def main():
    module = AnsibleModule(argument_spec=OPTIONS, supports_check_mode=True, add_file_common_args=True)
    run_local_module(module, lambda: write_trend(module))


if __name__ == '__main__':
    main()
