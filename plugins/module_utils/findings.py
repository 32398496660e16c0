# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one findings walker: a pre-check result (AssessmentOutput) in any shape becomes a flat list.

No public source shows a real failed result (shared/spec/check-set-runs.md §3), so
this reads every representation the evidence shows, at any depth:

* ``validationResult``: an Error tree; a node whose ``context.validationStatus`` is
  set is a check (``validatorDefinitionId``, ``validationName``, ``importanceLevel``
  or ``severity``); 9.1 ``notifications[]`` carry severities and remediations;
* ``physicalPresentedData``: an inventory tree whose leaves carry
  ``classifications[{value, description}]``; the parent names the resource;
* ``presentedArtifactsMap["validation-domain-summary"]``: counts per domain (floats).

The walk is iterative and bounded (MAX_DEPTH levels, MAX_NODES nodes): a hostile
answer cannot exhaust the stack or the time. A failed check whose severity is
missing or unknown counts as ERROR; passed checks are counted, not listed; a check
seen in two representations is one finding.
"""

import math

from ansible_collections.sddc.manager.plugins.module_utils.text import distinct, one_line, status_word, text_field

ERROR = 'ERROR'
WARNING = 'WARNING'
INFO = 'INFO'
SEVERITIES = (ERROR, WARNING, INFO)
SEVERITY_RANK = {ERROR: 0, WARNING: 1, INFO: 2}

MAX_DEPTH = 100
MAX_NODES = 500000
FIELD_LIMIT = 2000

_ERROR_WORDS = frozenset(['ERROR', 'CRITICAL', 'FATAL', 'BLOCKER', 'BLOCKING', 'FAILED', 'FAILURE', 'FAIL', 'HIGH',
                          'SEVERE'])
_WARNING_WORDS = frozenset(['WARNING', 'WARN', 'MEDIUM', 'MODERATE'])
_INFO_WORDS = frozenset(['INFO', 'INFORMATION', 'INFORMATIONAL', 'OPTIONAL', 'LOW', 'NOTICE'])
_PASSED_WORDS = frozenset(['VALIDATION_SUCCESSFUL', 'SUCCESSFUL', 'SUCCESS', 'SUCCEEDED', 'PASSED', 'PASS', 'OK'])
_RESOURCE_KEYS = ('resourceName', 'resource', 'resourceFqdn', 'fqdn', 'hostname', 'entityName', 'resourceId')
_DOMAIN_KEYS = ('domainName', 'domain', 'domainId')


def normalise_severity(raw, failed: bool = True) -> str:
    """ERROR, WARNING or INFO from any vocabulary; unknown or missing is ERROR on a failed check."""
    word = status_word(raw)
    if word in _ERROR_WORDS:
        return ERROR
    if word in _WARNING_WORDS:
        return WARNING
    if word in _INFO_WORDS:
        return INFO
    if word.startswith('WARN'):
        return WARNING
    return ERROR if failed else INFO


def outcome_of(status) -> str:
    """``passed``, ``silenced`` or ``failed`` from a validationStatus; anything unknown is failed."""
    word = status_word(status)
    if word in _PASSED_WORDS:
        return 'passed'
    if 'SILENC' in word or 'SUPPRESS' in word:
        return 'silenced'
    return 'failed'


def count(value) -> int:
    """A count from the server (``3``, ``3.0``, ``"3"``); anything else, negative or not finite, is 0."""
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return 0
    if isinstance(value, bool) or not math.isfinite(number) or number < 0:
        return 0
    return int(min(number, 1e12))


def _first(mapping: dict, keys: tuple):
    """The first of ``keys`` that ``mapping`` holds as text, as one safe line."""
    for key in keys:
        value = mapping.get(key)
        if value is not None:
            text = text_field(value, 255)
            if text:
                return text
    return None


def _as_list(value) -> list:
    return value if isinstance(value, list) else []


def _as_dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def _notification_parts(notification: dict) -> tuple:
    """(message, remediation, links) of one 9.1 ValidationNotification."""
    remediations, links = [], []
    for remediation in _as_list(notification.get('remediations')):
        remediation = _as_dict(remediation)
        text = text_field(remediation.get('message'))
        if text:
            remediations.append(text)
        link = text_field(remediation.get('link'), 500)
        if link:
            links.append(link)
    message = text_field(notification.get('message'))
    impact = text_field(notification.get('impactMessage'))
    if impact and message:
        message = '%s Impact: %s' % (message, impact)
    return message or impact, ' '.join(remediations) or None, links


class FindingsWalk:
    """One pass over an AssessmentOutput; ``findings``, ``passed`` and ``silenced`` are the result."""

    def __init__(self):
        self.findings = []
        self.passed = 0
        self.silenced = 0
        self.nodes = 0
        self.truncated = False
        self._index = {}

    # -- validationResult ---------------------------------------------------------

    def walk_validations(self, root) -> None:
        stack = [(root, 0, None, None)]
        while stack:
            node, depth, resource, domain = stack.pop()
            if not self._visit(node, depth):
                continue
            context = _as_dict(node.get('context'))
            if context:
                resource = _first(context, _RESOURCE_KEYS) or resource
                domain = _first(context, _DOMAIN_KEYS) or domain
            notifications = [n for n in _as_list(node.get('notifications')) if isinstance(n, dict)]
            if 'validationStatus' in context:
                self._check_node(node, context, notifications, resource, domain)
            else:
                for notification in notifications:
                    self._notification(node, context, notification, resource, domain)
            children = _as_list(node.get('nestedErrors'))
            for child in reversed(children):
                stack.append((child, depth + 1, resource, domain))

    def _check_node(self, node, context, notifications, resource, domain):
        outcome = outcome_of(context.get('validationStatus'))
        if outcome == 'passed':
            self.passed += 1
            return
        if outcome == 'silenced':
            self.silenced += 1
            return
        raw = context.get('importanceLevel')
        if raw is None:
            raw = context.get('severity')
        if raw is None and notifications:
            raw = min((n.get('severity') for n in notifications),
                      key=lambda value: SEVERITY_RANK[normalise_severity(value)])
        remediation = [text_field(node.get('remediationMessage'))]
        links = [text_field(node.get('remediationUrl'), 500)]
        messages = [text_field(node.get('message'))]
        for notification in notifications:
            message, remedy, found_links = _notification_parts(notification)
            messages.append(message)
            remediation.append(remedy)
            links.extend(found_links)
        self._add(dict(
            id=text_field(context.get('validatorDefinitionId'), 255) or text_field(node.get('errorCode'), 255),
            name=(text_field(context.get('validationName'), 255) or text_field(node.get('label'), 255)
                  or text_field(node.get('message'), 255)),
            severity=normalise_severity(raw), severity_raw=text_field(raw, 64),
            status=text_field(context.get('validationStatus'), 64),
            message=_join(messages), remediation=_join(remediation), remediation_url=_first_of(links),
            reference_token=text_field(node.get('referenceToken'), 64), resource=resource, domain=domain,
            source='validationResult'))

    def _notification(self, node, context, notification, resource, domain):
        raw = notification.get('severity')
        message, remediation, links = _notification_parts(notification)
        self._add(dict(
            id=text_field(context.get('validatorDefinitionId'), 255) or text_field(node.get('errorCode'), 255),
            name=(text_field(context.get('validationName'), 255) or text_field(node.get('label'), 255)
                  or text_field(node.get('message'), 255) or message),
            severity=normalise_severity(raw), severity_raw=text_field(raw, 64), status=None,
            message=message, remediation=remediation or text_field(node.get('remediationMessage')),
            remediation_url=_first_of(links) or text_field(node.get('remediationUrl'), 500),
            reference_token=text_field(node.get('referenceToken'), 64), resource=resource, domain=domain,
            source='notifications'))

    # -- physicalPresentedData ----------------------------------------------------

    def walk_inventory(self, root) -> None:
        stack = [(root, 0, None, None)]
        while stack:
            node, depth, parent, domain = stack.pop()
            if not self._visit(node, depth):
                continue
            name = text_field(node.get('name'), 255)
            if status_word(node.get('type')) == 'DOMAIN':
                domain = name or text_field(_as_dict(node.get('properties')).get('domainId'), 255) or domain
            for classification in _as_list(node.get('classifications')):
                if isinstance(classification, dict):
                    self._classification(node, name, classification, parent, domain)
            children = _as_list(node.get('childEntities'))
            for child in reversed(children):
                stack.append((child, depth + 1, name or parent, domain))

    def _classification(self, node, name, classification, parent, domain):
        value = status_word(classification.get('value'))
        if value in _PASSED_WORDS:
            self.passed += 1
            return
        if 'ERROR' in value or 'FAIL' in value or 'CRITICAL' in value:
            severity = ERROR
        elif 'WARN' in value:
            severity = WARNING
        else:
            return   # a tag such as domainType MGMT_DOMAIN, not a check result
        self._add(dict(
            id=text_field(node.get('id'), 255) or name, name=name, severity=severity,
            severity_raw=text_field(classification.get('value'), 64), status=text_field(classification.get('value'), 64),
            message=text_field(classification.get('description')), remediation=None, remediation_url=None,
            reference_token=None, resource=parent, domain=domain, source='physicalPresentedData'))

    # -- shared -------------------------------------------------------------------

    def _visit(self, node, depth) -> bool:
        """True when ``node`` is an object to read; counts nodes and stops at the bounds."""
        if not isinstance(node, dict):
            return False
        if depth > MAX_DEPTH or self.nodes >= MAX_NODES:
            self.truncated = True
            return False
        self.nodes += 1
        return True

    def _add(self, finding: dict) -> None:
        """Add a finding, or merge it into the same check already found in another representation."""
        finding.update(passed=False, ignored=False)
        keys = _keys(finding)
        for key in keys:
            existing = self._index.get(key)
            if existing is not None:
                if existing['source'] != finding['source']:
                    for field, value in finding.items():
                        if existing.get(field) is None and value is not None:
                            existing[field] = value
                    if SEVERITY_RANK[finding['severity']] < SEVERITY_RANK[existing['severity']]:
                        existing['severity'] = finding['severity']
                    return
                break
        for key in keys:
            self._index.setdefault(key, finding)
        self.findings.append(finding)


def _keys(finding: dict) -> list:
    """What makes two findings the same check: its id or name, its message, and its resource when known."""
    message = (finding.get('message') or '').casefold()
    resource = (finding.get('resource') or '').casefold()
    keys = []
    for label in (finding.get('id'), finding.get('name')):
        if label:
            keys.append((label.casefold(), message, resource))
            if resource:
                keys.append((label.casefold(), message, ''))
    return keys


def _join(parts: list):
    """The distinct parts, in order, as one bounded line (a node may carry thousands of notifications)."""
    parts = distinct(parts)
    return one_line(' '.join(parts), FIELD_LIMIT) if parts else None


def _first_of(items: list):
    return next((item for item in items if item), None)


def domain_summaries(result: dict) -> list:
    """Per-domain counts from ``presentedArtifactsMap["validation-domain-summary"]`` (a list or one object)."""
    artifacts = _as_dict(result.get('presentedArtifactsMap'))
    entries = artifacts.get('validation-domain-summary')
    if isinstance(entries, dict):
        entries = [entries]
    summaries = []
    for entry in _as_list(entries)[:1000]:
        if not isinstance(entry, dict):
            continue
        error = count(entry.get('criticalGapsCount')) or count(entry.get('errorValidationsCount'))
        summaries.append(dict(
            domain=text_field(entry.get('domainName'), 255), error=error, warning=count(entry.get('warningGapsCount')),
            info=count(entry.get('optionalGapsCount')), passed=count(entry.get('successfulValidationsCount')),
            silenced=count(entry.get('silencedValidationsCount')), total=count(entry.get('validationsRunCount')),
            internal_errors=count(entry.get('internalErrorValidationsCount')), source='validation-domain-summary'))
    return summaries


def _counts(findings: list, passed: int = 0, silenced: int = 0) -> dict:
    counts = dict(error=0, warning=0, info=0, passed=passed, silenced=silenced)
    for finding in findings:
        counts[finding['severity'].lower()] += 1
    counts['total'] = sum(counts.values())
    return counts


def summarise(findings: list, passed: int, silenced: int, summaries: list) -> dict:
    """Counts overall and per domain: the server's per-domain summary when it gave one, else the findings'."""
    overall = _counts(findings, passed, silenced)
    if summaries:
        for key in ('error', 'warning', 'info', 'passed', 'silenced', 'total'):
            overall[key] = max(overall[key], sum(entry[key] for entry in summaries))
        domains = summaries
    else:
        by_domain = {}   # one pass, in the order domains first appear: a hostile answer may name thousands
        for finding in findings:
            by_domain.setdefault(finding['domain'], []).append(finding)
        domains = []
        for name, members in by_domain.items():
            entry = _counts(members)
            entry.update(domain=name, source='findings')
            domains.append(entry)
    overall['domains'] = domains
    return overall


def sort_findings(findings: list) -> list:
    """Most severe first, then by domain, resource and name, so reports read the same every time."""
    return sorted(findings, key=lambda f: (SEVERITY_RANK[f['severity']], f['domain'] or '', f['resource'] or '',
                                           f['name'] or f['id'] or ''))


def extract_findings(result) -> dict:
    """``findings`` (sorted), ``summary`` and ``truncated`` from an AssessmentOutput of any shape."""
    walk = FindingsWalk()
    if isinstance(result, dict):
        walk.walk_validations(result.get('validationResult'))
        walk.walk_inventory(result.get('physicalPresentedData'))
        summaries = domain_summaries(result)
    else:
        summaries = []
    findings = sort_findings(walk.findings)
    return dict(findings=findings, summary=summarise(findings, walk.passed, walk.silenced, summaries),
                truncated=walk.truncated)
