# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""modules/precheck_export_info: the export of a run, none, or a failure naming a missing run."""

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.errors import NotFoundError
from ansible_collections.sddc.manager.plugins.modules.precheck_export_info import read_export_info

RUN = '7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21'
EXPORTS = '/v1/system/check-sets/%s/exports' % RUN


def test_an_export_in_progress(make_client, transport):
    transport.add('GET', EXPORTS, json_body={'status': 'In Progress', 'progress': 40.0})
    result = read_export_info(make_client(api_token='t0k3n'), dict(run_id=RUN.upper()))
    assert (result['run_id'], result['exists'], result['finished']) == (RUN, True, False)


def test_a_run_without_an_export(make_client, transport):
    transport.add('GET', EXPORTS, status=404, json_body={'message': 'Export Task Not Found'})
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.1.0.0.1'})
    transport.add('GET', '/v1/system/check-sets/' + RUN, json_body={'status': 'COMPLETED_WITH_SUCCESS'})
    result = read_export_info(make_client(api_token='t0k3n'), dict(run_id=RUN))
    assert result['exists'] is False and result['export'] is None


def test_a_missing_run_fails_naming_it(make_client, transport):
    transport.add('GET', EXPORTS, status=404, json_body={'message': 'Export Task Not Found'})
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.1.0.0.1'})
    transport.add('GET', '/v1/system/check-sets/' + RUN, status=404, json_body={'message': 'Task Not Found'})
    with pytest.raises(NotFoundError) as caught:
        read_export_info(make_client(api_token='t0k3n'), dict(run_id=RUN))
    assert RUN in caught.value.msg
