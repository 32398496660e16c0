# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A hostile server's pre-check runs: secrets in altered forms, strings that cannot be encoded, floods of
the same finding, answers too deep or too large, and the evidence kept through all of it.

Every test runs the installed collection through ansible-playbook against the simulator over real
sockets; what the server sends is scenario data or one of the simulator's fault kinds.
"""

import json
import os
import re

from sim_harness import PASSWORD, RUN_ID, USER, connection, task

WLD = '8b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
RUN_PATH = '/v1/system/check-sets/%s$' % RUN_ID
# A piece of a token, any case, - or _, as long as the collection masks (16 characters): its prefix and five hex
# digits, or sixteen hex digits of it. The simulator's tokens are sim-access-<32 hex> and sim-refresh-<24 hex>.
TOKEN_PIECES = re.compile(r'sim[-_\s]*(access|refresh)[-_\s]*[0-9a-f]{5}|[0-9a-f]{16}', re.I)
PIECE = 16
# A password with a tab and double spaces, as the was
FOLDING_PASSWORD = 'Vm\tware1!  Vm-ware1!x'


def wait(sim, **options):
    options.setdefault('run_id', RUN_ID)
    options.setdefault('poll_interval', 0.1)
    options.setdefault('timeout', 60)
    return task('wait_for_precheck', 'waited', **dict(connection(sim), **options))


def canonical(text):
    """Casing and separators made alike, as a careless server or a status normaliser leaves them."""
    return re.sub(r'[\s_-]+', '-', text).casefold()


def assert_no_secret_form(texts, passwords=(PASSWORD,)):
    """No piece of a token, and no 16 characters of a password, in any case or folding."""
    for text in texts:
        found = TOKEN_PIECES.search(text)
        assert not found, 'a piece of a token got through: %r' % text[max(0, found.start() - 60):found.end()]
        flat = canonical(text)
        for password in passwords:
            secret = canonical(password)
            for start in range(max(1, len(secret) - PIECE + 1)):
                assert secret[start:start + PIECE] not in flat, 'a piece of the password got through'


def a_run(findings, **settings):
    """The scenario of one finished run of one domain with ``findings``."""
    return dict(check_runs=[dict({'run_id': RUN_ID, 'domains': ['wld-x'], 'steps': 0}, **settings)],
                domains=[{'id': WLD, 'name': 'wld-x', 'findings': findings}])


def report_files(dest):
    return dict((name, open(os.path.join(str(dest), name), 'rb').read()) for name in sorted(os.listdir(str(dest))))


# -- secrets in altered forms -------------------------------------------------------------------

def test_secrets_echoed_upper_cased_into_the_run_status_reach_no_result_message_or_progress_line(sim, ansible):
    sim.scenario(check_runs=[{'run_id': RUN_ID, 'domains': ['wld-01'], 'steps': 1000}],
                 faults=[{'kind': 'echo', 'path': RUN_PATH, 'as_run': True, 'altered': True, 'count': 1000}])
    result = ansible.playbook([wait(sim, timeout=2, poll_interval=0.5)], verbosity=1)
    outcome = result.task()
    assert outcome['failed'] is True and outcome['polls'] >= 2, outcome['msg']
    assert '********' in outcome['msg'], 'the status was masked, not left out'
    assert 'Pre-check run %s: ********' % RUN_ID in result.output, 'the -v progress line, masked'
    assert_no_secret_form([result.output, json.dumps(outcome)])


def test_a_password_the_server_folds_upper_cases_and_cuts_reaches_no_output_and_no_report(sim, ansible, tmp_path):
    password = FOLDING_PASSWORD
    findings = [
        {'id': 'upper', 'name': 'Upper', 'severity': 'ERROR', 'resource': 'vc-01',
         'message': 'Login as %s failed' % password.upper().replace('-', '_'), 'remediation': 'Fix'},
        {'id': 'folded', 'name': 'Folded', 'severity': 'WARNING', 'resource': 'vc-01',
         'message': 'Password was %s' % ' '.join(password.split()), 'remediation': 'Fix'},
        {'id': 'cut', 'name': 'Cut', 'severity': 'ERROR', 'resource': 'vc-01',
         'message': 'x' * 1990 + password * 3, 'remediation': 'y' * 1995 + password},
        {'id': 'token', 'name': 'Token', 'severity': 'WARNING', 'resource': 'vc-01', 'message': 'See the token',
         'remediation': 'Fix', 'reference_token': 'x' * 45 + password.upper()}]   # cut at 64: 16 of it left
    sim.scenario(users={USER: password}, **a_run(findings))
    result = ansible.playbook([task('wait_for_precheck', 'waited', run_id=RUN_ID, fail_on='never', poll_interval=0.1,
                                    **connection(sim, password=password)),
                               task('precheck_report', result='{{ waited }}', dest=str(tmp_path),
                                    formats=['json', 'html', 'csv', 'markdown', 'junit'])], verbosity=4)
    assert result.task(0)['summary']['error'] == 2 and not result.task(1).get('failed'), result
    files = report_files(tmp_path)
    assert len(files) == 5
    assert_no_secret_form([result.output] + [data.decode('utf-8') for data in files.values()], [password])


# -- evidence kept -------------------------------------------------------------------------------

def test_a_lone_surrogate_in_a_finding_still_leaves_every_report(sim, ansible, tmp_path):
    findings = [{'id': 'odd', 'name': 'Odd \ud800 name', 'severity': 'ERROR', 'resource': 'vc-\udfff01',
                 'message': 'Broken \ud800 text', 'remediation': 'Fix'}]
    sim.scenario(**a_run(findings))
    result = ansible.playbook([wait(sim), task('precheck_report', result='{{ waited }}', dest=str(tmp_path),
                                               formats=['json', 'html', 'csv', 'markdown', 'junit'])])
    waited, written = result.task(0), result.task(1)
    assert waited['failed'] is True and waited['verdict'] == 'BLOCKED' and 'Broken' in waited['msg']
    assert not written.get('failed'), written.get('msg')
    report = json.loads(report_files(tmp_path)['precheck-%s.json' % RUN_ID])
    assert report['failing'][0]['message'].startswith('Broken') and report['verdict'] == 'BLOCKED'
    assert len(report_files(tmp_path)) == 5


def test_a_full_disk_leaves_no_temporary_report_behind(sim, ansible, tiny_disk):
    findings = [{'id': 'check-%04d' % i, 'name': 'Check %04d' % i, 'severity': 'ERROR', 'resource': 'vc-%04d' % i,
                 'message': 'It failed ' + 'x' * 200, 'remediation': 'Fix it'} for i in range(400)]
    sim.scenario(**a_run(findings))
    for attempt in range(2):
        result = ansible.playbook([wait(sim, fail_on='never'),
                                   task('precheck_report', result='{{ waited }}', dest=str(tiny_disk))])
        written = result.task(1)
        assert written['failed'] is True and 'No space left on device' in written['msg'], attempt
        assert '\n' not in written['msg'] and written['error_kind'] != 'UnexpectedError'
        assert os.listdir(str(tiny_disk)) == [], 'no .precheck-report-* left at try %d' % attempt


# -- output bounded --------------------------------------------------------------------------------

def test_thirty_thousand_copies_of_one_error_are_one_finding(sim, ansible, tmp_path):
    copy = {'id': 'same-check', 'name': 'Same check', 'severity': 'ERROR', 'resource': 'vc-01',
            'message': 'The same failure, every time.', 'remediation': 'Fix it once.'}
    sim.scenario(**a_run([copy] * 30000, shape='validation'))
    result = ansible.playbook([wait(sim), task('precheck_report', result='{{ waited }}', dest=str(tmp_path))])
    waited = result.task(0)
    assert waited['failed'] is True and len(waited['findings']) == 1 and waited['findings_total'] == 1
    assert waited['msg'].count('Same check') == 1, 'one finding named once (the server\'s own count is its own)'
    assert len(result.output) < 200 * 1024, 'what is printed stays small'
    report = json.loads(report_files(tmp_path)['precheck-%s.json' % RUN_ID])
    assert len(report['findings']) == 1 and report['findings_total'] == 1


# -- slow failures fail at once --------------------------------------------------------------------

def test_an_answer_nested_ten_thousand_deep_fails_at_once_saying_so(sim, ansible):
    sim.scenario(check_runs=[{'run_id': RUN_ID, 'domains': ['wld-01'], 'steps': 0}],
                 faults=[{'kind': 'deep', 'path': RUN_PATH, 'status': 200, 'brackets': 10000, 'count': 100}])
    outcome = ansible.playbook([wait(sim, timeout=3600)]).task()
    assert outcome['failed'] is True and outcome['polls'] == 1
    assert 'nested too deep to read' in outcome['msg'] and 'not JSON' not in outcome['msg']
    assert [entry[2] for entry in sim.api_requests('/check-sets/' + RUN_ID)].count('deep') == 1, 'asked once'


def test_an_answer_over_the_cap_is_fetched_once(sim, ansible):
    sim.scenario(check_runs=[{'run_id': RUN_ID, 'domains': ['wld-01'], 'steps': 0}],
                 faults=[{'kind': 'flood', 'path': RUN_PATH, 'size': 20 * 1024 * 1024, 'count': 100}])
    outcome = ansible.playbook([wait(sim, timeout=3600)]).task()
    assert outcome['failed'] is True and outcome['polls'] == 1
    assert 'larger than 16777216 bytes' in outcome['msg']
    assert len(sim.api_requests('/check-sets/' + RUN_ID)) == 1, 'fetched once, not at every poll'


# -- smaller ---------------------------------------------------------------------------------------

def test_bidi_controls_never_reach_the_error_object_or_the_display(sim, ansible):
    sim.scenario(exports=[{'run_id': RUN_ID, 'started': True, 'queued': 0, 'steps': 0, 'outcomes': ['FAILED'],
                           'error': {'message': 'Store \u202edown\u202c now', 'remediationMessage': 'Re\u2066start',
                                     'referenceToken': 'Q7\u200fXK'}}])
    result = ansible.playbook([task('wait_for_precheck_export', run_id=RUN_ID, poll_interval=0.1,
                                    **connection(sim))])
    outcome = result.task()
    assert outcome['failed'] is True and 'Store down now' in outcome['msg']
    for control in ('\u202e', '\u202c', '\u2066', '\u200f'):
        assert control not in result.output and control not in json.dumps(outcome, ensure_ascii=False), control
    assert outcome['error']['message'] == 'Store down now'


def test_a_listed_run_whose_id_is_not_a_run_id_is_not_attached_to(sim, ansible):
    sim.scenario(precheck={'steps': 1}, check_runs=[{'run_id': 'not-a-run-id', 'domains': ['wld-01'], 'steps': 1000}])
    outcome = ansible.playbook([task('precheck', domains=['wld-01'], **connection(sim))]).task()
    assert not outcome.get('failed'), outcome['msg']
    assert outcome['started'] is True and outcome['attached'] is False
    assert re.match(r'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', outcome['run_id'])


def test_timeout_zero_reads_the_run_once(sim, ansible):
    sim.scenario(check_runs=[{'run_id': RUN_ID, 'domains': ['wld-01'], 'steps': 1000}])
    outcome = ansible.playbook([wait(sim, timeout=0)]).task()
    assert outcome['failed'] is True and outcome['polls'] == 1 and outcome['status'] == 'IN_PROGRESS'
    assert len(sim.api_requests('/check-sets/' + RUN_ID)) == 1


def test_a_nul_in_a_report_dest_is_one_line_before_anything_is_written(sim, ansible, tmp_path):
    sim.scenario(**a_run([]))
    result = ansible.playbook([wait(sim), task('precheck_report', result='{{ waited }}',
                                               dest=str(tmp_path) + '/a\x00b')])
    written = result.task(1)
    assert written['failed'] is True and 'NUL' in written['msg'] and '\n' not in written['msg']
    assert written['error_kind'] != 'UnexpectedError' and os.listdir(str(tmp_path)) == []


def test_the_servers_order_of_equal_findings_changes_nothing_and_a_rewrite_changes_no_report(sim, ansible, tmp_path):
    findings = [{'id': 'same-check', 'name': 'Same check', 'severity': 'ERROR', 'resource': 'vc-%02d' % i,
                 'message': 'Failed on vc-%02d' % i, 'remediation': 'Fix it'} for i in range(20)]
    read = []
    for order in (findings, findings[::-1]):
        sim.scenario(**a_run(order))
        read.append(ansible.playbook([wait(sim, fail_on='never')]).task())

    def without_tokens(findings):   # the simulator makes up a new reference token for each answer
        return [dict(finding, reference_token=None) for finding in findings]
    assert len(read[0]['findings']) > 1
    assert without_tokens(read[0]['findings']) == without_tokens(read[1]['findings'])
    report = task('precheck_report', result='{{ waited }}', dest=str(tmp_path),
                  formats=['json', 'html', 'csv', 'markdown', 'junit'])
    result = ansible.playbook([wait(sim, fail_on='never'), report, dict(report, register='again')])
    assert result.task(1)['changed'] is True and result.task(2)['changed'] is False, 'a rewrite changes nothing'
