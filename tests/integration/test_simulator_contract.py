# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The simulator's answers conform to the SDDC Manager OpenAPI excerpts in tests/spec.

Each call asserts the status the route must give (not just any status the spec
declares), then validates the body against the schema of that status. Where the
one captured real result and the spec disagree, the simulator serves the real
shape; ``REAL_SHAPE_EXCEPTIONS`` names the two places, and nothing else may differ.
"""

import copy
import json
import os
import re
import sys
import time

import pytest
import requests
from openapi_schema_validator import OAS30Validator

from sim_harness import PASSWORD, REPO, RUN_ID, SIMULATOR_DIR, USER

SPEC_DIR = os.path.join(REPO, 'tests', 'spec')
EXPORTS = '/v1/system/check-sets/{runId}/exports'
UNDECLARED_BUT_REAL = {401}   # wrong credentials and expired tokens: 401 in practice (spec README)


def load_spec(version):
    with open(os.path.join(SPEC_DIR, 'sddc-manager-%s-checksets.json' % version)) as handle:
        return json.load(handle)


SPEC = load_spec('9.1')


def real_shape(body):
    """The two places where the captured real result differs from the spec, put in spec form (after asserting them).

    * ``physicalPresentedData...properties`` holds strings (``{"domainId": "..."}``); the spec says objects.
    * ``presentedArtifactsMap["validation-domain-summary"]`` is a list; the spec says an object.
    """
    body = copy.deepcopy(body)
    stack = [body.get('physicalPresentedData')]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            properties = node.get('properties')
            if properties:
                assert all(isinstance(value, str) for value in properties.values()), properties
                node['properties'] = dict((key, {'value': value}) for key, value in properties.items())
            stack.extend(node.get('childEntities') or [])
    artifacts = body.get('presentedArtifactsMap') or {}
    if 'validation-domain-summary' in artifacts:
        assert isinstance(artifacts['validation-domain-summary'], list)
        artifacts['validation-domain-summary'] = {'entries': artifacts['validation-domain-summary']}
    return body


REAL_SHAPE_EXCEPTIONS = {'/v1/system/check-sets/{runId}': real_shape}


def check(response, template, method, status, spec=SPEC):
    """Assert the answer has ``status``, that the spec declares it, and that its body fits the schema."""
    assert response.status_code == status, '%s %s answered %s, not %s: %s' % (
        method, template, response.status_code, status, response.text[:300])
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
    shaped = REAL_SHAPE_EXCEPTIONS.get(template, lambda b: b)(body) if status == '200' else body
    OAS30Validator(dict(schema, components=spec['components'])).validate(shaped)
    return body


@pytest.fixture
def connect(sim):
    """Load a scenario (which drops every token), then log in: a session for the API."""
    def logged_in(**scenario):
        sim.scenario(**scenario)
        session = requests.Session()
        login = session.post(sim.url + '/v1/tokens', json={'username': USER, 'password': PASSWORD}, timeout=10)
        pair = check(login, '/v1/tokens', 'POST', 201)
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
                 '/v1/tokens', 'POST', 401)['errorCode'] == 'Unauthorized'
    check(requests.post(url + '/v1/tokens', data='not json', timeout=10), '/v1/tokens', 'POST', 400)
    token = check(requests.patch(url + '/v1/tokens/access-token/refresh', json=api.refresh_id, timeout=10),
                  '/v1/tokens/access-token/refresh', 'PATCH', 200)
    assert isinstance(token, str)
    check(requests.patch(url + '/v1/tokens/access-token/refresh', json='unknown', timeout=10),
          '/v1/tokens/access-token/refresh', 'PATCH', 404)
    check(requests.patch(url + '/v1/tokens/access-token/refresh', data='{not json', timeout=10),
          '/v1/tokens/access-token/refresh', 'PATCH', 400)
    assert api.sim.stats()['live_refresh_tokens'] == 1
    response = requests.delete(url + '/v1/tokens/refresh-token', json=api.refresh_id, timeout=10)
    assert response.status_code == 204 and response.content == b''
    assert api.sim.stats()['live_refresh_tokens'] == 0
    check(requests.patch(url + '/v1/tokens/access-token/refresh', json=api.refresh_id, timeout=10),
          '/v1/tokens/access-token/refresh', 'PATCH', 404)


def test_appliance_info(api):
    info = check(api.get(api.sim.url + '/v1/system/appliance-info', timeout=10), '/v1/system/appliance-info', 'GET',
                 200)
    assert info['version'].startswith('9.1.')


@pytest.mark.parametrize('outcome', ['COMPLETED', 'FAILED'])
def test_export_lifecycle(connect, outcome):
    api = connect(exports=[{'run_id': RUN_ID, 'outcomes': [outcome], 'queued': 1, 'steps': 2}])
    url = api.sim.url + EXPORTS.format(runId=RUN_ID)
    check(api.get(url, timeout=10), EXPORTS, 'GET', 404)  # before any start
    check(api.get(url + '/data', timeout=10), EXPORTS + '/data', 'GET', 404)
    started = check(api.post(url, timeout=10), EXPORTS, 'POST', 202)
    assert started['status'] == 'QUEUED'
    assert check(api.post(url, timeout=10), EXPORTS, 'POST', 429)['message'] == 'Too Many Export Request'
    check(api.get(url + '/data', timeout=10), EXPORTS + '/data', 'GET', 400)  # not completed
    seen = [check(api.get(url, timeout=10), EXPORTS, 'GET', 200) for dummy in range(4)]
    assert [s['status'] for s in seen] == ['QUEUED', 'IN_PROGRESS', 'IN_PROGRESS', outcome]
    assert seen[1]['progress'] < seen[2]['progress']
    assert seen[-1]['endTimestamp'] and (seen[-1]['error'] is None) == (outcome == 'COMPLETED')
    if outcome == 'COMPLETED':
        data = check(api.get(url + '/data', timeout=10), EXPORTS + '/data', 'GET', 200)
        assert data.startswith(b'# pre-check run')


def test_start_errors(connect):
    api = connect(exports=[{'run_id': RUN_ID, 'start_error': {'status': 400, 'message': 'Run not complete'}}])
    url = api.sim.url + EXPORTS.format(runId=RUN_ID)
    assert check(api.post(url, timeout=10), EXPORTS, 'POST', 400)['message'] == 'Run not complete'
    other = api.sim.url + EXPORTS.format(runId='0b7e2f4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5')
    check(api.post(other, timeout=10), EXPORTS, 'POST', 400)
    check(api.get(api.sim.url + EXPORTS.format(runId='NOT-A-UUID'), timeout=10), EXPORTS, 'GET', 400)


def test_injected_api_faults_are_spec_errors(connect):
    api = connect(exports=[{'run_id': RUN_ID, 'started': True}], faults=[
        {'kind': 'status', 'status': 500, 'path': '/exports$'},
        {'kind': 'status', 'status': 429, 'path': '/exports$', 'method': 'POST'}])
    url = api.sim.url + EXPORTS.format(runId=RUN_ID)
    check(api.get(url, timeout=10), EXPORTS, 'GET', 500)
    check(api.post(url, timeout=10), EXPORTS, 'POST', 429)


def test_expired_token_is_401_error(api):
    api.sim.control('/sim/expire-tokens')
    response = api.get(api.sim.url + '/v1/system/appliance-info', timeout=10)
    assert check(response, '/v1/system/appliance-info', 'GET', 401)['errorCode'] == 'Unauthorized'


def test_90_has_no_export_operations(connect):
    spec90 = load_spec('9.0')
    assert not [path for path in spec90['paths'] if '/exports' in path]
    api = connect(version='9.0.0.0.24703748', exports=[{'run_id': RUN_ID, 'started': True}])
    response = api.get(api.sim.url + EXPORTS.format(runId=RUN_ID), timeout=10)
    assert response.status_code == 404
    info = check(api.get(api.sim.url + '/v1/system/appliance-info', timeout=10), '/v1/system/appliance-info', 'GET',
                 200, spec=spec90)
    assert info['version'].startswith('9.0.')


def test_access_token_lifetime_is_configurable(connect):
    api = connect(token_lifetime=0.5)
    url = api.sim.url + '/v1/system/appliance-info'
    assert api.get(url, timeout=10).status_code == 200
    time.sleep(0.6)
    expired = api.get(url, timeout=10)
    assert check(expired, '/v1/system/appliance-info', 'GET', 401)['errorCode'] == 'Unauthorized'


# -- domains, releases and check-set runs -----------------------------------------------

RUNS = '/v1/system/check-sets'
RUN = '/v1/system/check-sets/{runId}'
QUERIES = '/v1/system/check-sets/queries'
WLD_02 = 'c0ffee00-1234-4abc-8def-0123456789ab'


def test_domains_and_future_releases(api):
    url = api.sim.url
    domains = check(api.get(url + '/v1/domains', timeout=10), '/v1/domains', 'GET', 200)['elements']
    assert [d['name'] for d in domains] == ['mgmt-01', 'wld-01', 'wld-02']
    named = check(api.get(url + '/v1/domains?name=wld-02', timeout=10), '/v1/domains', 'GET', 200)['elements']
    assert [d['id'] for d in named] == [WLD_02]
    assert check(api.get(url + '/v1/domains/' + WLD_02, timeout=10), '/v1/domains/{id}', 'GET', 200)['name'] == 'wld-02'
    check(api.get(url + '/v1/domains/' + RUN_ID, timeout=10), '/v1/domains/{id}', 'GET', 404)
    template = '/v1/releases/domains/{domainId}/future-releases'
    releases = check(api.get(url + '/v1/releases/domains/%s/future-releases' % WLD_02, timeout=10), template, 'GET',
                     200)['elements']
    assert [(r['version'], r['applicabilityStatus']) for r in releases] == [('9.1.0.0', 'APPLICABLE'),
                                                                            ('9.2.0.0', 'NOT_APPLICABLE')]
    assert 'Upgrade to 9.1.0.0 first' in releases[1]['reasonNotApplicable']['message']
    check(api.get(url + '/v1/releases/domains/%s/future-releases' % RUN_ID, timeout=10), template, 'GET', 404)


def start(api, domain_ids, target=None):
    query = check(api.post(api.sim.url + QUERIES, json={'checkSetType': 'UPGRADE', 'domains': [
        {'domainId': d} for d in domain_ids]}, timeout=10), QUERIES, 'POST', 200)
    selection = [{key: r[key] for key in ('resourceId', 'resourceName', 'resourceType', 'domain')}
                 for r in query['resources'] if r['checkSets']]
    for chosen, resource in zip(selection, [r for r in query['resources'] if r['checkSets']]):
        chosen['checkSets'] = [{'checkSetId': c['checkSetId']} for c in resource['checkSets']]
    body = {'queryId': query['queryId'], 'resources': selection}
    if target:
        body['metadata'] = {'targetVersion': target}
    return query, check(api.post(api.sim.url + RUNS, json=body, timeout=10), RUNS, 'POST', 202)


@pytest.mark.parametrize('shape', ['both', 'validation', 'inventory', 'notifications'])
def test_a_run_from_query_to_result(connect, shape):
    api = connect(precheck={'steps': 2, 'shape': shape})
    query, task = start(api, [WLD_02], '9.1.0.0')
    assert len(query['resources']) == 4 and all(r['domain']['domainId'] == WLD_02 for r in query['resources'])
    url = api.sim.url + RUNS + '/' + task['id']
    first = check(api.get(url, timeout=10), RUN, 'GET', 200)
    second = check(api.get(url, timeout=10), RUN, 'GET', 200)
    assert (first['status'], second['status']) == ('IN_PROGRESS', 'IN_PROGRESS')
    assert first['discoveryProgress']['percentageComplete'] < second['discoveryProgress']['percentageComplete']
    final = check(api.get(url, timeout=10), RUN, 'GET', 200)
    assert final['status'] == 'COMPLETED_WITH_FAILURE'
    summary = final['presentedArtifactsMap']['validation-domain-summary']
    assert summary[0]['criticalGapsCount'] == 1.0 and isinstance(summary[0]['criticalGapsCount'], float)
    assert ('validationResult' in final) == (shape != 'inventory')
    listed = check(api.get(api.sim.url + RUNS + '?domainId=' + WLD_02, timeout=10), RUNS, 'GET', 200)
    assert [(r['id'], r['state'], r['metadata']['targetVersion']) for r in listed] == [
        (task['id'], 'COMPLETED_WITH_FAILURE', '9.1.0.0')]
    assert listed[0]['completionTimestamp'] >= listed[0]['timestamp']


def test_a_clean_run_completes_with_success_and_can_be_exported(connect):
    api = connect(precheck={'steps': 1})
    dummy, task = start(api, ['5d73e7e4-5ef6-4a69-ab9b-1237484054dd'])
    url = api.sim.url + RUNS + '/' + task['id']
    exports = api.sim.url + EXPORTS.format(runId=task['id'])
    check(api.post(exports, timeout=10), EXPORTS, 'POST', 400)   # not completed yet
    check(api.get(url, timeout=10), RUN, 'GET', 200)
    assert check(api.get(url, timeout=10), RUN, 'GET', 200)['status'] == 'COMPLETED_WITH_SUCCESS'
    assert check(api.post(exports, timeout=10), EXPORTS, 'POST', 202)['status'] == 'QUEUED'


def test_run_errors(api):
    url = api.sim.url
    check(api.post(url + QUERIES, json={'checkSetType': 'UPGRADE', 'domains': [{'domainId': RUN_ID}]}, timeout=10),
          QUERIES, 'POST', 400)
    check(api.post(url + QUERIES, json={'domains': []}, timeout=10), QUERIES, 'POST', 400)
    check(api.post(url + RUNS, json={'queryId': 'unknown', 'resources': []}, timeout=10), RUNS, 'POST', 400)
    query = api.post(url + QUERIES, json={'checkSetType': 'UPGRADE', 'domains': [{'domainId': WLD_02}]},
                     timeout=10).json()
    extra = [dict(query['resources'][0], resourceVersion='9.0')]   # only the UI's five keys are accepted
    check(api.post(url + RUNS, json={'queryId': query['queryId'], 'resources': extra}, timeout=10), RUNS, 'POST', 400)
    check(api.get(url + RUNS + '/' + RUN_ID, timeout=10), RUN, 'GET', 404)
    check(api.get(url + RUNS + '/not-a-uuid', timeout=10), RUN, 'GET', 400)
    assert check(api.get(url + RUNS + '?domainId=' + RUN_ID, timeout=10), RUNS, 'GET', 200) == []


def test_the_captured_success_body_is_served_verbatim(connect):
    with open(os.path.join(REPO, 'tests', 'unit', 'fixtures', 'captured-success-5.2.json')) as handle:
        captured = json.load(handle)
    api = connect(check_runs=[{'run_id': RUN_ID, 'domains': ['mgmt-01'], 'steps': 0, 'result': captured}])
    assert check(api.get(api.sim.url + RUNS + '/' + RUN_ID, timeout=10), RUN, 'GET', 200) == captured


def test_the_90_appliance_serves_runs(connect):
    spec90 = load_spec('9.0')
    api = connect(version='9.0.0.0.24703748', precheck={'steps': 0})
    query = api.post(api.sim.url + QUERIES, json={'checkSetType': 'UPGRADE', 'domains': [{'domainId': WLD_02}]},
                     timeout=10)
    check(query, QUERIES, 'POST', 200, spec=spec90)
    dummy, task = start(api, [WLD_02])
    check(api.get(api.sim.url + RUNS + '/' + task['id'], timeout=10), RUN, 'GET', 200, spec=spec90)


def test_the_docs_list_every_fault_kind_with_its_settings():
    """docs/docsite/rst/simulator.rst's fault table is the registry's, kind by kind and setting by setting."""
    sys.path.insert(0, SIMULATOR_DIR)
    from sddc_manager_sim.faults import FAULTS   # pylint: disable=import-outside-toplevel
    with open(os.path.join(REPO, 'docs', 'docsite', 'rst', 'simulator.rst')) as handle:
        page = handle.read()
    table = page[page.index('     - Settings (default)'):page.index('Control routes')]
    rows = dict(re.findall(r'   \* - ``(\w+)``\n     - [^\n]*\n     - ([^\n]*)', table))
    assert sorted(rows) == sorted(FAULTS)
    for kind, fault in FAULTS.items():
        assert sorted(re.findall(r'``(\w+)``', rows[kind])) == sorted(fault.SETTINGS), kind


# -- what a READY rests on: releases, bundles, upgradables, the 9.1 read parameters -------------

@pytest.mark.parametrize('version, spec_name', [('9.1.0.0.24000000', '9.1'), ('9.0.2.0.24703748', '9.0.2')])
def test_releases_bundles_and_upgradables(connect, version, spec_name):
    spec = load_spec(spec_name)
    api = connect(version=version, bundles={'NSX_T_MANAGER': 'PENDING', 'ESX_HOST': 'absent'}, domains=[
        {'id': WLD_02, 'name': 'wld-02', 'planned': '9.1.0.0',
         'upgradable_errors': [{'errorCode': 'NSX_BUNDLE_MISSING', 'message': 'The NSX bundle is not downloaded.',
                                'resource': 'wld-02-nsx01.example.com'}]}])
    url = api.sim.url
    views = check(api.get(url + '/v1/releases/domains', timeout=10), '/v1/releases/domains', 'GET', 200, spec)
    assert [(v['domainId'], v['targetVersion']) for v in views['elements']] == [(WLD_02, '9.1.0.0')]
    view = check(api.get(url + '/v1/releases/domains/' + WLD_02, timeout=10), '/v1/releases/domains/{domainId}',
                 'GET', 200, spec)
    assert view['targetVersion'] == '9.1.0.0'
    check(api.get(url + '/v1/releases/domains/' + RUN_ID, timeout=10), '/v1/releases/domains/{domainId}', 'GET',
          404, spec)
    bundles = check(api.get(url + '/v1/bundles/download-status?releaseVersion=9.1.0.0', timeout=10),
                    '/v1/bundles/download-status', 'GET', 200, spec)['elements']
    assert [(b['componentType'], b['downloadStatus']) for b in bundles] == [
        ('SDDC_MANAGER_VCF', 'SUCCESSFUL'), ('VCENTER', 'SUCCESSFUL'), ('NSX_T_MANAGER', 'PENDING')]
    upgradables = check(api.get(url + '/v1/upgradables/domains/%s?targetVersion=9.1.0.0' % WLD_02, timeout=10),
                        '/v1/upgradables/domains/{domainId}', 'GET', 200, spec)['elements']
    assert [e['errorCode'] for u in upgradables for e in u['errors']] == ['NSX_BUNDLE_MISSING']
    check(api.get(url + '/v1/upgradables/domains/' + RUN_ID, timeout=10), '/v1/upgradables/domains/{domainId}', 'GET',
          404, spec)


def test_the_91_read_parameters_on_91_and_their_refusal_on_90(connect):
    silenced = [{'id': 'vsan-health', 'name': 'vSAN health', 'resource': 'wld-02-cl01',
                 'message': 'Silenced in vCenter.'}]
    api = connect(precheck={'steps': 0}, domains=[{'id': WLD_02, 'name': 'wld-02', 'silenced_checks': silenced}])
    dummy, task = start(api, [WLD_02])
    url = api.sim.url + RUNS + '/' + task['id']
    summarised = check(api.get(url + '?includeSummary=true', timeout=10), RUN, 'GET', 200)
    assert summarised['presentedArtifactsMap']['validation-domain-summary'][0]['silencedValidationsCount'] == 1.0
    only = check(api.get(url + '?severity=INFO&includeOnlySilencedInfo=true', timeout=10), RUN, 'GET', 200)
    assert [n['context']['validatorDefinitionId'] for n in only['validationResult']['nestedErrors']] == ['vsan-health']
    api = connect(version='9.0.2.0.24703748', precheck={'steps': 0}, domains=[{'id': WLD_02, 'name': 'wld-02'}])
    dummy, task = start(api, [WLD_02])
    url = api.sim.url + RUNS + '/' + task['id']
    check(api.get(url + '?includeSummary=true', timeout=10), RUN, 'GET', 400, load_spec('9.0.2'))
    check(api.get(url, timeout=10), RUN, 'GET', 200, load_spec('9.0.2'))
