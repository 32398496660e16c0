# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Backoff arithmetic and Retry-After parsing."""

import random

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.retry import RetryPolicy, parse_retry_after


@pytest.mark.parametrize('value, seconds', [('3', 3.0), (' 1.5 ', 1.5), ('-4', 0.0), ('', None), (None, None),
                                            ('soon', None), ('Wed, 21 Oct 2015 07:28:00 GMT', 0.0)])
def test_parse_retry_after(value, seconds):
    assert parse_retry_after(value) == seconds


def test_http_date_in_the_future():
    assert parse_retry_after('Wed, 21 Oct 2015 07:28:30 GMT', now=1445412480.0) == 30.0


def test_backoff_grows_then_caps_and_stays_jittered():
    policy = RetryPolicy(base_delay=1, max_delay=4, rng=random.Random(7))
    delays = [[policy.delay(attempt) for dummy in range(200)] for attempt in (1, 2, 3, 6)]
    assert [max(d) <= cap for d, cap in zip(delays, [1, 2, 4, 4])] == [True] * 4
    assert max(delays[3]) > 2, 'the cap is reached'
    assert len(set(delays[0])) > 100, 'jitter spreads retries'


def test_retry_after_is_a_floor_but_capped():
    policy = RetryPolicy(max_retry_after=60, rng=random.Random(1))
    assert policy.delay(1, retry_after=10) >= 10
    assert policy.delay(1, retry_after=86400) == 60
