# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one poll loop (waiter), driven by a fake clock through an export subject: no real sleeping."""

import pytest
import requests

from ansible_collections.sddc.manager.plugins.action.wait_for_precheck_export import export_wait_result
from ansible_collections.sddc.manager.plugins.module_utils.export_task import export_subject
from ansible_collections.sddc.manager.plugins.module_utils.subject import Subject
from ansible_collections.sddc.manager.plugins.module_utils.waiter import (
    ERROR,
    FINISHED,
    MISSING,
    TIMED_OUT,
    Waiter,
    next_delay,
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
    """Run a wait against the scripted transport; returns (outcome, progress lines, the action's result)."""
    def run(timeout=300, poll_interval=10, retries=0, **client_options):
        lines = []
        client_options.setdefault('api_token', 't0k3n')
        if client_options['api_token'] is None:
            del client_options['api_token']   # log in with username and password instead
        client = make_client(sleep=clock.sleep, retry_policy=RetryPolicy(retries=retries), **client_options)
        client._clock = clock.monotonic
        waiter = Waiter(client, export_subject(RUN), timeout, poll_interval, clock=clock.monotonic, sleep=clock.sleep,
                        on_progress=lines.append)
        outcome = waiter.wait()
        return outcome, lines, export_wait_result(RUN, outcome, client.base_url)
    return run


def script(transport, *answers):
    for answer in answers:
        if isinstance(answer, dict) and 'status' in answer and 'startTimestamp' in answer:
            transport.add('GET', PATH, json_body=answer)
        else:
            transport.add('GET', PATH, **answer)


def test_completes_after_several_polls_with_one_login(wait, transport, clock):
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer())
    script(transport, export('QUEUED', 0), export('IN_PROGRESS', 25), export('IN_PROGRESS', 50),
           export('COMPLETED', 100))
    outcome, lines, result = wait(api_token=None)
    assert outcome.state == FINISHED and outcome.polls == 4
    assert clock.sleeps == [1, 1, 2], 'young exports are polled after 1 s, then the pause doubles'
    assert transport.paths().count('POST /v1/tokens') == 1
    assert lines[0] == 'The pre-check export of run %s: QUEUED at 0.0%%, 0s elapsed' % RUN
    assert lines[2] == 'The pre-check export of run %s: IN_PROGRESS at 50.0%%, 2s elapsed, about 2s left' % RUN
    assert result['export']['status'] == 'COMPLETED' and 'failed' not in result
    assert result['msg'] == 'Pre-check export for run %s: COMPLETED after 4s (4 polls).' % RUN


@pytest.mark.parametrize('elapsed, remaining, delay', [
    (0, None, 1), (1, None, 1), (3, None, 3), (9, None, 9), (12, None, 10), (600, None, 10),
    (600, 4.0, 4.0), (600, 0.1, 1), (0, None, 1),
])
def test_next_delay_starts_at_a_second_and_widens_to_poll_interval(elapsed, remaining, delay):
    assert next_delay(10, elapsed, remaining) == delay


def test_a_poll_interval_below_a_second_is_kept():
    assert next_delay(0.2, 0, None) == 0.2


def test_a_long_export_costs_at_most_four_polls_more_than_fixed_polling(wait, transport, clock):
    script(transport, *[export('IN_PROGRESS', 1) for dummy in range(400)])
    outcome, dummy, dummy = wait(timeout=1800, poll_interval=10)
    assert outcome.state == TIMED_OUT and outcome.polls <= 1800 // 10 + 1 + 4


def test_one_poll_is_enough(wait, transport):
    script(transport, export('COMPLETED', 100))
    outcome, dummy, result = wait()
    assert outcome.polls == 1 and result['msg'].endswith('COMPLETED after 0s (1 poll).')


def test_failed_export_fails_with_message_remediation_and_token(wait, transport):
    script(transport, export('IN_PROGRESS', 30), export('FAILED', 64, ERROR_BODY))
    outcome, dummy, result = wait()
    assert outcome.state == FINISHED
    assert result['failed'] is True
    assert result['msg'] == ('Pre-check export for run %s: FAILED at 64.0%%: Store down. '
                             'Remediation: Restart the store. (reference token Q7XK2M) '
                             'Start a new export with sddc.manager.precheck_export and force: true.' % RUN)
    assert result['error'] == ERROR_BODY and result['polls'] == 2


def test_timeout_names_last_status_and_that_it_may_still_run(wait, transport, clock):
    script(transport, *[export('IN_PROGRESS', 10) for dummy in range(7)])
    outcome, dummy, result = wait(timeout=25)
    assert outcome.state == TIMED_OUT
    assert clock.sleeps == [1, 1, 2, 4, 8, 9], 'the last sleep stops at the deadline'
    assert outcome.polls == 7 and outcome.elapsed == 25
    assert result['msg'] == (
        'Timed out after 25s (7 polls) waiting for the pre-check export of run %s: last status IN_PROGRESS at 10.0%%. '
        'The export may still be running on SDDC Manager: wait again, or raise timeout.' % RUN)


def test_timeout_zero_looks_once(wait, transport, clock):
    script(transport, export('QUEUED', 0))
    outcome, dummy, dummy = wait(timeout=0)
    assert outcome.state == TIMED_OUT and outcome.polls == 1 and clock.sleeps == []


def test_timeout_zero_on_a_finished_export_succeeds(wait, transport):
    script(transport, export('COMPLETED', 100))
    assert 'failed' not in wait(timeout=0)[2]


def test_no_export_fails_at_once_saying_how_to_start_one(wait, transport):
    script(transport, dict(status=404, json_body={'message': 'Export Task Not Found'}))
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.1.0.0.1'})
    transport.add('GET', '/v1/system/check-sets/' + RUN, json_body={'status': 'COMPLETED_WITH_SUCCESS'})
    outcome, dummy, result = wait()
    assert outcome.state == MISSING and outcome.polls == 1
    assert 'has no export' in result['msg'] and 'sddc.manager.precheck_export' in result['msg']


def test_a_run_that_does_not_exist_fails_at_once_naming_it(wait, transport):
    script(transport, dict(status=404, json_body={'message': 'Export Task Not Found'}))
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.1.0.0.1'})
    transport.add('GET', '/v1/system/check-sets/' + RUN, status=404, json_body={'message': 'Task Not Found'})
    outcome, dummy, result = wait()
    assert outcome.state == ERROR and outcome.polls == 1
    assert result['msg'].startswith('No pre-check run %s on SDDC Manager' % RUN)
    assert result['error_kind'] == 'NotFoundError'


def test_90_appliance_gets_the_version_message(wait, transport):
    script(transport, dict(status=404, json_body={'message': 'No handler'}))
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.0.0.0.24703748'})
    outcome, dummy, result = wait()
    assert outcome.state == ERROR
    assert 'need VCF 9.1 or later' in result['msg'] and result['error_kind'] == 'UnsupportedVersionError'
    assert result['polls'] == 1 and result['export'] is None
    assert result['error_details'] == {'version': '9.0.0.0.24703748', 'required_version': '9.1'}


def test_transient_faults_in_a_row_do_not_end_the_wait(wait, transport):
    script(transport, export('IN_PROGRESS', 10),
           dict(exc=requests.exceptions.ConnectionError('Connection reset by peer')),
           dict(exc=requests.exceptions.ReadTimeout('read timed out')),
           dict(status=503), dict(status=429), dict(status=502), dict(status=504),
           dict(body='<html>proxy</html>'),
           export('COMPLETED', 100))
    outcome, dummy, result = wait()
    assert outcome.state == FINISHED and outcome.polls == 9 and 'failed' not in result


@pytest.mark.parametrize('fault', [
    dict(exc=requests.exceptions.SSLError('certificate verify failed: self-signed certificate')),
    dict(exc=requests.exceptions.SSLError('[SSL: WRONG_VERSION_NUMBER] wrong version number')),
    dict(status=400, json_body={'message': 'bad'}),
])
def test_permanent_faults_end_the_wait_at_once(wait, transport, clock, fault):
    script(transport, export('IN_PROGRESS', 10), fault)
    outcome, dummy, result = wait(timeout=1800)
    assert outcome.state == ERROR and outcome.polls == 2 and clock.now - 1000.0 < 5
    assert result['failed'] is True


def test_deadline_during_faults_names_the_last_fault(wait, transport):
    script(transport, export('IN_PROGRESS', 10), *[dict(status=503)] * 6)
    outcome, dummy, result = wait(timeout=20)
    assert outcome.state == TIMED_OUT
    assert 'last status IN_PROGRESS at 10.0%' in result['msg']
    assert 'Last fault: Reading the export of pre-check run %s failed: HTTP 503' % RUN in result['msg']


def test_token_expiry_mid_wait_is_refreshed_and_the_wait_goes_on(wait, transport):
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer())
    script(transport, export('IN_PROGRESS', 10), dict(status=401, json_body={'errorCode': 'Unauthorized'}))
    transport.add('PATCH', '/v1/tokens/access-token/refresh', json_body='access-token-0002')
    script(transport, export('IN_PROGRESS', 60), export('COMPLETED', 100))
    outcome, dummy, dummy = wait(api_token=None)
    assert outcome.state == FINISHED
    assert transport.paths().count('POST /v1/tokens') == 1
    assert transport.sent[-1]['headers']['Authorization'] == 'Bearer access-token-0002'


@pytest.mark.parametrize('statuses, failed', [
    (['Queued', 'In Progress', 'completed'], False),
    (['not_started', 'in_progress', 'Failed'], True),
])
def test_statuses_in_other_casing(wait, transport, statuses, failed):
    script(transport, *[export(status, 50) for status in statuses])
    assert wait()[2].get('failed', False) is failed


def test_unknown_status_is_never_success(wait, transport):
    script(transport, *[export('SUCCEEDED', 100) for dummy in range(12)])
    outcome, dummy, result = wait(timeout=30)
    assert outcome.state == TIMED_OUT and result['failed'] is True


def test_server_error_ends_the_wait_with_the_api_message(wait, transport):
    script(transport, export('IN_PROGRESS', 10),
           dict(status=500, json_body={'errorCode': 'BOOM', 'message': 'Internal', 'referenceToken': 'R1'}))
    outcome, dummy, result = wait()
    assert outcome.state == ERROR and result['status_code'] == 500
    assert result['msg'].endswith('HTTP 500 BOOM: Internal. (reference token R1)')
    assert result['export']['progress'] == 10 and result['polls'] == 2


def test_progress_is_reported_only_on_change(wait, transport):
    script(transport, export('IN_PROGRESS', 10), export('IN_PROGRESS', 10), export('In Progress', 10),
           export('IN_PROGRESS', 20), export('COMPLETED', 100))
    outcome, lines, dummy = wait()
    assert outcome.polls == 5 and len(lines) == 3


def test_a_polls_own_retries_stop_at_the_deadline(wait, transport, clock):
    script(transport, export('IN_PROGRESS', 10), *[dict(status=503, headers={'Retry-After': '8'})] * 6)
    outcome, dummy, result = wait(timeout=15, retries=3)
    assert outcome.state == TIMED_OUT
    assert clock.now - 1000.0 <= 15, 'no sleep ran past the deadline'
    assert 'Last fault' in result['msg'] and 'HTTP 503' in result['msg']


def test_the_deadline_is_cleared_after_the_wait(wait, transport, make_client, clock):
    script(transport, export('COMPLETED', 100))
    client = make_client(api_token='t0k3n', clock=clock.monotonic)
    Waiter(client, export_subject(RUN), 5, 1, clock=clock.monotonic, sleep=clock.sleep).wait()
    assert client._retry_deadline is None


def test_timeout_zero_gives_its_one_look_a_whole_request(make_client, clock):
    seen = []
    client = make_client(api_token='t0k3n', sleep=clock.sleep)

    def read(polled):
        seen.append(polled._retry_deadline)   # pylint: disable=protected-access
        return {'status': 'COMPLETED'}
    subject = Subject('x', 'X', read, lambda s: s['status'], lambda s: None, lambda s: True)
    outcome = Waiter(client, subject, 0, 10, clock=clock.monotonic, sleep=clock.sleep).wait()
    assert outcome.state == FINISHED and seen == [None], 'the request is bounded by request_timeout alone'
