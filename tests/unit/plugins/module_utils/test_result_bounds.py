# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""module_utils/result_bounds: a task result keeps the first findings that fit, and says how many it left out."""

import json

from ansible_collections.sddc.manager.plugins.module_utils.result_bounds import (
    LIST_BYTES,
    LIST_ITEMS,
    bound_result,
    is_cut,
)


def finding(index, message='It failed'):
    return dict(id='check-%05d' % index, name='Check %d' % index, severity='ERROR', message=message)


def test_a_result_that_fits_is_kept_whole_and_says_so():
    result = dict(run_id='r', findings=[finding(1), finding(2)], failing=[finding(1)], msg='m')
    bounded = bound_result(result)
    assert bounded['findings'] == result['findings'] and bounded['failing'] == result['failing']
    assert bounded['findings_total'] == 2 and bounded['omitted'] == {} and 'warnings' not in bounded
    assert not is_cut(bounded)


def test_thousands_of_findings_keep_the_first_and_count_the_rest():
    many = [finding(i) for i in range(LIST_ITEMS + 700)]
    result = dict(run_id='r', findings=many, failing=list(many), silenced=[], warnings=['W'])
    bounded = bound_result(result)
    assert bounded['findings'] == many[:LIST_ITEMS] and len(bounded['failing']) == LIST_ITEMS
    assert bounded['findings_total'] == LIST_ITEMS + 700
    assert bounded['omitted'] == {'findings': 700, 'failing': 700} and is_cut(bounded)
    assert bounded['warnings'][0] == 'W' and '1200 findings read; this result holds the first 500' in \
        bounded['warnings'][1]
    assert len(result['findings']) == LIST_ITEMS + 700, 'the caller keeps its own lists'


def test_large_findings_are_cut_by_size_too():
    big = [finding(i, message='x' * 2000) for i in range(400)]
    bounded = bound_result(dict(run_id='r', findings=big))
    assert 0 < len(bounded['findings']) < 400 and bounded['omitted']['findings'] == 400 - len(bounded['findings'])
    assert len(json.dumps(bounded['findings'])) <= LIST_BYTES


def test_the_lists_since_the_baseline_are_cut_and_named():
    many = [finding(i) for i in range(LIST_ITEMS + 1)]
    since = dict(new=many, resolved=[], persisting=many[:3], severity_changed=[], counts={'new': LIST_ITEMS + 1})
    bounded = bound_result(dict(run_id='r', findings=[], since_baseline=since))
    assert bounded['omitted'] == {'since_baseline.new': 1} and bounded['since_baseline']['counts'] == since['counts']
    assert len(since['new']) == LIST_ITEMS + 1, 'the caller keeps its own lists'
