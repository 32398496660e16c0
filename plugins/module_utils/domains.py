# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Workload domains and the target releases SDDC Manager offers them.

``GET /v1/domains`` and ``GET /v1/releases/domains/{domainId}/future-releases``
(tests/spec/API.md); a domain is named by id or name, as users write it.
"""

from ansible_collections.sddc.manager.plugins.module_utils.errors import NotFoundError
from ansible_collections.sddc.manager.plugins.module_utils.text import distinct, one_line, status_word, text_field

DOMAINS_PATH = '/v1/domains'
MAX_NAME = 255
ALL = 'all'


def elements(page) -> list:
    """The ``elements`` of a page answer (or a bare list), dicts only."""
    items = page.get('elements') if isinstance(page, dict) else page
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def list_domains(client, with_status: bool = False) -> list:
    """Every workload domain as {id, name, type} (and ``status`` with ``with_status``)."""
    page = client.get_json(DOMAINS_PATH, 'Listing the workload domains')
    domains = []
    for item in elements(page):
        domain_id, name = text_field(item.get('id'), MAX_NAME), text_field(item.get('name'), MAX_NAME)
        if domain_id:
            domain = dict(id=domain_id, name=name or domain_id, type=text_field(item.get('type'), MAX_NAME))
            if with_status:
                domain['status'] = text_field(item.get('status'), MAX_NAME)
            domains.append(domain)
    return domains


def resolve_domains(client, wanted: list) -> list:
    """``wanted`` names or ids as [{id, name, type}], in the order given, each once.

    Names match exactly first, then ignoring case; an unknown name fails listing the
    domains that exist. ``[all]`` alone is every domain (unless a domain is named so).
    """
    known = list_domains(client)
    if [str(value).strip().lower() for value in wanted] == [ALL] and not any(d['name'].lower() == ALL for d in known):
        if not known:
            raise NotFoundError('SDDC Manager at %s lists no workload domain to pre-check.' % client.base_url,
                                available=[])
        return known
    resolved, unknown = [], []
    for value in wanted:
        text = str(value).strip()
        match = (next((d for d in known if d['id'] == text.lower() or d['id'] == text), None)
                 or next((d for d in known if d['name'] == text), None)
                 or next((d for d in known if d['name'].casefold() == text.casefold()), None))
        if match is None:
            unknown.append(one_line(text, 80))
        elif match not in resolved:
            resolved.append(match)
    if unknown:
        names = sorted(d['name'] for d in known)
        raise NotFoundError('No workload domain %s on SDDC Manager at %s; the domains there are: %s.'
                            % (', '.join(repr(u) for u in unknown), client.base_url,
                               ', '.join(names) if names else 'none'),
                            available=names)
    return resolved


def _not_applicable_reason(release: dict) -> str:
    packs = [release.get('reasonNotApplicable')]
    if isinstance(release.get('reasonsNotApplicable'), list):
        packs.extend(release['reasonsNotApplicable'])
    reasons = [text_field(pack.get('message'), 500) or text_field(pack.get('messageKey'), 200)
               for pack in packs if isinstance(pack, dict)]
    reasons.append(text_field(release.get('notApplicableReason'), 500))
    return '; '.join(distinct(reasons))


def is_applicable(release: dict) -> bool:
    status = status_word(release.get('applicabilityStatus'))
    if status:
        return status == 'APPLICABLE'
    return release.get('isApplicable') is True


def future_releases(client, domain: dict) -> list:
    return elements(client.get_json('/v1/releases/domains/%s/future-releases' % domain['id'],
                                    'Reading the target versions offered to domain %s' % domain['name']))


def check_target_version(client, domains: list, target: str) -> None:
    """Fail unless every domain is offered ``target`` as an applicable release, naming what is offered."""
    for domain in domains:
        # (version, release) pairs; a release without a readable version offers nothing
        releases = [(text_field(r.get('version'), 64), r) for r in future_releases(client, domain)]
        releases = [(version, release) for version, release in releases if version]
        offered = [version for version, release in releases]
        applicable = [version for version, release in releases if is_applicable(release)]
        match = next((release for version, release in releases if version == target), None)
        if match is None:
            raise NotFoundError(
                'Target version %s is not offered to domain %s; the versions offered are: %s (applicable: %s).'
                % (target, domain['name'], ', '.join(offered) or 'none', ', '.join(applicable) or 'none'),
                available=offered, option='target_version')
        if not is_applicable(match):
            reason = _not_applicable_reason(match) or 'SDDC Manager gave no reason'
            raise NotFoundError(
                'Target version %s is offered to domain %s but not applicable: %s. Applicable versions: %s.'
                % (target, domain['name'], reason.rstrip('.'), ', '.join(applicable) or 'none'),
                available=applicable, option='target_version')


def planned_target(client, domain: dict):
    """The target version ``domain`` is planned to go to (``GET /v1/releases/domains/{domainId}``), or None."""
    view = client.get_json('/v1/releases/domains/%s' % domain['id'],
                           'Reading the planned target version of domain %s' % domain['name'])
    return text_field(view.get('targetVersion'), 64) if isinstance(view, dict) else None


def resolve_planned(client, domains: list) -> str:
    """The one target the domains are planned to go to; NotFoundError when none is planned or they differ."""
    planned = dict((domain['name'], planned_target(client, domain)) for domain in domains)
    targets = distinct(planned.values())
    if len(targets) == 1 and all(planned.values()):
        return targets[0]
    raise NotFoundError('target_version: planned needs one planned target for every domain; SDDC Manager plans %s. '
                        'Name the target version instead.'
                        % ', '.join('%s for %s' % (target or 'none', name) for name, target in planned.items()),
                        option='target_version', available=targets)
