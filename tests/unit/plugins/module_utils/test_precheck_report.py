# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""precheck_report: the JSON and the self-contained, escaped HTML page of a run."""

import json

from ansible_collections.sddc.manager.plugins.module_utils.precheck_report import render_html, render_json, report_data

RUN = '7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21'


def finding(severity, name, **extra):
    values = dict(id=name.lower(), name=name, severity=severity, resource='vc-01', domain='wld-01',
                  message='%s found' % name, remediation='Fix %s' % name, remediation_url=None, ignored=False)
    values.update(extra)
    return values


def result(*findings, **extra):
    values = dict(run_id=RUN, status='COMPLETED_WITH_FAILURE', verdict='BLOCKED', timestamp='2026-11-29T01:00:00Z',
                  completion_timestamp='2026-11-29T01:05:00Z', findings=list(findings), failing=[findings[0]],
                  summary={'error': 1, 'warning': 1, 'info': 1, 'passed': 7, 'silenced': 0, 'total': 10,
                           'domains': [{'domain': 'wld-01', 'error': 1, 'warning': 1, 'info': 1, 'passed': 7}]})
    values.update(extra)
    return values


def page(*findings, **extra):
    report = report_data(result(*findings, **extra), {'hostname': 'https://sddc.example.com', 'version': '9.1.0.0'},
                         target_version='9.1.0.0')
    return render_html(report).decode('utf-8')


def test_the_page_lists_errors_then_warnings_and_ignored_but_not_info():
    html = page(finding('INFO', 'Note'), finding('WARNING', 'Backup'), finding('ERROR', 'License'),
                finding('INFO', 'Quiet', ignored=True))
    assert html.index('License found') < html.index('Backup found') < html.index('Quiet found')
    assert 'Note found' not in html and '<span class="tag">ignored</span>' in html
    assert '<span class="verdict blocked">BLOCKED</span>' in html and 'wld-01' in html
    assert '1 error, 1 warning, 1 info, 7 passed, 0 silenced.' in html


def test_every_api_value_is_escaped_and_only_http_links_are_links():
    html = page(finding('ERROR', '<script>x()</script>', message='a & b <b>', remediation='"quoted" \'too\'',
                        remediation_url='javascript:alert(1)', resource='<img src=x>'),
                finding('WARNING', 'Linked', remediation_url='https://kb.example.com/1?a=1&b=2'),
                run_id=RUN)
    assert '<script>x()' not in html and '&lt;script&gt;x()&lt;/script&gt;' in html
    assert 'a &amp; b &lt;b&gt;' in html and '&quot;quoted&quot; &#x27;too&#x27;' in html
    assert '<img src' not in html and 'javascript:' not in html
    assert '<a href="https://kb.example.com/1?a=1&amp;b=2" rel="noopener noreferrer">more</a>' in html


def test_the_page_loads_nothing_from_anywhere():
    html = page(finding('ERROR', 'License'))
    assert "default-src 'none'" in html
    for outside in ('<script', '<link', '<img', '@import', 'url(', '<iframe', 'src='):
        assert outside not in html


def test_bars_are_drawn_from_the_counts():
    html = page(finding('ERROR', 'License'))
    assert 'class="fill error" style="width:10%"' in html and 'class="fill passed" style="width:70%"' in html


def test_the_same_run_gives_the_same_bytes():
    first = report_data(result(finding('ERROR', 'License')))
    second = report_data(result(finding('ERROR', 'License')))
    assert render_json(first) == render_json(second) and render_html(first) == render_html(second)
    failing = json.loads(render_json(first))['failing']
    assert [f['name'] for f in failing] == ['License'] and failing[0]['remediation'] == 'Fix License', 'findings'


def test_a_precheck_info_result_without_a_verdict_is_judged_as_the_wait_would():
    info = result(finding('ERROR', 'License'), finished=True)
    for key in ('verdict', 'failing'):
        info.pop(key)
    report = report_data(info)
    assert report['verdict'] == 'BLOCKED' and [f['name'] for f in report['failing']] == ['License']
    assert '<span class="verdict blocked">BLOCKED</span>' in render_html(report).decode('utf-8')


def test_waived_findings_show_their_waiver_and_reasons_are_noted():
    waiver = dict(check='license', reason='Renewal <ordered>', owner='jane', ticket='CHG-1', expires='2026-12-31')
    html = page(finding('ERROR', 'License', waived=True, waiver=waiver),
                verdict_reasons=['The run ended CANCELLED, so it did not check everything.'],
                counts_read={'error': 1, 'warning': 0}, counts_reported={'error': 3, 'warning': 0})
    assert '<span class="tag">waived</span>' in html
    assert 'Waived: Renewal &lt;ordered&gt;; owner: jane; ticket: CHG-1; until: 2026-12-31' in html
    assert '<li>The run ended CANCELLED, so it did not check everything.</li>' in html
    assert '<li>SDDC Manager counts 3 errors; the findings read are 1 error.</li>' in html


def test_odd_counts_and_values_never_raise():
    report = report_data(result(finding('ERROR', 'x'), summary={'error': 'lots', 'domains': ['x', {'domain': None}]}))
    assert '<html' in render_html(report).decode('utf-8')


def test_coverage_and_silenced_sections_are_shown_escaped():
    coverage = {'target_version': '9.1.0.0', 'complete': False, 'not_covered': ['NSX_T_MANAGER'], 'components': [
        {'component': 'VCENTER', 'target_version': '9.1.0.0', 'bundle_status': 'SUCCESSFUL', 'checks': 'covered'},
        {'component': 'NSX<b>', 'target_version': '9.1.0.0', 'bundle_status': None, 'checks': 'unknown'}]}
    html = page(finding('ERROR', 'License'), coverage=coverage, coverage_complete=False,
                silenced=[{'check': 'vsan-health', 'resource': 'cl01', 'domain': 'wld-01', 'message': '<i>m</i>'}])
    assert '<section id="coverage">' in html and 'NSX&lt;b&gt;' in html and 'no bundle found' in html
    assert '<span class="verdict other">coverage incomplete: not covered NSX_T_MANAGER</span>' in html
    assert 'a READY covers only what ran' in html
    assert '<section id="silenced">' in html and '&lt;i&gt;m&lt;/i&gt;' in html


def test_a_general_readiness_run_has_no_coverage_section():
    assert '<section id="coverage">' not in page(finding('ERROR', 'License'))


def test_the_since_the_baseline_section_lists_each_change_escaped():
    since = {'msg': 'Since run r0 of 2026-11-20: 1 new error, 1 resolved.', 'new': [finding('ERROR', '<New>')],
             'resolved': [finding('WARNING', 'Gone')], 'persisting': [],
             'severity_changed': [dict(finding('ERROR', 'Risen'), from_severity='WARNING')]}
    html = page(finding('ERROR', 'License'), since_baseline=since)
    assert '<section id="since">' in html and 'Since run r0 of 2026-11-20: 1 new error, 1 resolved.' in html
    assert '<td>New</td><td>ERROR</td>' in html and '&lt;New&gt;' in html and 'WARNING &#8594; ERROR' in html
    assert json.loads(render_json(report_data(result(finding('ERROR', 'x'), since_baseline=since))))[
        'since_baseline']['msg'].startswith('Since run r0')
    assert '<section id="since">' not in page(finding('ERROR', 'License'))
