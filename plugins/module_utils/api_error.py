# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Turn the VCF ``Error`` object (every field optional) into one readable line."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

EXCERPT_LENGTH = 200


def excerpt(text, length=EXCERPT_LENGTH):
    """A short, single-line quote of a body that could not be understood."""
    if isinstance(text, bytes):
        text = text.decode('utf-8', 'replace')
    flat = ' '.join(str(text).split())
    if len(flat) > length:
        return flat[:length] + '...'
    return flat


def _text(value):
    if value is None:
        return ''
    return ' '.join(str(value).split())


def _sentence(text):
    text = _text(text)
    if text and text[-1] not in '.!?':
        text += '.'
    return text


def _notification_remediations(error):
    """Remediation messages carried by 9.1 ``notifications[].remediations[]``."""
    found = []
    for notification in error.get('notifications') or []:
        if not isinstance(notification, dict):
            continue
        for remediation in notification.get('remediations') or []:
            if isinstance(remediation, dict) and remediation.get('message'):
                found.append(_sentence(remediation['message']))
    return found


def _nested_messages(error, depth=0):
    """Messages of ``causes`` and ``nestedErrors``, depth-first, without repeats."""
    messages = []
    for cause in error.get('causes') or []:
        if isinstance(cause, dict) and cause.get('message'):
            messages.append(_text(cause['message']))
    if depth < 5:
        for nested in error.get('nestedErrors') or []:
            if isinstance(nested, dict):
                if nested.get('message'):
                    messages.append(_text(nested['message']))
                messages.extend(_nested_messages(nested, depth + 1))
    return messages


def describe_error(error):
    """One line from a VCF ``Error``: code, message, causes, remediation, reference.

    ``error`` may be any decoded JSON value; anything that is not an object gives
    an empty string so that a strange body never raises here.
    """
    if not isinstance(error, dict):
        return ''
    parts = []
    code = _text(error.get('errorCode'))
    message = _sentence(error.get('message'))
    if code and message:
        parts.append('%s: %s' % (code, message))
    elif code or message:
        parts.append(code or message)
    seen = set([_text(error.get('message'))])
    causes = [m for m in _nested_messages(error) if m not in seen and not seen.add(m)]
    if causes:
        parts.append('Causes: %s' % _sentence('; '.join(causes)))
    remediations = []
    if error.get('remediationMessage'):
        remediations.append(_sentence(error['remediationMessage']))
    remediations.extend(r for r in _notification_remediations(error) if r not in remediations)
    if remediations:
        parts.append('Remediation: %s' % ' '.join(remediations))
    if error.get('remediationUrl'):
        parts.append('See %s' % _text(error['remediationUrl']))
    if error.get('referenceToken'):
        parts.append('(reference token %s)' % _text(error['referenceToken']))
    return ' '.join(parts)


def describe_failure(action, status_code, error=None, body_excerpt=None):
    """``<action> failed: HTTP <status> <error line>`` — the ``msg`` of an ApiError."""
    line = '%s failed: HTTP %s' % (action, status_code)
    detail = describe_error(error)
    if detail:
        line += ' ' + detail
    elif body_excerpt:
        line += ', body: %s' % body_excerpt
    return line
