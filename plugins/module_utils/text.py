# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Server text made fit for a terminal: one line, no control characters, bounded; and counts in words.

Every string that comes from SDDC Manager may come from a broken proxy or an
attacker. Before it reaches a ``msg``, a warning or the display it passes
``one_line``: escape sequences and control characters go, white space folds,
and the length is bounded.
"""

import re
from datetime import datetime, timezone
from typing import Optional

MSG_LIMIT = 2000
QUOTE_LIMIT = 200

# ANSI/VT escape sequences (CSI, OSC, single-character escapes), then any C0/C1 control
# character and the Unicode controls that reorder or hide text.
_ESCAPE_SEQUENCES = re.compile(r'\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])')
_CONTROLS = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069'
                       '\ud800-\udfff]')


def one_line(value, limit: int = MSG_LIMIT) -> str:
    """``value`` as one printable line of at most ``limit`` characters (``...`` marks a cut)."""
    if value is None:
        return ''
    if isinstance(value, bytes):
        value = value.decode('utf-8', 'replace')
    text = str(value)
    # Fast path, the common case: printable (no control, format or surrogate character), already folded.
    if len(text) <= limit and text.isprintable() and '  ' not in text and text == text.strip():
        return text
    text = _CONTROLS.sub('', _ESCAPE_SEQUENCES.sub('', text))
    text = ' '.join(text.split())
    if len(text) > limit:
        return text[:max(0, limit - 3)].rstrip() + '...'
    return text


def text_field(value, limit: int = MSG_LIMIT):
    """A text field from the server as one safe line, or None when absent, empty, or not text at all
    (a list, an object or a boolean where a string belongs)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return one_line(value, limit) or None


_WORDS = {}   # the status words seen, as read: a result repeats a handful of them (VALIDATION_FAILED, WARNING...)
_WORDS_LIMIT = 4096


def status_word(value) -> str:
    """``In Progress``, ``in_progress`` and ``IN-PROGRESS`` all read ``IN_PROGRESS``; '' for what is not text.

    Cheap on the common case (it runs for every node of a large result): a word already seen is
    looked up; escape sequences and control characters are stripped only when there are any.
    """
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ''
    word = _WORDS.get(value) if isinstance(value, str) else None
    if word is None:
        word = '_'.join(str(value).replace('-', ' ').split()).upper()[:64]
        word = word if word.isprintable() else one_line(word, 64)
        if isinstance(value, str) and len(_WORDS) < _WORDS_LIMIT and len(value) <= 64:
            _WORDS[value] = word
    return word


def quote(value, limit: int = QUOTE_LIMIT) -> str:
    """A short quote of a body that could not be understood."""
    return one_line(value, limit)


def sentence(value, limit: int = MSG_LIMIT) -> str:
    """``one_line`` ending with a full stop (unless it already ends a sentence)."""
    text = one_line(value, limit)
    if text and text[-1] not in '.!?':
        text += '.'
    return text


def plural(count: int, noun: str, plural_form: str = None) -> str:
    """``1 poll``, ``2 polls``, ``0 errors``: a count with its noun in the right number."""
    if count == 1:
        return '%d %s' % (count, noun)
    return '%d %s' % (count, plural_form or noun + 's')


def distinct(items) -> list:
    """The non-empty items, each once, in their first order; linear, however many a server sends."""
    return list(dict.fromkeys(item for item in items if item))


def percentage(value) -> Optional[float]:
    """A percentage from the server as a float in 0..100, or None when absent, unreadable or out of range."""
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if 0.0 <= number <= 100.0 else None


def progress_phrase(status: str, progress) -> str:
    """``IN_PROGRESS at 42.0%``, or the status alone when there is no progress figure."""
    if progress is None:
        return status
    return '%s at %.1f%%' % (status, progress)


def format_duration(seconds: float) -> str:
    """``42s``, ``3m05s``, ``1h02m``: a duration short enough for a progress line."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return '%ds' % seconds
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return '%dm%02ds' % (minutes, seconds)
    hours, minutes = divmod(minutes, 60)
    return '%dh%02dm' % (hours, minutes)


def parse_timestamp(value) -> Optional[datetime]:
    """An ISO 8601 time as the collection writes it (``2026-12-01T10:00:00.000Z``), timezone-aware (UTC when it
    names none); None when it is not one."""
    try:
        moment = datetime.fromisoformat(str(value).replace('Z', '+00:00'))
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
