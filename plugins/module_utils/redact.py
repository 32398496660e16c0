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

MASK = '********'
MAX_DEPTH = 48
MIN_SECRET_LENGTH = 4
MIN_PIECE_LENGTH = 16   # a run this long that is part of a secret is masked too
_RUNS = re.compile(r'[^\s"\'=:,;()\[\]{}<>]{%d,}' % MIN_PIECE_LENGTH)


def _forms(secret: str) -> set:
    """The ways a secret can appear in text: as is, JSON-escaped, URL-encoded."""
    return {secret, json.dumps(secret)[1:-1], quote(secret, safe=''), quote_plus(secret)}


class Redactor:
    """Masks every known secret in strings and in nested results."""

    def __init__(self, *secrets):
        self._forms = []
        for secret in secrets:
            self.add(secret)

    def add(self, secret) -> None:
        """Remember a secret (a password, a token the server handed out)."""
        if not isinstance(secret, str) or len(secret) < MIN_SECRET_LENGTH:
            return
        known = set(self._forms)
        self._forms.extend(form for form in _forms(secret) if form not in known)
        self._forms.sort(key=len, reverse=True)   # longest first, so no form is half-masked

    def text(self, value: str) -> str:
        for form in self._forms:
            if form in value:
                value = value.replace(form, MASK)
        if self._forms and len(value) >= MIN_PIECE_LENGTH:
            value = _RUNS.sub(self._mask_piece, value)
        return value

    def _mask_piece(self, match) -> str:
        """A run of text that lies inside a secret (the server cut the secret short) is masked too."""
        piece = match.group(0)
        return MASK if any(piece in form for form in self._forms) else piece

    def value(self, data, depth: int = 0) -> Any:
        """``data`` with every string (and key) masked, nesting cut at MAX_DEPTH."""
        if isinstance(data, str):
            return self.text(data)
        if isinstance(data, (dict, list, tuple)) and depth >= MAX_DEPTH:
            return '<nested deeper than %d levels: left out>' % MAX_DEPTH
        if isinstance(data, dict):
            return dict((self.value(key, depth + 1) if isinstance(key, str) else key, self.value(item, depth + 1))
                        for key, item in data.items())
        if isinstance(data, (list, tuple)):
            return [self.value(item, depth + 1) for item in data]
        return data
