# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A run's findings for the tools where they are read: JUnit XML for CI, CSV for spreadsheets, Markdown for tickets.

Each output gets the escaping its reader needs: XML escaping (and no character XML 1.0 forbids),
CSV cells that no spreadsheet evaluates as a formula (the OWASP rule: a cell starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return is prefixed with ``'``), Markdown tables whose pipes
and line breaks from the server are escaped. The same report always gives the same bytes.
"""

import csv
import io
from xml.sax.saxutils import escape, quoteattr

from ansible_collections.sddc.manager.plugins.module_utils.findings import SEVERITY_RANK, count
from ansible_collections.sddc.manager.plugins.module_utils.precheck_verdict import counts_phrase
from ansible_collections.sddc.manager.plugins.module_utils.text import one_line

FORMATS = ('json', 'html', 'junit', 'csv', 'markdown')
DEFAULT_FORMATS = ('json', 'html')
SUFFIXES = {'json': 'json', 'html': 'html', 'junit': 'junit.xml', 'csv': 'findings.csv', 'markdown': 'md'}
CSV_COLUMNS = ('domain', 'resource', 'check id', 'check name', 'severity', 'status', 'message', 'remediation',
               'link', 'run id')
_FORMULA_STARTS = ('=', '+', '-', '@', '\t', '\r')
MARKDOWN_ROWS = 200


def _text(value, limit=2000) -> str:
    return one_line(value, limit) if value not in (None, '') else ''


def _key(finding: dict) -> tuple:
    return tuple(finding.get(k) or '' for k in ('id', 'name', 'resource', 'domain', 'severity'))


def _ordered(findings: list) -> list:
    return sorted((f for f in findings if isinstance(f, dict)),
                  key=lambda f: (SEVERITY_RANK.get(f.get('severity'), 0), f.get('domain') or '',
                                 f.get('resource') or '', f.get('name') or f.get('id') or ''))


# -- JUnit XML -----------------------------------------------------------------------------------------------

def render_junit(report: dict) -> bytes:
    """One ``testsuite`` per domain, one ``testcase`` per check and resource: ``failure`` for what fails the gate
    (the default gate's for a report-only result), ``skipped`` for ignored or waived findings. Passed checks are
    counted in each suite's ``tests`` and its ``passed`` property (the result does not list them)."""
    findings = [f for f in report.get('findings') or [] if isinstance(f, dict)]
    failing = report.get('failing') or [f for f in findings if f.get('severity') == 'ERROR' and not f.get('ignored')
                                        and not f.get('waived')]   # report only: what the default gate fails
    failing = set(_key(f) for f in failing if isinstance(f, dict))
    by_domain = {}
    for finding in _ordered(report.get('findings') or []):
        by_domain.setdefault(finding.get('domain') or '', []).append(finding)
    passed = dict((entry.get('domain') or '', count(entry.get('passed')))
                  for entry in (report.get('summary') or {}).get('domains') or [] if isinstance(entry, dict))
    suites, totals = [], dict(tests=0, failures=0, skipped=0)
    for domain in sorted(set(by_domain) | set(d for d in passed if passed[d])):
        cases, failures, skipped = [], 0, 0
        for finding in by_domain.get(domain, []):
            body = ''
            if finding.get('ignored') or finding.get('waived'):
                skipped += 1
                why = 'waived: %s' % _text((finding.get('waiver') or {}).get('reason')) if finding.get('waived') \
                    else 'ignored (ignore_checks)'
                body = '<skipped message=%s/>' % quoteattr(_xml(why))
            elif _key(finding) in failing:
                failures += 1
                body = '<failure message=%s type=%s>%s</failure>' % (
                    quoteattr(_xml(_text(finding.get('message'), 1000))), quoteattr(_xml(finding.get('severity'))),
                    escape(_xml('%s\nRemediation: %s' % (_text(finding.get('message')),
                                                         _text(finding.get('remediation'))))))
            else:
                body = '<system-out>%s</system-out>' % escape(_xml('%s %s' % (finding.get('severity'),
                                                                              _text(finding.get('message')))))
            name = ' / '.join(p for p in (_text(finding.get('resource'), 255),
                                          _text(finding.get('name') or finding.get('id'), 255)) if p)
            cases.append('    <testcase classname=%s name=%s>%s</testcase>' % (
                quoteattr(_xml(_text(finding.get('id'), 255) or 'check')), quoteattr(_xml(name or 'check')), body))
        tests = len(cases) + passed.get(domain, 0)
        totals['tests'] += tests
        totals['failures'] += failures
        totals['skipped'] += skipped
        suites.append('  <testsuite name=%s tests="%d" failures="%d" errors="0" skipped="%d">\n'
                      '    <properties><property name="passed" value="%d"/></properties>\n%s\n  </testsuite>'
                      % (quoteattr(_xml(_text(domain, 255) or 'unknown domain')), tests, failures, skipped,
                         passed.get(domain, 0), '\n'.join(cases)))
    head = '<testsuites name=%s tests="%d" failures="%d" errors="0" skipped="%d">' % (
        quoteattr(_xml('SDDC Manager pre-check %s: %s' % (report.get('run_id') or '', report.get('verdict') or ''))),
        totals['tests'], totals['failures'], totals['skipped'])
    return ('<?xml version="1.0" encoding="UTF-8"?>\n%s\n%s\n</testsuites>\n' % (head, '\n'.join(suites))).encode(
        'utf-8')


def _xml(text) -> str:
    """Text without the characters XML 1.0 forbids (one_line already took the controls)."""
    return ''.join(ch for ch in str(text or '') if ch in '\t\n\r' or ord(ch) >= 0x20 and ch not in '\ufffe\uffff')


# -- CSV -----------------------------------------------------------------------------------------------------

def safe_cell(value) -> str:
    """A CSV cell no spreadsheet evaluates: one that starts like a formula is prefixed with a quote."""
    text = _text(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def render_csv(report: dict) -> bytes:
    """One row per finding, UTF-8 with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator='\r\n')
    writer.writerow(CSV_COLUMNS)
    for finding in _ordered(report.get('findings') or []):
        status = 'waived' if finding.get('waived') else 'ignored' if finding.get('ignored') else \
            finding.get('status')
        writer.writerow([safe_cell(v) for v in (
            finding.get('domain'), finding.get('resource'), finding.get('id'), finding.get('name'),
            finding.get('severity'), status, finding.get('message'), finding.get('remediation'),
            finding.get('remediation_url'), report.get('run_id'))])
    return out.getvalue().encode('utf-8')


# -- Markdown ------------------------------------------------------------------------------------------------

def md_cell(value) -> str:
    """Text for a Markdown table cell: one line, pipes and backslashes escaped, markup characters neutral."""
    text = _text(value, 500).replace('\\', '\\\\').replace('|', '\\|')
    for char in '`*_<>[]':
        text = text.replace(char, '\\' + char)
    return text


def render_markdown(report: dict) -> bytes:
    """The verdict line, the counts, and a table of the failing findings, for a ticket or a merge request."""
    summary = report.get('summary') if isinstance(report.get('summary'), dict) else {}
    where = md_cell((report.get('appliance') or {}).get('hostname')) or 'SDDC Manager'
    verdict = md_cell(report.get('verdict') or 'NOT FINISHED')
    lines = ['**%s**: pre-check run %s on %s.' % (verdict, md_cell(report.get('run_id')), where),
             '', '%s, %d silenced.' % (counts_phrase(summary), count(summary.get('silenced')))]
    lines.extend('- %s' % md_cell(reason) for reason in report.get('verdict_reasons') or [])
    failing = _ordered(report.get('failing') or [])
    if failing:
        lines.extend(['', '| Severity | Domain | Resource | Check | Message | Remediation |',
                      '|---|---|---|---|---|---|'])
        for finding in failing[:MARKDOWN_ROWS]:
            lines.append('| %s |' % ' | '.join(md_cell(finding.get(k)) for k in (
                'severity', 'domain', 'resource', 'name', 'message', 'remediation')))
        if len(failing) > MARKDOWN_ROWS:
            lines.extend(['', '+%d more failing findings: see the JSON report.' % (len(failing) - MARKDOWN_ROWS)])
    else:
        lines.extend(['', 'No finding fails the gate.'])
    return ('\n'.join(lines) + '\n').encode('utf-8')


RENDERERS = {'junit': render_junit, 'csv': render_csv, 'markdown': render_markdown}
