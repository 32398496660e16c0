# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""module_utils/run_gate: a run judged by a gate, bounded for a task result, and read again whole."""

from ansible_collections.sddc.manager.plugins.module_utils.result_bounds import LIST_ITEMS
from ansible_collections.sddc.manager.plugins.module_utils.run_gate import (
    DEFAULT_GATE,
    gate_of,
    read_whole_result,
)
from ansible_collections.sddc.manager.tests.unit.plugins.action.test_wait_for_precheck import (
    RUN,
    finished,
    leaf,
    no_context,
)

PATH = '/v1/system/check-sets/' + RUN


def many_errors(count):
    return finished('COMPLETED_WITH_FAILURE', *[leaf('Check %04d' % i, 'ERROR') for i in range(count)])


def test_the_gate_is_taken_from_the_options_with_its_defaults():
    assert gate_of({}) == DEFAULT_GATE
    assert gate_of(dict(fail_on='never', waivers=[{'check': 'x'}], timeout=3))['fail_on'] == 'never'
    assert sorted(gate_of(dict(timeout=3))) == sorted(DEFAULT_GATE), 'only the gate'


def test_a_cut_result_is_read_again_whole_and_judged_by_its_own_gate(make_client, transport):
    transport.add('GET', PATH, json_body=many_errors(LIST_ITEMS + 100))
    no_context(transport)
    cut = dict(run_id=RUN, findings=[], omitted={'findings': LIST_ITEMS + 100},
               gate=dict(DEFAULT_GATE, ignore_checks=['check-0007']))
    whole = read_whole_result(make_client(api_token='t0k3n'), cut)
    assert len(whole['findings']) == LIST_ITEMS + 100 and 'omitted' not in whole
    assert [f['id'] for f in whole['findings'] if f['ignored']] == ['check-0007'], 'the result\'s own gate'
    assert whole['verdict'] == 'BLOCKED' and len(whole['failing']) == LIST_ITEMS + 99
    assert transport.paths().count('GET ' + PATH) == 1, 'read once, no wait'
