# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one HTTP client of the collection: a ``requests.Session`` with auth, TLS, retries and bounds.

Modules and action plugins build one client per task and call ``request``,
``get_json`` or ``download``. It logs in lazily, renews an expired access token
once per request, retries transient faults, bounds every answer in time and size,
never follows a redirect to another origin, and raises the typed exceptions of
``errors``: never ``fail_json``. ``close`` revokes the refresh token it obtained.
"""

import contextlib
import hashlib
import json
import time
import traceback
from typing import Any
from urllib.parse import urljoin, urlsplit

from ansible_collections.sddc.manager.plugins.module_utils.errors import (
    ApiError,
    AuthenticationError,
    CertificateError,
    ConfigurationError,
    InvalidResponseError,
    SddcManagerError,
    TransportError,
)
from ansible_collections.sddc.manager.plugins.module_utils.redact import Redactor
from ansible_collections.sddc.manager.plugins.module_utils.retry import (
    RETRYABLE_STATUS_CODES,
    RetryPolicy,
    parse_retry_after,
)
from ansible_collections.sddc.manager.plugins.module_utils.text import one_line, plural, quote
from ansible_collections.sddc.manager.plugins.module_utils.tls import check_ca_path, describe_tls_failure, speaks_tls
from ansible_collections.sddc.manager.plugins.module_utils.vcf_error import describe_failure

try:
    import requests
    from requests.exceptions import SSLError, Timeout, RequestException
    from requests.exceptions import ConnectionError as RequestsConnectionError
    from requests.exceptions import ChunkedEncodingError, ContentDecodingError
    from urllib3.exceptions import HTTPError as Urllib3Error
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None
    TRANSIENT_EXCEPTIONS = (RequestsConnectionError, Timeout, ChunkedEncodingError, ContentDecodingError, Urllib3Error)
except ImportError:
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()
    TRANSIENT_EXCEPTIONS = ()
# What a body read raises when the answer is cut short: the transport's errors and urllib3's own
# OSError and ValueError.
BODY_READ_EXCEPTIONS = TRANSIENT_EXCEPTIONS + (OSError, ValueError)

USER_AGENT = 'ansible-sddc.manager'
DEFAULT_REQUEST_TIMEOUT = 30.0
MAX_JSON_BYTES = 16 * 1024 * 1024
MAX_REDIRECTS = 5
LOGOUT_TIMEOUT = 2.0
READ_SIZE = 65536
_NO_BODY = object()
# What urllib3 and the resolver say when a host name does not resolve, and when a server closes the
# connection without an HTTP answer.
_UNRESOLVED = ('NameResolutionError', 'Name or service not known', 'nodename nor servname', 'No address associated',
               'getaddrinfo failed', 'Temporary failure in name resolution')
_CLOSED = ('RemoteDisconnected', 'Connection aborted', 'BadStatusLine')


class TransientFault(Exception):
    """Internal: one attempt met a fault that another attempt may not meet."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def session_origin(url: str) -> str:
    """Which SDDC Manager a shared session belongs to, without naming it (the value is masked as a secret)."""
    return hashlib.sha256(url.encode('utf-8')).hexdigest()[:24]


def base_url(hostname: str) -> str:
    """``https://host[:port]`` from what a user writes; plain http only when written out."""
    value = (hostname or '').strip()
    if '://' in value and not value.split('://', 1)[1].strip('/'):
        value = ''   # a scheme alone names no host
    value = value.rstrip('/')
    if '://' not in value:
        value = 'https://' + value
    try:
        parts = urlsplit(value)
        scheme = parts.scheme.lower()
        if scheme not in ('http', 'https'):
            raise ConfigurationError(
                "hostname %r has scheme %r: write sddc.example.com, sddc.example.com:8443 or https://sddc.example.com."
                % (hostname, parts.scheme), option='hostname')
        if '@' in parts.netloc or parts.path.strip('/') or parts.query or parts.fragment:
            raise ConfigurationError(
                'hostname must name only the SDDC Manager host (and port), without user, path or query.',
                option='hostname')
        host = parts.hostname
        parts.port  # pylint: disable=pointless-statement  # raises ValueError on a bad port
        if not host or any(char.isspace() or ord(char) < 32 for char in value):
            raise ValueError(value)
        if ':' not in host:   # a name or IPv4 address (IPv6 was checked by urlsplit): no empty label
            if '' in host.split('.'):
                raise ValueError(host)
            host.encode('idna')
    except (ValueError, UnicodeError):
        raise ConfigurationError("hostname %r is not a valid host[:port]: write sddc.example.com, "
                                 "sddc.example.com:8443 or https://[2001:db8::1]." % (hostname,), option='hostname')
    return '%s://%s' % (scheme, parts.netloc)


def origin(url: str) -> tuple:
    """(scheme, host, port) of a URL: what must match for a redirect to be followed."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port or {'http': 80, 'https': 443}.get(scheme)
    except ValueError:
        port = None
    return scheme, (parts.hostname or '').lower(), port


def transport_reason(exc: BaseException) -> str:
    """The useful tail of a requests/urllib3 exception, on one short line."""
    text = str(exc)
    for marker in ('Caused by ', 'Failed to establish a new connection: '):
        if marker in text:
            text = text.split(marker, 1)[1]
    return one_line(text.strip('()\'"'), 160) or type(exc).__name__


class SddcManagerClient:
    """A session with one SDDC Manager: lazily logged in, kept alive across calls."""

    def __init__(self, hostname, username=None, password=None, api_token=None,
                 validate_certs=True, ca_path=None, request_timeout=None,
                 retry_policy=None, session=None, sleep=None, clock=None, login_session=None):
        self.base_url = base_url(hostname)
        self._username = username
        self._password = password
        self._access_token = api_token
        self._refresh_token = None
        self._owns_refresh_token = False   # only a refresh token this client obtained is revoked at close
        self._resumed = False               # tokens handed over by an earlier task (a shared session)
        self._uses_api_token = bool(api_token)
        if validate_certs and ca_path:
            check_ca_path(ca_path)
        self._verify = ca_path if (validate_certs and ca_path) else bool(validate_certs)
        self._ca_path = ca_path
        self._timeout = float(request_timeout or DEFAULT_REQUEST_TIMEOUT)
        self._retry_policy = retry_policy or RetryPolicy()
        self._sleep = sleep or time.sleep
        self._clock = clock or time.monotonic
        self._retry_deadline = None
        self.redactor = Redactor(password, api_token)
        if login_session and not api_token:
            self._resume(login_session)
        self._session = session if session is not None else requests.Session()
        self._session.headers.update({'Accept': 'application/json', 'User-Agent': USER_AGENT})
        self.stats = dict(logins=0, refreshes=0, logouts=0)

    # -- lifecycle -----------------------------------------------------------------

    def close(self) -> None:
        """End the session: revoke the refresh token this client obtained, then close the connections."""
        try:
            self.logout()
        finally:
            self._session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    # -- public calls --------------------------------------------------------------

    def get_json(self, path: str, description: str, accept=(200,), expect=None, what: str = None) -> Any:
        """GET ``path`` and return its decoded JSON; raise for any answer not in ``accept`` (see ``decode_json``)."""
        return self.decode_json(self.request('GET', path, description, accept=accept), description, expect, what)

    def request(self, method: str, path: str, description: str, json_body=_NO_BODY, accept=(200,), stream=False,
                retry_statuses=RETRYABLE_STATUS_CODES) -> 'requests.Response':
        """An authenticated request; returns the response when its status is in ``accept``.

        ``description`` says what was attempted ("Reading the export of pre-check run X"):
        every error message starts with it. A 401 renews the access token and
        replays the request once. ``retry_statuses`` lets a caller that handles,
        say, 429 itself take it out of the transport's retries. Unless ``stream``,
        the body has been read (bounded in size and time) when this returns.
        """
        if not self._access_token:
            self.login()
        send = dict(json_body=json_body, stream=stream, authenticated=True, retry_statuses=retry_statuses)
        response = self._send(method, path, description, **send)
        if response.status_code == 401:
            self._renew_access_token(description, response)
            response.close()
            response = self._send(method, path, description, **send)
            if response.status_code == 401:
                raise self.api_error(description, response, 'The new access token was refused too.',
                                     kind=AuthenticationError)
        if response.status_code in accept:
            return response
        if stream:   # an error answer to a download is a VCF Error: read it, bounded, to quote it
            try:
                self._read_body(response, description, self._clock() + self._timeout)
            except (TransientFault, InvalidResponseError):
                pass
        raise self.api_error(description, response)

    def decode_json(self, response, description: str, expect=None, what: str = None) -> Any:
        """The JSON body of ``response``; InvalidResponseError quoting (redacted) what came instead.

        ``expect(value)`` checks the shape (an object with a queryId, say); an answer that
        fails it is "not ``what``". A body nested too deep to parse is refused at once, not retried.
        """
        try:
            value = json.loads(self.body_text(response))
        except RecursionError:
            raise InvalidResponseError(
                '%s: SDDC Manager answered HTTP %s with JSON nested too deep to read (%d bytes); SDDC Manager '
                'answers are far shallower, so it was not read.' % (description, response.status_code,
                                                                    len(self.body_bytes(response))),
                status_code=response.status_code, transient=False)
        except ValueError:
            raise InvalidResponseError(
                '%s: SDDC Manager answered HTTP %s with a body that is not JSON (Content-Type %s): %s'
                % (description, response.status_code, quote(response.headers.get('Content-Type', 'unset'), 80),
                   self.redactor.text(quote(self.body_text(response)) or '<empty>')),
                status_code=response.status_code)
        if expect is not None and not expect(value):
            raise InvalidResponseError('%s: the answer is not %s: %s' % (description, what or 'what the API promises',
                                                                         self.quoted(value)),
                                       status_code=response.status_code)
        return value

    def quoted(self, value) -> str:
        """A short, redacted quote of what the server sent, for a message."""
        return self.redactor.text(quote(value))

    @staticmethod
    def body_bytes(response) -> bytes:
        """The body read by ``request`` (``b''`` for a streamed or body-less answer)."""
        return getattr(response, 'sddc_body', b'')

    def body_text(self, response) -> str:
        """The body as text, undecodable bytes replaced: a hostile answer cannot make this raise."""
        return self.body_bytes(response).decode('utf-8', 'replace')

    def login(self) -> None:
        """Exchange username and password for an access and a refresh token."""
        if not (self._username and self._password) and self._resumed:
            raise AuthenticationError('The session expired and could not be refreshed; give username and password '
                                      '(SDDC_MANAGER_USERNAME, SDDC_MANAGER_PASSWORD) to log in again.')
        if not (self._username and self._password):   # the client can be built without them (an api_token)
            raise ConfigurationError(
                'No usable credentials: set api_token (SDDC_MANAGER_API_TOKEN) or username and password '
                '(SDDC_MANAGER_USERNAME, SDDC_MANAGER_PASSWORD).')
        description = 'Logging in to SDDC Manager at %s as %s' % (self.base_url, self._username)
        response = self._send('POST', '/v1/tokens', description,
                              json_body={'username': self._username, 'password': self._password})
        self.stats['logins'] += 1
        if response.status_code not in (200, 201):
            if response.status_code in (400, 401, 403):
                raise self.api_error(description, response, 'Check username and password.', kind=AuthenticationError)
            raise self.api_error(description, response)
        pair = self.decode_json(response, description)
        access = pair.get('accessToken') if isinstance(pair, dict) else None
        refresh = pair.get('refreshToken') if isinstance(pair, dict) else None
        refresh = refresh.get('id') if isinstance(refresh, dict) else None
        if not isinstance(access, str) or not access:
            raise InvalidResponseError('%s: the answer has no accessToken string.' % description,
                                       status_code=response.status_code)
        self._access_token = access
        self._refresh_token = refresh if isinstance(refresh, str) and refresh else None
        self._owns_refresh_token = True
        self.redactor.add(access)
        self.redactor.add(self._refresh_token)

    def logout(self) -> None:
        """Revoke the refresh token this client obtained (an api_token has none); bounded, never raises."""
        token, self._refresh_token = self._refresh_token, None
        if not token or not self._owns_refresh_token:
            return
        try:
            response = self._session.request(
                'DELETE', self.base_url + '/v1/tokens/refresh-token', json=token, verify=self._verify,
                timeout=(LOGOUT_TIMEOUT, LOGOUT_TIMEOUT), allow_redirects=False,
                headers={'Authorization': 'Bearer %s' % self._access_token})
            response.close()
            self.stats['logouts'] += 1
        except Exception:  # pylint: disable=broad-except  # ending the session must never fail the task
            pass

    # -- a session shared by several tasks --------------------------------------------

    def session_tokens(self) -> dict:
        """The tokens of this login, for ``sddc.manager.session`` to hand to the tasks that follow.

        The caller takes over the refresh token: this client no longer revokes it when it closes.
        """
        self._owns_refresh_token = False
        return dict(access_token=self._access_token, refresh_token=self._refresh_token,
                    origin=session_origin(self.base_url))

    def _resume(self, tokens) -> None:
        """Use the tokens of a login made by an earlier task (``session_tokens``) instead of logging in."""
        if not isinstance(tokens, dict) or tokens.get('origin') != session_origin(self.base_url):
            raise ConfigurationError(
                'The session was opened with another SDDC Manager than %s: its tokens are not sent there. '
                'Open a session with this hostname (sddc.manager.session).' % self.base_url, option='session')
        access, refresh = tokens.get('access_token'), tokens.get('refresh_token')
        self._resumed = True
        self._access_token = access if isinstance(access, str) and access else None
        self._refresh_token = refresh if isinstance(refresh, str) and refresh else None
        self.redactor.add(self._access_token)
        self.redactor.add(self._refresh_token)

    def revoke_session(self) -> bool:
        """End a session handed over by ``session_tokens``: revoke its refresh token. True when one was sent."""
        self._owns_refresh_token = bool(self._refresh_token)
        sent = self.stats['logouts']
        self.logout()
        return self.stats['logouts'] > sent

    @contextlib.contextmanager
    def deadline(self, deadline: float):
        """Within the block, transport retries and each request end by ``deadline`` (a ``clock()`` value)."""
        previous, self._retry_deadline = self._retry_deadline, deadline
        try:
            yield self
        finally:
            self._retry_deadline = previous

    def _retry_fits(self, delay: float) -> bool:
        return self._retry_deadline is None or self._clock() + delay < self._retry_deadline

    def backoff(self, attempt: int, response=None) -> bool:
        """Sleep before a caller's own retry number ``attempt``; False once the retry budget or deadline is spent."""
        if attempt > self._retry_policy.retries:
            return False
        retry_after = parse_retry_after(response.headers.get('Retry-After')) if response is not None else None
        delay = self._retry_policy.delay(attempt, retry_after)
        if not self._retry_fits(delay):
            return False
        self._sleep(delay)
        return True

    def download(self, path: str, description: str, write, max_size: int) -> tuple:
        """Stream the body of a GET to ``write(chunk)``; returns (response, bytes written).

        The body is never held in memory whole, is bounded by ``max_size`` bytes and by
        request_timeout, and must be as long as Content-Length says. A connection that
        breaks mid-body raises TransportError, so the caller can throw its partial file away.
        """
        response = self.request('GET', path, description, stream=True)
        try:
            size = 0
            for chunk in self._chunks(response, self._clock() + self._timeout):
                size += len(chunk)
                if size > max_size:
                    raise InvalidResponseError(
                        '%s failed: the file is larger than max_size (%d bytes); raise max_size if it is expected.'
                        % (description, max_size), status_code=response.status_code)
                write(chunk)
            announced = response.headers.get('Content-Length')
            if announced is not None and announced.strip().isdigit() and int(announced) != size:
                raise TransportError('%s failed: the download broke off after %d of %s bytes.'
                                     % (description, size, announced.strip()))
        except TransientFault as fault:
            raise TransportError(self.redactor.text('%s failed: %s.' % (description, fault.reason)), url=self.base_url)
        finally:
            response.close()
        return response, size

    def api_error(self, description: str, response, advice: str = None, always: bool = False,
                  kind=ApiError) -> ApiError:
        """An ApiError (or ``kind``) from an HTTP error answer, with the VCF Error parsed when it is JSON.

        ``advice`` is the collection's own hint; ``describe_failure`` says when it is shown.
        """
        try:
            body = json.loads(self.body_text(response))
        except (ValueError, RecursionError):
            error, body_quote = None, self.redactor.text(quote(self.body_text(response))) or None
        else:
            body = self.redactor.value(body)
            error, body_quote = (body, None) if isinstance(body, (dict, str)) else (None, quote(str(body)))
        line = describe_failure(description, response.status_code, error, body_quote, advice=advice, always=always)
        return kind(self.redactor.text(line), status_code=response.status_code, error=error)

    # -- token renewal -------------------------------------------------------------

    def _renew_access_token(self, description, response):
        """After a 401: refresh with the refresh token, else log in again, else fail."""
        if self._uses_api_token:
            raise self.api_error(
                description, response,
                'The api_token expired or was refused: obtain a new one, or use username and password.', always=True,
                kind=AuthenticationError)
        if self._refresh_token and self._refresh():
            return
        self._access_token = None
        self.login()

    def _refresh(self) -> bool:
        """True when ``PATCH /v1/tokens/access-token/refresh`` gave a new access token."""
        try:
            response = self._send('PATCH', '/v1/tokens/access-token/refresh',
                                  'Refreshing the SDDC Manager access token', json_body=self._refresh_token)
            token = json.loads(self.body_text(response)) if response.status_code == 200 else None
        except (SddcManagerError, ValueError, RecursionError):
            return False
        if not isinstance(token, str) or not token:
            return False
        self.stats['refreshes'] += 1
        self._access_token = token
        self.redactor.add(token)
        return True

    # -- transport -----------------------------------------------------------------

    def _send(self, method, path, description, json_body=_NO_BODY, stream=False, authenticated=False,
              retry_statuses=RETRYABLE_STATUS_CODES):
        """One logical request: retried on connection faults and 429/502/503/504, bounded in time and size."""
        policy = self._retry_policy
        attempt = 0
        while True:
            attempt += 1
            retry_after = None
            try:
                response = self._attempt(method, path, description, json_body=json_body, stream=stream,
                                         authenticated=authenticated)
            except TransientFault as fault:
                reason, response = fault.reason, None
            else:
                if response.status_code not in retry_statuses:
                    return response
                reason = 'HTTP %s' % response.status_code
                retry_after = parse_retry_after(response.headers.get('Retry-After'))
            delay = policy.delay(attempt, retry_after)
            if attempt > policy.retries or not self._retry_fits(delay):
                if response is not None:
                    return response
                raise TransportError(
                    self.redactor.text('%s failed: no answer from %s after %s (%s).'
                                       % (description, self.base_url, plural(attempt, 'attempt'), reason)),
                    url=self.base_url + path, attempts=attempt)
            if response is not None:
                response.close()
            self._sleep(delay)

    def _attempt(self, method, path, description, json_body=_NO_BODY, stream=False, authenticated=False):
        """One HTTP exchange, following same-origin redirects of body-less reads only."""
        url = self.base_url + path
        for dummy in range(MAX_REDIRECTS + 1):
            now = self._clock()
            deadline = now + self._timeout   # the whole exchange, and no later than a wait's own deadline
            if self._retry_deadline is not None:
                deadline = min(deadline, max(self._retry_deadline, now + 0.001))
            headers = {}
            if authenticated:
                headers['Authorization'] = 'Bearer %s' % self._access_token
            per_read = min(self._timeout, max(0.001, deadline - now))   # float sums may round past the cap
            kwargs = dict(headers=headers, timeout=(per_read, per_read), verify=self._verify, stream=True,
                          allow_redirects=False)
            if json_body is not _NO_BODY:
                kwargs['json'] = json_body
            try:
                response = self._session.request(method, url, **kwargs)
            except SSLError as exc:
                raise CertificateError(self.redactor.text(describe_tls_failure(description, self.base_url, exc,
                                                                               self._ca_path)),
                                       url=self.base_url)
            except TRANSIENT_EXCEPTIONS as exc:
                self._refuse_lasting_fault(description, url, exc)
                raise TransientFault('%s: %s' % (type(exc).__name__, transport_reason(exc)))
            except (RequestException, ValueError, UnicodeError, OSError) as exc:
                raise TransportError(self.redactor.text('%s failed: the request to %s could not be sent (%s: %s).'
                                                        % (description, url, type(exc).__name__,
                                                           transport_reason(exc))), url=url)
            if not response.is_redirect:
                if not stream:
                    self._read_body(response, description, deadline)
                return response
            location = urljoin(url, response.headers.get('Location', ''))
            response.close()
            if json_body is not _NO_BODY or method not in ('GET', 'HEAD') or origin(location) != origin(url):
                raise TransportError(self.redactor.text(
                    '%s failed: SDDC Manager answered HTTP %s with a redirect to %s; the collection follows '
                    'redirects only for reads on the same scheme, host and port, so nothing was sent there. Point '
                    'hostname at the address SDDC Manager answers on.'
                    % (description, response.status_code, quote(location, 300))), url=url)
            url = location
        raise TransportError('%s failed: more than %d redirects from %s.' % (description, MAX_REDIRECTS, self.base_url),
                             url=self.base_url + path)

    def _refuse_lasting_fault(self, description: str, url: str, exc: BaseException) -> None:
        """A fault another attempt cannot clear fails at once, in words: a host name that does not resolve, or
        plain http:// written for a port that speaks HTTPS."""
        text = str(exc)
        host = urlsplit(url).hostname
        if any(marker in text for marker in _UNRESOLVED):
            raise TransportError('%s failed: cannot resolve host name %s: check hostname (SDDC_MANAGER_HOST).'
                                 % (description, quote(host, 255)), url=self.base_url, attempts=1, transient=False)
        if urlsplit(url).scheme == 'http' and any(marker in text for marker in _CLOSED) and speaks_tls(url):
            secure = 'https://' + self.base_url.split('://', 1)[1]
            raise TransportError('%s failed: %s closed the connection without an HTTP answer: this port speaks HTTPS: '
                                 'write %s.' % (description, self.base_url, secure), url=self.base_url, attempts=1,
                                 transient=False)

    def _chunks(self, response, deadline):
        """The body in chunks as they arrive; TransientFault when it breaks off or ``deadline`` passes."""
        read = getattr(response.raw, 'read1', None)
        chunks = iter(response.iter_content(READ_SIZE)) if read is None else None   # urllib3 1.x: no read1
        try:
            while True:
                if self._clock() > deadline:
                    response.close()
                    raise TransientFault('SDDC Manager took longer than request_timeout (%gs) to send its answer'
                                         % self._timeout)
                chunk = read(READ_SIZE) if chunks is None else next(chunks, b'')
                if not chunk:
                    return
                yield chunk
        except BODY_READ_EXCEPTIONS as exc:
            raise TransientFault('the answer broke off (%s: %s)' % (type(exc).__name__, transport_reason(exc)))

    def _read_body(self, response, description, deadline):
        """Read a non-streamed body into the response, at most MAX_JSON_BYTES, by ``deadline``."""
        chunks, size = [], 0
        for chunk in self._chunks(response, deadline):
            size += len(chunk)
            if size > MAX_JSON_BYTES:
                response.close()
                raise InvalidResponseError(
                    '%s failed: the answer is larger than %d bytes; SDDC Manager answers are far smaller, so it '
                    'was not read.' % (description, MAX_JSON_BYTES), status_code=response.status_code,
                    transient=False)
            chunks.append(chunk)
        response.sddc_body = b''.join(chunks)   # what decode_json and api_error read
