# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""findings: the walker over every shape the evidence shows, and over hostile ones, never a traceback."""

import copy
import json
import os

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.findings import (
    MAX_DEPTH,
    count,
    extract_findings,
    normalise_severity,
    outcome_of,
)

FIXTURES = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), 'fixtures')


def fixture(name):
    with open(os.path.join(FIXTURES, name)) as handle:
        return json.load(handle)


def check(status='VALIDATION_FAILED', **context):
    node = {'errorCode': 'BASELINER_CONSTRAINT_VALIDATION.error', 'message': context.pop('message', 'It failed'),
            'remediationMessage': context.pop('remediation', 'Fix it'), 'context': dict(validationStatus=status)}
    node['context'].update(context)
    return node


def tree(*checks):
    return {'status': 'COMPLETED_WITH_FAILURE', 'validationResult': {'context': {'severity': 'ERROR'},
                                                                     'nestedErrors': list(checks)}}


def test_the_captured_success_body_reads_as_one_passed_check_and_no_finding():
    extracted = extract_findings(fixture('captured-success-5.2.json'))
    assert extracted['findings'] == []
    summary = extracted['summary']
    assert (summary['error'], summary['warning'], summary['passed'], summary['total']) == (0, 0, 1, 1)
    assert summary['domains'] == [{'domain': 'vcf-m01', 'error': 0, 'warning': 0, 'info': 0, 'passed': 1,
                                   'silenced': 0, 'total': 1, 'internal_errors': 0,
                                   'source': 'validation-domain-summary'}]


def test_the_reconstructed_validation_failure_three_levels_deep_is_an_error():
    findings = extract_findings(fixture('reconstructed-failure-validation.json'))['findings']
    assert len(findings) == 1
    finding = findings[0]
    assert (finding['id'], finding['name'], finding['severity'], finding['severity_raw']) == (
        'sddc-manager-vcenter-license-state', '<human name>', 'ERROR', 'CRITICAL')
    assert finding['message'] == '<check message>' and finding['remediation'] == '<remediation>'
    assert finding['passed'] is False and finding['status'] == 'VALIDATION_FAILED'


def test_the_reconstructed_inventory_failure_names_its_resource_and_domain():
    findings = extract_findings(fixture('reconstructed-failure-inventory.json'))['findings']
    assert [(f['resource'], f['name'], f['severity'], f['message'], f['domain']) for f in findings] == [
        ('vcf-m01-vc01.example.com', '<check name>', 'ERROR', '<error text>', 'vcf-m01')]


def test_a_check_in_both_representations_is_one_finding_with_the_details_of_both():
    result = fixture('reconstructed-failure-validation.json')
    result['validationResult']['nestedErrors'][0]['nestedErrors'][0]['nestedErrors'][0]['message'] = '<error text>'
    result['validationResult']['nestedErrors'][0]['nestedErrors'][0]['nestedErrors'][0]['context'][
        'validationName'] = '<check name>'
    result.update(fixture('reconstructed-failure-inventory.json'))
    findings = extract_findings(result)['findings']
    assert len(findings) == 1
    assert findings[0]['id'] == 'sddc-manager-vcenter-license-state'
    assert findings[0]['resource'] == 'vcf-m01-vc01.example.com' and findings[0]['remediation'] == '<remediation>'


def test_the_same_check_on_two_resources_is_two_findings():
    result = {'physicalPresentedData': {'name': 'vSphere', 'childEntities': [
        {'name': host, 'childEntities': [{'name': 'NTP', 'classifications': [{'value': 'WARNING',
                                                                              'description': 'NTP drift'}]}]}
        for host in ('esx-01', 'esx-02')]}}
    assert [f['resource'] for f in extract_findings(result)['findings']] == ['esx-01', 'esx-02']


@pytest.mark.parametrize('raw, failed, severity', [
    ('CRITICAL', True, 'ERROR'), ('ERROR', True, 'ERROR'), ('error', True, 'ERROR'), ('WARNING', True, 'WARNING'),
    ('Warn', True, 'WARNING'), ('OPTIONAL', True, 'INFO'), ('INFO', True, 'INFO'), (None, True, 'ERROR'),
    ('BANANA', True, 'ERROR'), ('', True, 'ERROR'), (7, True, 'ERROR'), (['ERROR'], True, 'ERROR'),
    (None, False, 'INFO'),
])
def test_severity_normalisation_never_reads_the_unknown_as_benign(raw, failed, severity):
    assert normalise_severity(raw, failed) == severity


def test_a_failed_node_whose_severity_is_missing_or_unknown_is_an_error_keeping_the_raw_value():
    findings = extract_findings(tree(check(), check(importanceLevel='MAYBE', validationName='odd')))['findings']
    assert [f['severity'] for f in findings] == ['ERROR', 'ERROR']
    assert sorted(str(f['severity_raw']) for f in findings) == ['MAYBE', 'None']


@pytest.mark.parametrize('status, outcome', [
    ('VALIDATION_SUCCESSFUL', 'passed'), ('SUCCESS', 'passed'), ('VALIDATION_FAILED', 'failed'),
    ('VALIDATION_SILENCED', 'silenced'), ('SKIPPED', 'failed'), (None, 'failed'), ({'x': 1}, 'failed'),
])
def test_validation_status_outcomes(status, outcome):
    assert outcome_of(status) == outcome


def test_passed_and_silenced_checks_are_counted_not_listed():
    result = tree(check('VALIDATION_SUCCESSFUL'), check('VALIDATION_SUCCESSFUL'), check('VALIDATION_SILENCED'),
                  check(importanceLevel='WARNING', validationName='w'))
    extracted = extract_findings(result)
    assert [f['severity'] for f in extracted['findings']] == ['WARNING']
    summary = extracted['summary']
    assert (summary['passed'], summary['silenced'], summary['warning'], summary['total']) == (2, 1, 1, 4)


def test_91_notifications_give_severity_message_remediation_and_link():
    node = {'errorCode': 'X', 'context': {'validationStatus': 'VALIDATION_FAILED', 'validationName': 'vSAN health'},
            'notifications': [{'severity': 'WARNING', 'message': 'Disk group degraded',
                               'impactMessage': 'Upgrade may stall',
                               'remediations': [{'message': 'Replace the disk', 'link': 'https://kb.example.com/1'}]}]}
    finding = extract_findings(tree(node))['findings'][0]
    assert finding['severity'] == 'WARNING' and finding['remediation_url'] == 'https://kb.example.com/1'
    assert 'Disk group degraded' in finding['message'] and 'Upgrade may stall' in finding['message']
    assert 'Replace the disk' in finding['remediation']


def test_notifications_on_a_node_without_a_status_are_findings_of_their_own():
    node = {'label': 'Pre-check', 'notifications': [{'severity': 'ERROR', 'message': 'Bundle missing'},
                                                    {'severity': 'INFO', 'message': 'FYI'}]}
    findings = extract_findings({'validationResult': node})['findings']
    assert [(f['severity'], f['message']) for f in findings] == [('ERROR', 'Bundle missing'), ('INFO', 'FYI')]


def test_findings_are_sorted_most_severe_first():
    result = tree(check(importanceLevel='OPTIONAL', validationName='c'),
                  check(importanceLevel='WARNING', validationName='b'),
                  check(importanceLevel='CRITICAL', validationName='a'))
    assert [f['severity'] for f in extract_findings(result)['findings']] == ['ERROR', 'WARNING', 'INFO']


def test_inventory_tags_that_are_not_statuses_are_not_findings():
    result = {'physicalPresentedData': {'name': 'vSphere', 'classifications': [
        {'type': 'domainType', 'value': 'MGMT_DOMAIN'}], 'childEntities': []}}
    assert extract_findings(result)['findings'] == []


@pytest.mark.parametrize('value, number', [(3, 3), (3.0, 3), ('3', 3), ('3.0', 3), (None, 0), ('x', 0), (-2, 0),
                                           (float('nan'), 0), (float('inf'), 0), (True, 0), ([], 0)])
def test_counts_accept_floats_and_numbers_as_strings(value, number):
    assert count(value) == number


def test_summary_per_domain_prefers_the_servers_and_overall_takes_the_larger():
    result = tree(check(importanceLevel='CRITICAL', validationName='a'))
    result['presentedArtifactsMap'] = {'validation-domain-summary': [
        {'domainName': 'd1', 'criticalGapsCount': '2.0', 'successfulValidationsCount': 10.0,
         'validationsRunCount': 12.0}, {'domainName': 'd2', 'warningGapsCount': 1.0, 'validationsRunCount': 1}]}
    summary = extract_findings(result)['summary']
    assert (summary['error'], summary['warning'], summary['passed'], summary['total']) == (2, 1, 10, 13)
    assert [d['domain'] for d in summary['domains']] == ['d1', 'd2']


def test_summary_per_domain_from_findings_when_the_server_gives_none():
    result = {'physicalPresentedData': {'name': 'vSphere', 'childEntities': [
        {'name': name, 'type': 'domain', 'childEntities': [{'name': 'r', 'childEntities': [
            {'name': 'c', 'classifications': [{'value': value, 'description': 'd'}]}]}]}
        for name, value in (('wld-01', 'ERROR'), ('wld-02', 'WARNING'))]}}
    domains = extract_findings(result)['summary']['domains']
    assert [(d['domain'], d['error'], d['warning'], d['source']) for d in domains] == [
        ('wld-01', 1, 0, 'findings'), ('wld-02', 0, 1, 'findings')]


HOSTILE = [
    None, [], 'text', 42, {'validationResult': []}, {'validationResult': 'x'},
    {'validationResult': {'nestedErrors': {'not': 'a list'}}}, {'validationResult': {'nestedErrors': [1, 'a', None]}},
    {'validationResult': {'context': ['list'], 'nestedErrors': [{'context': 'str'}]}},
    {'validationResult': {'nestedErrors': [{'context': {'validationStatus': 'VALIDATION_FAILED', 'importanceLevel': 5,
                                                        'validationName': {'a': 1}, 'validatorDefinitionId': 7}}]}},
    {'validationResult': {'nestedErrors': [{'context': {'validationStatus': 'VALIDATION_FAILED'},
                                            'notifications': [1, {'severity': ['x'], 'remediations': 'no'}]}]}},
    {'physicalPresentedData': {'childEntities': 'x', 'classifications': 'y'}},
    {'physicalPresentedData': {'childEntities': [{'classifications': [None, 1, {'value': None}]}]}},
    {'presentedArtifactsMap': {'validation-domain-summary': 'x'}},
    {'presentedArtifactsMap': {'validation-domain-summary': {'domainName': 'd', 'criticalGapsCount': 'lots'}}},
    {'presentedArtifactsMap': []}, {'discoveryProgress': 'x', 'status': ['x']},
]


@pytest.mark.parametrize('result', HOSTILE)
def test_hostile_shapes_never_raise(result):
    extracted = extract_findings(copy.deepcopy(result))
    assert isinstance(extracted['findings'], list) and isinstance(extracted['summary'], dict)
    json.dumps(extracted)


def test_a_hostile_failed_node_is_still_an_error_finding():
    findings = extract_findings(HOSTILE[9])['findings']
    assert len(findings) == 1 and findings[0]['severity'] == 'ERROR'
    assert findings[0]['name'] is None and findings[0]['id'] == '7'


def test_5000_deep_is_walked_to_the_bound_without_recursion():
    root = node = {'nestedErrors': []}
    for dummy in range(5000):
        child = {'nestedErrors': []}
        node['nestedErrors'].append(child)
        node = child
    node['context'] = {'validationStatus': 'VALIDATION_FAILED'}
    shallow = root
    for dummy in range(10):
        shallow = shallow['nestedErrors'][0]
    shallow['nestedErrors'].append(check(importanceLevel='WARNING', validationName='near the top'))
    extracted = extract_findings({'validationResult': root})
    assert extracted['truncated'] is True
    assert [f['name'] for f in extracted['findings']] == ['near the top'], 'the check below MAX_DEPTH is not read'
    assert MAX_DEPTH < 5000


def test_5000_wide_gives_5000_findings():
    result = tree(*[check(importanceLevel='WARNING', validationName='check %d' % i) for i in range(5000)])
    extracted = extract_findings(result)
    assert len(extracted['findings']) == 5000 and extracted['truncated'] is False


def test_server_text_in_findings_is_one_bounded_line():
    result = tree(check(importanceLevel='CRITICAL', validationName='a\x1b[31mred\x1b[0m',
                        message='line one\nline two' + 'x' * 10000))
    finding = extract_findings(result)['findings'][0]
    assert finding['name'] == 'ared' and '\n' not in finding['message'] and len(finding['message']) <= 2000


# -- one finding per check, whichever representations carry it ---------------------------------------------------

def _validation_node(message='The vCenter license has expired.', notifications=False):
    node = {'errorCode': 'BASELINER_CONSTRAINT_VALIDATION.error', 'message': message,
            'context': {'validationStatus': 'VALIDATION_FAILED', 'validatorDefinitionId': 'vcenter-license',
                        'validationName': 'vCenter license state'}}
    if notifications:
        node['notifications'] = [{'severity': 'ERROR', 'message': 'License expired on 2026-11-01',
                                  'impactMessage': 'The upgrade of vCenter fails.',
                                  'remediations': [{'message': 'Assign a license.'}]}]
    else:
        node['context']['importanceLevel'] = 'CRITICAL'
    return node


def _inventory(message='vCenter licence is past its end date', name='vCenter license state', value='ERROR'):
    return {'name': 'vSphere', 'childEntities': [{'name': 'wld-02', 'type': 'domain', 'childEntities': [
        {'name': 'wld-02-vc01.example.com', 'childEntities': [
            {'name': name, 'classifications': [{'type': 'validationStatus', 'value': value,
                                                'description': message}]}]}]}]}


@pytest.mark.parametrize('left, right', [
    ('validation', 'inventory'), ('notifications', 'inventory'), ('validation', 'notifications'),
])
def test_one_check_in_two_representations_with_different_texts_is_one_finding(left, right):
    parts = {'validation': lambda: {'validationResult': {'nestedErrors': [_validation_node()]}},
             'notifications': lambda: {'validationResult': {'nestedErrors': [_validation_node(
                 'License check', notifications=True)]}},
             'inventory': lambda: {'physicalPresentedData': _inventory()}}
    result = {'status': 'COMPLETED_WITH_FAILURE'}
    for part in (left, right):
        for key, value in parts[part]().items():
            if key in result:   # two validation trees: both nodes under one root
                result[key]['nestedErrors'].extend(value['nestedErrors'])
            else:
                result[key] = value
    extracted = extract_findings(result)
    assert len(extracted['findings']) == 1, [f['message'] for f in extracted['findings']]
    assert extracted['counts_read'] == {'error': 1, 'warning': 0, 'info': 0}
    assert extracted['findings'][0]['id'] == 'vcenter-license'


def test_a_check_with_an_error_and_a_warning_on_one_resource_counts_one_of_each():
    ntp = dict(_validation_node(), context={'validationStatus': 'VALIDATION_FAILED', 'validatorDefinitionId': 'ntp',
                                            'validationName': 'NTP drift', 'importanceLevel': 'WARNING'})
    leaves = [{'name': name, 'classifications': [{'type': 'validationStatus', 'value': value, 'description': text}]}
              for name, value, text in (('vCenter license state', 'ERROR', 'other words'),
                                        ('NTP drift', 'WARNING', 'more other words'))]
    inventory = {'name': 'vSphere', 'childEntities': [{'name': 'wld-02', 'type': 'domain', 'childEntities': [
        {'name': 'vc01', 'childEntities': leaves}]}]}
    result = {'validationResult': {'nestedErrors': [_validation_node(notifications=True), ntp]},
              'physicalPresentedData': inventory}
    assert extract_findings(result)['counts_read'] == {'error': 1, 'warning': 1, 'info': 0}


def test_two_definition_ids_are_two_checks_whatever_their_names():
    first, second = _validation_node(), _validation_node()
    second['context']['validatorDefinitionId'] = 'another-check'
    assert len(extract_findings({'validationResult': {'nestedErrors': [first, second]}})['findings']) == 2


def test_an_unplaced_finding_with_two_possible_homes_stays_apart():
    inventory = _inventory()
    inventory['childEntities'][0]['childEntities'].append(
        {'name': 'wld-02-vc02.example.com', 'childEntities': [
            {'name': 'vCenter license state', 'classifications': [{'type': 'validationStatus', 'value': 'ERROR'}]}]})
    result = {'validationResult': {'nestedErrors': [_validation_node()]}, 'physicalPresentedData': inventory}
    assert len(extract_findings(result)['findings']) == 3, 'which vCenter the tree meant is unknown: keep all three'


def test_identical_subtrees_merge_into_one_finding():
    subtree = {'message': 'group', 'nestedErrors': [_validation_node()]}
    copies = [copy.deepcopy(subtree) for dummy in range(3000)]
    extracted = extract_findings({'validationResult': {'nestedErrors': copies}})
    assert len(extracted['findings']) == 1


def test_the_server_counts_are_kept_beside_the_counts_read():
    result = tree(check(importanceLevel='CRITICAL', validationName='a'))
    result['presentedArtifactsMap'] = {'validation-domain-summary': [{'domainName': 'd1', 'criticalGapsCount': 3.0}]}
    extracted = extract_findings(result)
    assert extracted['counts_read']['error'] == 1 and extracted['counts_reported']['error'] == 3
    assert extract_findings(tree())['counts_reported'] is None


def test_the_same_findings_in_any_order_give_the_same_list():
    same = [check(importanceLevel='WARNING', validationName='same', message='text %d' % i) for i in range(5)]
    first = extract_findings(tree(*same))['findings']
    again = extract_findings(tree(*reversed(same)))['findings']
    assert json.dumps(first) == json.dumps(again)


def test_a_lone_surrogate_from_the_server_never_reaches_a_report():
    from ansible_collections.sddc.manager.plugins.module_utils.precheck_report import render_html, render_json
    from ansible_collections.sddc.manager.plugins.module_utils.precheck_report import report_data
    result = json.loads('{"status": "COMPLETED_WITH_FAILURE", "validationResult": {"message": "top \\ud800", '
                        '"nestedErrors": [{"message": "bad \\udfff text", "context": {"validationStatus": '
                        '"VALIDATION_FAILED", "validationName": "n\\ud800", "importanceLevel": "CRITICAL"}}]}}')
    from ansible_collections.sddc.manager.plugins.module_utils.run_result import describe_run
    described = describe_run('7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21', result)
    assert described['findings'][0]['message'] == 'bad text'
    report = report_data(dict(described, verdict='BLOCKED'))
    render_json(report).decode('utf-8')
    render_html(report).decode('utf-8')


def test_past_the_findings_bound_the_rest_is_not_kept_and_the_walk_is_truncated(monkeypatch):
    from ansible_collections.sddc.manager.plugins.module_utils import findings as findings_module
    monkeypatch.setattr(findings_module, 'MAX_FINDINGS', 50)
    extracted = extract_findings(tree(*[check(importanceLevel='WARNING', validationName='c%d' % i) for i in range(60)]))
    assert len(extracted['findings']) == 50 and extracted['truncated'] is True
    again = extract_findings(tree(*[check(importanceLevel='WARNING', validationName='same') for dummy in range(60)]))
    assert len(again['findings']) == 1 and again['truncated'] is False, 'merged findings do not count twice'


def test_resource_and_domain_ids_are_kept_where_the_result_gives_them():
    result = {'physicalPresentedData': {'name': 'vSphere', 'childEntities': [
        {'name': 'wld-02', 'type': 'domain', 'properties': {'domainId': 'd-2'}, 'childEntities': [
            {'name': 'vc01', 'id': 'r-1', 'childEntities': [
                {'name': 'License', 'classifications': [{'type': 'validationStatus', 'value': 'ERROR'}]}]}]}]}}
    finding = extract_findings(result)['findings'][0]
    assert (finding['resource_id'], finding['domain_id']) == ('r-1', 'd-2')
    assert extract_findings(tree(check()))['findings'][0]['resource_id'] is None
