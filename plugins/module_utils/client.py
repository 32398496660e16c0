# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one HTTP client of the collection: a ``requests.Session`` with auth, TLS and retries.

Modules and action plugins build one client per task and call ``request`` or
``get_json``. It logs in lazily, renews an expired access token once per
request, retries transient faults, and raises the typed exceptions of
``errors`` — never ``fail_json``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import time
import traceback

from ansible.module_utils.six.moves.urllib.parse import urlsplit

from ansible_collections.sddc.manager.plugins.module_utils.api_error import (
    describe_failure,
    excerpt,
)
from ansible_collections.sddc.manager.plugins.module_utils.errors import (
    ApiError,
    AuthenticationError,
    CertificateError,
    ConfigurationError,
    InvalidResponseError,
    TransportError,
)
from ansible_collections.sddc.manager.plugins.module_utils.retry import (
    RETRYABLE_STATUS_CODES,
    RetryPolicy,
    parse_retry_after,
)

try:
    import requests
    from requests.exceptions import SSLError, Timeout
    from requests.exceptions import ConnectionError as RequestsConnectionError
    from requests.exceptions import ChunkedEncodingError, ContentDecodingError
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None
except ImportError:
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()

USER_AGENT = 'ansible-sddc.manager'
DEFAULT_REQUEST_TIMEOUT = 30.0
_NO_BODY = object()


def base_url(hostname):
    """``https://host[:port]`` from what a user writes; plain http only when written out."""
    value = (hostname or '').strip().rstrip('/')
    if not value:
        raise ConfigurationError('hostname is empty: set the hostname option or SDDC_MANAGER_HOST.')
    if '://' not in value:
        value = 'https://' + value
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme not in ('http', 'https'):
        raise ConfigurationError(
            "hostname %r has scheme %r: write sddc.example.com, sddc.example.com:8443 or https://sddc.example.com."
            % (hostname, parts.scheme))
    if '@' in parts.netloc or parts.path.strip('/') or parts.query or parts.fragment:
        raise ConfigurationError(
            'hostname must name only the SDDC Manager host (and port), without user, path or query.')
    try:
        if not parts.hostname:
            raise ValueError('no host')
        parts.port  # pylint: disable=pointless-statement  # raises ValueError on a bad port
    except ValueError:
        raise ConfigurationError("hostname %r is not a valid host[:port]." % (hostname,))
    return '%s://%s' % (scheme, parts.netloc)


def _transport_reason(exc):
    """The useful tail of a requests/urllib3 exception, on one short line."""
    text = str(exc)
    for marker in ('Caused by ', 'Failed to establish a new connection: '):
        if marker in text:
            text = text.split(marker, 1)[1]
    return excerpt(text.strip('()\'"'), 160) or type(exc).__name__


class SddcManagerClient:
    """A session with one SDDC Manager: lazily logged in, kept alive across calls."""

    def __init__(self, hostname, username=None, password=None, api_token=None,
                 validate_certs=True, ca_path=None, request_timeout=None,
                 retry_policy=None, session=None, sleep=time.sleep):
        self.base_url = base_url(hostname)
        self._username = username
        self._password = password
        self._access_token = api_token
        self._refresh_token = None
        self._uses_api_token = bool(api_token)
        self._verify = ca_path if (validate_certs and ca_path) else bool(validate_certs)
        self._ca_path = ca_path
        self._timeout = float(request_timeout or DEFAULT_REQUEST_TIMEOUT)
        self._retry_policy = retry_policy or RetryPolicy()
        self._sleep = sleep
        self._session = session if session is not None else requests.Session()
        self._session.headers.update({'Accept': 'application/json', 'User-Agent': USER_AGENT})
        self.stats = dict(requests=0, retries=0, logins=0, refreshes=0)
        self._retry_deadline = None
        self._clock = time.monotonic
        self.last_transient_fault = None

    # -- lifecycle -----------------------------------------------------------------

    def close(self):
        self._session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    # -- public calls --------------------------------------------------------------

    def get_json(self, path, action):
        """GET ``path`` and return its decoded JSON; raise for any non-200 answer."""
        return self.decode_json(self.request('GET', path, action), action)

    def request(self, method, path, action, json_body=_NO_BODY, expected=(200,), allow_status=(), stream=False,
                retry_statuses=RETRYABLE_STATUS_CODES):
        """An authenticated request; returns the response if its status is expected or allowed.

        ``action`` says what was attempted ("Reading the export of pre-check run X"):
        every error message starts with it. A 401 renews the access token and
        replays the request once. ``retry_statuses`` lets a caller that handles,
        say, 429 itself take it out of the transport's retries.
        """
        if not self._access_token:
            self.login()
        response = self._send(method, path, action, json_body, stream, authenticated=True,
                              retry_statuses=retry_statuses)
        if response.status_code == 401:
            self._renew_access_token(action, response)
            response.close()
            response = self._send(method, path, action, json_body, stream, authenticated=True,
                                  retry_statuses=retry_statuses)
            if response.status_code == 401:
                raise self._auth_error(action, response, 'The new access token was refused too.')
        if response.status_code in expected or response.status_code in allow_status:
            return response
        raise self.api_error(action, response)

    def decode_json(self, response, action):
        """The JSON body of ``response``, or InvalidResponseError quoting what came instead."""
        try:
            return response.json()
        except ValueError:
            raise InvalidResponseError(
                '%s: SDDC Manager answered HTTP %s with a body that is not JSON (Content-Type %s): %s'
                % (action, response.status_code, response.headers.get('Content-Type', 'unset'),
                   self._redact(excerpt(response.text) or '<empty>')),
                status_code=response.status_code)

    def login(self):
        """Exchange username and password for an access and a refresh token."""
        if self._uses_api_token or not (self._username and self._password):
            raise ConfigurationError(
                'No usable credentials: set api_token (SDDC_MANAGER_API_TOKEN) or username and password '
                '(SDDC_MANAGER_USERNAME, SDDC_MANAGER_PASSWORD).')
        action = 'Logging in to SDDC Manager at %s as %s' % (self.base_url, self._username)
        response = self._send('POST', '/v1/tokens', action,
                              {'username': self._username, 'password': self._password},
                              stream=False, authenticated=False)
        self.stats['logins'] += 1
        if response.status_code not in (200, 201):
            if response.status_code in (400, 401, 403):
                raise self._auth_error(action, response, 'Check username and password.')
            raise self.api_error(action, response)
        pair = self.decode_json(response, action)
        access = pair.get('accessToken') if isinstance(pair, dict) else None
        refresh = pair.get('refreshToken') if isinstance(pair, dict) else None
        if not access:
            raise InvalidResponseError('%s: the answer has no accessToken.' % action)
        self._access_token = access
        self._refresh_token = refresh.get('id') if isinstance(refresh, dict) else None

    def retry_until(self, deadline, clock):
        """Make transport retries stop at ``deadline`` (a ``clock()`` value): a wait's own limit."""
        self._retry_deadline = deadline
        self._clock = clock

    def _retry_fits(self, delay):
        return self._retry_deadline is None or self._clock() + delay < self._retry_deadline

    def backoff(self, attempt, response=None):
        """Sleep before a caller's own retry number ``attempt``; False once the retry budget is spent."""
        if attempt > self._retry_policy.retries:
            return False
        retry_after = parse_retry_after(response.headers.get('Retry-After')) if response is not None else None
        self._sleep(self._retry_policy.delay(attempt, retry_after))
        return True

    def download(self, path, action, write, chunk_size=65536):
        """Stream the body of a GET to ``write(chunk)``; returns the response (for its headers).

        The body is never held in memory whole. A connection that breaks mid-body
        raises TransportError, so the caller can throw its partial file away.
        """
        response = self.request('GET', path, action, stream=True)
        try:
            for chunk in response.iter_content(chunk_size=chunk_size):
                if chunk:
                    write(chunk)
        except (RequestsConnectionError, Timeout, ChunkedEncodingError, ContentDecodingError) as exc:
            raise TransportError(self._redact('%s failed: the download broke off (%s: %s).'
                                              % (action, type(exc).__name__, _transport_reason(exc))))
        finally:
            response.close()
        return response

    def api_error(self, action, response):
        """An ApiError from an HTTP error answer, with the VCF Error parsed when it is JSON."""
        error, body_excerpt = self._error_body(response)
        error = self._redact(error)
        return ApiError(self._redact(describe_failure(action, response.status_code, error, body_excerpt)),
                        response.status_code, error=error)

    # -- token renewal -------------------------------------------------------------

    def _renew_access_token(self, action, response):
        """After a 401: refresh with the refresh token, else log in again, else fail."""
        if self._uses_api_token:
            raise self._auth_error(
                action, response,
                'The api_token expired or was refused: obtain a new one, or use username and password.')
        if self._refresh_token and self._refresh():
            return
        self._access_token = None
        self.login()

    def _refresh(self):
        """True when ``PATCH /v1/tokens/access-token/refresh`` gave a new access token."""
        action = 'Refreshing the SDDC Manager access token'
        try:
            response = self._send('PATCH', '/v1/tokens/access-token/refresh', action,
                                  self._refresh_token, stream=False, authenticated=False)
        except TransportError:
            return False
        if response.status_code != 200:
            return False
        try:
            token = response.json()
        except ValueError:
            return False
        if not isinstance(token, str) or not token:
            return False
        self.stats['refreshes'] += 1
        self._access_token = token
        return True

    # -- transport -----------------------------------------------------------------

    def _send(self, method, path, action, json_body, stream, authenticated, retry_statuses=RETRYABLE_STATUS_CODES):
        """One logical request: retried on connection faults and 429/502/503/504."""
        url = self.base_url + path
        headers = {}
        if authenticated:
            headers['Authorization'] = 'Bearer %s' % self._access_token
        kwargs = dict(headers=headers, timeout=self._timeout, verify=self._verify, stream=stream)
        if json_body is not _NO_BODY:
            kwargs['json'] = json_body
        policy = self._retry_policy
        attempt = 0
        while True:
            attempt += 1
            self.stats['requests'] += 1
            retry_after = None
            try:
                response = self._session.request(method, url, **kwargs)
            except SSLError as exc:
                raise self._certificate_error(action, exc)
            except (RequestsConnectionError, Timeout, ChunkedEncodingError, ContentDecodingError) as exc:
                fault = '%s: %s' % (type(exc).__name__, _transport_reason(exc))
                response = None
            else:
                if response.status_code not in retry_statuses:
                    return response
                fault = 'HTTP %s' % response.status_code
                retry_after = parse_retry_after(response.headers.get('Retry-After'))
            self.last_transient_fault = fault
            delay = policy.delay(attempt, retry_after)
            if attempt > policy.retries or not self._retry_fits(delay):
                if response is not None:
                    return response
                raise TransportError(
                    self._redact('%s failed: no answer from %s after %d attempts (%s).'
                                 % (action, self.base_url, attempt, fault)),
                    url=url, attempts=attempt)
            if response is not None:
                response.close()
            self.stats['retries'] += 1
            self._sleep(delay)

    # -- error helpers -------------------------------------------------------------

    def _error_body(self, response):
        try:
            body = response.json()
        except ValueError:
            return None, excerpt(response.text) or None
        if isinstance(body, dict):
            return body, None
        return None, excerpt(str(body))

    def _auth_error(self, action, response, advice):
        error, body_excerpt = self._error_body(response)
        error = self._redact(error)
        line = describe_failure(action, response.status_code, error, body_excerpt)
        return AuthenticationError(self._redact('%s %s' % (line, advice)), response.status_code, error=error)

    def _certificate_error(self, action, exc):
        if self._ca_path:
            advice = ('the certificate is not signed by the CA bundle in ca_path (%s); check ca_path, '
                      'or set validate_certs: false to skip verification (not recommended).' % self._ca_path)
        else:
            advice = ('set ca_path (SDDC_MANAGER_CA_PATH) to the CA bundle that signed it, or set '
                      'validate_certs: false (SDDC_MANAGER_VALIDATE_CERTS) to skip verification (not recommended).')
        return CertificateError(
            self._redact('%s failed: the TLS certificate of %s could not be verified (%s): %s'
                         % (action, self.base_url, _transport_reason(exc), advice)),
            url=self.base_url)

    def _redact(self, value):
        """Belt and braces: no message or error body leaves the client holding a secret."""
        if isinstance(value, dict):
            return dict((key, self._redact(item)) for key, item in value.items())
        if isinstance(value, list):
            return [self._redact(item) for item in value]
        if not isinstance(value, str):
            return value
        for secret in (self._password, self._access_token, self._refresh_token):
            if secret and len(secret) >= 4:
                value = value.replace(secret, '********')
        return value
