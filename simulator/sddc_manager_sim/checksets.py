# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Workload domains, target releases and scripted pre-check (check-set) runs.

The result bodies follow tests/spec/check-set-runs.md: the captured success
shape (validationResult populated with INFO nodes even on success, float counts
in a *list* under presentedArtifactsMap["validation-domain-summary"], strings
under physicalPresentedData properties) and the two reconstructed failure
shapes (validation nodes three levels deep; inventory leaves with
classifications). No invented fixture (CHECK_SET_RUN_FAILED, reportSummary...).
"""

import copy
import time
import uuid
from datetime import datetime, timezone

IMPORTANCE = {'ERROR': 'CRITICAL', 'WARNING': 'WARNING', 'INFO': 'OPTIONAL'}
SHAPES = ('both', 'validation', 'inventory', 'notifications')
GENERAL_READINESS = 'General Upgrade Readiness'

DEFAULT_DOMAINS = [
    {'id': '5d73e7e4-5ef6-4a69-ab9b-1237484054dd', 'name': 'mgmt-01', 'type': 'MANAGEMENT', 'passed': 12},
    {'id': '8b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'name': 'wld-01', 'type': 'VI', 'passed': 9,
     'findings': [{'id': 'vcenter-backup-age', 'name': 'vCenter backup age', 'severity': 'WARNING',
                   'resource': 'wld-01-vc01.example.com', 'message': 'The last file-based backup is 3 days old.',
                   'remediation': 'Run a file-based backup of vCenter before the upgrade.'}]},
    {'id': 'c0ffee00-1234-4abc-8def-0123456789ab', 'name': 'wld-02', 'type': 'VI', 'passed': 7,
     'findings': [{'id': 'sddc-manager-vcenter-license-state', 'name': 'vCenter license state', 'severity': 'ERROR',
                   'resource': 'wld-02-vc01.example.com', 'message': 'The vCenter license has expired.',
                   'remediation': 'Assign a valid vCenter license, then run the pre-check again.'},
                  {'id': 'esx-storage-usage', 'name': 'Datastore usage', 'severity': 'WARNING',
                   'resource': 'wld-02-cl01', 'message': 'Datastore vsan-wld-02 is 87% full.',
                   'remediation': 'Free space on the datastore.'}]},
]
BOM = (('SDDC_MANAGER_VCF', 'SDDC Manager'), ('VCENTER', 'vCenter Server'), ('NSX_T_MANAGER', 'NSX'),
       ('ESX_HOST', 'ESX'))
DEFAULT_RELEASES = [{'version': '9.1.0.0', 'applicable': True},
                    {'version': '9.2.0.0', 'applicable': False,
                     'reason': 'Upgrade to 9.1.0.0 first: 9.2.0.0 needs 9.1 or later.'}]


def iso(epoch):
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z')


class Domain:
    """One workload domain: its resources, the releases offered to it, and the findings a run reports."""

    def __init__(self, id, name, type='VI', resources=None, releases=None, findings=None, passed=5, silenced=0,
                 planned='9.1.0.0', upgradable_errors=None, silenced_checks=None,
                 **unknown):  # pylint: disable=redefined-builtin
        if unknown:
            raise ValueError('unknown domain settings: %s' % ', '.join(sorted(unknown)))
        self.id = str(id).lower()
        self.name = name
        self.type = type
        self.resources = resources if resources is not None else [
            {'type': 'SDDC_MANAGER', 'name': 'sddc-manager.example.com',
             'check_sets': ['sddc-manager-upgrade-perspective']},
            {'type': 'VCENTER', 'name': '%s-vc01.example.com' % name, 'check_sets': ['vcenter-upgrade-perspective']},
            {'type': 'NSX_T_MANAGER', 'name': '%s-nsx01.example.com' % name, 'check_sets': ['nsx-upgrade-perspective']},
            {'type': 'CLUSTER', 'name': '%s-cl01' % name, 'check_sets': ['esx-upgrade-perspective']},
        ]
        for index, resource in enumerate(self.resources):
            resource.setdefault('id', str(uuid.uuid5(uuid.NAMESPACE_DNS, '%s/%d' % (self.id, index))))
        self.releases = releases if releases is not None else [dict(r) for r in DEFAULT_RELEASES]
        self.findings = findings or []
        self.passed = int(passed)
        self.silenced_checks = list(silenced_checks or [])
        self.silenced = int(silenced) + len(self.silenced_checks)
        self.planned = planned
        self.upgradable_errors = list(upgradable_errors or [])

    def body(self):
        return {'id': self.id, 'name': self.name, 'type': self.type, 'status': 'ACTIVE', 'upgradeState': 'READY',
                'isManagementSsoDomain': self.type == 'MANAGEMENT'}

    def info(self):
        return {'domainId': self.id, 'domainName': self.name, 'domainType': 'MANAGEMENT' if self.type == 'MANAGEMENT'
                else 'VI'}

    def future_releases(self):
        elements = []
        for release in self.releases:
            entry = {'version': release['version'], 'product': 'VCF', 'description': 'VMware Cloud Foundation %s'
                     % release['version'], 'releaseDate': '2026-10-01',
                     'bom': [{'name': name, 'publicName': public, 'version': release['version']}
                             for name, public in BOM],
                     'applicabilityStatus': 'APPLICABLE' if release.get('applicable', True) else 'NOT_APPLICABLE'}
            if not release.get('applicable', True):
                entry['reasonNotApplicable'] = {'messageKey': 'release.not.applicable',
                                                'message': release.get('reason', 'Not applicable.')}
            elements.append(entry)
        return {'elements': elements, 'pageMetadata': {'pageNumber': 0, 'pageSize': len(elements),
                                                       'totalElements': len(elements), 'totalPages': 1}}

    def release_view(self):
        """``DomainReleaseView``: the target this domain is planned to go to."""
        return {'domainId': self.id, 'targetVersion': self.planned, 'targetSddcManagerVersion': self.planned}

    def upgradables(self, target):
        """``PageOfUpgradable`` for ``target``: one per resource, with the scripted errors on theirs."""
        elements = []
        for resource in self.resources:
            errors = [{'errorCode': e.get('errorCode', 'UPGRADABLE_ERROR'), 'message': e['message'],
                       'remediationMessage': e.get('remediation', 'See the SDDC Manager lifecycle page.'),
                       'referenceToken': 'UPG%03d' % index}
                      for index, e in enumerate(self.upgradable_errors) if e.get('resource', resource['name'])
                      == resource['name']]
            elements.append({'bundleId': str(uuid.uuid5(uuid.NAMESPACE_DNS, '%s/%s' % (resource['id'], target))),
                             'bundleType': 'VMWARE_SOFTWARE',
                             'resource': {'resourceId': resource['id'], 'fqdn': resource['name'],
                                          'type': resource['type'], 'name': resource['name']},
                             'softwareComponents': [{'id': resource['id'], 'type': resource['type']}],
                             'status': 'AVAILABLE' if not errors else 'NOT_AVAILABLE', 'errors': errors})
        return {'elements': elements, 'pageMetadata': {'pageNumber': 0, 'pageSize': len(elements),
                                                       'totalElements': len(elements), 'totalPages': 1}}

    def query_resources(self):
        """The resources a query returns; one with no check-sets is returned with an empty list."""
        found = []
        for resource in self.resources:
            found.append({'resourceId': resource['id'], 'resourceName': resource['name'],
                          'resourceType': resource['type'], 'resourceVersion': '9.0.0.0',
                          'domain': self.info(), 'extraContext': {},
                          'checkSets': [{'checkSetId': c, 'checkSetName': c.replace('-', ' ').title(),
                                         'checkSetType': 'UPGRADE'} for c in resource.get('check_sets', [])]})
        return found


class CheckRun:
    """One pre-check run: a scripted timeline, then a result built from its domains' findings as they were
    when it started (a later change of the plan is the next run's), or from ``findings`` given per domain."""

    def __init__(self, run_id, domains, target_version=None, steps=3, duration=None, shape='both', outcome=None,
                 result=None, started_ago=0.0, findings=None, completed_ago=None, **unknown):
        if unknown:
            raise ValueError('unknown check run settings: %s' % ', '.join(sorted(unknown)))
        if shape not in SHAPES:
            raise ValueError('shape must be one of %s' % ', '.join(SHAPES))
        self.run_id = run_id
        self.domains = [snapshot(domain, (findings or {}).get(domain.name)) for domain in domains]
        self.target_version = target_version
        self.steps = int(steps)
        self.duration = None if duration is None else float(duration)
        self.shape = shape
        self.outcome = outcome
        self.raw_result = result
        self.created = time.time() - float(started_ago)
        self.completed_at = None if completed_ago is None else time.time() - float(completed_ago)
        self.polls = 0

    # -- timeline -----------------------------------------------------------------

    def progress(self, advance):
        """Discovery percentage now (None once finished); a read (advance) moves a poll timeline on."""
        if self.duration is not None:
            fraction = (time.time() - self.created) / self.duration if self.duration > 0 else 1.0
        else:
            if advance:
                self.polls += 1
            fraction = (self.polls - 1) / float(self.steps) if self.steps > 0 else 1.0
        if fraction >= 1.0:
            if self.completed_at is None:
                self.completed_at = time.time()
            return None
        return int(100 * max(0.0, fraction))

    def finished(self):
        return self.progress(advance=False) is None

    def final_status(self):
        if self.outcome:
            return self.outcome
        failed = any(f.get('severity', 'ERROR') == 'ERROR' for d in self.domains for f in d.findings)
        return 'COMPLETED_WITH_FAILURE' if failed else 'COMPLETED_WITH_SUCCESS'

    def state(self):
        return self.final_status() if self.finished() else 'IN_PROGRESS'

    # -- bodies -------------------------------------------------------------------

    def task(self):
        return {'id': self.run_id, 'name': 'Check-set run', 'type': 'CHECK_SET_RUN', 'status': 'IN_PROGRESS',
                'creationTimestamp': iso(self.created), 'isCancellable': False, 'isRetryable': False}

    def task_info(self):
        info = {'id': self.run_id, 'state': self.state(), 'timestamp': int(self.created * 1000),
                'domainInputs': [d.info() for d in self.domains],
                'metadata': {'targetVersion': self.target_version or GENERAL_READINESS}}
        if self.finished():
            info['completionTimestamp'] = int((self.completed_at or time.time()) * 1000)
        return info

    def result(self, advance=True):
        progress = self.progress(advance)
        if progress is not None:
            return {'status': 'IN_PROGRESS', 'timestamp': iso(self.created),
                    'discoveryProgress': {'percentageComplete': progress,
                                          'progressMessages': ['Discovering %s' % d.name for d in self.domains]}}
        if self.raw_result is not None:
            return self.raw_result
        body = {'status': self.final_status(), 'timestamp': iso(self.created),
                'completionTimestamp': iso(self.completed_at), 'discoveryProgress': {'percentageComplete': 100},
                'presentedArtifactsMap': {'validation-domain-summary': [summary(d) for d in self.domains]}}
        if self.shape in ('both', 'validation', 'notifications'):
            body['validationResult'] = validation_tree(self.domains, notifications=self.shape == 'notifications')
        body['physicalPresentedData'] = inventory_tree(self.domains, with_findings=self.shape in ('both', 'inventory'))
        return body


def snapshot(domain, findings=None):
    """The domain as a run sees it: its findings copied now (or ``findings`` instead)."""
    seen = copy.copy(domain)
    seen.findings = copy.deepcopy(domain.findings if findings is None else findings)
    return seen


def summary(domain):
    """One ``validation-domain-summary`` entry, with float counts as the captured body has them."""
    counts = {'ERROR': 0, 'WARNING': 0, 'INFO': 0}
    for finding in domain.findings:
        counts[finding.get('severity', 'ERROR')] += 1
    run = domain.passed + domain.silenced + len(domain.findings)
    return {'domainName': domain.name, 'criticalGapsCount': float(counts['ERROR']),
            'warningGapsCount': float(counts['WARNING']), 'optionalGapsCount': float(counts['INFO']),
            'validationsRunCount': float(run), 'successfulValidationsCount': float(domain.passed),
            'silencedValidationsCount': float(domain.silenced), 'errorValidationsCount': float(counts['ERROR']),
            'internalErrorValidationsCount': 0.0}


def _check_node(finding, notifications):
    severity = finding.get('severity', 'ERROR')
    suffix = 'error' if severity == 'ERROR' else severity.lower()
    node = {'errorCode': 'BASELINER_CONSTRAINT_VALIDATION.%s' % suffix, 'message': finding['message'],
            'referenceToken': finding.get('reference_token', uuid.uuid4().hex[:6].upper()),
            'context': {'validationStatus': 'VALIDATION_FAILED',
                        'validatorDefinitionId': finding['id'], 'validationName': finding['name']}}
    if notifications:
        node['notifications'] = [{'severity': severity, 'message': finding['message'],
                                  'remediations': [{'message': finding.get('remediation', ''),
                                                    'link': finding.get('link', 'https://knowledge.example.com/%s'
                                                                        % finding['id'])}],
                                  'impactMessage': 'The upgrade of %s may fail.' % finding.get('resource', 'it')}]
    else:
        node['remediationMessage'] = finding.get('remediation', '')
        node['context'].update(importanceLevel=IMPORTANCE.get(severity, severity), severity=severity)
        if finding.get('link'):
            node['remediationUrl'] = finding['link']
    return node


def validation_tree(domains, notifications=False):
    """validationResult: root -> per-domain node -> per-resource node -> check leaves (three levels deep)."""
    failed = any(f.get('severity', 'ERROR') == 'ERROR' for d in domains for f in d.findings)
    level = 'error' if failed else 'info'
    root = {'errorCode': 'BASELINER_TARGET_STATE_VALIDATION.%s' % level,
            'context': {'severity': 'ERROR' if failed else 'INFO'},
            'message': 'Target state validation failed' if failed else 'Target state validation successful',
            'nestedErrors': []}
    for domain in domains:
        resources = []
        by_resource = {}
        for finding in domain.findings:
            by_resource.setdefault(finding.get('resource', domain.name), []).append(finding)
        for name, findings in by_resource.items():
            resources.append({'errorCode': 'BASELINER_RESOURCE_VALIDATION.%s' % level, 'message': name,
                              'nestedErrors': [_check_node(f, notifications) for f in findings]})
        resources.extend(silenced_nodes(domain))
        passed = [{'errorCode': 'BASELINER_CONSTRAINT_VALIDATION.info', 'message': 'Check %d passed' % index,
                   'context': {'severity': 'INFO', 'validationName': 'Check %d' % index,
                               'validationStatus': 'VALIDATION_SUCCESSFUL'}} for index in range(domain.passed)]
        if passed:
            resources.append({'errorCode': 'BASELINER_RESOURCE_VALIDATION.info', 'message': domain.name,
                              'nestedErrors': passed})
        root['nestedErrors'].append({'errorCode': 'BASELINER_DOMAIN_VALIDATION.%s' % level, 'message': domain.name,
                                     'nestedErrors': resources})
    return root


def silenced_nodes(domain):
    """The silenced checks of ``domain`` as validation nodes (the walker counts them and lists what they were)."""
    return [{'errorCode': 'BASELINER_CONSTRAINT_VALIDATION.info', 'message': c.get('message', 'Silenced.'),
             'context': {'severity': 'INFO', 'validationStatus': 'VALIDATION_SILENCED',
                         'validatorDefinitionId': c['id'], 'validationName': c.get('name', c['id']),
                         'resourceName': c.get('resource', domain.name), 'domainName': domain.name}}
            for c in domain.silenced_checks]


def silenced_result(run):
    """What a 9.1 read with ``severity=INFO&includeOnlySilencedInfo=true`` answers: only the silenced checks."""
    return {'status': run.final_status(), 'timestamp': iso(run.created),
            'discoveryProgress': {'percentageComplete': 100},
            'validationResult': {'errorCode': 'BASELINER_TARGET_STATE_VALIDATION.info', 'context': {'severity': 'INFO'},
                                 'message': 'Silenced checks', 'nestedErrors': [
                                     node for domain in run.domains for node in silenced_nodes(domain)]}}


def bundle_statuses(domains, release, bundles):
    """``PageOfBundleDownloadStatusInfo`` for ``release``: each BOM component's bundle, as ``bundles`` says.

    ``bundles`` maps a component to SUCCESSFUL (the default), PENDING, FAILED... or ``absent`` (no entry).
    """
    elements = []
    for name, dummy in BOM:
        status = bundles.get(name, 'SUCCESSFUL')
        if status == 'absent':
            continue
        entry = {'componentType': name, 'version': release,
                 'bundleId': str(uuid.uuid5(uuid.NAMESPACE_DNS, name + release)),
                 'downloadStatus': status, 'downloadScheduledTime': 1764000000000, 'isDownloadCancellable': False,
                 'isDownloadable': status != 'SUCCESSFUL'}
        if status == 'FAILED':
            entry['message'] = 'Download of the %s bundle failed: the depot did not answer.' % name
        elements.append(entry)
    return {'elements': elements, 'pageMetadata': {'pageNumber': 0, 'pageSize': len(elements),
                                                   'totalElements': len(elements), 'totalPages': 1}}


def inventory_tree(domains, with_findings=True):
    """physicalPresentedData: vSphere -> domains (string properties, as captured) -> resources -> check leaves."""
    root = {'id': str(uuid.uuid5(uuid.NAMESPACE_DNS, 'vsphere')), 'type': 'Vsphere', 'name': 'vSphere',
            'childEntities': []}
    for domain in domains:
        node = {'id': str(uuid.uuid5(uuid.NAMESPACE_DNS, 'inv/' + domain.id)), 'type': 'domain', 'name': domain.name,
                'properties': {'domainId': domain.id}}
        if with_findings and domain.findings:
            by_resource = {}
            for finding in domain.findings:
                by_resource.setdefault(finding.get('resource', domain.name), []).append(finding)
            node['childEntities'] = [
                {'name': name, 'type': 'resource', 'childEntities': [
                    {'name': f['name'], 'classifications': [{'type': 'validationStatus',
                                                             'value': f.get('severity', 'ERROR'),
                                                             'description': f['message'], 'source': 'CLASSIFIER'}]}
                    for f in findings]}
                for name, findings in by_resource.items()]
        root['childEntities'].append(node)
    return root
