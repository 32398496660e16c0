# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The wait loop, driven by a fake clock: no real sleeping."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
import requests

from ansible_collections.sddc.manager.plugins.module_utils.export_waiter import (
    COMPLETED,
    ERROR,
    FAILED,
    MISSING,
    TIMED_OUT,
    ExportWaiter,
)
from ansible_collections.sddc.manager.plugins.module_utils.retry import RetryPolicy
from ansible_collections.sddc.manager.tests.unit.fakes import login_answer

RUN = '3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d'
PATH = '/v1/system/check-sets/%s/exports' % RUN
ERROR_BODY = {'message': 'Store down', 'remediationMessage': 'Restart the store', 'referenceToken': 'Q7XK2M'}


class FakeClock:
    def __init__(self):
        self.now = 1000.0
        self.sleeps = []

    def monotonic(self):
        return self.now

    def sleep(self, seconds):
        assert seconds >= 0
        self.sleeps.append(seconds)
        self.now += seconds


def export(status, progress=None, error=None):
    body = {'status': status, 'startTimestamp': '2026-11-28T10:00:00Z', 'endTimestamp': None, 'error': error}
    if progress is not None:
        body['progress'] = progress
    return body


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def wait(make_client, clock):
    """Run a wait against the scripted transport; returns (outcome, progress lines)."""
    def run(timeout=300, poll_interval=10, retries=0, **client_options):
        lines = []
        client_options.setdefault('api_token', 't0k3n')
        if client_options['api_token'] is None:
            del client_options['api_token']   # log in with username and password instead
        client = make_client(sleep=clock.sleep, retry_policy=RetryPolicy(retries=retries), **client_options)
        waiter = ExportWaiter(client, RUN, timeout, poll_interval, clock=clock.monotonic, sleep=clock.sleep,
                              on_progress=lines.append)
        return waiter.wait(), lines
    return run


def script(transport, *answers):
    for answer in answers:
        if isinstance(answer, dict) and 'status' in answer and 'startTimestamp' in answer:
            transport.add('GET', PATH, json_body=answer)
        else:
            transport.add('GET', PATH, **answer)


def test_completes_after_several_polls_with_one_login(wait, transport, clock):
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer())
    script(transport, export('QUEUED', 0), export('IN_PROGRESS', 25), export('IN_PROGRESS', 50), export('COMPLETED', 100))
    outcome, lines = wait(api_token=None)
    assert outcome.state == COMPLETED and not outcome.failed
    assert (outcome.polls, outcome.elapsed) == (4, 30)
    assert clock.sleeps == [10, 10, 10]
    assert transport.paths().count('POST /v1/tokens') == 1
    assert lines[0] == 'Pre-check export for run %s: QUEUED 0.0%%, 0s elapsed' % RUN
    assert lines[2] == 'Pre-check export for run %s: IN_PROGRESS 50.0%%, 20s elapsed, about 20s left' % RUN
    result = outcome.to_result()
    assert result['export']['status'] == 'COMPLETED' and result['changed'] is False and 'failed' not in result


def test_failed_export_fails_with_message_remediation_and_token(wait, transport):
    script(transport, export('IN_PROGRESS', 30), export('FAILED', 64, ERROR_BODY))
    outcome, dummy = wait()
    assert outcome.state == FAILED
    result = outcome.to_result()
    assert result['failed'] is True
    assert result['msg'] == ('Pre-check export for run %s: FAILED at 64.0%%: Store down '
                             'Remediation: Restart the store (reference token Q7XK2M)' % RUN)
    assert result['error'] == ERROR_BODY and result['polls'] == 2


def test_timeout_names_last_status_and_that_it_may_still_run(wait, transport, clock):
    script(transport, *[export('IN_PROGRESS', 10 + i) for i in range(4)])
    outcome, dummy = wait(timeout=25)
    assert outcome.state == TIMED_OUT
    assert clock.sleeps == [10, 10, 5], 'the last sleep stops at the deadline'
    assert outcome.polls == 4 and outcome.elapsed == 25
    assert outcome.message() == (
        'Timed out after 25s waiting for the pre-check export of run %s: last status IN_PROGRESS at 13.0%%. '
        'The export may still be running on SDDC Manager: wait again, or raise timeout.' % RUN)


def test_timeout_zero_looks_once(wait, transport, clock):
    script(transport, export('QUEUED', 0))
    outcome, dummy = wait(timeout=0)
    assert outcome.state == TIMED_OUT and outcome.polls == 1 and clock.sleeps == []


def test_timeout_zero_on_a_finished_export_succeeds(wait, transport):
    script(transport, export('COMPLETED', 100))
    assert wait(timeout=0)[0].state == COMPLETED


def test_no_export_fails_at_once_saying_how_to_start_one(wait, transport):
    script(transport, dict(status=404, json_body={'message': 'Export Task Not Found'}))
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.1.0.0.1'})
    outcome, dummy = wait()
    assert outcome.state == MISSING and outcome.polls == 1
    assert 'has no export' in outcome.message() and 'sddc.manager.precheck_export' in outcome.message()


def test_90_appliance_gets_the_version_message(wait, transport):
    script(transport, dict(status=404, json_body={'message': 'No handler'}))
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.0.0.0.24703748'})
    outcome, dummy = wait()
    assert outcome.state == ERROR
    result = outcome.to_result()
    assert 'need VCF 9.1 or later' in result['msg'] and result['error_kind'] == 'UnsupportedVersionError'
    assert result['polls'] == 1 and result['export'] is None


def test_transient_faults_in_a_row_do_not_end_the_wait(wait, transport):
    script(transport, export('IN_PROGRESS', 10),
           dict(exc=requests.exceptions.ConnectionError('Connection reset by peer')),
           dict(exc=requests.exceptions.ReadTimeout('read timed out')),
           dict(status=503), dict(status=429), dict(status=502), dict(status=504),
           dict(body='<html>proxy</html>'),
           export('COMPLETED', 100))
    outcome, dummy = wait()
    assert outcome.state == COMPLETED and outcome.polls == 9


def test_deadline_during_faults_names_the_last_fault(wait, transport):
    script(transport, export('IN_PROGRESS', 10), dict(status=503), dict(status=503))
    outcome, dummy = wait(timeout=20)
    assert outcome.state == TIMED_OUT
    assert 'last status IN_PROGRESS at 10.0%' in outcome.message()
    assert 'Last fault: Reading the export of pre-check run %s failed: HTTP 503' % RUN in outcome.message()


def test_token_expiry_mid_wait_is_refreshed_and_the_wait_goes_on(wait, transport):
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer())
    script(transport, export('IN_PROGRESS', 10), dict(status=401, json_body={'errorCode': 'Unauthorized'}))
    transport.add('PATCH', '/v1/tokens/access-token/refresh', json_body='access-token-0002')
    script(transport, export('IN_PROGRESS', 60), export('COMPLETED', 100))
    outcome, dummy = wait(api_token=None)
    assert outcome.state == COMPLETED
    assert transport.paths().count('POST /v1/tokens') == 1
    assert transport.sent[-1]['headers']['Authorization'] == 'Bearer access-token-0002'


@pytest.mark.parametrize('statuses, state', [
    (['Queued', 'In Progress', 'completed'], COMPLETED),
    (['not_started', 'in_progress', 'Failed'], FAILED),
])
def test_statuses_in_other_casing(wait, transport, statuses, state):
    script(transport, *[export(status, 50) for status in statuses])
    assert wait()[0].state == state


def test_unknown_status_is_never_success(wait, transport):
    script(transport, *[export('SUCCEEDED', 100) for dummy in range(4)])
    outcome, dummy = wait(timeout=30)
    assert outcome.state == TIMED_OUT and outcome.failed


def test_server_error_ends_the_wait_with_the_api_message(wait, transport):
    script(transport, export('IN_PROGRESS', 10),
           dict(status=500, json_body={'errorCode': 'BOOM', 'message': 'Internal', 'referenceToken': 'R1'}))
    outcome, dummy = wait()
    result = outcome.to_result()
    assert outcome.state == ERROR and result['status_code'] == 500
    assert result['msg'].endswith('HTTP 500 BOOM: Internal. (reference token R1)')
    assert result['export']['progress'] == 10 and result['polls'] == 2


def test_progress_is_reported_only_on_change(wait, transport):
    script(transport, export('IN_PROGRESS', 10), export('IN_PROGRESS', 10), export('In Progress', 10),
           export('IN_PROGRESS', 20), export('COMPLETED', 100))
    outcome, lines = wait()
    assert outcome.polls == 5 and len(lines) == 3


def test_a_polls_own_retries_stop_at_the_deadline(wait, transport, clock):
    script(transport, export('IN_PROGRESS', 10), *[dict(status=503, headers={'Retry-After': '8'})] * 3)
    outcome, dummy = wait(timeout=15, retries=3)
    assert outcome.state == TIMED_OUT
    assert clock.now - 1000.0 <= 15, 'no sleep ran past the deadline'
    assert 'Last fault' in outcome.message() and 'HTTP 503' in outcome.message()
