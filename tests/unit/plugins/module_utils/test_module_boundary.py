# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""module_boundary: every failure a result with a kind, redacted; the session ended either way."""

from ansible_collections.sddc.manager.plugins.module_utils.errors import NotFoundError
from ansible_collections.sddc.manager.plugins.module_utils.module_boundary import run_operation

SECRET = 'Sup3r-Secret-Passw0rd'
PARAMS = dict(hostname='sddc.example.com', username='administrator@vsphere.local', password=SECRET, api_token=None,
              validate_certs=True, ca_path=None, request_timeout=None)


def test_a_typed_failure_becomes_its_result_redacted():
    def operation(client):
        raise NotFoundError('No run; the password was %s' % SECRET)
    failed, result = run_operation(PARAMS, operation)
    assert failed and result['error_kind'] == 'NotFoundError' and SECRET not in result['msg']


def test_an_unforeseen_exception_is_one_line_without_a_secret():
    def operation(client):
        raise KeyError('the password %s' % SECRET)
    failed, result = run_operation(PARAMS, operation)
    assert failed and result['error_kind'] == 'UnexpectedError' and result['msg'].startswith('Unexpected KeyError')
    assert SECRET not in result['msg'] and SECRET not in result['exception']


def test_a_result_is_redacted_too():
    failed, result = run_operation(PARAMS, lambda client: {'msg': 'echo ' + SECRET, 'changed': False})
    assert not failed and SECRET not in result['msg']


def test_the_servers_own_objects_come_back_printable_on_success_and_on_failure():
    error = {'message': 'Store \u202edown\u202c now\x1b[2J', 'referenceToken': 'Q7\u200fXK'}
    export = {'status': 'FAILED', 'error': error}
    failed, result = run_operation(PARAMS, lambda client: {'export': export, 'error': export['error'], 'failed': True})
    assert result['export']['error'] == result['error'] == {'message': 'Store down now', 'referenceToken': 'Q7XK'}
    assert not failed, 'a returned failure stays the caller\'s to mark'
