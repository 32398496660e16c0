# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""export_task: run ids, statuses, the failure line, the 9.0 detection, starting an export."""

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.errors import (
    ApiError,
    ConfigurationError,
    NotFoundError,
    UnsupportedVersionError,
)
from ansible_collections.sddc.manager.plugins.module_utils.check_sets import canonical_run_id
from ansible_collections.sddc.manager.plugins.module_utils.export_task import (
    ALREADY_COMPLETED,
    ATTACHED,
    STARTED,
    export_failure_message,
    is_finished,
    normalise_status,
    plan_start,
    read_export,
    start_export,
)

RUN = '3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d'
PATH = '/v1/system/check-sets/%s/exports' % RUN


@pytest.mark.parametrize('value', [RUN, RUN.upper(), ' %s ' % RUN, RUN.replace('-', '')])
def test_run_id_is_made_canonical(value):
    assert canonical_run_id(value) == RUN


@pytest.mark.parametrize('value', ['', None, 'latest', RUN[:-1], '{%s}' % RUN, RUN + '0'])
def test_run_id_that_is_not_a_uuid_is_refused(value):
    with pytest.raises(ConfigurationError) as caught:
        canonical_run_id(value)
    assert 'run_id must be the UUID' in caught.value.msg


@pytest.mark.parametrize('raw, normal', [
    ('IN_PROGRESS', 'IN_PROGRESS'), ('In Progress', 'IN_PROGRESS'), ('in_progress', 'IN_PROGRESS'),
    ('in-progress', 'IN_PROGRESS'), ('completed', 'COMPLETED'), (' Failed ', 'FAILED'), (None, 'UNKNOWN'),
])
def test_status_is_normalised(raw, normal):
    assert normalise_status(raw) == normal


@pytest.mark.parametrize('status, finished', [
    ('COMPLETED', True), ('Completed', True), ('FAILED', True), ('failed', True),
    ('QUEUED', False), ('NOT_STARTED', False), ('In Progress', False), ('SUCCEEDED', False), ('', False),
])
def test_only_completed_and_failed_are_finished(status, finished):
    assert is_finished({'status': status}) is finished


def test_failure_message_carries_message_remediation_token_and_what_to_do():
    export = {'status': 'FAILED', 'progress': 64, 'error': {
        'message': 'Store down', 'remediationMessage': 'Restart it', 'referenceToken': 'Q7XK2M'}}
    assert export_failure_message(RUN, export) == (
        'Pre-check export for run %s: FAILED at 64.0%%: Store down. Remediation: Restart it. (reference token Q7XK2M) '
        'Start a new export with sddc.manager.precheck_export and force: true.' % RUN)


def test_failure_message_without_error_still_reads():
    assert export_failure_message(RUN, {'status': 'FAILED'}).startswith(
        'Pre-check export for run %s: FAILED: SDDC Manager gave no error message. Start a new export' % RUN)


def test_failure_message_keeps_the_words_of_a_bare_string_error():
    line = export_failure_message(RUN, {'status': 'FAILED', 'error': 'disk quota exceeded'})
    assert 'FAILED: disk quota exceeded. Start a new export' in line


def test_existing_export_costs_one_request(make_client, transport):
    transport.add('GET', PATH, json_body={'status': 'QUEUED', 'startTimestamp': 'x'})
    assert read_export(make_client(api_token='t0k3n'), RUN)['status'] == 'QUEUED'
    assert len(transport.sent) == 1


def test_404_on_91_for_an_existing_run_means_no_export(make_client, transport):
    transport.add('GET', PATH, status=404, json_body={'message': 'Export Task Not Found'})
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.1.0.0.24000000'})
    transport.add('GET', '/v1/system/check-sets/' + RUN, json_body={'status': 'COMPLETED_WITH_SUCCESS'})
    assert read_export(make_client(api_token='t0k3n'), RUN) is None
    assert len(transport.sent) == 3


def test_404_for_a_run_that_does_not_exist_fails_naming_it(make_client, transport):
    transport.add('GET', PATH, status=404, json_body={'message': 'Export Task Not Found'})
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.1.0.0.24000000'})
    transport.add('GET', '/v1/system/check-sets/' + RUN, status=404, json_body={'message': 'Task Not Found'})
    with pytest.raises(NotFoundError) as caught:
        read_export(make_client(api_token='t0k3n'), RUN)
    assert caught.value.msg.startswith('No pre-check run %s on SDDC Manager at https://sddc.example.com' % RUN)


@pytest.mark.parametrize('status', [404, 405])
def test_90_appliance_is_named_with_the_version_needed(make_client, transport, status):
    transport.add('GET', PATH, status=status, json_body={'message': 'No handler'})
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.0.0.0.24703748'})
    with pytest.raises(UnsupportedVersionError) as caught:
        read_export(make_client(api_token='t0k3n'), RUN)
    assert 'runs version 9.0.0.0.24703748' in caught.value.msg
    assert 'need VCF 9.1 or later' in caught.value.msg


TOO_MANY = {'errorCode': 'TOO_MANY', 'message': 'Too Many Export Request', 'remediationMessage': 'Wait'}


def export(status):
    return {'status': status, 'progress': 0, 'startTimestamp': '2026-11-28T10:00:00Z'}


@pytest.mark.parametrize('current, force, plan', [
    (None, False, STARTED), (export('FAILED'), False, STARTED), (export('COMPLETED'), False, ALREADY_COMPLETED),
    (export('COMPLETED'), True, STARTED), (export('QUEUED'), True, ATTACHED), (export('In Progress'), False, ATTACHED),
    (export('NOT_STARTED'), False, ATTACHED), (export('WEIRD'), False, STARTED),
])
def test_plan_start(current, force, plan):
    assert plan_start(current, force) == plan


def test_start_returns_the_new_export(make_client, transport):
    transport.add('POST', PATH, status=202, json_body=export('QUEUED'))
    assert start_export(make_client(api_token='t0k3n'), RUN) == (STARTED, export('QUEUED'))


def test_429_attaches_to_an_export_that_is_now_running(make_client, transport, sleeps):
    transport.add('POST', PATH, status=429, json_body=TOO_MANY)
    transport.add('GET', PATH, json_body=export('IN_PROGRESS'))
    assert start_export(make_client(api_token='t0k3n'), RUN) == (ATTACHED, export('IN_PROGRESS'))
    assert sleeps == [] and transport.paths() == ['POST ' + PATH, 'GET ' + PATH]


def test_429_without_a_running_export_backs_off_then_starts(make_client, transport, sleeps):
    transport.add('POST', PATH, status=429, json_body=TOO_MANY, headers={'Retry-After': '3'})
    transport.add('GET', PATH, json_body=export('FAILED'))
    transport.add('POST', PATH, status=202, json_body=export('QUEUED'))
    assert start_export(make_client(api_token='t0k3n'), RUN)[0] == STARTED
    assert len(sleeps) == 1 and sleeps[0] >= 3


def test_429_past_the_retry_budget_fails_with_the_api_message(make_client, transport, sleeps):
    for dummy in range(4):
        transport.add('POST', PATH, status=429, json_body=TOO_MANY)
        transport.add('GET', PATH, json_body=export('COMPLETED'))
    with pytest.raises(ApiError) as caught:
        start_export(make_client(api_token='t0k3n'), RUN)
    assert caught.value.msg == ('Starting an export of pre-check run %s failed: HTTP 429 TOO_MANY: '
                                'Too Many Export Request. Remediation: Wait.' % RUN)
    assert len(sleeps) == 3
