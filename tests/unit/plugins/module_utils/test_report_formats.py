# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""report_formats: JUnit XML a JUnit parser reads, CSV no spreadsheet evaluates, Markdown tables that hold."""

import csv
import io

import pytest
from junitparser import Failure, JUnitXml, Skipped

from ansible_collections.sddc.manager.plugins.module_utils.report_formats import (
    render_csv,
    render_junit,
    render_markdown,
    safe_cell,
)

RUN = '7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21'


def finding(check, severity='ERROR', domain='wld-01', **extra):
    values = dict(id=check, name=check.title(), severity=severity, resource='vc-01', domain=domain,
                  message='%s found' % check, remediation='Fix %s' % check, status='VALIDATION_FAILED')
    values.update(extra)
    return values


def report(findings, failing, **extra):
    values = dict(run_id=RUN, verdict='BLOCKED', findings=findings, failing=failing, appliance={'hostname': 'sddc'},
                  summary={'error': 2, 'warning': 1, 'info': 0, 'passed': 7, 'silenced': 0, 'domains': [
                      {'domain': 'wld-01', 'passed': 4}, {'domain': 'wld-02', 'passed': 3}]})
    values.update(extra)
    return values


def test_junit_parses_with_counts_equal_to_the_runs():
    license_, backup, waived = finding('license'), finding('backup', 'WARNING'), finding('known', domain='wld-02')
    waived.update(waived=True, waiver={'reason': 'accepted'})
    xml = JUnitXml.fromstring(render_junit(report([license_, backup, waived], [license_])))
    suites = dict((suite.name, suite) for suite in xml)
    assert sorted(suites) == ['wld-01', 'wld-02']
    assert (suites['wld-01'].tests, suites['wld-01'].failures, suites['wld-01'].skipped) == (2 + 4, 1, 0)
    assert (suites['wld-02'].tests, suites['wld-02'].skipped) == (1 + 3, 1)
    assert sum(suite.tests for suite in xml) == 3 + 7, 'every finding and every passed check'
    cases = dict((case.name, case) for suite in xml for case in suite)
    assert isinstance(cases['vc-01 / License'].result[0], Failure)
    assert isinstance(cases['vc-01 / Known'].result[0], Skipped)
    assert cases['vc-01 / Backup'].is_passed


def test_junit_of_a_report_only_result_fails_what_the_default_gate_would():
    xml = JUnitXml.fromstring(render_junit(report([finding('license'), finding('w', 'WARNING')], [])))
    assert sum(suite.failures for suite in xml) == 1


@pytest.mark.parametrize('hostile', [']]>', '<x y="1">&', 'a\x00b\x1bc', '\ud800', 'x' * 100000])
def test_hostile_text_keeps_every_output_readable(hostile):
    bad = finding('c', message=hostile, name=hostile, resource=hostile, remediation=hostile)
    data = report([bad], [bad])
    JUnitXml.fromstring(render_junit(data))
    rows = list(csv.reader(io.StringIO(render_csv(data).decode('utf-8'))))
    assert len(rows) == 2 and len(rows[1]) == 10 and all(len(cell) <= 2001 for cell in rows[1])
    table = [line for line in render_markdown(data).decode('utf-8').splitlines() if line.startswith('| ERROR')]
    assert len(table) == 1 and table[0].count(' | ') == 5


@pytest.mark.parametrize('cell', ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])
def test_a_cell_that_starts_a_formula_is_neutralised(cell):
    assert not safe_cell(cell).startswith(('=', '+', '-', '@', '\t', '\r'))
    if cell[0] in '=+-@':
        assert safe_cell(cell) == "'" + cell
    data = report([finding('c', message=cell)], [])
    rows = list(csv.reader(io.StringIO(render_csv(data).decode('utf-8'))))
    assert not rows[1][6].startswith(('=', '+', '-', '@', '\t', '\r'))


def test_the_csv_round_trips_with_its_header():
    data = report([finding('license', message='a, "quoted" text')], [])
    rows = list(csv.DictReader(io.StringIO(render_csv(data).decode('utf-8'))))
    assert rows == [{'domain': 'wld-01', 'resource': 'vc-01', 'check id': 'license', 'check name': 'License',
                     'severity': 'ERROR', 'status': 'VALIDATION_FAILED', 'message': 'a, "quoted" text',
                     'remediation': 'Fix license', 'link': '', 'run id': RUN}]


def test_markdown_escapes_pipes_and_newlines_from_the_server():
    bad = finding('c', message='a | b\nc', name='**bold**')
    text = render_markdown(report([bad], [bad], verdict_reasons=['Coverage incomplete.'])).decode('utf-8')
    assert text.startswith('**BLOCKED**: pre-check run %s on sddc.' % RUN)
    assert '2 errors, 1 warning, 0 info, 7 passed, 0 silenced.' in text and '- Coverage incomplete.' in text
    row = [line for line in text.splitlines() if line.startswith('| ERROR')][0]
    assert 'a \\| b c' in row and '\\*\\*bold\\*\\*' in row


def test_the_same_report_gives_the_same_bytes():
    data = report([finding('b'), finding('a')], [finding('a')])
    for render in (render_junit, render_csv, render_markdown):
        assert render(data) == render(dict(data, findings=list(reversed(data['findings']))))
