#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

# This module is documentation only: the work is done on the controller by the action plugin
# plugins/action/session.py.


DOCUMENTATION = r'''
module: session
short_description: Log in once and share the session with the tasks that follow
version_added: 0.2.0
description:
  - With O(state=present), logs in to SDDC Manager once (C(POST /v1/tokens)) and returns the access and refresh
    tokens in RV(session). Give that value to the O(session) option of later tasks (the roles of the collection do
    it through C(module_defaults)), which use it instead of logging in, so a whole role run costs one login.
  - The task must have C(no_log) set to V(true), and its result registered; the plugin refuses to run
    otherwise, so that the tokens are never printed, logged or kept by a callback.
  - A task given a session whose access token expired refreshes it with the refresh token; when that fails too,
    it logs in again with O(username) and O(password).
  - With O(state=absent), ends the session given in O(session) by revoking its refresh token
    (C(DELETE /v1/tokens/refresh-token)). Do it in an C(always) section, so that it happens when a task failed.
  - With an O(api_token), there is nothing to share; RV(session) is V(null) and tasks send the token as it is.
author:
  - sddc.manager contributors (@sddc-manager)
options:
  state:
    description:
      - V(present) opens a session, V(absent) ends the one given in O(session).
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - sddc.manager.connection
  - sddc.manager.connection.action
  - ansible.builtin.action_common_attributes
  - ansible.builtin.action_common_attributes.flow
attributes:
  check_mode:
    support: full
    details: Logging in and out changes nothing SDDC Manager keeps; it happens in check mode too.
  diff_mode:
    support: none
  platform:
    platforms: all
  action:
    support: full
  async:
    support: none
  bypass_host_loop:
    support: none
seealso:
  - module: sddc.manager.appliance_info
  - module: sddc.manager.fleet_report
'''

EXAMPLES = r'''
- name: Log in once (connection from SDDC_MANAGER_* env vars)
  sddc.manager.session:
  register: sddc_login
  no_log: true

- name: Read and pre-check with that one login
  module_defaults:
    group/sddc.manager.sddc_manager:
      session: "{{ sddc_login.session }}"
  block:
    - name: Read the appliance
      sddc.manager.appliance_info:

    - name: Start a pre-check
      sddc.manager.precheck:
        domains: [sfo-m01]
  always:
    - name: End the session, whatever happened
      sddc.manager.session:
        state: absent
        session: "{{ sddc_login.session }}"
      no_log: true
'''

RETURN = r'''
msg:
  description: What happened, in one line (never a token).
  returned: always
  type: str
  sample: Logged in to SDDC Manager at https://sddc-manager.example.com as administrator@vsphere.local; the session
    is kept for the tasks that follow.
session:
  description:
    - The session for the O(session) option of later tasks, with the keys C(access_token), C(refresh_token) and
      C(origin) (a digest of the SDDC Manager it belongs to; a task for another one refuses it).
    - Only in a task with C(no_log); never print it.
  returned: always; V(null) with O(state=absent), an O(api_token) or a failure
  type: dict
changed:
  description: Always V(false); opening or ending a session changes nothing SDDC Manager keeps.
  returned: always
  type: bool
revoked:
  description: V(true) when O(state=absent) revoked a refresh token.
  returned: with O(state=absent)
  type: bool
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
'''
