# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The sddc.manager.save_precheck_export role against the simulator."""

import os

from sim_harness import PASSWORD, RUN_ID, USER, connection_env

CSV = 'checkId,status\nvcf.precheck.a,SUCCEEDED\n'


def role_task(**role_vars):
    return {'name': 'export', 'ansible.builtin.import_role': {'name': 'sddc.manager.save_precheck_export'},
            'vars': role_vars}


def role_vars(sim, dest, **extra):
    values = dict(sddc_manager_hostname=sim.url, sddc_manager_username=USER, sddc_manager_password=PASSWORD,
                  save_precheck_export_run_id=RUN_ID, save_precheck_export_dest=str(dest),
                  save_precheck_export_poll_interval=0.1, save_precheck_export_timeout=60)
    values.update(extra)
    return values


def changed_tasks(result):
    return [r['task'] for r in result.results if r['result'].get('changed')]


def test_role_exports_waits_downloads_and_summarises_then_changes_nothing(sim, ansible, tmp_path):
    sim.scenario(exports=[{'run_id': RUN_ID, 'queued': 1, 'steps': 3, 'content': CSV, 'filename': 'precheck.csv'}])
    first = ansible.playbook([role_task(**role_vars(sim, tmp_path))], verbosity=1)
    assert first.rc == 0, first
    assert (tmp_path / 'precheck.csv').read_text() == CSV
    assert 'Pre-check export of run %s saved to %s (%d bytes, sha256' % (RUN_ID, tmp_path / 'precheck.csv', len(CSV)) \
        in first.output
    assert 'started export' in first.output
    assert 'The pre-check export of run %s: IN_PROGRESS at 25.0%%' % RUN_ID in first.output, 'progress at -v'
    assert sorted(changed_tasks(first)) == ['Save the export file',
                                            'Start (or attach to) the export of run %s' % RUN_ID]
    second = ansible.playbook([role_task(**role_vars(sim, tmp_path))])
    assert second.rc == 0, second
    assert changed_tasks(second) == [], 'a second run changes nothing'
    assert 'already completed export' in second.output
    assert sim.export_info(RUN_ID)['starts'] == 1


def test_failed_export_stops_the_play_with_the_remediation(sim, ansible, tmp_path):
    sim.scenario(exports=[{'run_id': RUN_ID, 'queued': 0, 'steps': 1, 'outcomes': ['FAILED'], 'error': {
        'message': 'Results store unreachable', 'remediationMessage': 'Restart the LCM service',
        'referenceToken': 'Q7XK2M'}}])
    result = ansible.playbook([role_task(**role_vars(sim, tmp_path))])
    assert result.rc == 2
    assert ('Pre-check export for run %s: FAILED at 64.0%%: Results store unreachable. Remediation: '
            'Restart the LCM service. (reference token Q7XK2M)' % RUN_ID) in result.output
    assert os.listdir(str(tmp_path)) == []
    assert 'Save the export file' not in [r['task'] for r in result.results]


def test_check_mode_starts_nothing_and_writes_nothing(sim, ansible, tmp_path):
    sim.scenario(exports=[{'run_id': RUN_ID}])
    result = ansible.playbook([role_task(**role_vars(sim, tmp_path))], check=True)
    assert result.rc == 0, result
    assert 'Check mode: an export of run %s would be started' % RUN_ID in result.output
    assert os.listdir(str(tmp_path)) == []
    assert [e for e in sim.api_requests('/exports') if e[0] == 'POST'] == []


def test_connection_from_env_vars_only(sim, ansible, tmp_path):
    sim.scenario(exports=[{'run_id': RUN_ID, 'queued': 0, 'steps': 1, 'content': CSV}])
    result = ansible.playbook([role_task(save_precheck_export_run_id=RUN_ID, save_precheck_export_dest=str(tmp_path),
                                         save_precheck_export_poll_interval=0.1)], env=connection_env(sim))
    assert result.rc == 0, result
    assert (tmp_path / ('precheck-export-%s.csv' % RUN_ID)).exists()


def test_argument_spec_names_a_missing_variable(sim, ansible, tmp_path):
    result = ansible.playbook([role_task(save_precheck_export_dest=str(tmp_path))], env=connection_env(sim))
    assert result.rc == 2
    assert 'save_precheck_export_run_id' in result.output and 'missing required arguments' in result.output
    assert sim.stats()['requests'] == 0


def test_no_secret_in_output(sim, ansible, tmp_path):
    sim.scenario(exports=[{'run_id': RUN_ID, 'queued': 0, 'steps': 1}])
    result = ansible.playbook([role_task(**role_vars(sim, tmp_path))], verbosity=4)
    assert result.rc == 0, result
    assert PASSWORD not in result.output and 'sim-access-' not in result.output


def test_check_mode_with_a_completed_export_says_what_would_be_saved_not_that_it_was(sim, ansible, tmp_path):
    sim.scenario(exports=[{'run_id': RUN_ID, 'started': True, 'queued': 0, 'steps': 0, 'content': CSV}])
    result = ansible.playbook([role_task(**role_vars(sim, tmp_path))], check=True)
    assert result.rc == 0, result
    assert ('Check mode: the export of pre-check run %s (%d bytes) would be saved to %s' % (
        RUN_ID, len(CSV), tmp_path / ('precheck-export-%s.csv' % RUN_ID))) in result.output
    assert 'Nothing was written.' in result.output
    assert 'Pre-check export of run %s saved to' % RUN_ID not in result.output
    assert os.listdir(str(tmp_path)) == []


def test_one_poll_is_one_poll(sim, ansible, tmp_path):
    sim.scenario(exports=[{'run_id': RUN_ID, 'started': True, 'queued': 0, 'steps': 0, 'content': CSV}])
    result = ansible.playbook([role_task(**role_vars(sim, tmp_path))])
    assert result.rc == 0 and '(already completed export, 1 poll).' in result.output, result


def test_check_mode_with_force_does_not_report_the_last_exports_file_as_the_new_one(sim, ansible, tmp_path):
    sim.scenario(exports=[{'run_id': RUN_ID, 'started': True, 'queued': 0, 'steps': 0, 'content': CSV}])
    result = ansible.playbook([role_task(**role_vars(sim, tmp_path, save_precheck_export_force=True))], check=True)
    assert result.rc == 0, result
    assert 'Check mode: an export of run %s would be started, waited for and saved' % RUN_ID in result.output
    assert '(%d bytes)' % len(CSV) not in result.output, 'the old file is not the one that would be saved'
    assert os.listdir(str(tmp_path)) == []


def test_a_dest_ending_in_a_slash_is_made_as_upgrade_precheck_makes_its_own(sim, ansible, tmp_path):
    sim.scenario(exports=[{'run_id': RUN_ID, 'steps': 1, 'content': CSV, 'filename': 'precheck.csv'}])
    made = str(tmp_path / 'new' / 'dir') + '/'
    result = ansible.playbook([role_task(**role_vars(sim, tmp_path, save_precheck_export_dest=made))])
    assert result.rc == 0, result
    assert (tmp_path / 'new' / 'dir' / 'precheck.csv').read_text() == CSV
    nowhere = str(tmp_path / 'nowhere' / 'file.csv')
    missing = ansible.playbook([role_task(**role_vars(sim, tmp_path, save_precheck_export_dest=nowhere))])
    assert missing.rc == 2 and 'does not exist; create it' in missing.output, 'a file path still needs its directory'


def test_empty_optional_variables_mean_their_defaults_and_an_empty_run_id_is_asked_for(sim, ansible, tmp_path):
    """What an AWX survey passes for a blank field is an empty string."""
    sim.scenario(exports=[{'run_id': RUN_ID, 'queued': 0, 'steps': 1, 'content': CSV, 'filename': 'precheck.csv'}])
    blank = ansible.playbook([role_task(**role_vars(sim, tmp_path, save_precheck_export_timeout='',
                                                    save_precheck_export_poll_interval='',
                                                    save_precheck_export_force=''))])
    assert blank.rc == 0 and (tmp_path / 'precheck.csv').read_text() == CSV, blank
    before = len(sim.api_requests())
    no_run = ansible.playbook([role_task(**role_vars(sim, tmp_path, save_precheck_export_run_id='',
                                                     save_precheck_export_force='perhaps'))])
    assert no_run.rc == 2, no_run
    assert ('Set save_precheck_export_run_id: the UUID of the completed pre-check run to export. '
            "save_precheck_export_force must be true or false; got 'perhaps'.") in no_run.output
    assert sim.api_requests()[before:] == [], 'nothing was sent'


def test_the_old_name_still_works_with_its_variables_and_says_it_is_deprecated(sim, ansible, tmp_path):
    sim.scenario(exports=[{'run_id': RUN_ID, 'queued': 0, 'steps': 1, 'content': CSV, 'filename': 'precheck.csv'}])
    old = {'name': 'export', 'ansible.builtin.include_role': {'name': 'sddc.manager.precheck_export'},
           'vars': dict(sddc_manager_hostname=sim.url, sddc_manager_username=USER, sddc_manager_password=PASSWORD,
                        precheck_export_run_id=RUN_ID, precheck_export_dest=str(tmp_path) + '/',
                        precheck_export_poll_interval=0.1, precheck_export_force='')}
    show = {'name': 'show', 'ansible.builtin.debug': {'msg': 'FILE={{ precheck_export_file.dest }}'}}
    result = ansible.playbook([old, show], env={'ANSIBLE_DEPRECATION_WARNINGS': '1'})
    assert result.rc == 0, result
    assert (tmp_path / 'precheck.csv').read_text() == CSV
    assert 'FILE=%s' % (tmp_path / 'precheck.csv') in result.output, 'the old fact is still set'
    assert '[DEPRECATION WARNING]: The role sddc.manager.precheck_export is now sddc.manager.save_precheck_export' \
        in ' '.join(result.output.split())
    wrong = dict(old, vars=dict(old['vars'], precheck_export_timeout='soon'))
    refused = ansible.playbook([wrong])
    assert refused.rc == 2 and "precheck_export_timeout must be a number; got 'soon'." in refused.output
    assert 'save_precheck_export_timeout' not in refused.output, 'the variable the user set is named'
