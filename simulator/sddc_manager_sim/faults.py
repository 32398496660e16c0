# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The fault registry: each kind, its own settings, and what it does to a request.

A fault either answers the request itself (``answer``), or lets the normal answer be
built and changes how it is sent (``shape``: trickled, cut half-way), or does
something first and lets the request go on (``before``: a pause, expired tokens).
``FaultRule`` says which requests a fault applies to. docs/docsite/rst/simulator.rst
lists every kind; a test holds the table to FAULTS.
"""

import re
import socket
import struct
import time
import uuid

from . import hostile


def error_body(code, message, remediation=None, reference=True):
    """A VCF ``Error`` object as SDDC Manager sends it."""
    body = {'errorCode': code, 'message': message}
    if remediation:
        body['remediationMessage'] = remediation
    if reference:
        body['referenceToken'] = uuid.uuid4().hex[:6].upper()
    return body


def reset_connection(handler, record=True):
    """Close with SO_LINGER 0: the client sees 'connection reset by peer'."""
    if record:
        handler.state.record(handler.command, handler.route, 'reset')
    try:
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
    except OSError:
        pass
    handler.close_connection = True
    handler.connection.close()


class Fault:
    """A kind of fault. SETTINGS maps each setting it takes to its default; DOC is its line in the docs."""

    KIND = ''
    SETTINGS = {}
    DOC = ''
    SHAPES = False   # True: the kind changes how the normal answer is sent (``shape``)

    def __init__(self, **settings):
        unknown = set(settings) - set(self.SETTINGS)
        if unknown:
            raise ValueError('fault %s takes %s, not %s' % (self.KIND, ', '.join(sorted(self.SETTINGS)) or 'no setting',
                                                            ', '.join(sorted(unknown))))
        for name, default in self.SETTINGS.items():
            setattr(self, name, settings.get(name, default))

    def before(self, handler):
        """Something to do before the normal answer (nothing by default)."""

    def answer(self, handler) -> bool:
        """Answer the request instead of the API; False lets the API answer."""
        return False

    def shape(self, handler, status, payload, content_type, headers) -> bool:
        """Send the normal answer differently; False sends it as usual."""
        return False


class Status(Fault):
    KIND = 'status'
    SETTINGS = {'status': 503, 'retry_after': None, 'body': None}
    DOC = 'an HTTP error (default 503) with a VCF Error body, optional Retry-After and body'

    def answer(self, handler):
        status = int(self.status)
        headers = {'Retry-After': str(self.retry_after)} if self.retry_after is not None else {}
        body = self.body if self.body is not None else error_body(
            'SERVICE_UNAVAILABLE' if status != 429 else 'TOO_MANY_REQUESTS', 'Simulated HTTP %d.' % status,
            'Try again later.')
        handler.send_answer(status, body, headers=headers)
        return True


class Reset(Fault):
    KIND = 'reset'
    DOC = 'a TCP reset, no answer'

    def answer(self, handler):
        reset_connection(handler)
        return True


class Slow(Fault):
    KIND = 'slow'
    SETTINGS = {'delay': 0.0}
    DOC = 'the normal answer after ``delay`` seconds'

    def before(self, handler):
        time.sleep(float(self.delay))


class NonJson(Fault):
    KIND = 'non_json'
    SETTINGS = {'status': 200, 'body': None}
    DOC = 'an HTML page (a proxy error page by default)'

    def answer(self, handler):
        page = self.body or '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'
        handler.send_answer(int(self.status), page, content_type='text/html')
        return True


class Truncated(Fault):
    KIND = 'truncated'
    SETTINGS = {'status': 200}
    DOC = 'JSON cut short'

    def answer(self, handler):
        handler.send_answer(int(self.status), b'{"status": "IN_PROGR', content_type='application/json')
        return True


class ExpireTokens(Fault):
    KIND = 'expire_tokens'
    SETTINGS = {'refresh': False}
    DOC = 'every access token expires just before the request (with ``refresh: true`` every refresh token too)'

    def before(self, handler):
        handler.state.expire_tokens(refresh=bool(self.refresh))


class Cut(Fault):
    KIND = 'cut'
    SHAPES = True
    DOC = 'the normal answer, but the connection breaks half-way through its body'

    def shape(self, handler, status, payload, content_type, headers):
        handler.send_head(status, payload, content_type, headers)
        handler.wfile.write(payload[:len(payload) // 2])
        reset_connection(handler, record=False)
        return True


class Trickle(Fault):
    KIND = 'trickle'
    SHAPES = True
    SETTINGS = {'delay': 1.0}
    DOC = 'the normal answer, one byte every ``delay`` seconds'

    def shape(self, handler, status, payload, content_type, headers):
        hostile.trickle(handler, float(self.delay or 1.0), status, payload, content_type)
        return True


class Redirect(Fault):
    KIND = 'redirect'
    SETTINGS = {'status': 307, 'location': None}
    DOC = 'a redirect to ``location`` (default: the same path on another origin)'

    def answer(self, handler):
        handler.state.record(handler.command, handler.route, self.KIND)
        hostile.redirect(handler, int(self.status), self.location)
        return True


class Echo(Fault):
    KIND = 'echo'
    SETTINGS = {'status': 500, 'as_export': False, 'as_run': False, 'altered': False}
    DOC = ("the caller's token, refresh ids and password sent back (in a FAILED export with ``as_export``, as the "
           "status of a pre-check run with ``as_run``; upper-cased with ``-`` as ``_`` and folded with ``altered``)")

    def answer(self, handler):
        handler.state.record(handler.command, handler.route, self.KIND)
        hostile.echo(handler, int(self.status), bool(self.as_export), bool(self.altered), bool(self.as_run))
        return True


class Flood(Fault):
    KIND = 'flood'
    SETTINGS = {'status': 200, 'size': 64 * 1024 * 1024}
    DOC = '``size`` bytes of JSON (default 64 MiB) with no Content-Length'

    def answer(self, handler):
        handler.state.record(handler.command, handler.route, self.KIND)
        hostile.flood(handler, int(self.status), int(self.size))
        return True


class Deep(Fault):
    KIND = 'deep'
    SETTINGS = {'status': 500, 'depth': 300, 'brackets': None}
    DOC = 'an Error ``depth`` levels deep through nestedErrors, or ``brackets`` nested bare brackets'

    def answer(self, handler):
        handler.state.record(handler.command, handler.route, self.KIND)
        hostile.deep(handler, int(self.status), int(self.depth), self.brackets)
        return True


FAULTS = dict((kind.KIND, kind) for kind in (Status, Reset, Slow, NonJson, Truncated, ExpireTokens, Cut, Trickle,
                                             Redirect, Echo, Flood, Deep))


class FaultRule:
    """The next ``count`` requests whose path matches ``path`` (a regular expression) and whose method is
    ``method`` (``*``: any), after ``skip`` of them, meet the fault ``kind`` with its own settings."""

    def __init__(self, kind, path='', method='*', count=1, skip=0, **settings):
        if kind not in FAULTS:
            raise ValueError('fault kind must be one of %s' % ', '.join(FAULTS))
        self.kind = kind
        self.fault = FAULTS[kind](**settings)
        self.path = re.compile(path)
        self.method = method.upper()
        self.count = int(count)
        self.skip = int(skip)

    def take(self, method, path):
        """True (and one fewer left) when this rule applies to the request."""
        if self.count <= 0 or (self.method != '*' and self.method != method) or not self.path.search(path):
            return False
        if self.skip > 0:
            self.skip -= 1
            return False
        self.count -= 1
        return True
