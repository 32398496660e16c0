# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""run_result: a run's status, progress and the result keys every read of a run returns."""

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.run_result import (
    describe_run,
    run_finished,
    run_progress,
    run_status,
)


@pytest.mark.parametrize('run, status, finished', [
    ({'status': 'IN_PROGRESS'}, 'IN_PROGRESS', False), ({'status': 'completed with failure'}, 'COMPLETED_WITH_FAILURE',
                                                        True),
    ({}, 'STARTING', False), ({'status': 'CANCELLED'}, 'CANCELLED', True), ({'status': 'ODD'}, 'ODD', False),
    ('x', 'STARTING', False),
])
def test_status_and_finished(run, status, finished):
    assert run_status(run) == status and run_finished(run) is finished


@pytest.mark.parametrize('value, progress', [(42, 42.0), ('7', 7.0), (101, None), (None, None), ('x', None)])
def test_progress(value, progress):
    assert run_progress({'discoveryProgress': {'percentageComplete': value}}) == progress


def test_a_run_read_has_what_the_verdict_needs():
    described = describe_run('r', {'status': 'COMPLETED_WITH_SUCCESS', 'timestamp': '2026-11-29T01:00:00Z',
                                   'inputValidationErrors': [{'message': 'Bad input'}, 7]}, include_raw=True)
    assert described['exists'] and described['finished'] and described['truncated'] is False
    assert described['counts_read'] == {'error': 0, 'warning': 0, 'info': 0} and described['counts_reported'] is None
    assert described['input_errors'] == ['Bad input.'] and described['raw']['status'] == 'COMPLETED_WITH_SUCCESS'
    assert described['timestamp'] == '2026-11-29T01:00:00Z'


def test_no_run_is_an_empty_description():
    assert describe_run('r', None)['exists'] is False
