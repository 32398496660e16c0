# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""action/wait_for_precheck_export through ActionModule.run: every exit path returns the same keys."""

from ansible_collections.sddc.manager.plugins.action.wait_for_precheck_export import ActionModule

RUN = '3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d'
PATH = '/v1/system/check-sets/%s/exports' % RUN


def test_a_completed_export_in_one_poll(run_action, transport):
    transport.add('GET', PATH, json_body={'status': 'COMPLETED', 'progress': 100, 'startTimestamp': 'x'})
    result = run_action(ActionModule, dict(hostname='sddc.example.com', api_token='t0k3n', run_id=RUN))
    assert 'failed' not in result and result['msg'].endswith('COMPLETED after 0s (1 poll).')
    assert result['changed'] is False and result['run_id'] == RUN


def test_a_configuration_error_keeps_every_key(run_action, transport):
    result = run_action(ActionModule, dict(run_id=RUN))
    assert result['failed'] is True and 'SDDC_MANAGER_HOST' in result['msg']
    assert (result['export'], result['elapsed'], result['polls']) == (None, 0.0, 0)
    assert result['error_kind'] == 'ConfigurationError' and transport.sent == []


def test_an_unexpected_exception_is_one_line_not_a_traceback(run_action, transport, monkeypatch):
    from ansible_collections.sddc.manager.plugins.module_utils import export_task

    def explode(client, run_id):
        raise KeyError('surprise')
    monkeypatch.setattr(export_task, 'read_export', explode)
    result = run_action(ActionModule, dict(hostname='sddc.example.com', api_token='t0k3n', run_id=RUN))
    assert result['failed'] is True and result['error_kind'] == 'UnexpectedError'
    assert result['msg'] == "Unexpected KeyError: 'surprise'" and 'Traceback' in result['exception']


def test_every_failure_path_has_its_kind(run_action, transport):
    args = dict(hostname='sddc.example.com', api_token='t0k3n', run_id=RUN, poll_interval=1)
    transport.add('GET', PATH, json_body={'status': 'FAILED', 'progress': 64, 'startTimestamp': 'x',
                                          'error': {'message': 'Store down', 'referenceToken': 'Q7'}})
    failed = run_action(ActionModule, args)
    assert failed['error_kind'] == 'ExportFailedError'
    assert failed['error'] == {'message': 'Store down', 'referenceToken': 'Q7'}
    transport.add('GET', PATH, status=404, json_body={'message': 'Export Task Not Found'})
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.1.0.0.1'})
    transport.add('GET', '/v1/system/check-sets/' + RUN, json_body={'status': 'COMPLETED_WITH_SUCCESS'})
    missing = run_action(ActionModule, args)
    assert missing['error_kind'] == 'ExportNotReadyError' and 'has no export' in missing['msg']
    transport.add('GET', PATH, json_body={'status': 'IN_PROGRESS', 'progress': 5, 'startTimestamp': 'x'}, times=20)
    timed_out = run_action(ActionModule, dict(args, timeout=5))
    assert timed_out['error_kind'] == 'WaitTimeoutError' and timed_out['msg'].startswith('Timed out')
    assert timed_out['polls_phrase'] == '%d polls' % timed_out['polls']
