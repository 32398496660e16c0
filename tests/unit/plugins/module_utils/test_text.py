# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""text: terminal-safe lines, counts in words."""

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.text import (
    format_duration,
    one_line,
    parse_timestamp,
    plural,
)


@pytest.mark.parametrize('raw, line', [
    ('a\x1b[2Jb', 'ab'), ('title\x1b]0;pwned\x07!', 'title!'), ('a\nb\r\nc\td', 'a b c d'), ('a\x00b\x7fc', 'abc'),
    ('bidi\u202eevil', 'bidievil'), (b'bytes \xff', 'bytes \ufffd'), (None, ''), (12, '12'),
])
def test_one_line_strips_escapes_and_controls(raw, line):
    assert one_line(raw) == line


def test_one_line_is_bounded():
    assert one_line('x' * 5000, 100) == 'x' * 97 + '...'


@pytest.mark.parametrize('count, text', [(0, '0 polls'), (1, '1 poll'), (2, '2 polls')])
def test_plural(count, text):
    assert plural(count, 'poll') == text


@pytest.mark.parametrize('seconds, text', [(0, '0s'), (59.6, '1m00s'), (3599, '59m59s'), (3700, '1h01m')])
def test_format_duration(seconds, text):
    assert format_duration(seconds) == text


def test_one_line_keeps_an_ordinary_line_as_it_is():
    line = 'ERROR wld-01 / vCenter license: The license has expired.'
    assert one_line(line) == line


@pytest.mark.parametrize('raw, line', [('lone \ud800 surrogate', 'lone surrogate'), ('a\u00a0b', 'a b'),
                                       ('  padded  ', 'padded'), ('two  spaces', 'two spaces')])
def test_one_line_slow_path_cases(raw, line):
    assert one_line(raw) == line
    one_line(raw).encode('utf-8')


def test_a_timestamp_is_read_aware_in_utc_or_not_at_all():
    written = parse_timestamp('2026-12-01T10:15:00.123Z')
    assert written.isoformat() == '2026-12-01T10:15:00.123000+00:00'
    assert parse_timestamp('2026-12-01T10:15:00') == parse_timestamp('2026-12-01T10:15:00+00:00')
    assert parse_timestamp(None) is None and parse_timestamp('yesterday') is None
