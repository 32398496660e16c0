# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""modules/precheck_export_download: checks before any request, the failed-export message, what it says."""

import os

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError, ExportNotReadyError
from ansible_collections.sddc.manager.plugins.modules.precheck_export_download import (
    check_dest,
    require_completed,
    save_export,
)
from ansible_collections.sddc.manager.tests.unit.fakes import StubFileModule

RUN = '3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d'
PATH = '/v1/system/check-sets/%s/exports' % RUN
BODY = b'checkId,status\nvc,OK\n'


def stub_module(tmp_path, check_mode=False, **params):
    tmpdir = tmp_path / 'module-tmp'
    tmpdir.mkdir(exist_ok=True)
    return StubFileModule(dict(dict(run_id=RUN, max_size=1024 * 1024), **params), check_mode, str(tmpdir))


def serve(transport):
    transport.add('GET', PATH, json_body={'status': 'COMPLETED', 'progress': 100, 'startTimestamp': 'x'})
    transport.add('GET', PATH + '/data', body=BODY.decode(),
                  headers={'Content-Type': 'application/octet-stream',
                           'Content-Disposition': 'attachment; filename=".bashrc"'})


def test_saves_under_the_run_name_when_the_server_name_is_unsafe_then_changes_nothing(
        make_client, transport, tmp_path):
    dest = tmp_path / 'out'
    dest.mkdir()
    serve(transport)
    first = save_export(stub_module(tmp_path, dest=str(dest)), make_client(api_token='t0k3n'))
    assert first['dest'] == str(dest / ('precheck-export-%s.csv' % RUN)) and first['changed'] is True
    assert first['msg'] == 'Saved the export of pre-check run %s to %s (%d bytes).' % (RUN, first['dest'], len(BODY))
    serve(transport)
    second = save_export(stub_module(tmp_path, dest=str(dest)), make_client(api_token='t0k3n'))
    assert second['changed'] is False and second['msg'].endswith('nothing changed.')
    assert sorted(os.listdir(str(dest))) == ['precheck-export-%s.csv' % RUN]


def test_check_mode_says_what_would_be_saved_and_writes_nothing(make_client, transport, tmp_path):
    serve(transport)
    result = save_export(stub_module(tmp_path, check_mode=True, dest=str(tmp_path / 'x.csv')),
                         make_client(api_token='t0k3n'))
    assert result['msg'] == ('Check mode: the export of pre-check run %s (%d bytes) would be saved to %s.'
                             % (RUN, len(BODY), tmp_path / 'x.csv'))
    assert not (tmp_path / 'x.csv').exists()


@pytest.mark.parametrize('dest, max_size, words', [
    ('missing/x.csv', 10, 'does not exist'), ('x.csv', 0, 'max_size must be a positive'),
])
def test_dest_and_max_size_are_checked_before_any_request(tmp_path, dest, max_size, words):
    with pytest.raises(ConfigurationError) as caught:
        check_dest(dict(dest=str(tmp_path / dest), max_size=max_size))
    assert words in caught.value.msg


def test_an_unwritable_directory_is_named(tmp_path, monkeypatch):
    real_access = os.access
    locked = str(tmp_path / 'locked')
    os.mkdir(locked)
    # Root may write anywhere, so the test says what the kernel would say to anyone else.
    monkeypatch.setattr(os, 'access', lambda path, mode: False if path == locked else real_access(path, mode))
    with pytest.raises(ConfigurationError) as caught:
        check_dest(dict(dest=os.path.join(locked, 'x.csv'), max_size=10))
    assert caught.value.msg == 'dest %s/x.csv: the directory %s is not writable.' % (locked, locked)


def test_a_failed_export_says_it_failed_and_to_start_a_new_one():
    with pytest.raises(ExportNotReadyError) as caught:
        require_completed(RUN, {'status': 'FAILED', 'progress': 64, 'error': {
            'message': 'Store down', 'remediationMessage': 'Restart it', 'referenceToken': 'T1'}})
    assert caught.value.msg == ('Pre-check export for run %s: FAILED at 64.0%%: Store down. Remediation: Restart it. '
                                '(reference token T1) Start a new export with sddc.manager.precheck_export and '
                                'force: true.' % RUN)
    assert 'wait' not in caught.value.msg


def test_a_running_export_says_to_wait():
    with pytest.raises(ExportNotReadyError) as caught:
        require_completed(RUN, {'status': 'IN_PROGRESS', 'progress': 20})
    assert 'is IN_PROGRESS at 20.0%, not COMPLETED: wait for it' in caught.value.msg
    assert caught.value.to_result()['error_details'] == {'export_status': 'IN_PROGRESS'}
