# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""check_sets: run ids, the query, the start, the read and the last runs of check-set runs."""

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.check_sets import (
    canonical_run_id,
    describe_task_info,
    find_running_run,
    query_check_sets,
    read_run,
    require_run,
    run_selection,
    same_target,
    start_run,
)
from ansible_collections.sddc.manager.plugins.module_utils.errors import (
    ConfigurationError,
    InvalidResponseError,
    NotFoundError,
)

RUN = '7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21'
WLD = {'id': '8b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'name': 'wld-01'}


def test_run_ids_are_sent_canonical_and_bad_ones_refused():
    assert canonical_run_id(RUN.upper().replace('-', '')) == RUN
    with pytest.raises(ConfigurationError) as caught:
        canonical_run_id('not-a-run')
    assert caught.value.details['option'] == 'run_id'


def test_a_missing_run_reads_as_none_and_require_names_it(make_client, transport):
    transport.add('GET', '/v1/system/check-sets/' + RUN, status=404, times=2, json_body={'message': 'Task Not Found'})
    client = make_client(api_token='t0k3n')
    assert read_run(client, RUN) is None
    with pytest.raises(NotFoundError) as caught:
        require_run(client, RUN)
    assert RUN in caught.value.msg


@pytest.mark.parametrize('call, answer, words', [
    (lambda c: read_run(c, RUN), ['x'], 'the answer is not a run result (an object)'),
    (lambda c: query_check_sets(c, [WLD], 'UPGRADE'), {'no': 'id'}, 'the answer is not a query result with a queryId'),
    (lambda c: start_run(c, {}), {'id': 'not-a-uuid'}, 'the answer is not a task with a run id'),
])
def test_answers_of_the_wrong_shape_fail_in_one_line(make_client, transport, call, answer, words):
    for method, path in (('GET', '/v1/system/check-sets/' + RUN), ('POST', '/v1/system/check-sets/queries'),
                         ('POST', '/v1/system/check-sets')):
        transport.add(method, path, status=202 if path.endswith('check-sets') else 200, json_body=answer)
    with pytest.raises(InvalidResponseError) as caught:
        call(make_client(api_token='t0k3n'))
    assert words in caught.value.msg


def test_the_selection_takes_every_resource_with_a_check_set():
    query = {'queryId': 'q1', 'resources': [
        {'resourceId': 'r1', 'resourceName': 'vc-01', 'resourceType': 'VCENTER', 'checkSets': [{'checkSetId': 'a'},
                                                                                               {'checkSetId': 'a'}]},
        {'resourceId': 'r2', 'resourceName': 'nothing', 'checkSets': []}, 'junk']}
    run_input, summary = run_selection(query, [WLD], '9.1.0.0')
    assert [r['resourceId'] for r in run_input['resources']] == ['r1'] and run_input['metadata'] == {
        'targetVersion': '9.1.0.0'}
    assert summary[0]['check_set_ids'] == ['a'] and summary[0]['domain'] == 'wld-01'


def test_a_listed_run_has_the_keys_of_a_run_read():
    entry = describe_task_info({'id': RUN, 'state': 'Completed With Success', 'timestamp': 1752768142468,
                                'metadata': {'targetVersion': 'General Upgrade Readiness'}})
    assert entry == dict(id=RUN, status='COMPLETED_WITH_SUCCESS', timestamp='2025-07-17T16:02:22.468Z',
                         completion_timestamp=None, domains=[], target_version=None)


@pytest.mark.parametrize('left, right, same', [(None, None, True), ('General Upgrade Readiness', None, True),
                                               ('9.1.0.0', '9.1.0.0', True), ('9.1.0.0', None, False)])
def test_same_target(left, right, same):
    assert same_target(left, right) is same


def test_the_run_in_progress_for_the_same_domains_and_target_is_found(make_client, transport):
    transport.add('GET', '/v1/system/check-sets', json_body=[
        {'id': 'done', 'state': 'COMPLETED_WITH_SUCCESS', 'timestamp': 3, 'domainInputs': [{'domainId': WLD['id']}]},
        {'id': 'other', 'state': 'IN_PROGRESS', 'timestamp': 2, 'domainInputs': [{'domainId': 'x'}]},
        {'id': RUN, 'state': 'IN_PROGRESS', 'timestamp': 1, 'domainInputs': [{'domainId': WLD['id']}]}])
    assert find_running_run(make_client(api_token='t0k3n'), [WLD])['id'] == RUN


def test_a_listed_run_whose_id_is_not_a_run_id_is_never_attached_to(make_client, transport):
    transport.add('GET', '/v1/system/check-sets', json_body=[
        {'id': 'not-a-uuid', 'state': 'IN_PROGRESS', 'timestamp': 2, 'domainInputs': [{'domainId': WLD['id']}]}])
    assert find_running_run(make_client(api_token='t0k3n'), [WLD]) is None
