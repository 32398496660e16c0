# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Typed exceptions raised by the SDDC Manager client and the API helpers.

The client never calls ``fail_json``: it raises one of these, and the module or
action plugin boundary turns it into a result with ``to_result()``. Every
exception carries one readable ``msg`` line, at most MSG_LIMIT characters, and
structured details; none of them ever holds a password or a token.

The keys a failure can return are fixed here, once: ``msg``, ``error_kind``,
``status_code``, ``error`` and ``error_details`` (whose keys are DETAIL_KEYS).
Every plugin's RETURN documents them; a unit test holds the two together.
"""

from ansible_collections.sddc.manager.plugins.module_utils.retry import RETRYABLE_STATUS_CODES
from ansible_collections.sddc.manager.plugins.module_utils.text import MSG_LIMIT, one_line

FAILURE_KEYS = ('msg', 'error_kind', 'status_code', 'error', 'error_details')

DETAIL_KEYS = {
    'url': 'The URL that could not be reached.',
    'attempts': 'How many times the request was tried.',
    'version': 'The SDDC Manager version found.',
    'required_version': 'The VCF version an operation needs.',
    'export_status': 'The status of the export that was not ready.',
    'available': 'What exists instead of what was asked for (domain names, or offered target versions).',
    'option': 'The option at fault.',
}


class SddcManagerError(Exception):
    """Base class: a failure a person can act on, described in one line.

    ``transient`` says whether another attempt (another poll of a wait) may not meet it;
    each kind sets its default, and an instance may say otherwise.
    """

    transient = False

    def __init__(self, msg: str, status_code: int = None, error=None, transient: bool = None, **details):
        # One bounded line, whatever a server put into it (a list of every domain it has, say).
        msg = one_line(msg, MSG_LIMIT)
        super().__init__(msg)
        unknown = set(details) - set(DETAIL_KEYS)
        if unknown:
            raise TypeError('undocumented failure details: %s' % ', '.join(sorted(unknown)))
        self.msg = msg
        if transient is not None:
            self.transient = transient
        self.status_code = status_code
        self.error = error
        self.details = dict((key, value) for key, value in details.items() if value is not None)

    def to_result(self) -> dict:
        """Keyword arguments for ``fail_json`` or an action plugin's result (FAILURE_KEYS only)."""
        result = dict(msg=self.msg, error_kind=type(self).__name__)
        if self.status_code is not None:
            result['status_code'] = self.status_code
        if self.error is not None:
            result['error'] = self.error
        if self.details:
            result['error_details'] = dict(self.details)
        return result


class ConfigurationError(SddcManagerError):
    """The options cannot work (no hostname, no credentials, bad run_id...)."""


class TransportError(SddcManagerError):
    """No usable HTTP answer: connection refused or reset, timeout, after retries."""

    transient = True


class CertificateError(TransportError):
    """The TLS handshake failed for a reason that retrying cannot clear."""

    transient = False


class InvalidResponseError(SddcManagerError):
    """An answer that is not what the API promises (HTML from a proxy, truncated JSON).

    Transient unless said otherwise: a proxy may garble one answer; an answer too large
    or nested too deep to read is the same at every poll.
    """

    transient = True


class ApiError(SddcManagerError):
    """SDDC Manager answered with an HTTP error status and (usually) a VCF Error body.

    Transient for the statuses a retry may clear (429, 502, 503, 504).
    """

    @property
    def transient(self) -> bool:
        return self.status_code in RETRYABLE_STATUS_CODES


class AuthenticationError(ApiError):
    """Login refused, or the access token expired or was refused and could not be renewed."""


class NotFoundError(SddcManagerError):
    """What the task names does not exist: a pre-check run, a domain, a target version."""


class ExportNotReadyError(SddcManagerError):
    """There is no export, or it has not COMPLETED, so there is nothing to download yet."""


class UnsupportedVersionError(SddcManagerError):
    """The appliance is older than the version that offers an operation."""


class WaitTimeoutError(SddcManagerError):
    """A wait ran out of time; what it waited for may still be running on SDDC Manager."""


class ExportFailedError(SddcManagerError):
    """SDDC Manager ended a pre-check export FAILED; its error and remediation are in the msg."""


class PrecheckBlockedError(SddcManagerError):
    """The gate failed on a pre-check run: findings at the fail_on level, or what could not be read or checked."""


# Every error_kind a failure can have: these classes and the boundary's last resort. RETURN names each.
ERROR_KINDS = tuple(kind.__name__ for kind in (
    ConfigurationError, ApiError, AuthenticationError, NotFoundError, CertificateError, TransportError,
    InvalidResponseError, UnsupportedVersionError, ExportNotReadyError, ExportFailedError, WaitTimeoutError,
    PrecheckBlockedError)) + ('UnexpectedError',)
