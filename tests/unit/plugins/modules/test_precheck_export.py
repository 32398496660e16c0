# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""modules/precheck_export and precheck_export_info: what they do and say for each state of the export."""

import pytest

from ansible_collections.sddc.manager.plugins.modules.precheck_export import ensure_export
from ansible_collections.sddc.manager.plugins.modules.precheck_export_info import read_export_info

RUN = '3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d'
PATH = '/v1/system/check-sets/%s/exports' % RUN


def export(status):
    return {'status': status, 'progress': 0, 'startTimestamp': '2026-11-28T10:00:00Z'}


@pytest.mark.parametrize('current, force, check_mode, changed, outcome, msg', [
    ('QUEUED', False, False, False, 'attached', 'is already running: attached to it.'),
    ('COMPLETED', False, False, False, 'already_completed', 'nothing to do (force: true exports again).'),
    ('COMPLETED', True, True, True, 'started', 'Check mode: an export of pre-check run %s would be started.' % RUN),
])
def test_ensure_export_without_a_post(make_client, transport, current, force, check_mode, changed, outcome, msg):
    transport.add('GET', PATH, json_body=export(current))
    result = ensure_export(make_client(api_token='t0k3n'), dict(run_id=RUN, force=force), check_mode)
    assert (result['changed'], result['outcome']) == (changed, outcome) and result['msg'].endswith(msg)
    assert transport.paths() == ['GET ' + PATH]


def test_ensure_export_starts_after_a_failed_one(make_client, transport):
    transport.add('GET', PATH, json_body=export('FAILED'))
    transport.add('POST', PATH, status=202, json_body=export('QUEUED'))
    result = ensure_export(make_client(api_token='t0k3n'), dict(run_id=RUN, force=False), False)
    assert result['changed'] is True and result['msg'] == 'Started an export of pre-check run %s.' % RUN


def test_export_info_reads_once(make_client, transport):
    transport.add('GET', PATH, json_body=export('In Progress'))
    result = read_export_info(make_client(api_token='t0k3n'), dict(run_id=RUN.upper()))
    assert (result['exists'], result['finished'], result['run_id']) == (True, False, RUN)
