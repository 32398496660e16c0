# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""coverage: which components of the target release had their version-specific checks run."""

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.coverage import (
    COVERED,
    NOT_COVERED,
    UNKNOWN,
    component_key,
    coverage_phrase,
    read_coverage,
    upgradable_findings,
)

WLD = {'id': '8b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'name': 'wld-01'}
BOM = [{'name': 'SDDC_MANAGER_VCF', 'version': '9.1.0.0'}, {'name': 'VCENTER', 'version': '9.1.0.0'},
       {'name': 'NSX_T_MANAGER', 'version': '9.1.0.0'}, {'name': 'ESX_HOST', 'version': '9.1.0.0'}]


def serve(transport, statuses):
    transport.add('GET', '/v1/releases/domains/%s/future-releases' % WLD['id'], json_body={'elements': [
        {'version': '9.2.0.0', 'bom': []}, {'version': '9.1.0.0', 'bom': BOM}]})
    transport.add('GET', '/v1/bundles/download-status', json_body={'elements': [
        {'componentType': name, 'version': '9.1.0.0', 'downloadStatus': status, 'bundleId': name}
        for name, status in statuses.items()]})


@pytest.mark.parametrize('name, key', [('nsx-t manager', 'NSX_T_MANAGER'), ('NSX', 'NSX_T_MANAGER'),
                                       ('esx', 'ESX_HOST'), ('VCENTER', 'VCENTER'), (None, '')])
def test_component_spellings(name, key):
    assert component_key(name) == key


def test_every_bundle_downloaded_is_complete(make_client, transport):
    serve(transport, {'SDDC_MANAGER_VCF': 'SUCCESSFUL', 'VCENTER': 'SUCCESSFUL', 'NSX': 'SUCCESSFUL',
                      'ESX_HOST': 'SUCCESSFUL'})
    coverage = read_coverage(make_client(api_token='t0k3n'), [WLD], '9.1.0.0')
    assert coverage['complete'] is True and [c['checks'] for c in coverage['components']] == [COVERED] * 4
    assert transport.sent[-1]['path'] == '/v1/bundles/download-status'


def test_a_missing_failed_or_unmatched_bundle_is_not_covered(make_client, transport):
    serve(transport, {'SDDC_MANAGER_VCF': 'SUCCESSFUL', 'VCENTER': 'SUCCESSFUL', 'NSX_T_MANAGER': 'PENDING'})
    coverage = read_coverage(make_client(api_token='t0k3n'), [WLD], '9.1.0.0')
    assert coverage['complete'] is False and coverage['not_covered'] == ['NSX_T_MANAGER', 'ESX_HOST']
    checks = dict((c['component'], (c['checks'], c['bundle_status'])) for c in coverage['components'])
    assert checks['NSX_T_MANAGER'] == (NOT_COVERED, 'PENDING') and checks['ESX_HOST'] == (UNKNOWN, None)
    assert coverage_phrase(coverage) == ('the version-specific checks of NSX_T_MANAGER (bundle PENDING), ESX_HOST '
                                         '(no bundle found) did not run (2 of 4 components not covered)')


def test_a_release_without_a_readable_bom_is_never_complete(make_client, transport):
    transport.add('GET', '/v1/releases/domains/%s/future-releases' % WLD['id'], json_body={'elements': []})
    coverage = read_coverage(make_client(api_token='t0k3n'), [WLD], '9.1.0.0')
    assert coverage['complete'] is False and 'could not be read' in coverage_phrase(coverage)


def test_upgradable_errors_are_findings(make_client, transport):
    transport.add('GET', '/v1/upgradables/domains/%s' % WLD['id'], json_body={'elements': [
        {'resource': {'fqdn': 'wld-01-nsx01.example.com', 'type': 'NSXT_MANAGER'}, 'errors': [
            {'errorCode': 'NSX_BUNDLE_MISSING', 'message': 'The NSX bundle is not downloaded.',
             'remediationMessage': 'Download it.'}, 'junk']}, 'junk']})
    findings = upgradable_findings(make_client(api_token='t0k3n'), WLD, '9.1.0.0')
    assert [(f['id'], f['severity'], f['resource'], f['domain'], f['source']) for f in findings] == [
        ('NSX_BUNDLE_MISSING', 'ERROR', 'wld-01-nsx01.example.com', 'wld-01', 'upgradables')]
