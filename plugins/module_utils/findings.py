# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one findings walker: a pre-check result (AssessmentOutput) in any shape becomes a flat list.

No public source shows a real failed result (tests/spec/check-set-runs.md §3), so
this reads every representation the evidence shows, at any depth:

* ``validationResult``: an Error tree; a node whose ``context.validationStatus`` is
  set is a check (``validatorDefinitionId``, ``validationName``, ``importanceLevel``
  or ``severity``); 9.1 ``notifications[]`` carry severities and remediations;
* ``physicalPresentedData``: an inventory tree whose leaves carry
  ``classifications[{value, description}]``; the parent names the resource;
* ``presentedArtifactsMap["validation-domain-summary"]``: counts per domain (floats).

The walk is iterative and bounded (MAX_DEPTH levels, MAX_NODES nodes, MAX_DOMAINS domains,
MAX_FINDINGS distinct findings): a hostile answer cannot exhaust the stack, the time or the
memory, and a walk cut at a bound is ``truncated``, which is never READY. A failed check whose
severity is missing or unknown counts as ERROR; passed checks are counted, not listed; a check
seen in several representations is one finding.
"""

import gc
import math

from ansible_collections.sddc.manager.plugins.module_utils.text import distinct, one_line, status_word, text_field

ERROR = 'ERROR'
WARNING = 'WARNING'
INFO = 'INFO'
SEVERITIES = (ERROR, WARNING, INFO)
SEVERITY_RANK = {ERROR: 0, WARNING: 1, INFO: 2}

MAX_DEPTH = 100
MAX_NODES = 500000
# A VCF instance has tens of workload domains; a result that names more than this is broken or hostile:
# the findings of further domains are not kept, and the walk counts as truncated (never READY).
MAX_DOMAINS = 1000
MAX_FINDINGS = 50000   # a real run reports hundreds; past this, the rest is not kept and the walk is truncated
MAX_SILENCED = 1000
FIELD_LIMIT = 2000

_ERROR_WORDS = frozenset(['ERROR', 'CRITICAL', 'FATAL', 'BLOCKER', 'BLOCKING', 'FAILED', 'FAILURE', 'FAIL', 'HIGH',
                          'SEVERE'])
_WARNING_WORDS = frozenset(['WARNING', 'WARN', 'MEDIUM', 'MODERATE'])
_INFO_WORDS = frozenset(['INFO', 'INFORMATION', 'INFORMATIONAL', 'OPTIONAL', 'LOW', 'NOTICE'])
_PASSED_WORDS = frozenset(['VALIDATION_SUCCESSFUL', 'SUCCESSFUL', 'SUCCESS', 'SUCCEEDED', 'PASSED', 'PASS', 'OK'])
# Only these words mean "not judged": a status that merely contains SILENC or SUPPRESS is a failure.
_SILENCED_WORDS = frozenset(['SILENCED', 'VALIDATION_SILENCED', 'SUPPRESSED', 'VALIDATION_SUPPRESSED'])
# Classification types that carry a check's outcome: an unknown value there is a failure, not a tag.
_STATUS_TYPES = frozenset(['VALIDATIONSTATUS', 'VALIDATION_STATUS', 'STATUS', 'SEVERITY', 'IMPORTANCELEVEL',
                           'IMPORTANCE_LEVEL'])
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
    if word in _SILENCED_WORDS:
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
    """One pass over an AssessmentOutput; ``merged_findings()``, ``passed`` and ``silenced`` are the result."""

    def __init__(self):
        self._merger = _Merger()
        self.passed = 0
        self.silenced = 0
        self.silenced_items = []
        self.nodes = 0
        self.truncated = False
        self._domains = set()
        self._ids = {}

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
                self._note_id('resource', resource, context.get('resourceId'))
                self._note_id('domain', domain, context.get('domainId'))
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
            self._silence(text_field(context.get('validatorDefinitionId'), 255) or text_field(
                context.get('validationName'), 255), resource, domain, text_field(node.get('message')))
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
            source='validationResult', check_id=text_field(context.get('validatorDefinitionId'), 255)))

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
            source='notifications', check_id=text_field(context.get('validatorDefinitionId'), 255)))

    # -- physicalPresentedData ----------------------------------------------------

    def walk_inventory(self, root) -> None:
        stack = [(root, 0, None, None)]
        while stack:
            node, depth, parent, domain = stack.pop()
            if not self._visit(node, depth):
                continue
            name = text_field(node.get('name'), 255)
            if status_word(node.get('type')) == 'DOMAIN':
                domain_id = _as_dict(node.get('properties')).get('domainId')
                domain = name or text_field(domain_id, 255) or domain
                self._note_id('domain', domain, domain_id)
            elif node.get('childEntities'):
                self._note_id('resource', name, node.get('id'))
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
        if status_word(classification.get('type')) in _STATUS_TYPES:
            # An outcome: only known words pass or are silenced; anything else failed, as in validationResult.
            if value in _SILENCED_WORDS:
                self._silence(text_field(node.get('id'), 255) or name, parent, domain,
                              text_field(classification.get('description')))
                return
            severity = normalise_severity(classification.get('value'))
        elif 'ERROR' in value or 'FAIL' in value or 'CRITICAL' in value:
            severity = ERROR
        elif 'WARN' in value:
            severity = WARNING
        else:
            return   # a tag such as domainType MGMT_DOMAIN, not a check result
        raw = text_field(classification.get('value'), 64)
        self._add(dict(
            id=text_field(node.get('id'), 255) or name, name=name, severity=severity, severity_raw=raw, status=raw,
            message=text_field(classification.get('description')), remediation=None, remediation_url=None,
            reference_token=None, resource=parent, domain=domain, source='physicalPresentedData', check_id=None))

    # -- shared -------------------------------------------------------------------

    def _note_id(self, kind: str, name, value) -> None:
        """Remember the id SDDC Manager gives a resource or domain name; a name given two ids keeps none."""
        identifier = text_field(value, 255)
        if not name or not identifier:
            return
        known = self._ids.setdefault((kind, name), identifier)
        if known != identifier:
            self._ids[(kind, name)] = _AMBIGUOUS

    def ids_of(self, finding: dict) -> dict:
        """``resource_id`` and ``domain_id`` of a finding, where the result gave them without ambiguity."""
        ids = {}
        for kind in ('resource', 'domain'):
            known = self._ids.get((kind, finding.get(kind)))
            ids[kind + '_id'] = known if known is not _AMBIGUOUS else None
        return ids

    def _silence(self, check, resource, domain, message) -> None:
        """Count a silenced check, and keep what it was (the first MAX_SILENCED): it was not judged."""
        self.silenced += 1
        if len(self.silenced_items) < MAX_SILENCED:
            self.silenced_items.append(dict(check=check, resource=resource, domain=domain, message=message))

    def _visit(self, node, depth) -> bool:
        """True when ``node`` is an object to read; counts nodes and stops at the bounds.

        Empty objects and non-objects hold nothing to read, so they do not use up the node bound.
        """
        if not isinstance(node, dict) or not node:
            return False
        if depth > MAX_DEPTH or self.nodes >= MAX_NODES:
            self.truncated = True
            return False
        self.nodes += 1
        return True

    def _add(self, finding: dict) -> None:
        domain = finding['domain']
        if domain not in self._domains:
            if len(self._domains) >= MAX_DOMAINS:
                self.truncated = True   # not read, so the run cannot be READY
                return
            self._domains.add(domain)
        if self._merger.size >= MAX_FINDINGS:
            self.truncated = True
            return
        check_id = finding.pop('check_id')
        finding.update(passed=False, ignored=False)
        self._merger.add(finding, check_id)

    def add_finding(self, finding: dict) -> None:
        """A finding read outside the result (no check definition id)."""
        finding['check_id'] = None
        self._add(finding)

    def merged_findings(self) -> list:
        """Every finding read, one per check, resource and domain."""
        return self._merger.resolve_unplaced()


def _fold(value) -> str:
    return value.casefold() if value else ''


def _labels(finding: dict, check_id) -> list:
    """What names the check: its definition id when the result gives one, and its name.

    A notification read without a check node is named by its own message too, so two
    notifications of one node stay two findings.
    """
    labels = [('id', _fold(check_id))] if check_id else []
    name = _fold(finding.get('name'))
    if finding['source'] == 'notifications' and not check_id:
        name = '%s\x00%s' % (name, _fold(finding.get('message')))
    if name:
        labels.append(('name', name))
    return labels


class _Merger:
    """One finding per check, resource and domain, whichever representations carry it.

    Identity is never the message text, which differs between representations. A finding
    whose resource or domain the result does not give (the validation tree rarely names
    them) joins the one finding of the same check that does, when there is exactly one.
    """

    def __init__(self):
        self.merged = []
        self._exact = {}
        self._by_label = {}

    @property
    def size(self) -> int:
        """How many distinct findings are kept so far."""
        return len(self.merged)

    def add(self, finding: dict, check_id) -> None:
        labels = _labels(finding, check_id)
        place = (_fold(finding.get('resource')), _fold(finding.get('domain')))
        target = self._find(labels, place, check_id)
        if target is not None:
            _absorb(target, dict(finding=finding, check_id=_fold(check_id)))
            return
        entry = dict(finding=finding, check_id=_fold(check_id), labels=labels, place=place)
        self.merged.append(entry)
        for label in labels:
            self._exact.setdefault((label, place), entry)
            self._by_label.setdefault(label, []).append(entry)

    def _find(self, labels, place, check_id):
        for label in labels:
            entry = self._exact.get((label, place))
            if entry is not None and _compatible(entry['check_id'], _fold(check_id)):
                return entry
        return None

    def resolve_unplaced(self) -> list:
        """Fold each finding without resource or domain into the one placed finding of its check, if unique."""
        kept = []
        for entry in self.merged:
            resource, domain = entry['place']
            if resource and domain:
                kept.append(entry)
                continue
            home = self._unique_home(entry)
            if home is None:
                kept.append(entry)
            else:
                _absorb(home, entry)
                entry['merged_into'] = home
        return [finalise(entry['finding']) for entry in kept if 'merged_into' not in entry]

    def _unique_home(self, entry):
        resource, domain = entry['place']
        homes = []
        for label in entry['labels']:
            for other in self._by_label.get(label, ()):
                if other is entry or 'merged_into' in other or not _compatible(other['check_id'], entry['check_id']):
                    continue
                other_resource, other_domain = other['place']
                if (resource and resource != other_resource) or (domain and domain != other_domain):
                    continue
                if not (other_resource or other_domain) or other in homes:
                    continue
                homes.append(other)
                if len(homes) > 1:
                    return None
        return homes[0] if homes else None


def _absorb(home: dict, entry: dict) -> None:
    """Merge ``entry``'s finding into ``home``'s; the check's definition id names the merged finding best."""
    _merge_into(home['finding'], entry['finding'])
    candidates = [(0 if e['check_id'] else 1, 0 if e['finding']['id'] else 1, e['finding']['id'] or '')
                  for e in (home, entry)]
    home['finding']['id'] = min(candidates)[2] or None
    home['check_id'] = home['check_id'] or entry['check_id']


def _compatible(left: str, right: str) -> bool:
    """Two different check definition ids are two checks, whatever their names."""
    return not left or not right or left == right


MAX_MERGED_TEXTS = 20
_TEXT_FIELDS = ('message', 'remediation')


def _merge_into(existing: dict, finding: dict) -> None:
    """Fold ``finding`` into ``existing``, the same whatever order they come in: the most severe severity,
    the distinct texts (joined sorted by ``finalise``), and of two values known for a field the smaller."""
    new_rank, old_rank = SEVERITY_RANK[finding['severity']], SEVERITY_RANK[existing['severity']]
    if (new_rank, finding['severity_raw'] or '') < (old_rank, existing['severity_raw'] or ''):
        existing['severity'], existing['severity_raw'] = finding['severity'], finding['severity_raw']
    texts = existing.setdefault('_texts', dict((field, {existing[field]} - {None}) for field in _TEXT_FIELDS))
    for field in _TEXT_FIELDS:
        if finding.get(field) and len(texts[field]) < 4 * MAX_MERGED_TEXTS:
            texts[field].add(finding[field])
    for field, value in finding.items():
        if field in _TEXT_FIELDS or field in ('severity', 'severity_raw', 'id', '_texts') or value is None:
            continue
        if existing.get(field) is None or str(value) < str(existing[field]):
            existing[field] = value


def finalise(finding: dict) -> dict:
    """A merged finding's texts, each the sorted distinct parts as one bounded line."""
    texts = finding.pop('_texts', None)
    if texts:
        for field in _TEXT_FIELDS:
            finding[field] = _join(sorted(texts[field])[:MAX_MERGED_TEXTS]) if texts[field] else None
    return finding


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


_AMBIGUOUS = object()
_ORDER_KEYS = ('domain', 'resource', 'name', 'id', 'message', 'remediation', 'source', 'reference_token')


def sort_findings(findings: list) -> list:
    """Most severe first, then by domain, resource and name, and every other text: the same findings in any
    order from the server give the same list, so a report written again changes nothing."""
    return sorted(findings, key=lambda f: (SEVERITY_RANK[f['severity']],) + tuple(f.get(k) or '' for k in _ORDER_KEYS))


def reported_counts(summaries: list):
    """The server's own counts, summed over its domains; None when it gave no per-domain summary."""
    if not summaries:
        return None
    return dict((key, sum(entry[key] for entry in summaries)) for key in ('error', 'warning', 'info'))


def silenced_of(result) -> list:
    """What a read of only the silenced checks (9.1 ``severity=INFO&includeOnlySilencedInfo=true``) lists:
    each as {check, resource, domain, message}, whether it comes back as a silenced check or an INFO result."""
    extracted = extract_findings(result)
    items = list(extracted['silenced'])
    items.extend(dict(check=f['id'] or f['name'], resource=f['resource'], domain=f['domain'], message=f['message'])
                 for f in extracted['findings'])
    return items[:MAX_SILENCED]


def extract_findings(result, extra=()) -> dict:
    """``findings`` (sorted), ``summary``, ``truncated``, and the counts read beside those the server reported.

    ``truncated`` (the walk stopped at a bound) and a server count of errors above the
    ERROR findings read both mean that an ERROR may have gone unread. ``extra`` are findings
    read elsewhere (the upgradables' errors), merged in as one more representation.
    """
    walk = FindingsWalk()
    collecting = gc.isenabled()
    gc.disable()   # the walk builds many small acyclic objects: the cycle collector would only slow it down
    try:
        for finding in extra:
            walk.add_finding(dict(finding))
        if isinstance(result, dict):
            walk.walk_validations(result.get('validationResult'))
            walk.walk_inventory(result.get('physicalPresentedData'))
            summaries = domain_summaries(result)
        else:
            summaries = []
        findings = walk.merged_findings()
        for finding in findings:
            if 'resource_id' not in finding:   # a finding read elsewhere carries its own
                finding.update(walk.ids_of(finding))
        findings = sort_findings(findings)
    finally:
        if collecting:
            gc.enable()
    read = _counts(findings)
    return dict(findings=findings, summary=summarise(findings, walk.passed, walk.silenced, summaries),
                truncated=walk.truncated, nodes=walk.nodes, silenced=walk.silenced_items,
                counts_read=dict((key, read[key]) for key in ('error', 'warning', 'info')),
                counts_reported=reported_counts(summaries))
