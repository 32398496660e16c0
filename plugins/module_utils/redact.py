# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one redaction step: no password or token leaves the collection, whatever the server echoes.

A server may put the caller's access token, refresh token id, api_token or
password into any answer. Every string bound for a result, a message or the
display passes ``Redactor``: plain, JSON-escaped and URL-encoded forms, in keys as
in values, and a long piece of a secret that the server cut short. It also bounds
how deep a result may nest, so a hostile answer cannot crash Ansible's output callback.
"""

import json
import re
from typing import Any
from urllib.parse import quote, quote_plus

from ansible_collections.sddc.manager.plugins.module_utils.text import one_line

MASK = '********'
MAX_DEPTH = 48
MIN_SECRET_LENGTH = 4
MIN_PIECE_LENGTH = 16   # a run this long that is part of a secret is masked too
_RUNS = re.compile(r'[^\s"\'=:,;()\[\]{}<>]{%d,}' % MIN_PIECE_LENGTH)
# Words joined by white space: where a secret holds white space (a pass phrase), a piece of it cut short spans words.
_SPACED_RUNS = re.compile(r'[^\s"\'=:,;()\[\]{}<>]+(?:\s+[^\s"\'=:,;()\[\]{}<>]+)+')
_CANONICAL_UNITS = re.compile(r'[\s_\-]+|.', re.S)
_WORDS = re.compile(r'\S+')
# What the collection's own text handling does to a secret the server echoed: upper-cases it and turns
# "-" and spaces into "_" (a status word), folds white space (one line). Matching ignores all of that.
_SEPARATORS = re.compile(r'[\s_\-]+')
_SURROGATES = re.compile('[\ud800-\udfff]')


def _forms(secret: str) -> set:
    """The ways a secret can appear in text: as is, JSON-escaped, URL-encoded."""
    return {secret, json.dumps(secret)[1:-1], quote(secret, safe=''), quote_plus(secret)}


def _pattern(form: str) -> str:
    """A regular expression for ``form`` in any casing, with any run of separators standing for any other."""
    parts = [re.escape(part) for part in _SEPARATORS.split(form)]
    return r'[\s_\-]+'.join(parts).strip('|')


def _encodable(text: str) -> str:
    """``text`` with lone surrogates (valid in JSON, not in UTF-8) replaced, so that any output can carry it."""
    return text if text.isascii() else _SURROGATES.sub('\ufffd', text)


def _canonical(text: str) -> str:
    """``text`` with casing and separators made alike, for telling whether a piece lies in a secret."""
    return _SEPARATORS.sub('-', text).casefold()


def _canonical_with_sources(text: str) -> tuple:
    """``_canonical(text)``, and for each of its characters the index in ``text`` it came from."""
    canonical, sources = [], []
    for unit in _CANONICAL_UNITS.finditer(text):
        made = '-' if _SEPARATORS.match(unit.group(0)) else unit.group(0).casefold()
        canonical.append(made)
        sources.extend([unit.start()] * len(made))
    return ''.join(canonical), sources


class Redactor:
    """Masks every known secret in strings and in nested results."""

    def __init__(self, *secrets):
        self._forms = []
        self._pieces = set()   # every MIN_PIECE_LENGTH-long piece of every form, casing and separators made alike
        self._holds_space = False   # a secret holds white space (a pass phrase): its pieces may span words
        self._spaced = None   # then, a pattern of every piece, to find the few runs worth a closer look
        self._matcher = None
        for secret in secrets:
            self.add(secret)

    def add(self, secret) -> None:
        """Remember a secret (a password, a token the server handed out)."""
        if not isinstance(secret, str) or len(_SEPARATORS.sub('', secret)) < MIN_SECRET_LENGTH:
            return
        known = set(self._forms)
        new_forms = [form for form in _forms(secret) if form not in known]
        self._forms.extend(new_forms)
        self._forms.sort(key=len, reverse=True)   # longest first, so no form is half-masked
        for form in new_forms:
            canonical = _canonical(form)
            self._pieces.update(canonical[start:start + MIN_PIECE_LENGTH]
                                for start in range(len(canonical) - MIN_PIECE_LENGTH + 1))
        self._holds_space = self._holds_space or bool(re.search(r'\s', secret))
        if self._holds_space and self._pieces:
            self._spaced = re.compile('|'.join(re.escape(piece) for piece in sorted(self._pieces)))
        patterns = [_pattern(form) for form in self._forms]
        self._matcher = re.compile('|'.join('(?:%s)' % p for p in patterns if p), re.IGNORECASE)

    def text(self, value: str) -> str:
        """``value`` with every secret masked: as given, escaped, in any casing, with separators changed or
        folded, and any long piece of one (a secret the server or a bounded field cut short)."""
        if self._matcher is None:
            return value
        value = self._matcher.sub(MASK, value)
        if len(value) >= MIN_PIECE_LENGTH:
            value = _RUNS.sub(self._mask_piece, value)
            if self._spaced:
                value = _SPACED_RUNS.sub(self._mask_spaced_piece, value)
        return value

    def _mask_piece(self, match) -> str:
        """A run of text holding a long piece of a secret (one cut short, ``...`` marking the cut, or the end of
        one run into the start of the next) is masked whole."""
        run = _canonical(match.group(0))
        holds = any(run[start:start + MIN_PIECE_LENGTH] in self._pieces
                    for start in range(len(run) - MIN_PIECE_LENGTH + 1))
        return MASK if holds else match.group(0)

    def _mask_spaced_piece(self, match) -> str:
        """Words holding a long piece of a secret with white space in it are masked, the words around kept."""
        run = match.group(0)
        if not self._spaced.search(_canonical(run)):
            return run
        canonical, sources = _canonical_with_sources(run)
        hit = bytearray(len(run))
        for start in range(len(canonical) - MIN_PIECE_LENGTH + 1):
            if canonical[start:start + MIN_PIECE_LENGTH] in self._pieces:
                for index in range(sources[start], sources[start + MIN_PIECE_LENGTH - 1] + 1):
                    hit[index] = 1
        kept, end, masking = [], 0, False
        for word in _WORDS.finditer(run):
            masked = any(hit[word.start():word.end()])
            if not (masked and masking):   # neighbouring masked words become one mask
                kept.append(run[end:word.start()] + (MASK if masked else word.group(0)))
            end, masking = word.end(), masked
        return ''.join(kept)

    def value(self, data, depth: int = 0, tidy: bool = False) -> Any:
        """``data`` with every string (and key) masked and encodable, nesting cut at MAX_DEPTH.

        ``tidy`` also makes each string one printable line (for server objects returned as they
        came, such as a VCF ``error``: no control or bidi character reaches the display).
        """
        if isinstance(data, str):
            data = self.text(_encodable(data))
            return one_line(data) if tidy else data
        if isinstance(data, (dict, list, tuple)) and depth >= MAX_DEPTH:
            return '<nested deeper than %d levels: left out>' % MAX_DEPTH
        if isinstance(data, dict):
            return dict((self.value(key, depth + 1, tidy) if isinstance(key, str) else key,
                         self.value(item, depth + 1, tidy)) for key, item in data.items())
        if isinstance(data, (list, tuple)):
            return [self.value(item, depth + 1, tidy) for item in data]
        return data
