# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The sddc.manager.upgrade_precheck role against the simulator: reports first, then the verdict."""

import json
import os

import pytest

from sim_harness import PASSWORD, RUN_ID, USER, connection_env

QUICK = {'steps': 2}


def role_task(**role_vars):
    return {'name': 'pre-check', 'ansible.builtin.include_role': {'name': 'sddc.manager.upgrade_precheck'},
            'vars': role_vars}


def role_vars(sim, dest, **extra):
    values = dict(sddc_manager_hostname=sim.url, sddc_manager_username=USER, sddc_manager_password=PASSWORD,
                  upgrade_precheck_dest=str(dest), upgrade_precheck_poll_interval=0.1, upgrade_precheck_timeout=60)
    values.update(extra)
    return values


def reports(dest):
    names = sorted(os.listdir(str(dest)))
    run_ids = sorted(set(n[len('precheck-'):-len('.json')] for n in names if n.endswith('.json')))
    return names, run_ids


def load_report(dest, run_id):
    with open(os.path.join(str(dest), 'precheck-%s.json' % run_id)) as handle:
        return json.load(handle)


def summary_line(result):
    return next(r['result']['msg'] for r in result.results if r['task'] == 'Say whether to go')


def test_a_clean_domain_is_ready_and_leaves_both_reports_and_the_export(sim, ansible, tmp_path):
    sim.scenario(precheck=QUICK)
    result = ansible.playbook([role_task(**role_vars(sim, tmp_path / 'reports', upgrade_precheck_domains=['mgmt-01']))])
    assert result.rc == 0, result
    names, run_ids = reports(tmp_path / 'reports')
    run_id = run_ids[0]
    assert names == sorted(['precheck-%s.json' % run_id, 'precheck-%s.html' % run_id,
                            'precheck-export-%s.csv' % run_id]), 'the directory was created and holds all three'
    line = summary_line(result)
    assert line.startswith('READY: pre-check run %s found 0 errors, 0 warnings, 0 info and 12 passed.' % run_id)
    assert str(tmp_path / 'reports' / ('precheck-%s.html' % run_id)) in line and 'export: ' in line
    report = load_report(tmp_path / 'reports', run_id)
    assert (report['verdict'], report['domains'], report['appliance']['version']) == (
        'READY', ['mgmt-01'], '9.1.0.0.24000000')


def test_warnings_only_pass_with_warnings(sim, ansible, tmp_path):
    sim.scenario(precheck=QUICK)
    result = ansible.playbook([role_task(**role_vars(sim, tmp_path, upgrade_precheck_domains=['wld-01']))])
    assert result.rc == 0, result
    assert summary_line(result).startswith('READY WITH WARNINGS: pre-check run')
    assert '1 warning,' in summary_line(result)


def test_blocking_errors_write_the_reports_then_fail_with_the_one_line_reason(sim, ansible, tmp_path):
    sim.scenario(precheck=QUICK)
    result = ansible.playbook([role_task(**role_vars(sim, tmp_path, upgrade_precheck_domains=['wld-02'],
                                                     upgrade_precheck_target_version='9.1.0.0'))])
    assert result.rc == 2, result
    names, run_ids = reports(tmp_path)
    assert len(names) == 3, 'reports and export are there although the play failed'
    failed = result.results[-1]
    assert failed['task'] == 'Fail on what blocks the upgrade'
    assert failed['result']['msg'].startswith('Pre-check run %s: COMPLETED_WITH_FAILURE, 1 error, 1 warning, 0 info, '
                                              '7 passed: BLOCKED. ERROR wld-02-vc01.example.com / vCenter license '
                                              'state' % run_ids[0])
    assert summary_line(result).startswith('BLOCKED: ')
    assert load_report(tmp_path, run_ids[0])['target_version'] == '9.1.0.0'


def test_ignored_checks_do_not_block_and_are_reported(sim, ansible, tmp_path):
    sim.scenario(precheck=QUICK)
    result = ansible.playbook([role_task(**role_vars(
        sim, tmp_path, upgrade_precheck_domains=['wld-02'],
        upgrade_precheck_ignore_checks=['sddc-manager-vcenter-license-state']))])
    assert result.rc == 0, result
    assert summary_line(result).startswith('READY WITH WARNINGS') and '1 ignored' in summary_line(result)
    run_id = reports(tmp_path)[1][0]
    with open(str(tmp_path / ('precheck-%s.html' % run_id))) as handle:
        assert '<span class="tag">ignored</span>' in handle.read()


def test_fail_on_warning_blocks_a_warning(sim, ansible, tmp_path):
    sim.scenario(precheck=QUICK)
    result = ansible.playbook([role_task(**role_vars(sim, tmp_path, upgrade_precheck_domains=['wld-01'],
                                                     upgrade_precheck_fail_on='warning'))])
    assert result.rc == 2 and summary_line(result).startswith('BLOCKED'), result
    assert len(reports(tmp_path)[0]) == 3


def test_several_domains_in_one_report(sim, ansible, tmp_path):
    sim.scenario(precheck=QUICK)
    domains = ['mgmt-01', 'wld-01', 'wld-02']
    result = ansible.playbook([role_task(**role_vars(sim, tmp_path, upgrade_precheck_domains=domains,
                                                     upgrade_precheck_fail_on='never'))])
    assert result.rc == 0, result
    report = load_report(tmp_path, reports(tmp_path)[1][0])
    assert report['domains'] == ['mgmt-01', 'wld-01', 'wld-02']
    assert [d['domain'] for d in report['summary']['domains']] == ['mgmt-01', 'wld-01', 'wld-02']


def test_an_existing_run_is_reported_without_starting_one(sim, ansible, tmp_path):
    sim.scenario(check_runs=[{'run_id': RUN_ID, 'domains': ['wld-01'], 'steps': 0}])
    result = ansible.playbook([role_task(**role_vars(sim, tmp_path, upgrade_precheck_run_id=RUN_ID,
                                                     upgrade_precheck_export=False))])
    assert result.rc == 0, result
    assert reports(tmp_path) == (['precheck-%s.html' % RUN_ID, 'precheck-%s.json' % RUN_ID], [RUN_ID])
    assert not [e for e in sim.stats()['log'] if e[0] == 'POST' and 'check-sets' in e[1]]
    assert load_report(tmp_path, RUN_ID)['domains'] == ['wld-01']


def test_a_90_appliance_says_it_cannot_export_and_does_the_rest(sim, ansible, tmp_path):
    sim.scenario(version='9.0.0.0.24703748', precheck=QUICK)
    result = ansible.playbook([role_task(**role_vars(sim, tmp_path, upgrade_precheck_domains=['mgmt-01']))])
    assert result.rc == 0, result
    assert len(reports(tmp_path)[0]) == 2
    assert ('runs 9.0.0.0.24703748; exports of pre-check runs need VCF 9.1, so the collection\'s own reports are '
            'all there is.') in result.output
    assert not sim.api_requests('/exports')


def test_check_mode_says_what_it_would_start_and_writes_nothing(sim, ansible, tmp_path):
    sim.scenario(precheck=QUICK)
    result = ansible.playbook([role_task(**role_vars(sim, tmp_path / 'reports', upgrade_precheck_domains=['wld-02']))],
                              check=True)
    assert result.rc == 0, result
    assert 'Check mode: a pre-check run would be started for domain wld-02' in result.output
    assert 'nothing was started or written' in result.output
    assert not (tmp_path / 'reports').exists()
    assert not [e for e in sim.stats()['log'] if e[0] == 'POST' and e[1] == '/v1/system/check-sets']


def test_nothing_to_pre_check_is_refused_before_any_request(sim, ansible, tmp_path):
    result = ansible.playbook([role_task(**role_vars(sim, tmp_path))])
    assert result.rc == 2 and 'Set upgrade_precheck_domains' in result.output
    assert sim.stats()['requests'] == 0


def test_no_secret_in_any_report_or_at_verbosity_4(sim, ansible, tmp_path):
    sim.scenario(precheck=QUICK, faults=[{'kind': 'expire_tokens', 'path': '/check-sets/[0-9a-f-]+$', 'skip': 1}])
    result = ansible.playbook([role_task(**role_vars(sim, tmp_path, upgrade_precheck_domains=['wld-02'],
                                                     upgrade_precheck_fail_on='never'))], verbosity=4)
    assert result.rc == 0, result
    texts = [result.output]
    for name in os.listdir(str(tmp_path)):
        with open(str(tmp_path / name), errors='replace') as handle:
            texts.append(handle.read())
    for text in texts:
        for secret in (PASSWORD, 'sim-access-', 'sim-refresh-'):
            assert secret not in text


def test_env_only_connection(sim, ansible, tmp_path):
    sim.scenario(precheck=QUICK)
    result = ansible.playbook([role_task(upgrade_precheck_domains=['mgmt-01'], upgrade_precheck_dest=str(tmp_path),
                                         upgrade_precheck_poll_interval=0.1)], env=connection_env(sim))
    assert result.rc == 0, result


def test_html_report_escapes_every_api_value(markup_domain, ansible, tmp_path):
    result = ansible.playbook([role_task(**role_vars(markup_domain, tmp_path,
                                                     upgrade_precheck_domains=['wld-<i>x</i>'],
                                                     upgrade_precheck_fail_on='never'))])
    assert result.rc == 0, result
    run_id = reports(tmp_path)[1][0]
    with open(str(tmp_path / ('precheck-%s.html' % run_id))) as handle:
        page = handle.read()
    assert '<script>document' not in page and '&lt;script&gt;document.title=&quot;owned&quot;&lt;/script&gt;' in page
    assert '&amp; &lt;b&gt;bold&lt;/b&gt;' in page
    assert '<img src=x' not in page and 'javascript:' not in page
    assert '<a href="https://kb.example.com/42" rel="noopener noreferrer">more</a>' in page
    assert "default-src 'none'" in page and '<script' not in page.replace('&lt;script', '')


def argument_spec_variables(role):
    import yaml
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), 'roles', role,
                        'meta', 'argument_specs.yml')
    with open(path) as handle:
        return yaml.safe_load(handle)['argument_specs']['main']['options']


@pytest.mark.parametrize('unset', ['{{ omit }}', '', None], ids=['omit', 'empty', 'null'])
def test_omit_empty_and_null_mean_unset_for_every_variable_of_the_role(sim, ansible, tmp_path, unset):
    """The pattern the examples use ("{{ x | default(omit) }}") and an AWX survey's blank field ('') work for every
    variable, run id included."""
    sim.scenario(precheck=QUICK)
    variables = argument_spec_variables('upgrade_precheck')
    omitted = dict((name, unset) for name, spec in variables.items()
                   if not spec.get('required') and name != 'upgrade_precheck_domains')
    assert 'upgrade_precheck_run_id' in omitted and len(omitted) == len(variables) - 2
    result = ansible.playbook([role_task(**dict(role_vars(sim, tmp_path, upgrade_precheck_domains=['mgmt-01']),
                                                **omitted))])
    assert result.rc == 0, result
    assert summary_line(result).startswith('READY: pre-check run ')
    names = os.listdir(str(tmp_path))
    assert sorted(n.rsplit('.', 1)[1] for n in names if not n.startswith('precheck-export-')) == ['html', 'json'], \
        'the default formats'
    assert any(n.startswith('precheck-export-') for n in names), 'the default export: true'
    nothing = ansible.playbook([role_task(**dict(role_vars(sim, tmp_path), upgrade_precheck_domains=unset,
                                                 upgrade_precheck_run_id=unset))])
    assert nothing.rc == 2 and 'Set upgrade_precheck_domains' in nothing.output, nothing
    assert "has no len()" not in nothing.output


@pytest.mark.parametrize('variable, value, words', [
    ('upgrade_precheck_timeout', 'soon', "upgrade_precheck_timeout must be a number; got 'soon'."),
    ('upgrade_precheck_export', 'maybe', "upgrade_precheck_export must be true or false; got 'maybe'."),
    ('upgrade_precheck_fail_on', 'sometimes', 'upgrade_precheck_fail_on must be one of error, warning, never'),
    ('upgrade_precheck_formats', ['json', 'pdf'], 'upgrade_precheck_formats must be a list of json, html, junit'),
    ('upgrade_precheck_waivers', 'check-1', "upgrade_precheck_waivers must be a list of mappings; got 'check-1'."),
    ('upgrade_precheck_dest', '', 'Set upgrade_precheck_dest: the directory the reports go to.'),
])
def test_a_value_the_role_cannot_use_fails_before_any_request_naming_the_variable(sim, ansible, tmp_path, variable,
                                                                                  value, words):
    before = len(sim.api_requests())
    result = ansible.playbook([role_task(**dict(role_vars(sim, tmp_path / 'r', upgrade_precheck_domains=['mgmt-01']),
                                                **{variable: value}))])
    assert result.rc == 2 and words in result.output, result
    assert 'argument_spec_data' not in result.output, "the role's own line, not Ansible's validation dump"
    assert sim.api_requests()[before:] == [], 'nothing was sent'


def test_thousands_of_findings_stay_out_of_the_task_result_and_all_reach_the_reports(sim, ansible, tmp_path):
    findings = [{'id': 'check-%04d' % i, 'name': 'Check %04d' % i, 'severity': 'ERROR', 'resource': 'vc-%04d' % i,
                 'message': 'It failed ' + 'x' * 600, 'remediation': 'Fix it'} for i in range(1500)]
    sim.scenario(precheck=QUICK, domains=[{'id': '8b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'name': 'wld-big',
                                           'findings': findings}])
    result = ansible.playbook([role_task(**role_vars(sim, tmp_path, upgrade_precheck_domains=['wld-big'],
                                                     upgrade_precheck_export=False))])
    assert result.rc == 2, result
    waited = next(r['result'] for r in result.results if r['task'].startswith('Wait for pre-check run'))
    assert waited['findings_total'] == 1500 and len(waited['findings']) <= 500
    assert waited['omitted']['findings'] == 1500 - len(waited['findings'])
    assert len(json.dumps(waited)) < 4 * 1024 * 1024, 'the task result stays a few MB'
    assert len(result.stdout) < 4 * 1024 * 1024, 'what is printed is bounded too'
    names, run_ids = reports(tmp_path)
    report = load_report(tmp_path, run_ids[0])
    assert len(report['findings']) == 1500 and report['findings_total'] == 1500, 'the report read the run again'
    assert report['verdict'] == 'BLOCKED' and len(report['failing']) == 1500
