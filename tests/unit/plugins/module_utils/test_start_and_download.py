# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Starting an export (attach, 429 handling) and streaming its file."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import os

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.download import download_export, filename_from_disposition
from ansible_collections.sddc.manager.plugins.module_utils.errors import ApiError, TransportError
from ansible_collections.sddc.manager.plugins.module_utils.export_task import (
    ALREADY_COMPLETED,
    ATTACHED,
    STARTED,
    plan_start,
    start_export,
)
from ansible_collections.sddc.manager.tests.unit.fakes import BrokenStream

RUN = '3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d'
PATH = '/v1/system/check-sets/%s/exports' % RUN
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


@pytest.mark.parametrize('header, name', [
    ('attachment; filename="precheck.csv"', 'precheck.csv'),
    ("attachment; filename*=UTF-8''pr%C3%A9check.csv", u'pr\xe9check.csv'),
    ('attachment; filename="../../etc/passwd"', 'passwd'),
    ('attachment; filename=".."', None), ('attachment', None), (None, None),
])
def test_filename_from_disposition(header, name):
    assert filename_from_disposition(header) == name


def test_download_streams_to_a_temp_file_with_its_sha256(make_client, transport, tmp_path):
    body = b'checkId,status\n' * 10000
    transport.add('GET', PATH + '/data', body=body.decode(),
                  headers={'Content-Type': 'application/octet-stream',
                           'Content-Disposition': 'attachment; filename="x.csv"'})
    downloaded = download_export(make_client(api_token='t0k3n'), RUN, str(tmp_path))
    with open(downloaded.path, 'rb') as handle:
        assert handle.read() == body
    assert downloaded.size == len(body) and downloaded.checksum == hashlib.sha256(body).hexdigest()
    assert downloaded.suggested_name == 'x.csv' and downloaded.content_type == 'application/octet-stream'
    assert os.path.dirname(downloaded.path) == str(tmp_path)


def test_broken_download_leaves_no_file_behind(make_client, transport, tmp_path):
    transport.add('GET', PATH + '/data', raw=BrokenStream(b'checkId,st'))
    with pytest.raises(TransportError) as caught:
        download_export(make_client(api_token='t0k3n'), RUN, str(tmp_path))
    assert 'the download broke off' in caught.value.msg
    assert os.listdir(str(tmp_path)) == []


def test_download_error_answer_is_an_api_error(make_client, transport, tmp_path):
    transport.add('GET', PATH + '/data', status=400, json_body={'message': 'Export is not completed'})
    with pytest.raises(ApiError):
        download_export(make_client(api_token='t0k3n'), RUN, str(tmp_path))
    assert os.listdir(str(tmp_path)) == []
