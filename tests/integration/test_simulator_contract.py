# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The simulator's answers conform to the SDDC Manager OpenAPI excerpts in tests/spec."""

import json
import os
import time

import pytest
import requests
from openapi_schema_validator import OAS30Validator

from sim_harness import PASSWORD, REPO, RUN_ID, USER

SPEC_DIR = os.path.join(REPO, 'tests', 'spec')
EXPORTS = '/v1/system/check-sets/{runId}/exports'
UNDECLARED_BUT_REAL = {401}   # wrong credentials and expired tokens: 401 in practice (spec README)


def load_spec(version):
    with open(os.path.join(SPEC_DIR, 'sddc-manager-%s-checksets.json' % version)) as handle:
        return json.load(handle)


SPEC = load_spec('9.1')


def check(response, template, method, spec=SPEC):
    """Assert the answer's status is declared for the operation and its body fits the schema."""
    operation = spec['paths'][template][method.lower()]
    status = str(response.status_code)
    if response.status_code in UNDECLARED_BUT_REAL:
        schema = {'$ref': '#/components/schemas/Error'}
        content_type = 'application/json'
    else:
        assert status in operation['responses'], '%s %s answered undeclared %s' % (method, template, status)
        content = operation['responses'][status].get('content')
        if not content:
            assert response.content == b''
            return None
        content_type, media = next(iter(content.items()))
        schema = media['schema']
    assert response.headers['Content-Type'].startswith(content_type)
    if content_type != 'application/json':
        return response.content
    body = response.json()
    OAS30Validator(dict(schema, components=spec['components'])).validate(body)
    return body


@pytest.fixture
def connect(sim):
    """Load a scenario (which drops every token), then log in: a session for the API."""
    def logged_in(**scenario):
        sim.scenario(**scenario)
        session = requests.Session()
        login = session.post(sim.url + '/v1/tokens', json={'username': USER, 'password': PASSWORD}, timeout=10)
        pair = check(login, '/v1/tokens', 'POST')
        session.headers['Authorization'] = 'Bearer ' + pair['accessToken']
        session.sim = sim
        session.refresh_id = pair['refreshToken']['id']
        return session
    return logged_in


@pytest.fixture
def api(connect):
    return connect()


def test_token_operations(sim, api):
    url = sim.url
    assert check(requests.post(url + '/v1/tokens', json={'username': USER, 'password': 'nope'}, timeout=10),
                 '/v1/tokens', 'POST')['errorCode'] == 'Unauthorized'
    token = check(requests.patch(url + '/v1/tokens/access-token/refresh', json=api.refresh_id, timeout=10),
                  '/v1/tokens/access-token/refresh', 'PATCH')
    assert isinstance(token, str)
    check(requests.patch(url + '/v1/tokens/access-token/refresh', json='unknown', timeout=10),
          '/v1/tokens/access-token/refresh', 'PATCH')
    response = requests.delete(url + '/v1/tokens/refresh-token', json=api.refresh_id, timeout=10)
    assert response.status_code == 204
    check(requests.patch(url + '/v1/tokens/access-token/refresh', json=api.refresh_id, timeout=10),
          '/v1/tokens/access-token/refresh', 'PATCH')


def test_appliance_info(api):
    info = check(api.get(api.sim.url + '/v1/system/appliance-info', timeout=10), '/v1/system/appliance-info', 'GET')
    assert info['version'].startswith('9.1.')


@pytest.mark.parametrize('outcome', ['COMPLETED', 'FAILED'])
def test_export_lifecycle(connect, outcome):
    api = connect(runs=[{'run_id': RUN_ID, 'outcomes': [outcome], 'queued': 1, 'steps': 2}])
    url = api.sim.url + EXPORTS.format(runId=RUN_ID)
    check(api.get(url, timeout=10), EXPORTS, 'GET')  # 404 before any start
    check(api.get(url + '/data', timeout=10), EXPORTS + '/data', 'GET')  # 404 too
    started = check(api.post(url, timeout=10), EXPORTS, 'POST')
    assert started['status'] == 'QUEUED'
    assert check(api.post(url, timeout=10), EXPORTS, 'POST')['message'] == 'Too Many Export Request'
    check(api.get(url + '/data', timeout=10), EXPORTS + '/data', 'GET')  # 400: not completed
    seen = [check(api.get(url, timeout=10), EXPORTS, 'GET') for dummy in range(4)]
    assert [s['status'] for s in seen] == ['QUEUED', 'IN_PROGRESS', 'IN_PROGRESS', outcome]
    assert seen[1]['progress'] < seen[2]['progress']
    assert seen[-1]['endTimestamp'] and (seen[-1]['error'] is None) == (outcome == 'COMPLETED')
    if outcome == 'COMPLETED':
        data = check(api.get(url + '/data', timeout=10), EXPORTS + '/data', 'GET')
        assert data.startswith(b'# pre-check run')


def test_start_errors(connect):
    api = connect(runs=[{'run_id': RUN_ID, 'start_error': {'status': 400, 'message': 'Run not complete'}}])
    url = api.sim.url + EXPORTS.format(runId=RUN_ID)
    assert check(api.post(url, timeout=10), EXPORTS, 'POST')['message'] == 'Run not complete'
    other = api.sim.url + EXPORTS.format(runId='0b7e2f4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5')
    check(api.post(other, timeout=10), EXPORTS, 'POST')
    check(api.get(api.sim.url + EXPORTS.format(runId='NOT-A-UUID'), timeout=10), EXPORTS, 'GET')


def test_injected_api_faults_are_spec_errors(connect):
    api = connect(runs=[{'run_id': RUN_ID, 'started': True}], faults=[
        {'kind': 'status', 'status': 500, 'path': '/exports$'},
        {'kind': 'status', 'status': 429, 'path': '/exports$', 'method': 'POST'}])
    url = api.sim.url + EXPORTS.format(runId=RUN_ID)
    check(api.get(url, timeout=10), EXPORTS, 'GET')
    check(api.post(url, timeout=10), EXPORTS, 'POST')


def test_expired_token_is_401_error(api):
    api.sim.control('/sim/expire-tokens')
    response = api.get(api.sim.url + '/v1/system/appliance-info', timeout=10)
    assert response.status_code == 401
    assert check(response, '/v1/system/appliance-info', 'GET')['errorCode'] == 'Unauthorized'


def test_90_has_no_export_operations(connect):
    spec90 = load_spec('9.0')
    assert not [path for path in spec90['paths'] if '/exports' in path]
    api = connect(version='9.0.0.0.24703748', runs=[{'run_id': RUN_ID, 'started': True}])
    response = api.get(api.sim.url + EXPORTS.format(runId=RUN_ID), timeout=10)
    assert response.status_code == 404
    info = check(api.get(api.sim.url + '/v1/system/appliance-info', timeout=10), '/v1/system/appliance-info', 'GET',
                 spec=spec90)
    assert info['version'].startswith('9.0.')


def test_access_token_lifetime_is_configurable(connect):
    api = connect(token_lifetime=0.5)
    url = api.sim.url + '/v1/system/appliance-info'
    assert api.get(url, timeout=10).status_code == 200
    time.sleep(0.6)
    expired = api.get(url, timeout=10)
    assert expired.status_code == 401
    assert check(expired, '/v1/system/appliance-info', 'GET')['errorCode'] == 'Unauthorized'
