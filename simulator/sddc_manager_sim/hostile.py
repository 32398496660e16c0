# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Answers a hostile server or a broken proxy gives: redirects, trickles, echoed secrets, floods, deep nesting.

Each function writes the whole answer on the handler's socket and returns; a
client that hangs up early ends it with a socket error, which is fine. Every
loop is bounded (MAX_SECONDS, the requested size), so the simulator never runs on.
"""

import json
import time
from urllib.parse import quote

MAX_SECONDS = 120.0
CHUNK = 64 * 1024


def redirect(handler, status, location):
    """A 3xx to ``location`` (default: the same path on 127.0.0.2, another origin)."""
    location = location or 'http://127.0.0.2:%d%s' % (handler.server.server_address[1], handler.path)
    handler.send_response(status)
    handler.send_header('Location', location)
    handler.send_header('Content-Length', '0')
    handler.end_headers()


def trickle(handler, delay, status, payload, content_type):
    """The answer, one byte every ``delay`` seconds (headers at once), for at most MAX_SECONDS."""
    handler.send_response(status)
    handler.send_header('Content-Type', content_type)
    handler.send_header('Content-Length', str(len(payload)))
    handler.end_headers()
    deadline = time.monotonic() + MAX_SECONDS
    try:
        for index in range(len(payload)):
            if time.monotonic() > deadline:
                break
            handler.wfile.write(payload[index:index + 1])
            handler.wfile.flush()
            time.sleep(delay)
    except OSError:
        pass
    handler.close_connection = True


def secrets_text(handler):
    """The caller's own secrets, plain, JSON-escaped and URL-encoded: what an echoing server sends back."""
    state = handler.state
    header = handler.headers.get('Authorization') or ''
    token = header[len('Bearer '):] if header.startswith('Bearer ') else ''
    with state.lock:
        refresh = sorted(state.refresh_tokens)
        passwords = sorted(state.users.values())
    values = [v for v in [token] + refresh + passwords if v]
    forms = []
    for value in values:
        forms.extend([value, json.dumps(value)[1:-1], quote(value, safe='')])
    return ' '.join(forms)


def altered(text):
    """What a careless server (or a status normaliser) makes of a text: upper case, ``-`` as ``_``, folded."""
    return ' '.join(text.upper().replace('-', '_').split())


def echo(handler, status, as_export, alter, as_run=False):
    """An answer that carries the caller's token, refresh ids and password, as a message and as a key.

    ``as_export``: a FAILED export (HTTP 200) whose error holds them; ``as_run``: a pre-check run (HTTP 200)
    whose status is them (a run that never ends); else an Error body with ``status``.
    ``alter``: the secrets upper-cased, ``-`` turned to ``_``, white space folded.
    """
    text = secrets_text(handler)
    if alter:
        text = altered(text)
    if as_run:
        handler.send_answer(200, {'id': handler.route.rstrip('/').rsplit('/', 1)[-1],
                                  'status': text, 'referenceToken': text[:67]})
        return
    error = {'errorCode': 'ECHO', 'message': 'Echo: %s' % text, 'remediationMessage': 'Echo: %s' % text,
             'referenceToken': text[:40], 'context': {text[:40] or 'key': text}}
    if as_export:
        body = {'status': 'FAILED', 'progress': 10.0, 'startTimestamp': '2026-11-28T10:00:00Z',
                'endTimestamp': '2026-11-28T10:00:05Z', 'error': error}
        handler.send_answer(200, body)
    else:
        handler.send_answer(status, error)


def flood(handler, status, size):
    """A JSON answer of ``size`` bytes with no Content-Length, sent as fast as it is read."""
    handler.send_response(status)
    handler.send_header('Content-Type', 'application/json')
    handler.send_header('Connection', 'close')
    handler.end_headers()
    sent, deadline = 0, time.monotonic() + MAX_SECONDS
    chunk = b'[' + b'0,' * (CHUNK // 2)
    try:
        while sent < size and time.monotonic() < deadline:
            handler.wfile.write(chunk)
            sent += len(chunk)
            chunk = b'0,' * (CHUNK // 2)
    except OSError:
        pass
    handler.close_connection = True


def deep(handler, status, depth, brackets=None):
    """An Error nested ``depth`` levels through nestedErrors, or ``brackets`` bare brackets."""
    if brackets:
        handler.send_answer(status, b'[' * int(brackets) + b']' * int(brackets))
        return
    text = '{"message": "level %d", "nestedErrors": ['
    payload = ''.join(text % level for level in range(depth)) + '{"message": "bottom"}' + ']}' * depth
    handler.send_answer(status, payload.encode('utf-8'))
