# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A new user's second hour: the mistakes they make and the keys they read, as they meet them.

Each test runs the installed collection through ansible-playbook or ansible, or the simulator as a user
starts it, over real sockets.
"""

import json
import os
import socket
import subprocess
import sys

from sim_harness import API_TOKEN, PASSWORD, RUN_ID, SIMULATOR_DIR, USER, connection, connection_env, task


def waited_once(ansible, **options):
    """A wait with an hour to spare: a fault worth retrying would take its retries, a lasting one one poll."""
    return ansible.playbook([task('wait_for_precheck_export', run_id=RUN_ID, timeout=3600, **options)]).task()


# -- 1, 2. what is worth retrying --------------------------------------------------------------

def test_http_written_for_an_https_port_says_write_https_and_is_not_retried(tls_sim, ansible):
    address = tls_sim.url.split('://', 1)[1]
    outcome = waited_once(ansible, **connection(tls_sim, hostname='http://' + address))
    assert outcome['msg'] == ('Logging in to SDDC Manager at http://%s as %s failed: http://%s closed the connection '
                              'without an HTTP answer: this port speaks HTTPS: write https://%s.'
                              % (address, USER, address, address))
    assert outcome['polls'] == 1 and outcome['error_kind'] == 'TransportError'


def test_a_host_name_that_does_not_resolve_is_one_line_and_not_retried(ansible):
    outcome = waited_once(ansible, hostname='sddc-manager.invalid', username=USER, password=PASSWORD)
    assert outcome['msg'] == ('Logging in to SDDC Manager at https://sddc-manager.invalid as %s failed: cannot '
                              'resolve host name sddc-manager.invalid: check hostname (SDDC_MANAGER_HOST).' % USER)
    assert outcome['polls'] == 1


def test_a_refused_port_is_retried_as_a_restarting_service_would_need_then_named(ansible):
    listener = socket.socket()
    listener.bind(('127.0.0.1', 0))
    port = listener.getsockname()[1]
    listener.close()   # a port nothing listens on: refused, as while SDDC Manager's proxy restarts
    outcome = ansible.playbook([task('precheck_export_info', run_id=RUN_ID, hostname='http://127.0.0.1:%d' % port,
                                     username=USER, password=PASSWORD)]).task()
    assert 'after 5 attempts' in outcome['msg'] and 'Connection refused' in outcome['msg'], outcome['msg']
    assert '\n' not in outcome['msg'] and outcome['error_kind'] == 'TransportError'


# -- 6. one name and one type per key; msg and verdict on every read of a run --------------------

def test_a_read_run_and_a_listed_run_share_their_keys_and_types(sim, ansible):
    sim.scenario(check_runs=[{'run_id': RUN_ID, 'domains': ['wld-02'], 'steps': 0}])
    result = ansible.playbook([task('precheck_info', 'read', run_id=RUN_ID, **connection(sim)),
                               task('precheck_info', 'listed', domains=['wld-02'], **connection(sim))])
    read, listed = result.task(0), result.task(1)['runs'][0]
    assert read['verdict'] == 'BLOCKED' and read['msg'].startswith('Pre-check run %s: COMPLETED_WITH_FAILURE' % RUN_ID)
    assert read['failed'] is False, 'a read reports the verdict, it never fails on it'
    assert (read['status'], read['target_version']) == (listed['status'], listed['target_version'])
    for key in ('timestamp', 'completion_timestamp'):   # ISO 8601 both (a listing has milliseconds, a read not)
        assert read[key][:19] == listed[key][:19] and read[key].endswith('Z') and listed[key].endswith('Z'), key
    assert read['target_version'] is None
    assert 'state' not in listed and 'started' not in listed


# -- 8. the JSON report's failing entries are findings -------------------------------------------

def test_the_json_reports_failing_entries_are_the_findings_the_docs_describe(sim, ansible, tmp_path):
    sim.scenario(check_runs=[{'run_id': RUN_ID, 'domains': ['wld-02'], 'steps': 0}])
    result = ansible.playbook([task('wait_for_precheck', 'waited', run_id=RUN_ID, **connection(sim)),
                               task('precheck_report', result='{{ waited }}', dest=str(tmp_path))])
    assert not result.task(1).get('failed'), result.task(1)['msg']
    with open(os.path.join(str(tmp_path), 'precheck-%s.json' % RUN_ID)) as handle:
        report = json.load(handle)
    finding = next(f for f in report['findings'] if f['severity'] == 'ERROR')
    assert report['failing'] == [finding] == result.task(0)['failing']
    assert finding['id'] == 'sddc-manager-vcenter-license-state' and finding['resource'] == 'wld-02-vc01.example.com'


# -- 9. a token beside a user and password ---------------------------------------------------------

def test_a_token_beside_a_password_is_named_in_the_collections_words(sim, ansible):
    env = connection_env(sim, SDDC_MANAGER_API_TOKEN=API_TOKEN)
    done = ansible.adhoc('sddc.manager.precheck_info', 'run_id=%s' % RUN_ID, env=env)
    assert done.rc == 2 and 'mutually exclusive' not in done.output
    assert ('Both an api_token and username and password are set (as options, or as SDDC_MANAGER_API_TOKEN and '
            'SDDC_MANAGER_USERNAME and SDDC_MANAGER_PASSWORD): use one way to log in.') in done.output, done
    assert sim.stats()['requests'] == 0 and PASSWORD not in done.output and API_TOKEN not in done.output


# -- 11. the simulator as a user starts it ---------------------------------------------------------

def run_simulator(*words):
    env = dict(os.environ, COLUMNS='1000')   # --help on one line per option, so no word is split at a hyphen
    return subprocess.run([sys.executable, '-m', 'sddc_manager_sim'] + list(words), cwd=SIMULATOR_DIR, timeout=30,
                          capture_output=True, text=True, check=False, env=env)


def test_the_simulator_on_a_taken_port_says_so_in_one_line(sim):
    port = sim.url.rsplit(':', 1)[1]
    done = run_simulator('--port', port)
    assert done.returncode == 2 and 'Traceback' not in done.stderr
    assert done.stderr.startswith('sddc_manager_sim: cannot listen on 127.0.0.1 port %s: ' % port)
    assert done.stderr.strip().endswith('Choose another with --port, or --port 0 for a free one.')


def test_the_simulators_help_describes_runs_domains_and_fleets():
    done = run_simulator('--help')
    assert done.returncode == 0
    for words in ('pre-check', 'domains', '--managers', '--scenario', 'Ctrl-C'):
        assert words in done.stdout, words
