# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""precheck_verdict: READY only when everything the run reported was read and passed (fail closed)."""

import copy
import datetime

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.findings import MAX_DEPTH, MAX_NODES
from ansible_collections.sddc.manager.plugins.module_utils.precheck_verdict import (
    BLOCKED,
    NOT_FINISHED,
    READY,
    READY_WITH_WARNINGS,
    Verdict,
)
from ansible_collections.sddc.manager.plugins.module_utils.run_result import describe_run

RUN = '7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21'
TODAY = datetime.date(2026, 12, 2)


def check(name, status='VALIDATION_FAILED', importance='CRITICAL', **context):
    context = dict(validationStatus=status, validatorDefinitionId=name, validationName=name.title(), **context)
    if importance:
        context['importanceLevel'] = importance
    return {'errorCode': 'BASELINER_CONSTRAINT_VALIDATION.x', 'message': '%s failed' % name,
            'remediationMessage': 'Fix %s' % name, 'context': context}


def run(*checks, status='COMPLETED_WITH_FAILURE', **extra):
    body = {'status': status, 'validationResult': {'message': 'Target state validation',
                                                   'nestedErrors': list(checks)}}
    body.update(extra)
    return body


def verdict(body, fail_on='error', **gate):
    return Verdict(describe_run(RUN, body), fail_on, today=TODAY, **gate)


def test_a_clean_completed_run_is_ready():
    judged = verdict(run(check('a', status='VALIDATION_SUCCESSFUL'), status='COMPLETED_WITH_SUCCESS'))
    assert (judged.word, judged.failed, judged.reasons) == (READY, False, [])


def test_an_error_deeper_than_the_depth_bound_is_never_ready():
    node = check('deep-error')
    for dummy in range(MAX_DEPTH + 5):
        node = {'errorCode': 'GROUP', 'nestedErrors': [node]}
    judged = verdict(run(node, status='COMPLETED_WITH_SUCCESS'))
    assert judged.described['truncated'] is True and judged.described['findings'] == []
    assert judged.word == BLOCKED and judged.failed
    assert 'not every finding was read' in judged.message()


def test_empty_siblings_do_not_use_up_the_node_bound():
    body = run(*([{}] * (MAX_NODES + 10) + [check('after-the-empties')]), status='COMPLETED_WITH_SUCCESS')
    judged = verdict(body)
    assert judged.described['truncated'] is False
    assert [f['id'] for f in judged.failing] == ['after-the-empties'] and judged.word == BLOCKED


def test_an_error_past_the_node_bound_is_never_ready():
    filler = [{'errorCode': 'NOISE'}] * MAX_NODES
    judged = verdict(run(*(filler + [check('past-the-bound')]), status='COMPLETED_WITH_SUCCESS'))
    assert judged.described['truncated'] is True and judged.word == BLOCKED and judged.failed


def test_the_servers_error_count_above_what_was_read_blocks_quoting_it():
    body = run(status='COMPLETED_WITH_SUCCESS', presentedArtifactsMap={'validation-domain-summary': [
        {'domainName': 'wld-01', 'criticalGapsCount': 5.0, 'successfulValidationsCount': 3.0}]})
    judged = verdict(body)
    assert judged.word == BLOCKED and judged.failed
    assert 'SDDC Manager counts 5 errors but 0 could be read, so an error went unread' in judged.message()
    assert judged.described['counts_reported'] == {'error': 5, 'warning': 0, 'info': 0}


def test_ignored_errors_count_as_read_against_the_servers_count():
    body = run(check('known'), presentedArtifactsMap={'validation-domain-summary': [
        {'domainName': 'wld-01', 'criticalGapsCount': 1.0}]})
    judged = verdict(body, ignore_checks=['known'])
    assert (judged.word, judged.failed) == (READY_WITH_WARNINGS, False)


@pytest.mark.parametrize('status', ['VALIDATION_FAILED_UNSILENCED', 'SILENCE_EXPIRED_FAILED', 'NOT_SUPPRESSED_YET'])
def test_a_status_that_merely_contains_silenced_is_a_failure(status):
    judged = verdict(run(check('x', status=status, importance=None), status='COMPLETED_WITH_SUCCESS'))
    assert [f['severity'] for f in judged.findings] == ['ERROR'] and judged.word == BLOCKED


@pytest.mark.parametrize('value', ['BLOCKER', 'SEVERE', 'HIGH', 'NOT_OK'])
def test_an_unknown_value_of_a_status_classification_is_an_error_in_either_tree(value):
    inventory = {'name': 'vSphere', 'childEntities': [{'name': 'vc-01', 'childEntities': [
        {'name': 'Backup', 'classifications': [{'type': 'validationStatus', 'value': value,
                                                'description': 'x'}]}]}]}
    judged = verdict({'status': 'COMPLETED_WITH_SUCCESS', 'physicalPresentedData': inventory})
    assert [f['severity'] for f in judged.findings] == ['ERROR'] and judged.word == BLOCKED
    tree = verdict(run(check('backup', importance=value), status='COMPLETED_WITH_SUCCESS'))
    assert [f['severity'] for f in tree.findings] == ['ERROR']


def test_a_silenced_status_classification_is_counted_not_listed():
    inventory = {'name': 'vSphere', 'childEntities': [{'name': 'vc-01', 'childEntities': [
        {'name': 'Backup', 'classifications': [{'type': 'validationStatus', 'value': 'SILENCED'}]}]}]}
    described = describe_run(RUN, {'status': 'COMPLETED_WITH_SUCCESS', 'physicalPresentedData': inventory})
    assert described['findings'] == [] and described['summary']['silenced'] == 1


@pytest.mark.parametrize('status', ['TIMED_OUT', 'CANCELLED', 'FAILED', 'ABORTED'])
def test_a_run_that_did_not_complete_is_never_ready_whatever_is_ignored(status):
    judged = verdict(run(check('only-error'), status=status), ignore_checks=['only-error'])
    assert judged.word == BLOCKED and judged.failed
    assert 'the run ended %s, so it did not check everything' % status in judged.message()


def test_a_run_that_did_not_complete_is_never_ready_even_without_findings():
    judged = verdict(run(status='CANCELLED'))
    assert judged.word == BLOCKED and judged.failed


def test_a_completed_run_whose_only_error_is_ignored_passes():
    judged = verdict(run(check('only-error')), ignore_checks=['ONLY-ERROR'])
    assert (judged.word, judged.failed) == (READY_WITH_WARNINGS, False)
    assert judged.message().endswith('READY WITH WARNINGS (1 finding ignored).')


def test_a_failed_run_without_a_readable_error_is_blocked_quoting_the_run():
    judged = verdict(run(status='COMPLETED_WITH_FAILURE', inputValidationErrors=[{'message': 'No bundle'}]))
    assert judged.word == BLOCKED and judged.message().endswith('BLOCKED. Target state validation No bundle.')


def test_a_blank_ignore_entry_ignores_nothing_and_says_so():
    node = {'label': 'Pre-check', 'notifications': [{'severity': 'ERROR', 'message': 'Bundle missing'}]}
    body = {'status': 'COMPLETED_WITH_FAILURE', 'validationResult': node}
    judged = verdict(body, ignore_checks=['', '  ', None])
    assert judged.word == BLOCKED and judged.failed and not any(f['ignored'] for f in judged.findings)
    assert judged.warning_lines()[0].startswith('ignore_checks has an empty entry')
    unnamed = verdict(run(check('x')), ignore_checks=[''])
    assert unnamed.failed


def test_never_reports_the_same_word_without_failing():
    judged = verdict(run(check('x')), fail_on='never')
    assert (judged.word, judged.failed, judged.failing) == (BLOCKED, False, [])


def test_an_unfinished_run_is_not_finished():
    assert verdict({'status': 'IN_PROGRESS'}).word == NOT_FINISHED


def test_the_callers_findings_are_left_as_they_were():
    described = describe_run(RUN, run(check('x'), check('y', importance='WARNING')))
    before = copy.deepcopy(described)
    judged = Verdict(described, 'error', ['x'], [dict(check='y', reason='r', expires='2030-01-01')], TODAY)
    assert described == before, 'Verdict marks copies'
    assert [(f['id'], f['ignored'], f['waived']) for f in judged.findings] == [('x', True, False), ('y', False, True)]


def test_warnings_do_not_repeat_their_severity_word():
    judged = verdict(run(check('w', importance='WARNING', resourceName='vc-01'), status='COMPLETED_WITH_SUCCESS'))
    assert judged.warning_lines() == ['vc-01 / W: w failed Remediation: Fix w']


def test_a_result_naming_more_domains_than_any_vcf_instance_is_never_ready():
    from ansible_collections.sddc.manager.plugins.module_utils.findings import MAX_DOMAINS
    inventory = {'name': 'vSphere', 'childEntities': [
        {'name': 'wld-%d' % index, 'type': 'DOMAIN', 'classifications': [{'value': 'WARNING', 'description': 'w'}]}
        for index in range(MAX_DOMAINS + 5)]}
    judged = verdict({'status': 'COMPLETED_WITH_SUCCESS', 'physicalPresentedData': inventory})
    assert judged.described['truncated'] is True and len(judged.findings) == MAX_DOMAINS
    assert judged.word == BLOCKED and 'names more domains than the collection reads' in judged.message()


def test_the_servers_counts_and_the_findings_read_disagreeing_is_a_warning_with_both_figures():
    body = run(check('w', importance='WARNING'), status='COMPLETED_WITH_SUCCESS', presentedArtifactsMap={
        'validation-domain-summary': [{'domainName': 'wld-01', 'warningGapsCount': 3.0}]})
    judged = verdict(body)
    assert judged.word == READY_WITH_WARNINGS
    assert 'SDDC Manager counts 3 warnings; the findings read are 1 warning.' in judged.warning_lines()


def test_incomplete_coverage_is_never_plain_ready_and_fails_only_when_asked():
    described = describe_run(RUN, run(status='COMPLETED_WITH_SUCCESS'))
    described['coverage'] = {'target_version': '9.1.0.0', 'complete': False, 'not_covered': ['NSX_T_MANAGER'],
                             'components': [{'component': 'NSX_T_MANAGER', 'bundle_status': 'PENDING',
                                             'checks': 'not covered'}]}
    relaxed = Verdict(described, today=TODAY)
    assert relaxed.word == READY_WITH_WARNINGS and not relaxed.failed
    assert any('NSX_T_MANAGER (bundle PENDING)' in line for line in relaxed.warning_lines())
    strict = Verdict(described, today=TODAY, fail_on_incomplete_coverage=True)
    assert strict.failed and 'Coverage incomplete: the version-specific checks of NSX_T_MANAGER' in strict.message()


def test_the_gate_on_new_errors_fails_only_on_what_the_baseline_had_not():
    baseline = dict(run_id='r0', completed='2026-11-20T10:00:00Z', target_version=None, domains=[], source='report',
                    findings=[dict(id='known', name='Known', severity='ERROR', resource=None, domain=None),
                              dict(id='risen', name='Risen', severity='WARNING', resource=None, domain=None)])
    same = verdict(run(check('known')), 'new_error', baseline=baseline)
    assert same.word == BLOCKED and not same.failed, 'the verdict describes the run; the gate follows the baseline'
    assert [f['id'] for f in same.since['persisting']] == ['known']
    worse = verdict(run(check('known'), check('fresh'), check('risen')), 'new_error', baseline=baseline)
    assert worse.failed and [f['id'] for f in worse.failing] == ['fresh', 'risen']
    assert 'BLOCKED. New since run r0: ERROR ' in worse.message()
    warned = verdict(run(check('known'), check('w', importance='WARNING')), 'new_warning', baseline=baseline)
    assert warned.failed and [f['id'] for f in warned.failing] == ['w']
    cancelled = verdict(run(check('known'), status='CANCELLED'), 'new_error', baseline=baseline)
    assert cancelled.failed, 'what was not checked still fails'
