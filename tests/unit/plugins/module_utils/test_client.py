# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The client: base URL, auth and renewal, TLS options, retries, error lines, secrets."""

import json

import pytest
import requests

from ansible_collections.sddc.manager.plugins.module_utils.client import base_url
from ansible_collections.sddc.manager.plugins.module_utils.errors import (
    ApiError,
    AuthenticationError,
    CertificateError,
    ConfigurationError,
    InvalidResponseError,
    TransportError,
)

from ansible_collections.sddc.manager.tests.unit.fakes import ACCESS, PASSWORD, REFRESH, login_answer

STATUS = '/v1/system/check-sets/x/exports'
EXPORT = {'status': 'IN_PROGRESS', 'progress': 10.0, 'startTimestamp': '2026-11-28T10:00:00Z'}


@pytest.mark.parametrize('hostname, expected', [
    ('sddc.example.com', 'https://sddc.example.com'),
    ('sddc.example.com:8443', 'https://sddc.example.com:8443'),
    ('https://sddc.example.com/', 'https://sddc.example.com'),
    ('HTTPS://sddc.example.com', 'https://sddc.example.com'),
    ('http://127.0.0.1:8080', 'http://127.0.0.1:8080'),
    (' [::1]:8443 ', 'https://[::1]:8443'),
])
def test_base_url_accepts_what_users_write(hostname, expected):
    assert base_url(hostname) == expected


@pytest.mark.parametrize('hostname', ['', 'ftp://sddc', 'https://sddc.example.com/ui', 'user:pw@sddc', 'sddc:notaport',
                                      'sddc example.com', 'sddc..example.com', '[::1', 'https://', 'sddc\x00.com',
                                      'sddc.example.com:99999', '.example.com'])
def test_base_url_rejects_the_unusable_in_one_line(hostname):
    with pytest.raises(ConfigurationError) as caught:
        base_url(hostname)
    assert '\n' not in caught.value.msg and caught.value.details.get('option') == 'hostname'


def test_api_token_is_sent_as_bearer_without_login(make_client, transport):
    transport.add('GET', STATUS, json_body=EXPORT)
    client = make_client(api_token='given-token')
    assert client.get_json(STATUS, 'Reading') == EXPORT
    assert transport.paths() == ['GET ' + STATUS]
    assert transport.sent[0]['headers']['Authorization'] == 'Bearer given-token'


@pytest.mark.parametrize('login_status', [200, 201])
def test_login_once_then_reuse_the_token(make_client, transport, login_status):
    transport.add('POST', '/v1/tokens', status=login_status, json_body=login_answer())
    transport.add('GET', STATUS, json_body=EXPORT, times=2)
    client = make_client()
    client.get_json(STATUS, 'Reading')
    client.get_json(STATUS, 'Reading')
    assert transport.paths() == ['POST /v1/tokens', 'GET ' + STATUS, 'GET ' + STATUS]
    assert json.loads(transport.sent[0]['body']) == {'username': 'administrator@vsphere.local', 'password': PASSWORD}
    assert transport.sent[2]['headers']['Authorization'] == 'Bearer ' + ACCESS


def test_expired_token_is_refreshed_and_the_request_replayed(make_client, transport):
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer())
    transport.add('GET', STATUS, status=401, json_body={'errorCode': 'Unauthorized'})
    transport.add('PATCH', '/v1/tokens/access-token/refresh', json_body='access-token-0002')
    transport.add('GET', STATUS, json_body=EXPORT)
    client = make_client()
    assert client.get_json(STATUS, 'Reading') == EXPORT
    refresh = transport.sent[2]
    assert json.loads(refresh['body']) == REFRESH
    assert 'Authorization' not in refresh['headers']
    assert transport.sent[3]['headers']['Authorization'] == 'Bearer access-token-0002'
    assert client.stats['refreshes'] == 1 and client.stats['logins'] == 1


def test_failed_refresh_falls_back_to_a_new_login(make_client, transport):
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer())
    transport.add('GET', STATUS, status=401)
    transport.add('PATCH', '/v1/tokens/access-token/refresh', status=404, json_body={'message': 'gone'})
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer('access-token-0003'))
    transport.add('GET', STATUS, json_body=EXPORT)
    client = make_client()
    assert client.get_json(STATUS, 'Reading') == EXPORT
    assert transport.sent[4]['headers']['Authorization'] == 'Bearer access-token-0003'
    assert client.stats['logins'] == 2


def test_refused_api_token_fails_saying_so(make_client, transport):
    transport.add('GET', STATUS, status=401, json_body={'errorCode': 'Unauthorized', 'message': 'Token expired'})
    with pytest.raises(AuthenticationError) as caught:
        make_client(api_token='old-token-1234').get_json(STATUS, 'Reading the export')
    assert 'expired or was refused' in caught.value.msg
    assert 'HTTP 401' in caught.value.msg
    assert transport.paths() == ['GET ' + STATUS]


def test_wrong_credentials_fail_without_retry_and_without_the_password(make_client, transport):
    transport.add('POST', '/v1/tokens', status=401,
                  json_body={'errorCode': 'Unauthorized', 'message': 'Bad credentials for %s' % PASSWORD})
    with pytest.raises(AuthenticationError) as caught:
        make_client().get_json(STATUS, 'Reading')
    assert 'Logging in to SDDC Manager at https://sddc.example.com as administrator@vsphere.local failed: HTTP 401' \
        in caught.value.msg
    assert PASSWORD not in caught.value.msg and PASSWORD not in repr(caught.value.to_result())
    assert len(transport.sent) == 1


def test_tls_verification_is_on_by_default_and_each_request_is_bounded(make_client, transport, monkeypatch):
    monkeypatch.delenv('REQUESTS_CA_BUNDLE', raising=False)
    monkeypatch.delenv('CURL_CA_BUNDLE', raising=False)
    transport.add('GET', STATUS, json_body=EXPORT)
    make_client(api_token='t0k3n').get_json(STATUS, 'Reading')
    assert transport.sent[0]['verify'] is True
    connect, read = transport.sent[0]['timeout']
    assert 29 < connect <= 30.0 and 29 < read <= 30.0


def test_a_request_never_waits_longer_than_request_timeout_whatever_the_clock_reads(make_client, transport):
    """(now + 30) - now is 30.000000000014552 at this clock reading: float rounding must not lift the cap."""
    transport.add('GET', STATUS, json_body=EXPORT)
    make_client(api_token='t0k3n', clock=lambda: 131043.63900000001).get_json(STATUS, 'Reading')
    assert transport.sent[0]['timeout'] == (30.0, 30.0)


def test_ca_path_is_the_bundle_used(make_client, transport, ca_file):
    transport.add('GET', STATUS, json_body=EXPORT)
    make_client(api_token='t0k3n', ca_path=ca_file, request_timeout=5).get_json(STATUS, 'Reading')
    assert transport.sent[0]['verify'] == ca_file
    assert transport.sent[0]['timeout'][1] <= 5.0


def test_requests_ca_bundle_cannot_turn_verification_back_on(make_client, transport, monkeypatch):
    monkeypatch.setenv('REQUESTS_CA_BUNDLE', '/some/bundle.pem')
    transport.add('GET', STATUS, json_body=EXPORT)
    make_client(api_token='t0k3n', validate_certs=False).get_json(STATUS, 'Reading')
    assert transport.sent[0]['verify'] is False


@pytest.mark.parametrize('content, words', [
    (None, 'cannot be read: No such file or directory'),
    (b'-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n', 'holds no PEM certificate'),
    (b'\x00\x01random bytes', 'holds no PEM certificate'),
])
def test_a_ca_path_that_cannot_be_a_bundle_fails_before_any_request(make_client, transport, tmp_path, content, words):
    path = tmp_path / 'ca.pem'
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ConfigurationError) as caught:
        make_client(api_token='t0k3n', ca_path=str(path))
    assert words in caught.value.msg and str(path) in caught.value.msg
    assert transport.sent == []


@pytest.mark.parametrize('text, words', [
    ('[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:1006)',
     'self-signed'),
    ('[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate',
     'not signed by a CA in'),
    ("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for "
     "'sddc.example.com'. (_ssl.c:1006)", 'hostname mismatch'),
    ('[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)', 'expired'),
])
def test_certificate_failures_name_the_real_cause_and_the_setting(make_client, transport, text, words):
    transport.add('GET', STATUS, exc=requests.exceptions.SSLError(text))
    with pytest.raises(CertificateError) as caught:
        make_client(api_token='t0k3n').get_json(STATUS, 'Reading')
    assert words in caught.value.msg and 'validate_certs: false' in caught.value.msg
    assert "(_ssl" not in caught.value.msg and "'" not in caught.value.msg.split('could not verify')[1]
    assert len(transport.sent) == 1


def test_plain_http_answering_tls_is_named(make_client, transport):
    transport.add('GET', STATUS, exc=requests.exceptions.SSLError(
        "HTTPSConnectionPool(host='127.0.0.1', port=8080): Max retries exceeded (Caused by SSLError(SSLError(1, "
        "'[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)')))"))
    with pytest.raises(CertificateError) as caught:
        make_client(api_token='t0k3n', hostname='127.0.0.1:8080').get_json(STATUS, 'Reading')
    assert caught.value.msg == ('Reading failed: the server at https://127.0.0.1:8080 speaks plain HTTP, not HTTPS: '
                                'write the host as http://127.0.0.1:8080.')


@pytest.mark.parametrize('fault', [
    dict(exc=requests.exceptions.ConnectionError('Connection reset by peer')),
    dict(exc=requests.exceptions.ReadTimeout('read timed out')),
    dict(status=429), dict(status=502), dict(status=503), dict(status=504),
])
def test_transient_faults_are_retried(make_client, transport, sleeps, fault):
    transport.add('GET', STATUS, times=2, **fault)
    transport.add('GET', STATUS, json_body=EXPORT)
    assert make_client(api_token='t0k3n').get_json(STATUS, 'Reading') == EXPORT
    assert len(transport.sent) == 3 and len(sleeps) == 2


def test_backoff_is_capped_exponential_with_jitter(make_client, transport, sleeps):
    transport.add('GET', STATUS, status=503, times=4)
    with pytest.raises(ApiError) as caught:
        make_client(api_token='t0k3n').get_json(STATUS, 'Reading the export')
    assert caught.value.status_code == 503
    assert len(transport.sent) == 4
    assert [s <= cap for s, cap in zip(sleeps, [0.5, 1.0, 2.0])] == [True, True, True]
    assert 'Reading the export failed: HTTP 503' in caught.value.msg


def test_retry_after_seconds_is_honoured(make_client, transport, sleeps):
    transport.add('GET', STATUS, status=429, headers={'Retry-After': '7'})
    transport.add('GET', STATUS, json_body=EXPORT)
    make_client(api_token='t0k3n').get_json(STATUS, 'Reading')
    assert sleeps and sleeps[0] >= 7


def test_retry_after_http_date_is_honoured(make_client, transport, sleeps):
    from email.utils import formatdate
    import time
    transport.add('GET', STATUS, status=503, headers={'Retry-After': formatdate(time.time() + 20, usegmt=True)})
    transport.add('GET', STATUS, json_body=EXPORT)
    make_client(api_token='t0k3n').get_json(STATUS, 'Reading')
    assert 15 <= sleeps[0] <= 21


@pytest.mark.parametrize('status', [400, 403, 404, 409, 500])
def test_other_errors_are_not_retried(make_client, transport, sleeps, status):
    transport.add('GET', STATUS, status=status, json_body={'message': 'no'})
    with pytest.raises(ApiError):
        make_client(api_token='t0k3n').get_json(STATUS, 'Reading')
    assert len(transport.sent) == 1 and sleeps == []


def test_connection_faults_past_the_budget_raise_transport_error(make_client, transport):
    transport.add('GET', STATUS, times=4, exc=requests.exceptions.ConnectionError('[Errno 111] Connection refused'))
    with pytest.raises(TransportError) as caught:
        make_client(api_token='t0k3n').get_json(STATUS, 'Reading the export')
    assert 'Reading the export failed: no answer from https://sddc.example.com after 4 attempts' in caught.value.msg
    assert 'Connection refused' in caught.value.msg


def test_full_vcf_error_becomes_one_readable_line(make_client, transport):
    error = {
        'errorCode': 'EXPORT_FAILED', 'message': 'The export could not be generated',
        'remediationMessage': 'Retry after the pre-check completes', 'referenceToken': 'AB12CD',
        'causes': [{'type': 'IOException', 'message': 'disk full'}],
        'nestedErrors': [{'message': 'store unavailable', 'nestedErrors': [{'message': 'timeout'}]}],
        'notifications': [{'severity': 'ERROR', 'message': 'x',
                           'remediations': [{'message': 'Free space on /data', 'link': 'https://kb'}]}],
        'remediationUrl': 'https://kb.example.com/1234',
    }
    transport.add('GET', STATUS, status=500, json_body=error)
    with pytest.raises(ApiError) as caught:
        make_client(api_token='t0k3n').get_json(STATUS, 'Reading the export of pre-check run x')
    assert caught.value.msg == (
        'Reading the export of pre-check run x failed: HTTP 500 EXPORT_FAILED: The export could not be generated. '
        'Causes: disk full; store unavailable; timeout. '
        'Remediation: Retry after the pre-check completes. Free space on /data. '
        'See https://kb.example.com/1234 (reference token AB12CD)')
    assert caught.value.to_result()['error'] == error
    assert caught.value.to_result()['status_code'] == 500


def test_html_error_page_is_quoted_not_a_traceback(make_client, transport):
    transport.add('GET', STATUS, status=400, body='<html>\n<body>Proxy says no</body></html>')
    with pytest.raises(ApiError) as caught:
        make_client(api_token='t0k3n').get_json(STATUS, 'Reading')
    assert caught.value.msg == 'Reading failed: HTTP 400, body: <html> <body>Proxy says no</body></html>'


@pytest.mark.parametrize('body', ['<html>maintenance</html>', '{"status": "IN_PRO', ''])
def test_non_json_success_body_is_an_invalid_response(make_client, transport, body):
    transport.add('GET', STATUS, body=body)
    with pytest.raises(InvalidResponseError) as caught:
        make_client(api_token='t0k3n').get_json(STATUS, 'Reading')
    assert 'body that is not JSON' in caught.value.msg
    assert '\n' not in caught.value.msg


def test_no_secret_survives_in_an_error_even_when_the_server_echoes_it(make_client, transport):
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer())
    transport.add('GET', STATUS, status=500, json_body={'message': 'token %s refresh %s' % (ACCESS, REFRESH)})
    with pytest.raises(ApiError) as caught:
        make_client().get_json(STATUS, 'Reading')
    for secret in (ACCESS, REFRESH, PASSWORD):
        assert secret not in caught.value.msg
        assert secret not in repr(caught.value.to_result())


# -- redirects ----------------------------------------------------------------------

def test_a_same_origin_redirect_of_a_read_is_followed(make_client, transport):
    transport.add('GET', STATUS, status=307, headers={'Location': STATUS + '/current'})
    transport.add('GET', STATUS + '/current', json_body=EXPORT)
    assert make_client(api_token='t0k3n').get_json(STATUS, 'Reading') == EXPORT


@pytest.mark.parametrize('location', ['https://evil.example.net/v1/tokens', 'http://sddc.example.com/v1/tokens',
                                      'https://sddc.example.com:8443/v1/tokens', 'file:///etc/passwd',
                                      'gopher://sddc.example.com/'])
def test_credentials_never_follow_a_redirect(make_client, transport, location):
    transport.add('POST', '/v1/tokens', status=307, headers={'Location': location})
    with pytest.raises(TransportError) as caught:
        make_client().get_json(STATUS, 'Reading')
    assert transport.paths() == ['POST /v1/tokens'], 'nothing was sent to the redirect target'
    assert 'redirect to' in caught.value.msg and 'nothing was sent there' in caught.value.msg
    assert PASSWORD not in caught.value.msg


def test_a_body_is_never_replayed_across_a_redirect_even_to_the_same_host(make_client, transport):
    transport.add('POST', '/v1/tokens', status=308, headers={'Location': '/v1/tokens/again'})
    with pytest.raises(TransportError):
        make_client().get_json(STATUS, 'Reading')
    assert transport.paths() == ['POST /v1/tokens']


@pytest.mark.parametrize('location', ['https://other.example.com/data', 'http://sddc.example.com/data'])
def test_a_read_that_redirects_to_another_origin_is_refused(make_client, transport, location):
    transport.add('GET', STATUS, status=302, headers={'Location': location})
    with pytest.raises(TransportError):
        make_client(api_token='t0k3n').get_json(STATUS, 'Reading')
    assert len(transport.sent) == 1


def test_a_redirect_loop_ends_in_one_line(make_client, transport):
    transport.add('GET', STATUS, status=302, headers={'Location': STATUS}, times=6)
    with pytest.raises(TransportError) as caught:
        make_client(api_token='t0k3n').get_json(STATUS, 'Reading')
    assert 'more than 5 redirects' in caught.value.msg


# -- bounds -------------------------------------------------------------------------

class Trickle:
    """A body that arrives a byte at a time, each byte taking ``step`` seconds of the fake clock."""

    def __init__(self, clock, step, size=100000):
        self.clock, self.step, self.left = clock, step, size

    def read1(self, amount):
        if self.left <= 0:
            return b''
        self.clock[0] += self.step
        self.left -= 1
        return b' '

    def close(self):
        pass

    def release_conn(self):
        pass


def test_a_trickling_answer_is_cut_off_at_request_timeout(make_client, transport):
    now = [0.0]
    transport.add('GET', STATUS, raw=Trickle(now, 1.0), times=5)
    client = make_client(api_token='t0k3n', request_timeout=8, clock=lambda: now[0])
    with pytest.raises(TransportError) as caught:
        client.get_json(STATUS, 'Reading')
    assert 'took longer than request_timeout (8s)' in caught.value.msg
    assert now[0] < 8 * 5 + 5, 'each attempt stopped at its bound'


def test_a_wait_deadline_cuts_a_request_in_flight(make_client, transport):
    now = [0.0]
    transport.add('GET', STATUS, raw=Trickle(now, 1.0), times=5)
    client = make_client(api_token='t0k3n', request_timeout=30, clock=lambda: now[0])
    with client.deadline(5.0):
        with pytest.raises(TransportError):
            client.get_json(STATUS, 'Reading')
    assert now[0] <= 7
    assert client._retry_deadline is None, 'the deadline ends with its block'  # pylint: disable=protected-access


def test_an_endless_json_answer_is_refused_at_the_cap(make_client, transport, monkeypatch):
    from ansible_collections.sddc.manager.plugins.module_utils import client as client_module
    monkeypatch.setattr(client_module, 'MAX_JSON_BYTES', 1024)
    transport.add('GET', STATUS, body='[' + '1,' * 5000 + '1]')
    with pytest.raises(InvalidResponseError) as caught:
        make_client(api_token='t0k3n').get_json(STATUS, 'Reading')
    assert 'the answer is larger than 1024 bytes' in caught.value.msg


def test_deeply_nested_json_is_an_invalid_response_not_a_crash(make_client, transport):
    transport.add('GET', STATUS, body='[' * 100000 + ']' * 100000)
    with pytest.raises(InvalidResponseError) as caught:
        make_client(api_token='t0k3n').get_json(STATUS, 'Reading')
    assert 'nested too deep to read' in caught.value.msg
    assert caught.value.transient is False, 'the same answer comes at every poll: fail at once'


def test_an_answer_over_the_cap_is_not_worth_another_poll(make_client, transport, monkeypatch):
    from ansible_collections.sddc.manager.plugins.module_utils import client as client_module
    monkeypatch.setattr(client_module, 'MAX_JSON_BYTES', 1024)
    transport.add('GET', STATUS, body='[' + '1,' * 5000 + '1]')
    with pytest.raises(InvalidResponseError) as caught:
        make_client(api_token='t0k3n').get_json(STATUS, 'Reading')
    assert caught.value.transient is False


def test_a_checked_answer_of_the_wrong_shape_is_refused_quoting_it_redacted(make_client, transport):
    transport.add('GET', STATUS, json_body=['t0k3n-secret-value'])
    client = make_client(api_token='t0k3n-secret-value')
    with pytest.raises(InvalidResponseError) as caught:
        client.get_json(STATUS, 'Reading', expect=lambda value: isinstance(value, dict), what='an object')
    assert caught.value.msg.startswith('Reading: the answer is not an object: ')
    assert 't0k3n-secret-value' not in caught.value.msg and '********' in caught.value.msg


def test_an_error_nested_300_deep_with_a_huge_message_gives_a_bounded_line(make_client, transport):
    error = {'message': 'x' * 200000}
    node = error
    for index in range(300):
        node['nestedErrors'] = [{'message': 'level %d' % index}]
        node = node['nestedErrors'][0]
    error['causes'] = [{'message': 'cause %d' % index} for index in range(5000)]
    transport.add('GET', STATUS, status=500, json_body=error)
    with pytest.raises(ApiError) as caught:
        make_client(api_token='t0k3n').get_json(STATUS, 'Reading')
    assert len(caught.value.msg) <= 2000
    result = caught.value.to_result()
    assert json.dumps(result)   # serialisable, and bounded in depth
    depth, node = 0, result['error']
    while isinstance(node, dict) and node.get('nestedErrors'):
        node, depth = node['nestedErrors'][0], depth + 1
    assert depth < 60


def test_control_characters_and_escape_sequences_never_reach_the_message(make_client, transport):
    transport.add('GET', STATUS, status=500, json_body={
        'message': 'bad\x1b[2J\x1b]0;pwned\x07 thing\nFAKE: ok=1', 'referenceToken': 'AB\r\nCD'})
    with pytest.raises(ApiError) as caught:
        make_client(api_token='t0k3n').get_json(STATUS, 'Reading')
    assert '\x1b' not in caught.value.msg and '\n' not in caught.value.msg and '\x07' not in caught.value.msg
    assert 'bad thing FAKE: ok=1' in caught.value.msg


def test_a_bare_string_error_keeps_its_words(make_client, transport):
    transport.add('GET', STATUS, status=507, json_body={'error': 'disk quota exceeded'})
    with pytest.raises(ApiError) as caught:
        make_client(api_token='t0k3n').get_json(STATUS, 'Reading')
    assert caught.value.msg == 'Reading failed: HTTP 507 disk quota exceeded.'
    transport.add('GET', STATUS, status=404, json_body={'status': 404, 'error': 'Not Found', 'path': '/v1/x'})
    with pytest.raises(ApiError) as caught:
        make_client(api_token='t0k3n').get_json(STATUS, 'Reading')
    assert caught.value.msg == 'Reading failed: HTTP 404 Not Found (path /v1/x).'
    transport.add('GET', STATUS, status=507, json_body='disk quota exceeded')
    with pytest.raises(ApiError) as caught:
        make_client(api_token='t0k3n').get_json(STATUS, 'Reading')
    assert caught.value.msg == 'Reading failed: HTTP 507 disk quota exceeded.'


@pytest.mark.parametrize('exc', [requests.exceptions.InvalidURL('bad'), requests.exceptions.InvalidSchema('gopher'),
                                 UnicodeError('label empty or too long'), ValueError('odd')])
def test_anything_requests_raises_becomes_one_line(make_client, transport, exc):
    transport.add('GET', STATUS, exc=exc)
    with pytest.raises(TransportError) as caught:
        make_client(api_token='t0k3n').get_json(STATUS, 'Reading')
    assert caught.value.msg.startswith('Reading failed: the request to https://sddc.example.com')


@pytest.mark.parametrize('answer', [{'accessToken': 12345, 'refreshToken': {'id': 'r'}}, {'accessToken': ['x']},
                                    {'refreshToken': {'id': 'r'}}, ['accessToken']])
def test_a_login_answer_without_a_token_string_fails_in_one_line(make_client, transport, answer):
    transport.add('POST', '/v1/tokens', status=201, json_body=answer)
    with pytest.raises(InvalidResponseError) as caught:
        make_client().get_json(STATUS, 'Reading')
    assert 'no accessToken string' in caught.value.msg


# -- secrets and the end of the session ---------------------------------------------

@pytest.mark.parametrize('form', [
    lambda s: s, lambda s: json.dumps(s)[1:-1], lambda s: __import__('urllib.parse').parse.quote(s, safe=''),
])
def test_echoed_secrets_are_masked_in_every_form(make_client, transport, form):
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer())
    echo = {'message': 'a %s b %s c %s' % (form(PASSWORD), form(ACCESS), form(REFRESH)),
            form(ACCESS): 'token as a key'}
    transport.add('GET', STATUS, status=500, json_body=echo)
    with pytest.raises(ApiError) as caught:
        make_client().get_json(STATUS, 'Reading')
    text = caught.value.msg + repr(caught.value.to_result())
    for secret in (PASSWORD, ACCESS, REFRESH):
        assert form(secret) not in text


def test_close_revokes_the_refresh_token_it_obtained(make_client, transport):
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer())
    transport.add('GET', STATUS, json_body=EXPORT)
    transport.add('DELETE', '/v1/tokens/refresh-token', status=204)
    with make_client() as client:
        client.get_json(STATUS, 'Reading')
    assert transport.paths()[-1] == 'DELETE /v1/tokens/refresh-token'
    assert json.loads(transport.sent[-1]['body']) == REFRESH
    assert transport.sent[-1]['timeout'] == (2.0, 2.0)


def test_close_never_fails_and_leaves_an_api_token_alone(make_client, transport):
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer())
    transport.add('GET', STATUS, json_body=EXPORT)
    transport.add('DELETE', '/v1/tokens/refresh-token', exc=requests.exceptions.ConnectionError('gone'))
    with make_client() as client:
        client.get_json(STATUS, 'Reading')
    transport.add('GET', STATUS, json_body=EXPORT)
    with make_client(api_token='t0k3n') as client:
        client.get_json(STATUS, 'Reading')
    assert transport.paths().count('DELETE /v1/tokens/refresh-token') == 1


def test_a_host_name_that_does_not_resolve_fails_at_once_in_one_line(make_client, transport, sleeps):
    fault = requests.exceptions.ConnectionError(
        "HTTPSConnectionPool(host='sddc.example.com', port=443): Max retries exceeded with url: /v1/tokens (Caused by "
        "NameResolutionError(\"<urllib3.connection.HTTPSConnection object>: Failed to resolve 'sddc.example.com' "
        "([Errno -2] Name or service not known)\"))")
    transport.add('GET', STATUS, exc=fault)
    with pytest.raises(TransportError) as caught:
        make_client(api_token='t0k3n').get_json(STATUS, 'Reading')
    assert caught.value.msg == ('Reading failed: cannot resolve host name sddc.example.com: check hostname '
                                '(SDDC_MANAGER_HOST).')
    assert sleeps == [] and caught.value.transient is False, 'no retry'


def test_plain_http_to_an_https_port_says_so_without_retrying(make_client, transport, sleeps, monkeypatch):
    from ansible_collections.sddc.manager.plugins.module_utils import client as client_module
    monkeypatch.setattr(client_module, 'speaks_tls', lambda url: url == 'http://sddc.example.com:8443' + STATUS)
    transport.add('GET', STATUS, exc=requests.exceptions.ConnectionError(
        "('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))"))
    with pytest.raises(TransportError) as caught:
        make_client(api_token='t0k3n', hostname='http://sddc.example.com:8443').get_json(STATUS, 'Reading')
    assert caught.value.msg == ('Reading failed: http://sddc.example.com:8443 closed the connection without an HTTP '
                                'answer: this port speaks HTTPS: write https://sddc.example.com:8443.')
    assert sleeps == []


def test_a_closed_connection_on_a_port_that_is_not_https_is_retried(make_client, transport, sleeps, monkeypatch):
    from ansible_collections.sddc.manager.plugins.module_utils import client as client_module
    monkeypatch.setattr(client_module, 'speaks_tls', lambda url: False)
    closed = requests.exceptions.ConnectionError("('Connection aborted.', RemoteDisconnected('closed'))")
    transport.add('GET', STATUS, exc=closed)
    transport.add('GET', STATUS, json_body={'ok': True})
    assert make_client(api_token='t0k3n', hostname='http://sddc.example.com:8080').get_json(STATUS, 'Reading') == {
        'ok': True}
    assert len(sleeps) == 1


def test_both_a_token_and_a_password_are_refused_in_the_collections_words():
    from ansible_collections.sddc.manager.plugins.module_utils.options import check_connection_params
    with pytest.raises(ConfigurationError) as caught:
        check_connection_params(dict(hostname='h', api_token='t0k3n-value', username='u', password='p'))
    assert caught.value.msg.startswith('Both an api_token and username and password are set (as options, or as '
                                       'SDDC_MANAGER_API_TOKEN and SDDC_MANAGER_USERNAME and SDDC_MANAGER_PASSWORD)')
    assert 't0k3n-value' not in caught.value.msg


# -- a session shared by several tasks (sddc.manager.session) -----------------------------------------------------

def _session_of(make_client, transport):
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer())
    client = make_client()
    client.login()
    tokens = client.session_tokens()
    client.close()   # handed over: not revoked
    assert transport.paths() == ['POST /v1/tokens']
    return tokens


def test_a_resumed_session_logs_in_no_more_and_revokes_nothing(make_client, transport):
    tokens = _session_of(make_client, transport)
    assert (tokens['access_token'], tokens['refresh_token']) == (ACCESS, REFRESH)
    transport.add('GET', STATUS, json_body=EXPORT)
    with make_client(username=None, password=None, login_session=tokens) as client:
        client.get_json(STATUS, 'Reading')
    assert transport.paths() == ['POST /v1/tokens', 'GET ' + STATUS]
    assert transport.sent[-1]['headers']['Authorization'] == 'Bearer ' + ACCESS


def test_a_resumed_session_is_refreshed_then_replaced_by_a_login(make_client, transport):
    tokens = _session_of(make_client, transport)
    transport.add('GET', STATUS, status=401, json_body={'errorCode': 'Unauthorized'})
    transport.add('PATCH', '/v1/tokens/access-token/refresh', json_body='access-token-0002')
    transport.add('GET', STATUS, json_body=EXPORT)
    client = make_client(login_session=tokens)
    client.get_json(STATUS, 'Reading')
    assert client.stats == dict(logins=0, refreshes=1, logouts=0)
    transport.add('GET', STATUS, status=401, json_body={'errorCode': 'Unauthorized'})
    transport.add('PATCH', '/v1/tokens/access-token/refresh', status=404, json_body={'message': 'expired'})
    transport.add('POST', '/v1/tokens', status=201, json_body=login_answer())
    transport.add('GET', STATUS, json_body=EXPORT)
    transport.add('DELETE', '/v1/tokens/refresh-token', status=204)
    with make_client(login_session=tokens) as client:
        client.get_json(STATUS, 'Reading')
    assert client.stats == dict(logins=1, refreshes=0, logouts=1)   # its own login is its own to revoke


def test_an_expired_session_without_credentials_says_so(make_client, transport):
    tokens = _session_of(make_client, transport)
    transport.add('GET', STATUS, status=401, json_body={'errorCode': 'Unauthorized'})
    transport.add('PATCH', '/v1/tokens/access-token/refresh', status=404, json_body={'message': 'expired'})
    with pytest.raises(AuthenticationError) as caught:
        make_client(username=None, password=None, login_session=tokens).get_json(STATUS, 'Reading')
    assert caught.value.msg.startswith('The session expired and could not be refreshed')
    assert ACCESS not in caught.value.msg and REFRESH not in caught.value.msg


def test_a_session_of_another_manager_is_refused_before_any_request(make_client, transport):
    tokens = _session_of(make_client, transport)
    with pytest.raises(ConfigurationError) as caught:
        make_client(hostname='other.example.com', login_session=tokens)
    assert 'another SDDC Manager' in caught.value.msg and caught.value.details['option'] == 'session'
    with pytest.raises(ConfigurationError):
        make_client(login_session={'access_token': ACCESS})   # no origin: never sent anywhere
    assert transport.paths() == ['POST /v1/tokens']


def test_revoking_a_handed_over_session(make_client, transport):
    tokens = _session_of(make_client, transport)
    transport.add('DELETE', '/v1/tokens/refresh-token', status=204)
    client = make_client(username=None, password=None, login_session=tokens)
    assert client.revoke_session() is True
    assert json.loads(transport.sent[-1]['body']) == REFRESH
    assert client.revoke_session() is False   # once


def test_an_api_token_ignores_a_session(make_client, transport):
    tokens = _session_of(make_client, transport)
    transport.add('GET', STATUS, json_body=EXPORT)
    make_client(api_token='given-token', login_session=tokens).get_json(STATUS, 'Reading')
    assert transport.sent[-1]['headers']['Authorization'] == 'Bearer given-token'
