# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""sddc.manager.precheck_export and precheck_export_download against the simulator."""

import hashlib
import os
import stat

import pytest

from sim_harness import OTHER_RUN_ID, RUN_ID, connection

EXPORTS = '/v1/system/check-sets/%s/exports' % RUN_ID
CSV = 'checkId,status\nvcf.precheck.a,SUCCEEDED\n'


def start_task(**options):
    options.setdefault('run_id', RUN_ID)
    return {'name': 'start', 'sddc.manager.precheck_export': options, 'register': 'started', 'ignore_errors': True}


def download_task(dest, **options):
    options.setdefault('run_id', RUN_ID)
    options['dest'] = str(dest)
    return {'name': 'download', 'sddc.manager.precheck_export_download': options, 'register': 'saved',
            'ignore_errors': True}


def posts(sim):
    return [entry[2] for entry in sim.api_requests(EXPORTS) if entry[0] == 'POST']


def test_start_then_attach_then_nothing_then_force(sim, ansible):
    sim.scenario(exports=[{'run_id': RUN_ID, 'queued': 0, 'steps': 1}])
    first = ansible.playbook([start_task(**connection(sim))]).task()
    assert first['changed'] is True and first['outcome'] == 'started' and first['export']['status'] == 'QUEUED'
    second = ansible.playbook([start_task(**connection(sim))]).task()
    assert second['changed'] is False and second['outcome'] == 'attached'
    ansible.playbook([start_task(**connection(sim))])   # this read moves the export to COMPLETED
    third = ansible.playbook([start_task(**connection(sim))]).task()
    assert third['changed'] is False and third['outcome'] == 'already_completed'
    forced = ansible.playbook([start_task(force=True, **connection(sim))]).task()
    assert forced['changed'] is True and forced['outcome'] == 'started'
    assert posts(sim) == [202, 202]
    assert sim.export_info(RUN_ID)['starts'] == 2


def test_failed_export_is_started_anew(sim, ansible):
    sim.scenario(exports=[{'run_id': RUN_ID, 'started': True, 'queued': 0, 'steps': 0,
                           'outcomes': ['FAILED', 'COMPLETED']}])
    task = ansible.playbook([start_task(**connection(sim))]).task()
    assert task['changed'] is True and task['outcome'] == 'started'


def test_check_mode_reports_and_sends_no_post(sim, ansible):
    sim.scenario(exports=[{'run_id': RUN_ID}])
    task = ansible.playbook([start_task(**connection(sim))], check=True).task()
    assert task['changed'] is True and task['outcome'] == 'started' and task['export'] is None
    assert posts(sim) == []


def test_429_attaches_to_the_export_that_is_now_running(sim, ansible):
    # The first read sees no export (an injected 404), the POST meets the running one: 429, read, attach.
    sim.scenario(exports=[{'run_id': RUN_ID, 'started': True, 'steps': 10}], faults=[
        {'kind': 'status', 'status': 404, 'method': 'GET', 'path': '/exports$',
         'body': {'errorCode': 'EXPORT_TASK_NOT_FOUND', 'message': 'Export Task Not Found'}}])
    task = ansible.playbook([start_task(**connection(sim))]).task()
    assert not task['failed'] and task['changed'] is False and task['outcome'] == 'attached'
    assert posts(sim) == [429]


def test_429_that_persists_fails_with_the_api_message(sim, ansible):
    sim.scenario(exports=[{'run_id': RUN_ID}], faults=[
        {'kind': 'status', 'status': 429, 'method': 'POST', 'path': '/exports$', 'count': 10, 'retry_after': '0',
         'body': {'errorCode': 'TOO_MANY_EXPORT_REQUEST', 'message': 'Too Many Export Request',
                  'remediationMessage': 'Try again later', 'referenceToken': 'T429'}}])
    task = ansible.playbook([start_task(**connection(sim))]).task()
    assert task['failed'] is True
    assert task['msg'] == ('Starting an export of pre-check run %s failed: HTTP 429 TOO_MANY_EXPORT_REQUEST: '
                           'Too Many Export Request. Remediation: Try again later. (reference token T429)' % RUN_ID)
    assert posts(sim) == [429] * 5


def test_429_then_success_after_backoff(sim, ansible):
    sim.scenario(exports=[{'run_id': RUN_ID}], faults=[
        {'kind': 'status', 'status': 429, 'method': 'POST', 'path': '/exports$', 'retry_after': '0'}])
    task = ansible.playbook([start_task(**connection(sim))]).task()
    assert task['changed'] is True and task['outcome'] == 'started'
    assert posts(sim) == [429, 202]


def test_400_fails_with_message_and_remediation(sim, ansible):
    sim.scenario(exports=[{'run_id': RUN_ID, 'start_error': {
        'status': 400, 'errorCode': 'CHECK_RUN_NOT_COMPLETED', 'message': 'The pre-check run is still running',
        'remediationMessage': 'Wait for the pre-check run to complete'}}])
    task = ansible.playbook([start_task(**connection(sim))]).task()
    assert task['failed'] is True and task['status_code'] == 400
    assert 'HTTP 400 CHECK_RUN_NOT_COMPLETED: The pre-check run is still running. ' \
        'Remediation: Wait for the pre-check run to complete.' in task['msg']


def completed_run(**settings):
    run = {'run_id': RUN_ID, 'started': True, 'queued': 0, 'steps': 0, 'content': CSV}
    run.update(settings)
    return run


def test_download_to_a_file_then_idempotent(sim, ansible, tmp_path):
    sim.scenario(exports=[completed_run()])
    dest = tmp_path / 'out.csv'
    task = ansible.playbook([download_task(dest, mode='0640', **connection(sim))]).task()
    assert task['changed'] is True and not task['failed']
    assert dest.read_text() == CSV
    assert task['checksum'] == hashlib.sha256(CSV.encode()).hexdigest() and task['size'] == len(CSV)
    assert task['content_type'] == 'application/octet-stream' and task['dest'] == str(dest)
    assert stat.S_IMODE(os.stat(str(dest)).st_mode) == 0o640
    again = ansible.playbook([download_task(dest, mode='0640', **connection(sim))]).task()
    assert again['changed'] is False
    assert sorted(os.listdir(str(tmp_path))) == ['out.csv'], 'no temporary file is left'


def test_mode_change_alone_is_a_change(sim, ansible, tmp_path):
    sim.scenario(exports=[completed_run()])
    dest = tmp_path / 'out.csv'
    ansible.playbook([download_task(dest, **connection(sim))])
    task = ansible.playbook([download_task(dest, mode='0600', **connection(sim))]).task()
    assert task['changed'] is True and stat.S_IMODE(os.stat(str(dest)).st_mode) == 0o600


def test_download_into_a_directory_uses_content_disposition(sim, ansible, tmp_path):
    sim.scenario(exports=[completed_run(filename='vcf-precheck.csv')])
    task = ansible.playbook([download_task(tmp_path, **connection(sim))]).task()
    assert task['dest'] == str(tmp_path / 'vcf-precheck.csv') and (tmp_path / 'vcf-precheck.csv').read_text() == CSV


def test_download_into_a_directory_without_content_disposition(sim, ansible, tmp_path):
    sim.scenario(exports=[completed_run()], content_disposition=False)
    task = ansible.playbook([download_task(tmp_path, **connection(sim))]).task()
    assert task['dest'] == str(tmp_path / ('precheck-export-%s.csv' % RUN_ID))


def test_check_mode_compares_and_writes_nothing(sim, ansible, tmp_path):
    sim.scenario(exports=[completed_run()])
    dest = tmp_path / 'out.csv'
    dest.write_text('old content\n')
    task = ansible.playbook([download_task(dest, **connection(sim))], check=True).task()
    assert task['changed'] is True and dest.read_text() == 'old content\n'
    assert os.listdir(str(tmp_path)) == ['out.csv']
    missing = tmp_path / 'new.csv'
    task = ansible.playbook([download_task(missing, **connection(sim))], check=True).task()
    assert task['changed'] is True and not missing.exists()
    dest.write_text(CSV)
    assert ansible.playbook([download_task(dest, **connection(sim))], check=True).task()['changed'] is False


@pytest.mark.parametrize('run, expected, advice', [
    ({'run_id': RUN_ID, 'started': True, 'queued': 0, 'steps': 5}, 'is IN_PROGRESS at 16.7%, not COMPLETED',
     'wait for it with sddc.manager.wait_for_precheck_export'),
    ({'run_id': RUN_ID, 'started': True, 'queued': 0, 'steps': 0, 'outcomes': ['FAILED']},
     ': FAILED at 64.0%: Export of pre-check results failed', 'Start a new export with sddc.manager.precheck_export '
                                                              'and force: true.'),
])
def test_export_not_completed_fails_naming_status(sim, ansible, tmp_path, run, expected, advice):
    sim.scenario(exports=[run])
    task = ansible.playbook([download_task(tmp_path / 'x.csv', **connection(sim))]).task()
    assert task['failed'] is True and expected in task['msg'] and advice in task['msg']
    assert task['error_kind'] == 'ExportNotReadyError'
    assert not sim.api_requests('/data') and os.listdir(str(tmp_path)) == []


def test_no_export_fails_pointing_at_precheck_export(sim, ansible, tmp_path):
    sim.scenario(exports=[{'run_id': OTHER_RUN_ID}])
    task = ansible.playbook([download_task(tmp_path / 'x.csv', run_id=OTHER_RUN_ID, **connection(sim))]).task()
    assert task['failed'] is True and 'has no export to download' in task['msg']


def test_broken_download_leaves_dest_untouched(sim, ansible, tmp_path):
    sim.scenario(exports=[completed_run(content=CSV * 2000)], faults=[{'kind': 'cut', 'path': '/data$', 'count': 10}])
    dest = tmp_path / 'out.csv'
    dest.write_text('previous\n')
    task = ansible.playbook([download_task(dest, **connection(sim))]).task()
    assert task['failed'] is True and 'the answer broke off' in task['msg']
    assert dest.read_text() == 'previous\n' and os.listdir(str(tmp_path)) == ['out.csv']


def test_missing_directory_fails_clearly(sim, ansible, tmp_path):
    sim.scenario(exports=[completed_run()])
    task = ansible.playbook([download_task(tmp_path / 'nope' / 'x.csv', **connection(sim))]).task()
    assert task['failed'] is True and 'does not exist' in task['msg']
    assert sim.stats()['requests'] == 0


def test_the_wait_and_the_download_say_what_happened_at_the_default_verbosity(sim, ansible, tmp_path):
    sim.scenario(exports=[{'run_id': RUN_ID, 'started': True, 'queued': 0, 'steps': 1, 'content': CSV}])
    result = ansible.playbook([{'sddc.manager.wait_for_precheck_export': dict(run_id=RUN_ID, poll_interval=0.1,
                                                                              **connection(sim))},
                               download_task(tmp_path, **connection(sim))])
    assert result.rc == 0, result
    assert 'Pre-check export for run %s: COMPLETED after' % RUN_ID in result.stdout
    assert 'Saved the export of pre-check run %s to %s (%d bytes).' % (
        RUN_ID, tmp_path / ('precheck-export-%s.csv' % RUN_ID), len(CSV)) in result.stdout
