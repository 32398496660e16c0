# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The check-set (pre-check) run operations, VCF 5.2 to 9.1: query, start, read, the last runs, attach.

Facts behind each call are in tests/spec/check-set-runs.md: the run id is the
``id`` of the 202 Task (§4.1); the last-run list carries epoch-millisecond times and
``metadata.targetVersion``, which may be the literal "General Upgrade Readiness" (§1.4).
"""

import re
import uuid
from datetime import datetime, timezone
from typing import Optional
from urllib.parse import urlencode

from ansible_collections.sddc.manager.plugins.module_utils.domains import list_domains
from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError, NotFoundError
from ansible_collections.sddc.manager.plugins.module_utils.run_result import run_finished, run_progress, run_status
from ansible_collections.sddc.manager.plugins.module_utils.subject import Subject
from ansible_collections.sddc.manager.plugins.module_utils.text import distinct, one_line, status_word, text_field

RUNS_PATH = '/v1/system/check-sets'
QUERIES_PATH = '/v1/system/check-sets/queries'
RUNNING_TASK_STATES = frozenset(['IN_PROGRESS', 'PENDING', 'QUEUED', 'NOT_STARTED', 'RUNNING', 'STARTING'])
GENERAL_READINESS = 'General Upgrade Readiness'
DEFAULT_CHECK_SET_TYPE = 'UPGRADE'
MAX_NAME = 255

_UUID = re.compile(r'^[0-9A-Fa-f]{8}-?([0-9A-Fa-f]{4}-?){3}[0-9A-Fa-f]{12}$')


def canonical_run_id(value) -> str:
    """The run id as the API wants it (lower case, hyphenated), or ConfigurationError."""
    text = str(value if value is not None else '').strip()
    if not _UUID.match(text):
        raise ConfigurationError(
            "run_id must be the UUID of a pre-check (check-set) run, like "
            "3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d; got %r." % (one_line(text, 80),), option='run_id')
    return str(uuid.UUID(text))


def is_uuid(value: str) -> bool:
    return bool(_UUID.match(str(value).strip()))


def is_object(value) -> bool:
    return isinstance(value, dict)


def run_path(run_id: str) -> str:
    return '%s/%s' % (RUNS_PATH, run_id)


def read_run(client, run_id: str, query: dict = None) -> Optional[dict]:
    """The AssessmentOutput of ``run_id``, or None when SDDC Manager has no such run (404).

    ``query``: the 9.1 read parameters (includeSummary, severity, includeOnlySilencedInfo); never
    send them to an older appliance.
    """
    description = 'Reading pre-check run %s' % run_id
    path = run_path(run_id) + ('?' + urlencode(sorted(query.items())) if query else '')
    response = client.request('GET', path, description, accept=(200, 404))
    if response.status_code == 404:
        return None
    return client.decode_json(response, description, is_object, 'a run result (an object)')


def missing_run_error(client, run_id: str) -> NotFoundError:
    return NotFoundError('No pre-check run %s on SDDC Manager at %s: check run_id (the id that '
                         'sddc.manager.precheck returned, or one of the runs sddc.manager.precheck_info lists for '
                         'your domains).' % (run_id, client.base_url), status_code=404)


def require_run(client, run_id: str) -> dict:
    """The run, or NotFoundError naming the id and the appliance: a mistyped id is caught."""
    run = read_run(client, run_id)
    if run is None:
        raise missing_run_error(client, run_id)
    return run


def run_subject(run_id: str) -> Subject:
    """A pre-check run, as the waiter polls it."""
    return Subject('pre-check run %s' % run_id, 'The pre-check run', lambda client: read_run(client, run_id),
                   run_status, run_progress, run_finished)


def query_check_sets(client, domains: list, check_set_type: str) -> dict:
    """``POST /v1/system/check-sets/queries``: the candidate check-sets of each resource of ``domains``."""
    description = 'Querying the %s check-sets of domain%s %s' % (
        check_set_type, 's' if len(domains) != 1 else '', ', '.join(d['name'] for d in domains))
    body = {'checkSetType': check_set_type, 'domains': [{'domainId': d['id']} for d in domains]}
    response = client.request('POST', QUERIES_PATH, description, json_body=body)
    return client.decode_json(response, description, lambda query: is_object(query) and isinstance(
        query.get('queryId'), str), 'a query result with a queryId')


def run_selection(query: dict, domains: list, target_version: str = None) -> tuple:
    """(run input, check_sets summary) from a query answer: every resource with a check-set, with all of them.

    Each selected resource carries only resourceId, resourceName, resourceType,
    domain and checkSets[{checkSetId}], as SDDC Manager's own UI sends it.
    """
    by_id = dict((d['id'], d) for d in domains)
    selected, summary = [], []
    resources = query.get('resources') if isinstance(query.get('resources'), list) else []
    for resource in resources:
        if not isinstance(resource, dict):
            continue
        check_sets = resource.get('checkSets') if isinstance(resource.get('checkSets'), list) else []
        ids = distinct(text_field(check_set.get('checkSetId'), 500) for check_set in check_sets
                       if isinstance(check_set, dict))
        if not ids:
            continue
        domain = resource.get('domain') if isinstance(resource.get('domain'), dict) else {}
        domain_id = text_field(domain.get('domainId'), MAX_NAME)
        domain_name = text_field(domain.get('domainName'), MAX_NAME) or by_id.get(domain_id, {}).get('name')
        if domain_id is None and len(domains) == 1:
            domain_id, domain_name = domains[0]['id'], domains[0]['name']
        choice = {'resourceId': resource.get('resourceId'), 'resourceName': resource.get('resourceName'),
                  'resourceType': resource.get('resourceType'),
                  'checkSets': [{'checkSetId': check_set_id} for check_set_id in ids]}
        if domain:
            choice['domain'] = dict((key, domain[key]) for key in ('domainId', 'domainName', 'domainType')
                                    if key in domain)
        selected.append(choice)
        summary.append(dict(name=text_field(resource.get('resourceName'), MAX_NAME),
                            type=text_field(resource.get('resourceType'), MAX_NAME),
                            id=text_field(resource.get('resourceId'), MAX_NAME), domain=domain_name,
                            domain_id=domain_id,
                            check_set_ids=ids))
    run_input = {'queryId': query['queryId'], 'resources': selected}
    if target_version:
        run_input['metadata'] = {'targetVersion': target_version}
    return run_input, summary


def start_run(client, run_input: dict) -> dict:
    """``POST /v1/system/check-sets``: the 202 Task, whose ``id`` is the run id."""
    description = 'Starting a pre-check run'
    response = client.request('POST', RUNS_PATH, description, json_body=run_input, accept=(200, 201, 202))
    return client.decode_json(response, description, lambda task: is_object(task) and isinstance(
        task.get('id'), str) and is_uuid(task['id']), 'a task with a run id')


def iso_from_epoch_ms(value) -> Optional[str]:
    """``2025-07-17T16:02:22.468Z`` from epoch milliseconds; None when unreadable."""
    try:
        seconds = float(value) / 1000.0
        return datetime.fromtimestamp(seconds, tz=timezone.utc).isoformat(timespec='milliseconds').replace(
            '+00:00', 'Z')
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def last_runs(client, domain: dict) -> list:
    """``GET /v1/system/check-sets?domainId=``: the runs SDDC Manager remembers for ``domain``."""
    answer = client.get_json('%s?domainId=%s' % (RUNS_PATH, domain['id']),
                             'Listing the pre-check runs of domain %s' % domain['name'])
    return [item for item in answer if isinstance(item, dict)] if isinstance(answer, list) else []


def describe_task_info(info: dict) -> dict:
    """One entry of ``runs``, with the keys and types a run read has: ``status``, ISO 8601 times, and a
    ``target_version`` of null for general upgrade readiness."""
    metadata = info.get('metadata') if isinstance(info.get('metadata'), dict) else {}
    domains = []
    for domain in info.get('domainInputs') if isinstance(info.get('domainInputs'), list) else []:
        if isinstance(domain, dict):
            domains.append(dict(id=text_field(domain.get('domainId'), MAX_NAME),
                                name=text_field(domain.get('domainName'), MAX_NAME),
                                type=text_field(domain.get('domainType'), MAX_NAME)))
    target = text_field(metadata.get('targetVersion'), 64)
    return dict(id=text_field(info.get('id'), 64), status=status_word(info.get('state')) or None,
                timestamp=iso_from_epoch_ms(info.get('timestamp')),
                completion_timestamp=iso_from_epoch_ms(info.get('completionTimestamp')),
                domains=domains, target_version=None if same_target(target, None) else target)


def _epoch(value) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def runs_of_domains(client, domains: list) -> list:
    """The last runs of every domain in ``domains``, each once, newest first."""
    runs, seen = [], set()
    for domain in domains:
        for info in last_runs(client, domain):
            entry = describe_task_info(info)
            if entry['id'] and entry['id'] not in seen:
                seen.add(entry['id'])
                runs.append((_epoch(info.get('timestamp')), len(runs), entry))
    runs.sort(key=lambda item: (-item[0], item[1]))
    return [entry for dummy, dummy_order, entry in runs]


def same_target(run_target, target_version) -> bool:
    """A run without a target (or "General Upgrade Readiness") matches a request without one."""
    general = (None, '', GENERAL_READINESS.casefold())
    left = (run_target or '').casefold()
    right = (target_version or '').casefold()
    if left in general and right in general:
        return True
    return left == right


def find_run_entry(client, run_id: str) -> Optional[dict]:
    """The run's entry in the run list of its domains (target version, domains), or None when no domain lists it.

    The run read does not carry its target; the list does (tests/spec/check-set-runs.md §1.4).
    """
    for domain in list_domains(client):
        for info in last_runs(client, domain):
            if str(info.get('id') or '').lower() == run_id:
                return describe_task_info(info)
    return None


def find_running_run(client, domains: list, target_version: str = None) -> Optional[dict]:
    """A run still in progress for exactly ``domains`` and ``target_version``, or None."""
    wanted = set(d['id'] for d in domains)
    for entry in runs_of_domains(client, domains[:1]):
        if (entry['status'] or '') not in RUNNING_TASK_STATES or not is_uuid(entry['id']):
            continue   # a listed id that is not a run id cannot be attached to: a new run is started instead
        if set(d['id'] for d in entry['domains']) == wanted and same_target(entry['target_version'], target_version):
            return entry
    return None
