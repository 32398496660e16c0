# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""action/session: one login handed to later tasks, only through a no_log task, and ended on request."""

import json

import pytest
from ansible.errors import AnsibleActionFail

from ansible_collections.sddc.manager.plugins.action.session import ActionModule
from ansible_collections.sddc.manager.plugins.module_utils.client import base_url, session_origin

from ansible_collections.sddc.manager.tests.unit.fakes import ACCESS, HOST, PASSWORD, REFRESH, login_answer

LOGIN = dict(hostname=HOST, username='administrator@vsphere.local', password=PASSWORD)


def test_present_logs_in_once_and_returns_the_tokens_unmasked(run_action, transport):
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer())
    result = run_action(ActionModule, LOGIN, no_log=True)
    assert 'failed' not in result, result
    assert result['session'] == dict(access_token=ACCESS, refresh_token=REFRESH, origin=session_origin(base_url(HOST)))
    assert transport.paths() == ['POST /v1/tokens']   # handed over, so not revoked
    assert ACCESS not in result['msg'] and PASSWORD not in json.dumps(result)


def test_present_refuses_a_task_without_no_log_before_any_request(run_action, transport):
    with pytest.raises(AnsibleActionFail) as caught:
        run_action(ActionModule, LOGIN, no_log=False)
    assert 'no_log: true' in str(caught.value) and transport.sent == []


def test_a_refused_login_fails_in_one_line_without_a_session(run_action, transport):
    transport.add('POST', '/v1/tokens', status=401, json_body={'message': 'Bad credentials'})
    result = run_action(ActionModule, LOGIN, no_log=True)
    assert result['failed'] is True and result['error_kind'] == 'AuthenticationError'
    assert result['session'] is None and 'Check username and password' in result['msg']


def test_absent_revokes_the_session_and_says_so(run_action, transport):
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer())
    session = run_action(ActionModule, LOGIN, no_log=True)['session']
    transport.add('DELETE', '/v1/tokens/refresh-token', status=204)
    ended = run_action(ActionModule, dict(hostname=HOST, state='absent', session=session))
    assert ended['revoked'] is True and ended['changed'] is False and ended['msg'].startswith('Session with')
    assert json.loads(transport.sent[-1]['body']) == REFRESH
    nothing = run_action(ActionModule, dict(hostname=HOST, state='absent', username='u', password='p'))
    assert nothing['changed'] is False and nothing.get('revoked') is None and nothing['msg'] == 'No session to end.'


def test_an_api_token_needs_no_session(run_action, transport):
    result = run_action(ActionModule, dict(hostname=HOST, api_token='t0k3n'), no_log=True)
    assert result['session'] is None and 'needs no session' in result['msg'] and transport.sent == []


def test_a_session_is_not_opened_twice(run_action, transport):
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer())
    session = run_action(ActionModule, LOGIN, no_log=True)['session']
    again = run_action(ActionModule, dict(LOGIN, session=session), no_log=True)
    assert again['failed'] is True and again['error_details']['option'] == 'session'
