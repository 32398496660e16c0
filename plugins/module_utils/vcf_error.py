# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one renderer of SDDC Manager's error objects: a VCF ``Error`` (or an export's
``ErrorNotification``, a subset of it) becomes one readable, bounded line.
"""

from ansible_collections.sddc.manager.plugins.module_utils.text import MSG_LIMIT, one_line, sentence, text_field

MAX_CAUSES = 10
MAX_NESTING = 5


def _notification_remediations(error: dict) -> list:
    """Remediation messages carried by 9.1 ``notifications[].remediations[]``, each once.

    Collected only until they fill a message (MSG_LIMIT characters): the line is cut there
    anyway, and a hostile answer may carry hundreds of thousands.
    """
    found, seen, length = [], set(), 0
    notifications = error.get('notifications')
    for notification in notifications if isinstance(notifications, list) else []:
        remediations = notification.get('remediations') if isinstance(notification, dict) else None
        for remediation in remediations if isinstance(remediations, list) else []:
            if isinstance(remediation, dict) and text_field(remediation.get('message')):
                text = sentence(remediation['message'])
                if text not in seen:
                    seen.add(text)
                    found.append(text)
                    length += len(text) + 1
                    if length > MSG_LIMIT:
                        return found
    return found


def _nested_messages(error: dict) -> list:
    """Messages of ``causes`` and ``nestedErrors``, breadth-first, at most MAX_NESTING deep."""
    messages, level = [], [error]
    for depth in range(MAX_NESTING + 1):
        next_level = []
        for node in level:
            causes = node.get('causes')
            for cause in causes if isinstance(causes, list) else []:
                if isinstance(cause, dict) and text_field(cause.get('message')):
                    messages.append(one_line(cause['message']))
            nested = node.get('nestedErrors')
            for child in nested if isinstance(nested, list) and depth < MAX_NESTING else []:
                if isinstance(child, dict):
                    if text_field(child.get('message')):
                        messages.append(one_line(child['message']))
                    next_level.append(child)
            if len(messages) > MAX_CAUSES * 4:
                return messages
        level = next_level
    return messages


def _other_words(error: dict) -> str:
    """The words of a body that is not a VCF Error: ``{"error": "disk quota exceeded"}``, or a Spring
    or RFC 7807 answer (``{"status": 404, "error": "Not Found", "path": ...}``, ``title``/``detail``)."""
    words = [text_field(error.get(key), 500) for key in ('error', 'title', 'detail')]
    line = ': '.join(dict.fromkeys(word for word in words if word))
    path = text_field(error.get('path'), 300)
    return '%s (path %s)' % (line, path) if line and path else line


def describe_error(error, advice: str = None, always: bool = False) -> str:
    """One line from a VCF ``Error``: code, message, causes, remediation, link, reference token.

    ``error`` may be any decoded JSON value: a bare string keeps its words, anything
    else that is not an object gives ''. ``advice`` is the collection's own hint,
    used only when SDDC Manager gave no remediation of its own, unless ``always``
    (a hint that says something the API cannot know).
    """
    if isinstance(error, str):
        return sentence(error)
    if not isinstance(error, dict):
        return sentence(advice) if advice else ''
    parts = []
    code = one_line(text_field(error.get('errorCode')), 200)
    message = sentence(text_field(error.get('message')) or _other_words(error))
    if code and message:
        parts.append('%s: %s' % (code, message))
    elif code or message:
        parts.append(code or message)
    seen = {one_line(text_field(error.get('message')))}
    causes = [m for m in _nested_messages(error) if m not in seen and not seen.add(m)]
    if causes:
        shown = '; '.join(causes[:MAX_CAUSES])
        if len(causes) > MAX_CAUSES:
            shown += '; +%d more' % (len(causes) - MAX_CAUSES)
        parts.append('Causes: %s' % sentence(shown))
    remediations = []
    if text_field(error.get('remediationMessage')):
        remediations.append(sentence(error['remediationMessage']))
    remediations.extend(r for r in _notification_remediations(error) if r not in remediations)
    if advice and (always or not remediations):
        remediations.append(sentence(advice))
    if remediations:
        parts.append('Remediation: %s' % ' '.join(remediations))
    if text_field(error.get('remediationUrl')):
        parts.append('See %s' % one_line(error['remediationUrl'], 300))
    if text_field(error.get('referenceToken')):
        parts.append('(reference token %s)' % one_line(error['referenceToken'], 64))
    return one_line(' '.join(parts))


def describe_failure(action: str, status_code: int, error=None, body_quote: str = None, advice: str = None,
                     always: bool = False) -> str:
    """``<action> failed: HTTP <status> <error line>``: the ``msg`` of an ApiError, bounded."""
    line = '%s failed: HTTP %s' % (action, status_code)
    detail = describe_error(error, advice, always) if error is not None else ''
    if detail:
        line += ' ' + detail
    elif body_quote:
        line += ', body: %s' % body_quote
        if advice:
            line += ' ' + sentence(advice)
    elif advice:
        line += '. ' + sentence(advice)
    return one_line(line, MSG_LIMIT)
