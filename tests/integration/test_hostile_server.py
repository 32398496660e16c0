# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A hostile server, a broken proxy and a careless user: nothing leaks, nothing hangs, nothing is lost.

Every test here runs the installed collection through ansible-playbook against the
simulator over real sockets; the hostile answers are the simulator's fault kinds
(redirect, trickle, echo, flood, deep) and the second origin is a second simulator.
"""

import os
import time

import pytest

from sim_harness import PASSWORD, RUN_ID, Simulator, connection, task

EXPORTS = '/v1/system/check-sets/%s/exports' % RUN_ID
SECRETS = (PASSWORD, 'sim-access-', 'sim-refresh-', 'VMware1%21VMware1%21')


def completed_run(**settings):
    settings.setdefault('run_id', RUN_ID)
    settings.setdefault('started', True)
    settings.setdefault('queued', 0)
    settings.setdefault('steps', 0)
    return settings


def assert_no_secret(text):
    for secret in SECRETS:
        assert secret not in text, secret


@pytest.fixture
def other_origin(tmp_path_factory):
    """A second simulator: another port, so another origin, that must never hear from the client."""
    second = Simulator(str(tmp_path_factory.mktemp('sim-other')))
    second.scenario()
    yield second
    second.stop()


# -- 1. credentials and bodies never follow a redirect to another origin -------------------

@pytest.mark.parametrize('path, method', [('^/v1/tokens$', 'POST'), (EXPORTS + '$', 'GET'),
                                          (EXPORTS + '/data$', 'GET')])
def test_nothing_follows_a_redirect_to_another_origin(sim, ansible, other_origin, tmp_path, path, method):
    sim.scenario(exports=[completed_run()], faults=[{'kind': 'redirect', 'path': path, 'method': method, 'status': 307,
                                                     'location': other_origin.url + '/v1/tokens'}])
    result = ansible.playbook([task('precheck_export_download', dest=str(tmp_path), run_id=RUN_ID,
                                    **connection(sim))], verbosity=4)
    outcome = result.task()
    assert outcome['failed'] is True and 'redirect to %s/v1/tokens' % other_origin.url in outcome['msg']
    assert 'nothing was sent there' in outcome['msg']
    assert other_origin.stats()['requests'] == 0, 'the other origin heard nothing'
    assert os.listdir(str(tmp_path)) == [], 'no file from another host'
    assert_no_secret(result.output)


def test_a_refresh_that_redirects_is_not_followed_and_the_client_logs_in_again(sim, ansible, other_origin):
    sim.scenario(exports=[completed_run(started=False)], faults=[
        {'kind': 'expire_tokens', 'path': EXPORTS + '$', 'skip': 1},
        {'kind': 'redirect', 'path': '/refresh$', 'status': 308, 'location': other_origin.url + '/steal'}])
    result = ansible.playbook([task('precheck_export_info', run_id=RUN_ID, **connection(sim)),
                               task('precheck_export', run_id=RUN_ID, **connection(sim))])
    assert not result.task(1).get('failed'), result.task(1).get('msg')
    assert other_origin.stats()['requests'] == 0


# -- 2. echoed secrets never reach a result, a message or the display ----------------------

def test_secrets_echoed_in_a_failed_export_are_masked_at_every_verbosity(sim, ansible):
    sim.scenario(exports=[completed_run()], faults=[{'kind': 'echo', 'path': EXPORTS + '$', 'as_export': True,
                                                     'count': 10}])
    for verbosity in (0, 4):
        result = ansible.playbook([task('wait_for_precheck_export', run_id=RUN_ID, **connection(sim))],
                                  verbosity=verbosity)
        outcome = result.task()
        assert outcome['failed'] is True and 'FAILED' in outcome['msg'] and '********' in outcome['msg']
        assert_no_secret(result.output)
        assert_no_secret(repr(outcome))


def test_secrets_echoed_in_an_error_are_masked(sim, ansible):
    sim.scenario(exports=[completed_run()], faults=[{'kind': 'echo', 'path': EXPORTS + '$', 'status': 500}])
    result = ansible.playbook([task('precheck_export_info', run_id=RUN_ID, **connection(sim))], verbosity=4)
    assert result.task()['failed'] is True and result.task()['status_code'] == 500
    assert_no_secret(result.output)


# -- 3. the session ends with the task ------------------------------------------------------

def test_no_refresh_token_stays_alive_after_a_play(sim, ansible, tmp_path):
    sim.scenario(exports=[completed_run()], check_runs=[{'run_id': '0b7e2f4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5',
                                                         'domains': ['wld-01'], 'steps': 0}])
    result = ansible.playbook([
        task('precheck_export_info', 'a', run_id=RUN_ID, **connection(sim)),
        task('wait_for_precheck_export', 'b', run_id=RUN_ID, **connection(sim)),
        task('precheck_export_download', 'c', run_id=RUN_ID, dest=str(tmp_path), **connection(sim)),
        task('precheck_info', 'd', domains=['wld-01'], **connection(sim)),
        task('wait_for_precheck', 'e', run_id='0b7e2f4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5', **connection(sim)),
        task('precheck_export_info', 'f', run_id='not-a-uuid', **connection(sim))])
    assert [bool(result.task(i).get('failed')) for i in range(6)] == [False] * 5 + [True]
    stats = sim.stats()
    assert stats['logins'] == 5 and stats['live_refresh_tokens'] == 0
    assert [e[:2] for e in stats['log']].count(['DELETE', '/v1/tokens/refresh-token']) == 5


# -- 4. a file name the server chose is checked ---------------------------------------------

@pytest.mark.parametrize('name', ['.bashrc', 'x\nfake-line.csv', '\x1b[2Jclear.csv', '../../escape.csv', 'ok.csv'])
def test_only_a_plain_safe_server_file_name_is_used(sim, ansible, tmp_path, name):
    existing = tmp_path / '.bashrc'
    existing.write_text('mine\n')
    sim.scenario(exports=[completed_run(filename=name)])
    outcome = ansible.playbook([task('precheck_export_download', run_id=RUN_ID, dest=str(tmp_path),
                                     **connection(sim))]).task()
    assert not outcome.get('failed'), outcome['msg']
    expected = 'ok.csv' if name == 'ok.csv' else 'precheck-export-%s.csv' % RUN_ID
    assert outcome['dest'] == str(tmp_path / expected)
    assert sorted(os.listdir(str(tmp_path))) == sorted(['.bashrc', expected])
    assert existing.read_text() == 'mine\n'


# -- 5. slow answers are bounded as a whole --------------------------------------------------

def test_a_trickled_login_is_cut_at_request_timeout(sim, ansible):
    sim.scenario(exports=[completed_run()], faults=[{'kind': 'trickle', 'path': '^/v1/tokens$', 'delay': 1.0,
                                                     'count': 10}])
    began = time.monotonic()
    outcome = ansible.playbook([task('precheck_export_info', run_id=RUN_ID, request_timeout=2,
                                     **connection(sim))]).task()
    assert outcome['failed'] is True and 'took longer than request_timeout (2s)' in outcome['msg']
    assert time.monotonic() - began < 60, 'bounded: 5 attempts of 2 s and their backoff, not the trickle'


def test_a_wait_ends_at_its_timeout_even_while_an_answer_trickles(sim, ansible):
    sim.scenario(exports=[completed_run(steps=1000)], faults=[{'kind': 'trickle', 'path': EXPORTS + '$', 'delay': 1.0,
                                                               'skip': 1, 'count': 50}])
    outcome = ansible.playbook([task('wait_for_precheck_export', run_id=RUN_ID, timeout=4, poll_interval=0.5,
                                     **connection(sim))]).task()
    assert outcome['failed'] is True and outcome['msg'].startswith('Timed out after')
    assert outcome['elapsed'] < 6


# -- 6. oversized answers --------------------------------------------------------------------

def test_an_endless_json_answer_is_refused_at_16_mib(sim, ansible):
    sim.scenario(exports=[completed_run()], faults=[{'kind': 'flood', 'path': EXPORTS + '$', 'size': 64 * 1024 * 1024,
                                                     'count': 5}])
    outcome = ansible.playbook([task('precheck_export_info', run_id=RUN_ID, **connection(sim))]).task()
    assert outcome['failed'] is True and 'the answer is larger than 16777216 bytes' in outcome['msg']


def test_a_download_larger_than_max_size_fails_and_replaces_nothing(sim, ansible, tmp_path):
    dest = tmp_path / 'keep.csv'
    dest.write_text('old\n')
    sim.scenario(exports=[completed_run(content='x' * 200000)])
    outcome = ansible.playbook([task('precheck_export_download', run_id=RUN_ID, dest=str(dest), max_size=100000,
                                     **connection(sim))]).task()
    assert outcome['failed'] is True and 'larger than max_size (100000 bytes)' in outcome['msg']
    assert dest.read_text() == 'old\n' and os.listdir(str(tmp_path)) == ['keep.csv']


# -- 7, 11. bad input is refused in one line, before any request -----------------------------

@pytest.mark.parametrize('options, words', [
    (dict(timeout='nan'), 'timeout must be a number of seconds'),
    (dict(timeout='inf'), 'timeout must be a number of seconds'),
    (dict(poll_interval='nan'), 'poll_interval must be a number of seconds'),
    (dict(request_timeout='nan'), 'request_timeout must be a number of seconds'),
    (dict(hostname='sddc example.com'), 'is not a valid host'),
    (dict(hostname='sddc..example.com'), 'is not a valid host'),
    (dict(hostname='[::1'), 'is not a valid host'),
    (dict(hostname='https://'), 'is not a valid host'),
    (dict(ca_path='/nonexistent/ca.pem'), 'ca_path /nonexistent/ca.pem cannot be read'),
])
def test_bad_input_fails_in_one_line_before_any_request(sim, ansible, options, words):
    base = connection(sim)
    base.update(options)
    outcome = ansible.playbook([task('wait_for_precheck_export', run_id=RUN_ID, **base)]).task()
    assert outcome['failed'] is True and words in outcome['msg'] and '\n' not in outcome['msg']
    assert 'Traceback' not in outcome['msg'] and sim.stats()['requests'] == 0


def test_a_ca_path_holding_a_key_is_named(sim, ansible, tmp_path, tls_material):
    key = tmp_path / 'key.pem'
    key.write_text(open(tls_material['key']).read())
    outcome = ansible.playbook([task('precheck_export_info', run_id=RUN_ID, ca_path=str(key),
                                     **connection(sim))]).task()
    assert outcome['failed'] is True and 'holds no PEM certificate' in outcome['msg']


@pytest.mark.parametrize('fault, words', [
    ({'kind': 'deep', 'depth': 300}, 'HTTP 500'),
    ({'kind': 'deep', 'brackets': 100000}, 'HTTP 500'),
    ({'kind': 'status', 'status': 500, 'body': {'message': 'x' * 200000}}, 'HTTP 500'),
    ({'kind': 'status', 'status': 500, 'body': {'message': 'm', 'causes': [{'message': 'c%d' % i}
                                                                           for i in range(5000)]}}, '+4990 more'),
    ({'kind': 'status', 'status': 507, 'body': {'error': 'disk quota exceeded'}}, 'HTTP 507'),
])
def test_malformed_errors_give_one_bounded_line_and_the_play_still_reports(sim, ansible, fault, words):
    sim.scenario(exports=[completed_run()], faults=[dict(fault, path=EXPORTS + '$')])
    result = ansible.playbook([dict(task('precheck_export_info', run_id=RUN_ID, **connection(sim)),
                                    ignore_errors=False)])
    assert result.rc == 2, result
    outcome = result.task()
    assert words in outcome['msg'] and len(outcome['msg']) <= 2000 and '\n' not in outcome['msg']
    assert 'fatal: [localhost]: FAILED!' in result.output, 'the callback showed the failure'


def test_a_bare_string_error_keeps_its_words(sim, ansible):
    sim.scenario(exports=[completed_run()], faults=[{'kind': 'status', 'status': 507, 'path': EXPORTS + '$',
                                                     'body': 'disk quota exceeded'}])
    outcome = ansible.playbook([task('precheck_export_info', run_id=RUN_ID, **connection(sim))]).task()
    assert outcome['msg'].endswith('HTTP 507 disk quota exceeded.')


# -- 12. what reaches the terminal -----------------------------------------------------------

def test_escape_sequences_and_newlines_never_reach_the_terminal(sim, ansible):
    sim.scenario(exports=[completed_run(outcomes=['FAILED'], error={
        'message': 'bad\x1b[2J\x1b]0;owned\x07 thing', 'remediationMessage': 'fix\nok: [localhost] fake line',
        'referenceToken': 'AB\r\nCD'})])
    result = ansible.playbook([task('wait_for_precheck_export', run_id=RUN_ID, **connection(sim))])
    outcome = result.task()
    assert 'bad thing' in outcome['msg'] and 'fix ok: [localhost] fake line' in outcome['msg']
    assert '\x1b' not in result.output and '\x07' not in result.output
    assert '\nok: [localhost] fake line' not in result.output


# -- 13. TLS diagnostics name the real cause --------------------------------------------------

@pytest.fixture(scope='module')
def mismatched_tls(tmp_path_factory):
    """A simulator whose certificate, signed by a CA we trust, names another host."""
    import trustme   # pylint: disable=import-outside-toplevel
    workdir = tmp_path_factory.mktemp('tls-mismatch')
    ca = trustme.CA()
    cert = ca.issue_cert('sddc.example.com')
    ca_file, cert_file, key_file = (str(workdir / name) for name in ('ca.pem', 'cert.pem', 'key.pem'))
    ca.cert_pem.write_to_path(ca_file)
    cert.private_key_pem.write_to_path(key_file)
    with open(cert_file, 'wb') as handle:
        for blob in cert.cert_chain_pems:
            handle.write(blob.bytes())
    server = Simulator(str(workdir), certfile=cert_file, keyfile=key_file, cafile=False)
    server.scenario()
    yield server, ca_file
    server.stop()


def test_a_hostname_mismatch_with_the_right_ca_is_named(mismatched_tls, ansible):
    server, ca_file = mismatched_tls
    outcome = ansible.playbook([task('precheck_export_info', run_id=RUN_ID, ca_path=ca_file,
                                     **connection(server))]).task()
    assert outcome['failed'] is True and 'hostname mismatch' in outcome['msg']
    assert 'not signed by' not in outcome['msg']


def test_https_to_a_plain_http_server_says_so(sim, ansible):
    host = sim.url.replace('http://', '')
    outcome = ansible.playbook([task('wait_for_precheck_export', run_id=RUN_ID, timeout=1800,
                                     **connection(sim, hostname=host))]).task()
    assert outcome['msg'] == ('Logging in to SDDC Manager at https://%s as administrator@vsphere.local failed: the '
                              'server at https://%s speaks plain HTTP, not HTTPS: write the host as http://%s.'
                              % (host, host, host))
    assert outcome['polls'] == 1, 'a permanent fault is not retried until the timeout'


# -- 9, 10. what is written is what was sent, or nothing is replaced ---------------------------

def test_a_full_disk_fails_and_keeps_the_old_file(sim, ansible, tiny_disk):
    dest = tiny_disk / 'results.csv'
    dest.write_text('old results\n')
    sim.scenario(exports=[completed_run(content='y' * 200000)])
    outcome = ansible.playbook([task('precheck_export_download', run_id=RUN_ID, dest=str(dest),
                                     **connection(sim))]).task()
    assert outcome['failed'] is True and 'nothing was replaced' in outcome['msg']
    assert dest.read_text() == 'old results\n' and os.listdir(str(tiny_disk)) == ['results.csv']


@pytest.mark.parametrize('fault, words', [
    ({'kind': 'non_json', 'status': 200}, 'an error page'),
    ({'kind': 'status', 'status': 200, 'body': {'errorCode': 'X', 'message': 'proxy says no'}}, 'an error page'),
    ({'kind': 'cut'}, 'broke off'),
])
def test_a_body_that_is_not_the_file_replaces_nothing(sim, ansible, tmp_path, fault, words):
    dest = tmp_path / 'results.csv'
    dest.write_text('old results\n')
    sim.scenario(exports=[completed_run()], faults=[dict(fault, path=EXPORTS + '/data$')])
    outcome = ansible.playbook([task('precheck_export_download', run_id=RUN_ID, dest=str(dest),
                                     **connection(sim))]).task()
    assert outcome['failed'] is True and words in outcome['msg']
    assert dest.read_text() == 'old results\n' and os.listdir(str(tmp_path)) == ['results.csv']


# -- 14. the role checks what needs no network first -------------------------------------------

def test_the_export_role_checks_dest_before_starting_anything(sim, ansible, tmp_path):
    sim.scenario(exports=[completed_run(started=False)])
    include = {'name': 'sddc.manager.save_precheck_export'}
    result = ansible.playbook([{'name': 'role', 'ansible.builtin.include_role': include,
                                'vars': {'sddc_manager_hostname': sim.url, 'sddc_manager_username': connection(sim)[
                                    'username'], 'sddc_manager_password': PASSWORD,
                                    'save_precheck_export_run_id': RUN_ID,
                                    'save_precheck_export_dest': str(tmp_path / 'missing' / 'x.csv')}}])
    assert result.rc == 2 and 'does not exist' in result.output
    assert sim.stats()['requests'] == 0


def test_a_nul_in_dest_fails_in_one_line_before_any_request(sim, ansible, tmp_path):
    sim.scenario(exports=[completed_run()])
    outcome = ansible.playbook([task('precheck_export_download', run_id=RUN_ID, dest=str(tmp_path) + '/a\x00b.csv',
                                     **connection(sim))]).task()
    assert outcome['failed'] is True and 'NUL' in outcome['msg'] and '\n' not in outcome['msg']
    assert sim.stats()['requests'] == 0 and os.listdir(str(tmp_path)) == []
