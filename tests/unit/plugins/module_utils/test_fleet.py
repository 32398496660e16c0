# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""fleet: each manager's outcome from its run report, the fleet's verdict, the checks grouped, fail closed."""

import json
import os

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.fleet import (
    VERDICT_ORDER,
    check_phrase,
    clean_outcome,
    domain_outcomes,
    fleet_data,
    manager_outcome,
    not_checked,
    outcomes_from_folder,
    worst,
)

ERROR = dict(id='vcenter-backup-config', name='Backup', severity='ERROR', domain='w01', resource='vc1', message='m')
WARN = dict(id='disk-usage', name='Disk', severity='WARNING', domain='w02', resource='esx1', message='m')


def report(verdict='BLOCKED', findings=(ERROR, WARN), failing=(ERROR,), reasons=(), domains=('w01', 'w02'), **more):
    summary = dict(error=1, warning=1, info=0, passed=5, domains=[
        dict(domain='w01', error=1, warning=0, info=0, passed=2),
        dict(domain='w02', error=0, warning=1, info=0, passed=3)])
    data = dict(verdict=verdict, verdict_reasons=list(reasons), findings=list(findings), failing=list(failing),
                domains=list(domains), summary=summary, run_id='r1', status='COMPLETED_WITH_FAILURE',
                appliance=dict(hostname='sfo.example.com', version='9.1.0.0.1'), completed='2026-12-01T10:00:00Z')
    data.update(more)
    return data


def test_worst_is_in_the_documented_order():
    assert VERDICT_ORDER == ('BLOCKED', 'NOT CHECKED', 'NOT FINISHED', 'READY WITH WARNINGS', 'READY')
    assert worst(['READY', 'NOT FINISHED', 'READY WITH WARNINGS']) == 'NOT FINISHED'
    assert worst(['NOT CHECKED', 'BLOCKED']) == 'BLOCKED' and worst([]) == 'READY'


def test_a_domain_is_blocked_by_its_own_failing_findings_only():
    verdicts = dict((d['name'], d['verdict']) for d in domain_outcomes(report(), 'BLOCKED'))
    assert verdicts == {'w01': 'BLOCKED', 'w02': 'READY WITH WARNINGS'}


@pytest.mark.parametrize('changes', [dict(reasons=['Coverage incomplete: NSX.']),
                                     dict(failing=[dict(ERROR, domain=None)])])
def test_a_run_level_reason_or_an_unplaced_blocker_blocks_every_domain(changes):
    verdicts = set(d['verdict'] for d in domain_outcomes(report(**changes), 'BLOCKED'))
    assert verdicts == {'BLOCKED'}


@pytest.mark.parametrize('verdict', ['NOT FINISHED', 'NOT CHECKED'])
def test_an_unfinished_run_knows_no_domain_is_fine(verdict):
    assert set(d['verdict'] for d in domain_outcomes(report(verdict), verdict)) == {verdict}


def test_the_outcome_of_a_run_report():
    outcome = manager_outcome(report(), 'sfo', dict(html='/r/sfo/precheck-r1.html', csv=None))
    assert (outcome['name'], outcome['hostname'], outcome['verdict'], outcome['reason']) == (
        'sfo', 'sfo.example.com', 'BLOCKED', None)
    assert outcome['counts'] == dict(error=1, warning=1, info=0, passed=5)
    assert outcome['reports'] == dict(html='/r/sfo/precheck-r1.html')
    assert [(c['check'], c['blocking']) for c in outcome['checks']] == [('vcenter-backup-config', True),
                                                                        ('disk-usage', False)]


def test_a_verdict_the_fleet_does_not_know_is_not_checked():
    outcome = manager_outcome(report(verdict='GREEN'), 'x')
    assert outcome['verdict'] == 'NOT CHECKED' and 'no verdict this collection knows' in outcome['reason']


def test_server_strings_are_bounded_and_one_line():
    outcome = manager_outcome(report(findings=[dict(ERROR, id='a\nb' + 'c' * 999)], appliance=dict(
        hostname='h\x1b[31m\u202e')), 'n')
    assert outcome['checks'][0]['check'] == 'a b' + 'c' * 249 + '...' and outcome['hostname'] == 'h'


def test_an_outcome_read_back_is_checked_again():
    recorded = manager_outcome(report(), 'sfo')
    assert clean_outcome(json.loads(json.dumps(recorded)))['domains'] == recorded['domains']
    assert clean_outcome('garbage', 'x')['verdict'] == 'NOT CHECKED'
    forged = dict(recorded, verdict='READY', domains=[dict(name='w01', verdict='SUPER', error=1, warning=0)])
    cleaned = clean_outcome(forged)
    assert cleaned['verdict'] == 'READY' and cleaned['domains'][0]['verdict'] == 'READY'
    assert clean_outcome(dict(name='n', verdict='NOT CHECKED'))['reason'] == 'No reason was recorded.'


def test_the_fleet_verdict_counts_and_checks_grouped():
    sfo = manager_outcome(report(), 'sfo')
    lax = manager_outcome(report(), 'lax')
    ready = manager_outcome(report('READY', findings=[], failing=[]), 'nyc')
    down = not_checked('lab', 'lab.example.com', 'Connection refused')
    data = fleet_data([ready, down, lax, sfo])
    assert data['verdict'] == 'BLOCKED'
    assert [m['name'] for m in data['managers']] == ['lax', 'sfo', 'lab', 'nyc']
    assert data['counts']['BLOCKED'] == 2 and data['counts']['NOT CHECKED'] == 1 and data['counts']['READY'] == 1
    assert data['domains_checked'] == 6
    first = data['checks'][0]
    assert (first['check'], first['places'], first['count']) == ('vcenter-backup-config', ['lax/w01', 'sfo/w01'], 2)
    assert check_phrase(first, 6) == 'vcenter-backup-config fails on 2 of 6 domains: lax/w01, sfo/w01'
    assert data['not_checked'] == [dict(name='lab', hostname='lab.example.com', verdict='NOT CHECKED',
                                        reason='Connection refused')]
    assert data['msg'] == 'BLOCKED: 4 SDDC Managers pre-checked: 2 BLOCKED, 1 NOT CHECKED, 1 READY.'


def test_an_empty_fleet_is_not_checked():
    assert fleet_data([])['verdict'] == 'NOT CHECKED'


def test_the_newest_report_of_each_manager_in_a_folder(tmp_path):
    def write(folder, name, data, mtime):
        path = tmp_path / folder / name if folder else tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(data))
        os.utime(str(path), (mtime, mtime))
    write('sfo', 'precheck-old.json', report('READY', findings=[], failing=[], manager='sfo'), 100)
    write('sfo', 'precheck-new.json', report(manager='sfo'), 200)
    write('lab', 'precheck-not-checked.json', dict(verdict='NOT CHECKED', verdict_reasons=['down'], findings=[]), 150)
    write('', 'precheck-broken.json', {'not': 'a report'}, 100)
    write('', 'precheck-trend.json', {}, 100)
    outcomes, skipped = outcomes_from_folder(str(tmp_path))
    by_name = dict((o['name'], o) for o in outcomes)
    assert sorted(by_name) == ['lab', 'sfo'] and by_name['sfo']['verdict'] == 'BLOCKED'
    assert by_name['lab']['reason'] == 'down' and skipped == [str(tmp_path / 'precheck-broken.json')]
