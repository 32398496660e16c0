# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""modules/precheck_diff: the newest finished run against the previous one, a run id, or a saved report."""

import json

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.errors import NotFoundError
from ansible_collections.sddc.manager.plugins.module_utils.run_diff import compare_runs

WLD = '8b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
NEW = '7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21'
OLD = '7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a22'
OLDER = '7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a23'


def listed(run_id, completed, target='General Upgrade Readiness', state='COMPLETED_WITH_FAILURE'):
    return {'id': run_id, 'state': state, 'timestamp': completed - 60000, 'completionTimestamp': completed,
            'domainInputs': [{'domainId': WLD, 'domainName': 'wld-01'}], 'metadata': {'targetVersion': target}}


def result(*checks):
    nodes = [{'message': 'm %s' % check, 'context': {
        'validationStatus': 'VALIDATION_FAILED', 'importanceLevel': severity, 'validatorDefinitionId': check,
        'resourceName': 'vc-01'}} for check, severity in checks]
    return {'status': 'COMPLETED_WITH_FAILURE', 'validationResult': {'nestedErrors': nodes}}


def serve(transport, runs):
    transport.add('GET', '/v1/domains', json_body={'elements': [{'id': WLD, 'name': 'wld-01'}]})
    transport.add('GET', '/v1/system/check-sets', json_body=runs, times=2)


def test_the_newest_finished_run_against_the_previous_one(make_client, transport):
    serve(transport, [listed(OLDER, 1700000000000), listed(NEW, 1700000300000), listed(OLD, 1700000200000),
                      listed('7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a29', 1700000400000, state='IN_PROGRESS')])
    transport.add('GET', '/v1/system/check-sets/' + NEW, json_body=result(('kept', 'CRITICAL'), ('new', 'CRITICAL')))
    transport.add('GET', '/v1/system/check-sets/' + OLD, json_body=result(('kept', 'CRITICAL'), ('gone', 'WARNING')))
    diff = compare_runs(make_client(api_token='t0k3n'), dict(domains=['wld-01'], run_id=None, baseline='previous'))
    assert (diff['run']['run_id'], diff['baseline']['run_id']) == (NEW, OLD), 'not the older one, nor the running'
    assert diff['counts'] == {'new': 1, 'resolved': 1, 'persisting': 1, 'severity_changed': 0}
    assert diff['msg'] == 'Since run %s of 2023-11-14: 1 new error, 1 resolved, 1 persisting.' % OLD
    assert diff['changed'] is False and 'findings' not in diff['run']


def test_a_saved_report_as_the_baseline(make_client, transport, tmp_path):
    serve(transport, [listed(NEW, 1700000300000)])
    transport.add('GET', '/v1/system/check-sets/' + NEW, json_body=result(('kept', 'CRITICAL')))
    report = tmp_path / 'precheck-old.json'
    report.write_text(json.dumps({'run_id': OLD, 'completed': '2026-11-20T10:00:00.000Z', 'domains': ['wld-01'],
                                  'target_version': None, 'findings': [
                                      {'id': 'kept', 'severity': 'WARNING', 'resource': 'vc-01', 'domain': None}]}))
    diff = compare_runs(make_client(api_token='t0k3n'), dict(run_id=NEW, domains=None, baseline=str(report)))
    assert diff['msg'] == 'Since run %s of 2026-11-20: 1 warning became an error.' % OLD
    assert diff['baseline']['source'] == 'report'


def test_no_previous_run_is_one_line(make_client, transport):
    serve(transport, [listed(NEW, 1700000300000)])
    transport.add('GET', '/v1/system/check-sets/' + NEW, json_body=result())
    with pytest.raises(NotFoundError) as caught:
        compare_runs(make_client(api_token='t0k3n'), dict(run_id=None, domains=['wld-01'], baseline='previous'))
    assert 'there is nothing to compare with yet' in caught.value.msg
