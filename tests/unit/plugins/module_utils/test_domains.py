# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""domains: domains named by id or name, and the target releases offered to them."""

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.domains import (
    check_target_version,
    elements,
    resolve_domains,
)
from ansible_collections.sddc.manager.plugins.module_utils.errors import NotFoundError

WLD = '8b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
DOMAINS = {'elements': [{'id': WLD, 'name': 'wld-01', 'type': 'VI'}, {'id': 'c0ffee00', 'name': 'Mgmt'}, 'junk']}


def test_elements_keeps_objects_only():
    assert elements({'elements': [1, {'a': 1}, None]}) == [{'a': 1}] and elements([{'b': 2}]) == [{'b': 2}]
    assert elements('x') == [] and elements({'elements': 'x'}) == []


def test_domains_by_id_name_and_case_each_once(make_client, transport):
    transport.add('GET', '/v1/domains', json_body=DOMAINS)
    resolved = resolve_domains(make_client(api_token='t0k3n'), [WLD.upper(), 'wld-01', 'mgmt'])
    assert [d['name'] for d in resolved] == ['wld-01', 'Mgmt']


def test_an_unknown_domain_names_those_there(make_client, transport):
    transport.add('GET', '/v1/domains', json_body=DOMAINS)
    with pytest.raises(NotFoundError) as caught:
        resolve_domains(make_client(api_token='t0k3n'), ['nope'])
    assert caught.value.details['available'] == ['Mgmt', 'wld-01']


def releases(*entries):
    return {'elements': list(entries)}


@pytest.mark.parametrize('offered, words', [
    (releases({'version': '9.1.0.0', 'applicabilityStatus': 'APPLICABLE'}), None),
    (releases({'version': '9.2.0.0', 'applicabilityStatus': 'APPLICABLE'}), 'is not offered to domain wld-01'),
    (releases({'version': '9.1.0.0', 'applicabilityStatus': 'NOT_APPLICABLE',
               'reasonNotApplicable': {'message': 'Upgrade SDDC Manager first.'}}),
     'not applicable: Upgrade SDDC Manager first'),
    (releases({'applicabilityStatus': 'APPLICABLE'}), 'the versions offered are: none'),
])
def test_target_versions(make_client, transport, offered, words):
    transport.add('GET', '/v1/releases/domains/%s/future-releases' % WLD, json_body=offered)
    domains = [{'id': WLD, 'name': 'wld-01'}]
    if words is None:
        assert check_target_version(make_client(api_token='t0k3n'), domains, '9.1.0.0') is None
        return
    with pytest.raises(NotFoundError) as caught:
        check_target_version(make_client(api_token='t0k3n'), domains, '9.1.0.0')
    assert words in caught.value.msg and caught.value.details['option'] == 'target_version'


def test_all_is_every_domain_unless_one_is_named_so(make_client, transport):
    domains = [{'id': 'd1', 'name': 'mgmt-01', 'type': 'MANAGEMENT'}, {'id': 'd2', 'name': 'wld-01', 'type': 'VI'}]
    transport.add('GET', '/v1/domains', json_body={'elements': domains}, times=3)
    client = make_client(api_token='t0k3n')
    assert [d['name'] for d in resolve_domains(client, ['all'])] == ['mgmt-01', 'wld-01']
    assert [d['name'] for d in resolve_domains(client, [' ALL '])] == ['mgmt-01', 'wld-01']
    with pytest.raises(NotFoundError):
        resolve_domains(client, ['all', 'wld-01'])   # all means all only alone
    transport.add('GET', '/v1/domains', json_body={'elements': domains + [{'id': 'd3', 'name': 'All'}]})
    assert [d['id'] for d in resolve_domains(client, ['all'])] == ['d3']
    transport.add('GET', '/v1/domains', json_body={'elements': []})
    with pytest.raises(NotFoundError) as caught:
        resolve_domains(client, ['all'])
    assert 'lists no workload domain' in caught.value.msg
