# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run ids, statuses, the failure line and the 9.0 detection."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.errors import (
    ConfigurationError,
    UnsupportedVersionError,
)
from ansible_collections.sddc.manager.plugins.module_utils.export_task import (
    canonical_run_id,
    failure_message,
    is_finished,
    normalise_status,
    read_export,
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


def test_failure_message_carries_message_remediation_and_token():
    export = {'status': 'FAILED', 'progress': 64, 'error': {
        'message': 'Store down', 'remediationMessage': 'Restart it', 'referenceToken': 'Q7XK2M'}}
    assert failure_message(RUN, export) == (
        'Pre-check export for run %s: FAILED at 64.0%%: Store down Remediation: Restart it (reference token Q7XK2M)'
        % RUN)


def test_failure_message_without_error_still_reads():
    assert failure_message(RUN, {'status': 'FAILED'}) == \
        'Pre-check export for run %s: FAILED: SDDC Manager gave no error message.' % RUN


def test_existing_export_costs_one_request(make_client, transport):
    transport.add('GET', PATH, json_body={'status': 'QUEUED', 'startTimestamp': 'x'})
    assert read_export(make_client(api_token='t0k3n'), RUN)['status'] == 'QUEUED'
    assert len(transport.sent) == 1


def test_404_on_91_means_no_export(make_client, transport):
    transport.add('GET', PATH, status=404, json_body={'message': 'Export Task Not Found'})
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.1.0.0.24000000'})
    assert read_export(make_client(api_token='t0k3n'), RUN) is None


@pytest.mark.parametrize('status', [404, 405])
def test_90_appliance_is_named_with_the_version_needed(make_client, transport, status):
    transport.add('GET', PATH, status=status, json_body={'message': 'No handler'})
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.0.0.0.24703748'})
    with pytest.raises(UnsupportedVersionError) as caught:
        read_export(make_client(api_token='t0k3n'), RUN)
    assert 'runs version 9.0.0.0.24703748' in caught.value.msg
    assert 'need VCF 9.1 or later' in caught.value.msg
