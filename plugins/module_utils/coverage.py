# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""How far a version-specific pre-check went: the target release's components, their upgrade bundles, and
the domains' upgradables.

VMware documents that a pre-check for a target version runs the version-specific checks only of
components whose upgrade bundles are downloaded (tests/spec/API.md, "Target release"). So each
component of the target's bill of materials (``bom`` of the future release) is matched to the
release's bundle download status (``GET /v1/bundles/download-status?releaseVersion=``): a downloaded
bundle means its checks could run; any other status, not; a component no bundle names is unknown,
never covered. The upgradables of each domain for the target carry ``errors`` of their own: findings.
"""

import re
from urllib.parse import quote

from ansible_collections.sddc.manager.plugins.module_utils.domains import elements, future_releases
from ansible_collections.sddc.manager.plugins.module_utils.findings import ERROR, normalise_severity
from ansible_collections.sddc.manager.plugins.module_utils.text import plural, status_word, text_field

BUNDLE_STATUS_PATH = '/v1/bundles/download-status'
COVERED = 'covered'
NOT_COVERED = 'not covered'
UNKNOWN = 'unknown'
DOWNLOADED = frozenset(['SUCCESSFUL', 'SUCCEEDED', 'COMPLETED', 'DOWNLOADED'])
MAX_ITEMS = 1000
# How a BOM name and a bundle's componentType are matched is not documented (inferred: the same product
# words); these spellings are taken as one, and nothing else is guessed.
_ALIASES = {'ESX': 'ESX_HOST', 'ESXI': 'ESX_HOST', 'NSX': 'NSX_T_MANAGER', 'NSXT_MANAGER': 'NSX_T_MANAGER',
            'NSX_MANAGER': 'NSX_T_MANAGER', 'SDDC_MANAGER': 'SDDC_MANAGER_VCF', 'VCENTER_SERVER': 'VCENTER'}


def component_key(name) -> str:
    """``NSX_T_MANAGER`` from ``nsx-t manager``, ``NSX`` or ``NSXT_MANAGER``: one spelling per product."""
    key = re.sub(r'[^A-Z0-9]+', '_', status_word(name)).strip('_')
    return _ALIASES.get(key, key)


def target_bom(client, domains: list, target: str) -> list:
    """The components of release ``target`` as {name, version}, from the future releases of the first domain."""
    for release in future_releases(client, domains[0]):
        if text_field(release.get('version'), 64) == target:
            bom = release.get('bom') if isinstance(release.get('bom'), list) else []
            return [dict(name=text_field(item.get('name'), 255), version=text_field(item.get('version'), 64))
                    for item in bom[:MAX_ITEMS] if isinstance(item, dict) and text_field(item.get('name'), 255)]
    return []


def bundle_statuses(client, target: str) -> list:
    """The download status of every bundle of release ``target``."""
    page = client.get_json('%s?releaseVersion=%s' % (BUNDLE_STATUS_PATH, quote(target, safe='')),
                           'Reading the download status of the bundles of release %s' % target)
    return elements(page)[:MAX_ITEMS]


def component_coverage(component: dict, bundles: list) -> dict:
    """One component: its target version, its bundle's status, and whether its version-specific checks ran."""
    key = component_key(component['name'])
    matched = [b for b in bundles if component_key(b.get('componentType')) == key]
    statuses = [status_word(b.get('downloadStatus')) or 'UNKNOWN' for b in matched]
    if not matched:
        checks, status = UNKNOWN, None
    elif any(status in DOWNLOADED for status in statuses):
        checks, status = COVERED, next(status for status in statuses if status in DOWNLOADED)
    else:
        checks, status = NOT_COVERED, statuses[0]
    message = next((text_field(b.get('message'), 500) for b in matched if text_field(b.get('message'), 500)), None)
    return dict(component=component['name'], target_version=component['version'], bundle_status=status,
                checks=checks, message=message)


def read_coverage(client, domains: list, target: str) -> dict:
    """``{target_version, components, complete, not_covered}``: complete only when every component is covered."""
    bom = target_bom(client, domains, target)
    bundles = bundle_statuses(client, target) if bom else []
    components = [component_coverage(component, bundles) for component in bom]
    not_covered = [c['component'] for c in components if c['checks'] != COVERED]
    return dict(target_version=target, components=components, complete=bool(components) and not not_covered,
                not_covered=not_covered)


def coverage_phrase(coverage: dict) -> str:
    """``the version-specific checks of NSX_T_MANAGER (bundle PENDING) and VCENTER (no bundle found) did not run``."""
    if not coverage['components']:
        return 'the components of release %s could not be read, so what its checks covered is unknown' % (
            coverage['target_version'])
    parts = []
    for component in coverage['components']:
        if component['checks'] != COVERED:
            why = 'bundle %s' % component['bundle_status'] if component['bundle_status'] else 'no bundle found'
            parts.append('%s (%s)' % (component['component'], why))
    return 'the version-specific checks of %s did not run (%d of %s not covered)' % (
        ', '.join(parts), len(parts), plural(len(coverage['components']), 'component'))


def upgradable_findings(client, domain: dict, target: str) -> list:
    """The ``errors`` of the domain's upgradables for ``target``, as findings (source ``upgradables``)."""
    page = client.get_json('/v1/upgradables/domains/%s?targetVersion=%s' % (domain['id'], quote(target, safe='')),
                           'Reading the upgradables of domain %s for %s' % (domain['name'], target))
    findings = []
    for upgradable in elements(page)[:MAX_ITEMS]:
        resource = upgradable.get('resource') if isinstance(upgradable.get('resource'), dict) else {}
        where = text_field(resource.get('fqdn'), 255) or text_field(resource.get('name'), 255)
        errors = upgradable.get('errors') if isinstance(upgradable.get('errors'), list) else []
        for error in [e for e in errors[:MAX_ITEMS] if isinstance(e, dict)]:
            finding = _upgradable_finding(error, where, domain['name'])
            finding.update(resource_id=text_field(resource.get('resourceId'), 255), domain_id=domain['id'])
            findings.append(finding)
    return findings


def _upgradable_finding(error: dict, resource, domain) -> dict:
    notifications = [n for n in error.get('notifications') or [] if isinstance(n, dict)] \
        if isinstance(error.get('notifications'), list) else []
    raw = next((n.get('severity') for n in notifications if n.get('severity')), None)
    code = text_field(error.get('errorCode'), 255)
    return dict(id=code, name=text_field(error.get('label'), 255) or code or text_field(error.get('message'), 255),
                severity=normalise_severity(raw) if raw else ERROR, severity_raw=text_field(raw, 64), status=None,
                message=text_field(error.get('message')), remediation=text_field(error.get('remediationMessage')),
                remediation_url=text_field(error.get('remediationUrl'), 500),
                reference_token=text_field(error.get('referenceToken'), 64), resource=resource, domain=domain,
                source='upgradables', passed=False, ignored=False)
