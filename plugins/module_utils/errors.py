# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Typed exceptions raised by the SDDC Manager client.

The client never calls ``fail_json``: it raises one of these, and the module or
action plugin boundary turns it into a result with ``to_result()``. Every
exception carries one readable ``msg`` line and structured details; none of them
ever holds a password or a token.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class SddcManagerError(Exception):
    """Base class: a failure a person can act on, described in one line."""

    def __init__(self, msg, **details):
        super(SddcManagerError, self).__init__(msg)
        self.msg = msg
        self.details = details

    def to_result(self):
        """Keyword arguments for ``fail_json`` or an action plugin's result."""
        result = dict(msg=self.msg, error_kind=type(self).__name__)
        result.update((key, value) for key, value in self.details.items() if value is not None)
        return result


class ConfigurationError(SddcManagerError):
    """The options cannot work (no hostname, no credentials, bad run_id...)."""


class TransportError(SddcManagerError):
    """No usable HTTP answer: connection refused or reset, timeout, after retries."""


class CertificateError(TransportError):
    """The server's TLS certificate could not be verified."""


class InvalidResponseError(SddcManagerError):
    """An answer that is not what the API promises (HTML from a proxy, truncated JSON)."""


class ApiError(SddcManagerError):
    """SDDC Manager answered with an HTTP error status and (usually) a VCF Error body."""

    def __init__(self, msg, status_code, error=None, **details):
        super(ApiError, self).__init__(msg, status_code=status_code, error=error, **details)
        self.status_code = status_code
        self.error = error or {}


class AuthenticationError(ApiError):
    """Login refused, or the access token expired or was refused and could not be renewed."""


class ExportNotReadyError(SddcManagerError):
    """There is no export, or it has not COMPLETED, so there is nothing to download yet."""


class UnsupportedVersionError(SddcManagerError):
    """The appliance is older than the version that offers an operation."""
