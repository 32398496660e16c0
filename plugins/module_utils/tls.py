# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""TLS failures in words a person can act on: which problem it is, and what to set.

OpenSSL's reasons reach us wrapped three times in urllib3 and requests text; the
phrases below are the ones OpenSSL and Python's ssl module put in them.
"""

import os
import socket
import ssl
from urllib.parse import urlsplit

from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError

_CAUSES = (
    (('wrong_version_number', 'wrong version number', 'record layer failure', 'http_request', 'unknown protocol'),
     'plain_http'),
    (('hostname mismatch', "doesn't match", 'does not match', 'ip address mismatch'), 'hostname'),
    (('certificate has expired', 'certificate is not yet valid'), 'expired'),
    (('self-signed', 'self signed'), 'self_signed'),
    (('unable to get local issuer', 'unable to get issuer', 'certificate verify failed', 'certificate_verify_failed',
      'unknown ca'), 'unknown_ca'),
)


def tls_cause(text: str) -> str:
    """A short name for why a TLS handshake failed, from the exception's text."""
    lowered = text.lower()
    for phrases, cause in _CAUSES:
        if any(phrase in lowered for phrase in phrases):
            return cause
    return 'other'


def describe_tls_failure(description: str, url: str, exc: BaseException, ca_path: str = None) -> str:
    """One line naming the real cause of a failed handshake with ``url`` and the setting that fixes it."""
    cause = tls_cause(str(exc))
    host = url.split('://', 1)[-1]
    where = 'the CA bundle in ca_path (%s)' % ca_path if ca_path else 'the system trust store'
    skip = 'or set validate_certs: false (SDDC_MANAGER_VALIDATE_CERTS) to skip verification (not recommended)'
    if cause == 'plain_http':
        return ('%s failed: the server at %s speaks plain HTTP, not HTTPS: write the host as http://%s.'
                % (description, url, host))
    if cause == 'hostname':
        reason = ('its TLS certificate does not name %s (hostname mismatch): use the host name the certificate '
                  'was issued for, %s' % (host.split(':')[0], skip))
    elif cause == 'expired':
        reason = 'its TLS certificate has expired or is not valid yet: renew it on SDDC Manager, %s' % skip
    elif cause == 'self_signed':
        reason = ('its TLS certificate is self-signed and not in %s: set ca_path (SDDC_MANAGER_CA_PATH) to that '
                  'certificate, %s' % (where, skip))
    elif cause == 'unknown_ca':
        reason = ('its TLS certificate is not signed by a CA in %s: set ca_path (SDDC_MANAGER_CA_PATH) to the CA '
                  'bundle that signed it, %s' % (where, skip))
    else:
        reason = 'the TLS handshake failed (%s)' % type(exc).__name__
    return '%s failed: could not verify %s: %s.' % (description, url, reason)


def check_ca_path(ca_path: str) -> None:
    """Fail before any request when ca_path cannot be a CA bundle (missing, unreadable, no certificate)."""
    if os.path.isdir(ca_path):
        return
    try:
        with open(ca_path, 'rb') as handle:
            head = handle.read(4 * 1024 * 1024)
    except (OSError, ValueError) as exc:
        raise ConfigurationError('ca_path %s cannot be read: %s.' % (ca_path, getattr(exc, 'strerror', None) or exc),
                                 option='ca_path')
    if b'-----BEGIN CERTIFICATE-----' not in head and b'-----BEGIN TRUSTED CERTIFICATE-----' not in head:
        raise ConfigurationError('ca_path %s holds no PEM certificate (-----BEGIN CERTIFICATE-----): point it at '
                                 'the CA bundle that signed the certificate of SDDC Manager.' % ca_path,
                                 option='ca_path')


def speaks_tls(url: str, timeout: float = 3.0) -> bool:
    """True when the host and port of ``url`` complete a TLS handshake: a plain http:// URL aimed at an HTTPS port.

    Only a handshake (no certificate check, nothing sent after it): used to explain a connection an
    http:// request saw closed, never to send anything.
    """
    parts = urlsplit(url)
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with socket.create_connection((parts.hostname, parts.port or 80), timeout=timeout) as raw:
            with context.wrap_socket(raw, server_hostname=parts.hostname):
                return True
    except (OSError, ValueError):
        return False
