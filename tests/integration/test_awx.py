# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""AWX/AAP: the credential type's injectors, and a job run as AWX runs it (ansible-runner)."""

import json
import os
import shutil

import ansible_runner
import jinja2
import pytest
import yaml

from sim_harness import PASSWORD, REPO, RUN_ID, USER, installed_collections

CREDENTIAL_TYPE = os.path.join(REPO, 'extensions', 'awx', 'sddc_manager_credential_type.yml')
EXAMPLE_PLAYBOOK = os.path.join(REPO, 'docs', 'examples', 'export_precheck_results.yml')
UPGRADE_PLAYBOOK = os.path.join(REPO, 'docs', 'examples', 'upgrade_precheck.yml')


def load_credential_type():
    with open(CREDENTIAL_TYPE) as handle:
        return yaml.safe_load(handle)


def inject(credential_type, inputs, workdir):
    """What AWX does with a credential: write its files, render its env injectors."""
    context = dict((field['id'], field.get('default', '')) for field in credential_type['inputs']['fields'])
    context.update(inputs)
    filenames = {}
    for key, template in credential_type['injectors'].get('file', {}).items():
        name = key.split('.', 1)[1]
        path = os.path.join(workdir, 'credential-' + name)
        with open(path, 'w') as handle:
            handle.write(jinja2.Template(template).render(**context))
        filenames[name] = path
    context['tower'] = {'filename': filenames}
    return dict((name, jinja2.Template(template).render(**context))
                for name, template in credential_type['injectors']['env'].items())


def test_injected_env_names_are_exactly_the_modules_env_fallbacks():
    from ansible_collections.sddc.manager.plugins.module_utils.options import ENV_VARS
    assert sorted(load_credential_type()['injectors']['env']) == sorted(ENV_VARS.values())


def test_secret_inputs_are_marked_secret():
    fields = dict((f['id'], f) for f in load_credential_type()['inputs']['fields'])
    assert fields['password'].get('secret') is True and fields['api_token'].get('secret') is True


@pytest.fixture
def awx_job(tmp_path, tls_simulator, tls_material):
    """Run the docs' example playbook as an AWX job: credential as env vars, extra vars as AWX passes them."""
    def run(run_id, playbook=EXAMPLE_PLAYBOOK, extravars=None):
        private = tmp_path / 'job'
        (private / 'project').mkdir(parents=True)
        shutil.copy(playbook, str(private / 'project' / os.path.basename(playbook)))
        with open(tls_material['ca']) as handle:
            ca_pem = handle.read()
        env = inject(load_credential_type(), dict(host=tls_simulator.url, username=USER, password=PASSWORD,
                                                  validate_certs=True, ca_cert=ca_pem), str(tmp_path))
        env.update(ANSIBLE_COLLECTIONS_PATH=installed_collections(), ANSIBLE_LOCALHOST_WARNING='0',
                   ANSIBLE_INVENTORY_UNPARSED_WARNING='0')
        (tmp_path / 'files').mkdir()
        result = ansible_runner.run(
            private_data_dir=str(private), playbook=os.path.basename(playbook), envvars=env, quiet=True,
            extravars=extravars or {'precheck_run_id': run_id,
                                    'save_precheck_export_dest': str(tmp_path / 'files') + '/',
                                    'save_precheck_export_poll_interval': 0.2},
            suppress_env_files=True, verbosity=1)
        return result, env, private
    return run


def artifact_texts(private, injected_env):
    """Every artifact the job left, as text; the runner's own record of the env it was given is left out.

    ansible-runner writes the environment it started the job with (the credential included, file mode
    0600) into artifacts/<id>/command; AWX keeps that record to itself. Everything else is checked whole.
    """
    texts = {}
    for root, dummy, files in os.walk(str(private)):
        for name in files:
            path = os.path.join(root, name)
            with open(path, errors='replace') as handle:
                text = handle.read()
            if name == 'command':
                record = json.loads(text)
                for key in injected_env:
                    record['env'].pop(key, None)
                text = json.dumps(record)
            texts[os.path.relpath(path, str(private))] = text
    return texts


def assert_no_secret(private, env):
    texts = artifact_texts(private, env)
    assert any(path.endswith('stdout') for path in texts) and any('job_events' in path for path in texts)
    for path, text in texts.items():
        assert PASSWORD not in text, path
        assert 'sim-access-' not in text and 'sim-refresh-' not in text, path


def test_awx_job_that_succeeds(tls_simulator, awx_job, tmp_path):
    tls_simulator.scenario(exports=[{'run_id': RUN_ID, 'queued': 0, 'steps': 2}])
    result, env, private = awx_job(RUN_ID)
    assert result.status == 'successful' and result.rc == 0, result.stdout.read()
    assert (tmp_path / 'files' / ('precheck-export-%s.csv' % RUN_ID)).exists()
    events = list(result.events)
    assert any(e.get('event') == 'runner_on_ok' and 'Save the export file' in e['event_data'].get('task', '')
               for e in events)
    assert 'IN_PROGRESS' in result.stdout.read(), 'progress shows at verbosity 1'
    assert_no_secret(private, env)


def test_awx_job_that_fails_shows_the_remediation(tls_simulator, awx_job):
    tls_simulator.scenario(exports=[{'run_id': RUN_ID, 'queued': 0, 'steps': 1, 'outcomes': ['FAILED'], 'error': {
        'message': 'Results store unreachable', 'remediationMessage': 'Restart the LCM service',
        'referenceToken': 'Q7XK2M'}}])
    result, env, private = awx_job(RUN_ID)
    assert result.status == 'failed' and result.rc == 2
    failed = [e for e in result.events if e.get('event') == 'runner_on_failed']
    assert len(failed) == 1
    assert failed[0]['event_data']['res']['msg'].endswith(
        'FAILED at 64.0%: Results store unreachable. Remediation: Restart the LCM service. (reference token Q7XK2M) '
        'Start a new export with sddc.manager.precheck_export and force: true.')
    assert_no_secret(private, env)


def test_awx_job_against_a_server_that_echoes_secrets_leaks_none(tls_simulator, awx_job):
    tls_simulator.scenario(exports=[{'run_id': RUN_ID, 'queued': 0, 'steps': 1}], faults=[
        {'kind': 'echo', 'path': '/exports$', 'method': 'GET', 'as_export': True, 'count': 20}])
    result, env, private = awx_job(RUN_ID)
    assert result.status == 'failed'
    failed = [e for e in result.events if e.get('event') == 'runner_on_failed']
    assert failed and '********' in failed[0]['event_data']['res']['msg']
    assert_no_secret(private, env)
    for path, text in artifact_texts(private, env).items():
        assert 'VMware1%21VMware1%21' not in text and 'VMware1\\u0021' not in text, path


def test_awx_job_hands_the_verdict_to_the_next_workflow_node(tls_simulator, awx_job, tmp_path):
    tls_simulator.scenario(precheck={'steps': 1})
    result, env, private = awx_job(None, UPGRADE_PLAYBOOK, {
        'precheck_domains': ['wld-02'], 'precheck_dest': str(tmp_path / 'reports'), 'precheck_poll_interval': 0.2})
    assert result.status == 'failed', 'wld-02 has an ERROR finding'
    stats = [e for e in result.events if e.get('event') == 'playbook_on_stats']
    assert len(stats) == 1
    handed = stats[0]['event_data']['artifact_data']['sddc_manager_precheck']
    assert handed['verdict'] == 'BLOCKED' and handed['status'] == 'COMPLETED_WITH_FAILURE'
    assert handed['counts']['error'] == 1 and handed['counts']['warning'] == 1
    assert os.path.isfile(handed['reports']['html']) and os.path.isfile(handed['reports']['json'])
    assert handed['reports']['export'].endswith('.csv') and os.path.isfile(handed['reports']['export'])
    assert_no_secret(private, env)
