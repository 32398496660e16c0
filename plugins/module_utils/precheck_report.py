# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The evidence of a pre-check run: a JSON document, and one self-contained HTML page a change board can open.

The page loads nothing (no script, no external style, font or image; a Content-Security-Policy
of ``default-src 'none'`` says so to the browser too), escapes every value that came from the API,
and links only to http(s) remediation URLs the API gave. The same run always gives the same bytes,
so writing a report again changes nothing.
"""

import html
import json

from ansible_collections.sddc.manager.plugins.module_utils.findings import SEVERITIES, SEVERITY_RANK, count
from ansible_collections.sddc.manager.plugins.module_utils.precheck_verdict import (
    NOT_FINISHED,
    Verdict,
    count_mismatch,
    counts_phrase,
)
from ansible_collections.sddc.manager.plugins.module_utils.result_bounds import is_cut
from ansible_collections.sddc.manager.plugins.module_utils.text import one_line

VERDICT_CLASS = {'READY': 'ready', 'READY WITH WARNINGS': 'warnings', 'BLOCKED': 'blocked', 'NOT CHECKED': 'blocked'}
LISTED = ('ERROR', 'WARNING')
RUN_KEYS = ('run_id', 'status', 'finished', 'findings', 'summary')


def judged(result: dict, waivers=None) -> tuple:
    """(verdict, why, failing, findings) of a result: as given by the wait or precheck_info, else (or with
    ``waivers``) judged here by the default gate, so that a report says what the wait would have said."""
    findings = result.get('findings') or []
    given = (result.get('verdict'), list(result.get('verdict_reasons') or []))
    if given[0] and not waivers:
        return given[0], given[1], list(result.get('failing') or []), findings
    if not result.get('finished') or not all(key in result for key in RUN_KEYS):
        return given[0] or NOT_FINISHED, given[1], [], findings
    if is_cut(result):   # the findings left out of the result cannot be judged here: never READY
        result = dict(result, unread=list(result.get('unread') or []) + [
            'the result holds %d of the run\'s %s findings, so the rest were not judged'
            % (len(findings), result.get('findings_total'))])
    verdict = Verdict(result, waivers=waivers)
    return verdict.word, verdict.why(), verdict.failing, verdict.findings


def report_data(result: dict, appliance: dict = None, domains=None, target_version=None, waivers=None,
                manager: str = None) -> dict:
    """What the JSON report holds: the run, where it ran, the verdict and why, summary and findings."""
    summary = result.get('summary') if isinstance(result.get('summary'), dict) else {}
    if not domains:
        entries = summary.get('domains') if isinstance(summary.get('domains'), list) else []
        domains = [entry['domain'] for entry in entries if isinstance(entry, dict) and entry.get('domain')]
    appliance = appliance or {}
    verdict, why, failing, findings = judged(result, waivers)
    return dict(
        run_id=result.get('run_id'), status=result.get('status'), verdict=verdict, verdict_reasons=why, manager=manager,
        appliance=dict(hostname=appliance.get('hostname'), version=appliance.get('version')),
        domains=list(domains or []), target_version=target_version or result.get('target_version'),
        coverage=result.get('coverage'), coverage_complete=result.get('coverage_complete'),
        silenced=result.get('silenced') or [], since_baseline=result.get('since_baseline'),
        started=result.get('timestamp'), completed=result.get('completion_timestamp'),
        validation_message=result.get('validation_message'), input_errors=result.get('input_errors') or [],
        truncated=bool(result.get('truncated')), counts_read=result.get('counts_read'),
        counts_reported=result.get('counts_reported'),
        findings_total=max(count(result.get('findings_total')), len(findings)),
        summary=summary, findings=findings, failing=failing)


def finding_key(finding: dict) -> tuple:
    """Which finding this is, to mark the failing ones in the page (check, resource, domain)."""
    return tuple(finding.get(key) for key in ('id', 'name', 'resource', 'domain', 'severity'))


def render_json(report: dict) -> bytes:
    return (json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + '\n').encode('utf-8')


def esc(value) -> str:
    """An API value as HTML text: one line, escaped; an empty cell for nothing."""
    if value is None or value == '':
        return ''
    return html.escape(one_line(value), quote=True)


def _link(url) -> str:
    text = one_line(url, 500)
    if not text.lower().startswith(('https://', 'http://')):
        return ''
    return ' <a href="%s" rel="noopener noreferrer">more</a>' % html.escape(text, quote=True)


def _bar(label: str, count: int, total: int, css: str) -> str:
    width = 0 if not total else max(1, round(100.0 * count / total)) if count else 0
    return ('<div class="bar-row"><span class="bar-label">%s</span><span class="bar"><span class="fill %s" '
            'style="width:%d%%"></span></span><span class="bar-count">%d</span></div>'
            % (esc(label), css, width, count))


def _counts(summary: dict) -> str:
    total = max(1, sum(count(summary.get(key)) for key in ('error', 'warning', 'info', 'passed')))
    rows = [_bar(label, count(summary.get(key)), total, key)
            for label, key in (('Errors', 'error'), ('Warnings', 'warning'), ('Info', 'info'), ('Passed', 'passed'))]
    domains = []
    entries = summary.get('domains') if isinstance(summary.get('domains'), list) else []
    for entry in [e for e in entries if isinstance(e, dict)]:
        cells = ''.join('<td class="num">%d</td>' % (count(entry.get(key)))
                        for key in ('error', 'warning', 'info', 'passed', 'silenced'))
        scale = max(1, sum(count(entry.get(key)) for key in ('error', 'warning', 'info', 'passed')))
        stack = ''.join('<span class="fill %s" style="width:%d%%"></span>'
                        % (css, round(100.0 * (count(entry.get(key))) / scale))
                        for key, css in (('error', 'error'), ('warning', 'warning'), ('info', 'info'),
                                         ('passed', 'passed')))
        domains.append('<tr><th scope="row">%s</th>%s<td class="stack"><span class="bar">%s</span></td></tr>'
                       % (esc(entry.get('domain') or 'unknown domain'), cells, stack))
    table = ''
    if domains:
        table = ('<table class="domains"><caption>Per domain</caption><thead><tr><th scope="col">Domain</th>'
                 '<th scope="col">Errors</th><th scope="col">Warnings</th><th scope="col">Info</th>'
                 '<th scope="col">Passed</th><th scope="col">Silenced</th><th scope="col">Share</th></tr></thead>'
                 '<tbody>%s</tbody></table>' % ''.join(domains))
    return '<div class="bars">%s</div>%s' % (''.join(rows), table)


def _waiver_note(finding: dict) -> str:
    waiver = finding.get('waiver') if isinstance(finding.get('waiver'), dict) else {}
    parts = [('Waived', waiver.get('reason')), ('owner', waiver.get('owner')), ('ticket', waiver.get('ticket')),
             ('until', waiver.get('expires'))]
    return '<div class="waiver">%s</div>' % '; '.join('%s: %s' % (label, esc(value)) for label, value in parts
                                                      if value)


def _findings(report: dict) -> str:
    failing = set(finding_key(f) for f in report.get('failing') or [] if isinstance(f, dict))
    listed = [f for f in report['findings'] if f.get('severity') in LISTED or f.get('ignored') or f.get('waived')]
    listed.sort(key=lambda f: (SEVERITY_RANK.get(f.get('severity'), 0), bool(f.get('ignored')),
                               f.get('domain') or '', f.get('resource') or '', f.get('name') or ''))
    if not listed:
        return '<p class="none">No failed, warning, ignored or waived check.</p>'
    rows = []
    for finding in listed:
        severity = finding.get('severity') if finding.get('severity') in SEVERITIES else 'ERROR'
        state = ('ignored' if finding.get('ignored') else 'waived' if finding.get('waived')
                 else 'failing' if finding_key(finding) in failing else '')
        mark = ' <span class="tag">%s</span>' % state if state else ''
        set_aside = ' ignored' if state in ('ignored', 'waived') else ''
        rows.append(
            '<tr class="%s%s"><td><span class="sev %s">%s</span>%s</td><td>%s</td><td>%s</td><td>%s<div class="id">%s'
            '</div></td><td>%s</td><td>%s%s%s</td></tr>'
            % (severity.lower(), set_aside, severity.lower(), severity, mark,
               esc(finding.get('domain')), esc(finding.get('resource')), esc(finding.get('name') or finding.get('id')),
               esc(finding.get('id')), esc(finding.get('message')), esc(finding.get('remediation')),
               _link(finding.get('remediation_url')), _waiver_note(finding) if finding.get('waived') else ''))
    return ('<table class="findings"><thead><tr><th scope="col">Severity</th><th scope="col">Domain</th>'
            '<th scope="col">Resource</th><th scope="col">Check</th><th scope="col">Message</th>'
            '<th scope="col">Remediation</th></tr></thead><tbody>%s</tbody></table>' % ''.join(rows))


def _note(text) -> str:
    return ' <div class="id">%s</div>' % esc(text) if text else ''


def _coverage(report: dict) -> str:
    """The target release's components and whether their version-specific checks ran (no section without a target)."""
    coverage = report.get('coverage') if isinstance(report.get('coverage'), dict) else None
    if coverage is None:
        return ''
    rows = ''.join('<tr class="%s"><th scope="row">%s</th><td>%s</td><td>%s</td><td>%s</td></tr>'
                   % ('covered' if c.get('checks') == 'covered' else 'gap', esc(c.get('component')),
                      esc(c.get('target_version')), esc(c.get('bundle_status')) or 'no bundle found',
                      esc(c.get('checks')) + _note(c.get('message')))
                   for c in coverage.get('components') or [] if isinstance(c, dict))
    verdict = ('Every component of %s had its version-specific checks run.' if coverage.get('complete') else
               'Not every component of %s had its version-specific checks run: a READY covers only what ran.')
    return ('<section id="coverage"><h2>Coverage of the target release</h2><p class="%s">%s</p>'
            '<table class="coverage"><thead><tr><th scope="col">Component</th><th scope="col">Target version</th>'
            '<th scope="col">Bundle</th><th scope="col">Version-specific checks</th></tr></thead><tbody>%s</tbody>'
            '</table></section>' % ('none' if coverage.get('complete') else 'gap',
                                    verdict % esc(coverage.get('target_version')), rows or '<tr><td colspan="4">The '
                                    'components of the release could not be read.</td></tr>'))


def _since(report: dict) -> str:
    """What changed since the baseline: new, resolved, changed and persisting findings (no section without one)."""
    since = report.get('since_baseline') if isinstance(report.get('since_baseline'), dict) else None
    if since is None:
        return ''
    rows = []
    for key, label in (('new', 'New'), ('severity_changed', 'Changed'), ('resolved', 'Resolved'),
                       ('persisting', 'Persisting')):
        for finding in [f for f in since.get(key) or [] if isinstance(f, dict)]:
            severity = esc(finding.get('severity'))
            if key == 'severity_changed':
                severity = '%s &#8594; %s' % (esc(finding.get('from_severity')), severity)
            rows.append('<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>'
                        % (label, severity, esc(finding.get('domain')), esc(finding.get('resource')),
                           esc(finding.get('name') or finding.get('id'))))
    return ('<section id="since"><h2>Since the baseline</h2><p>%s</p><table class="since"><thead><tr>'
            '<th scope="col">Change</th><th scope="col">Severity</th><th scope="col">Domain</th>'
            '<th scope="col">Resource</th><th scope="col">Check</th></tr></thead><tbody>%s</tbody></table></section>'
            % (esc(since.get('msg')), ''.join(rows) or '<tr><td colspan="5">No change.</td></tr>'))


def _gap_badge(report: dict) -> str:
    """Beside the verdict: the components of the target whose checks did not run (a READY covers only the rest)."""
    coverage = report.get('coverage') if isinstance(report.get('coverage'), dict) else None
    if coverage is None or coverage.get('complete'):
        return ''
    names = [n for n in coverage.get('not_covered') or [] if isinstance(n, str)]
    return ' <span class="verdict other">coverage incomplete%s</span>' % (
        ': not covered ' + esc(', '.join(names)) if names else '')


def _silenced(report: dict) -> str:
    """The checks silenced on SDDC Manager: not judged, so listed."""
    items = [i for i in report.get('silenced') or [] if isinstance(i, dict)]
    if not items:
        return ''
    rows = ''.join('<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>'
                   % (esc(i.get('check')), esc(i.get('resource')), esc(i.get('domain')), esc(i.get('message')))
                   for i in items)
    return ('<section id="silenced"><h2>Silenced checks (not judged)</h2><table class="silenced"><thead><tr>'
            '<th scope="col">Check</th><th scope="col">Resource</th><th scope="col">Domain</th>'
            '<th scope="col">Message</th></tr></thead><tbody>%s</tbody></table></section>' % rows)


STYLE = '''
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;color:#1d2329;
padding:0 1rem;line-height:1.4}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.2rem;border-bottom:1px solid #d5dbe1;padding-bottom:.25rem}
.verdict{display:inline-block;padding:.2rem .7rem;border-radius:.3rem;color:#fff;font-weight:700}
.verdict.ready{background:#2e7d32}.verdict.warnings{background:#b26a00}.verdict.blocked{background:#c62828}
.verdict.other{background:#546e7a}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:1rem 0}
dl.facts dt{font-weight:600;color:#546e7a}dl.facts dd{margin:0;word-break:break-all}
.bar-row{display:flex;align-items:center;gap:.6rem;margin:.25rem 0}.bar-label{width:6rem}
.bar{display:flex;flex:1;height:1rem;background:#eceff1;border-radius:.2rem;overflow:hidden;min-width:10rem}
.fill{display:block;height:100%}.fill.error{background:#c62828}.fill.warning{background:#ef8f00}
.fill.info{background:#1e88e5}.fill.passed{background:#43a047}.bar-count{width:4rem;text-align:right}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid #d5dbe1;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f3f5f7}td.num{text-align:right}td.stack{width:30%}
.sev{font-weight:700}.sev.error{color:#c62828}.sev.warning{color:#b26a00}.sev.info{color:#1565c0}
tr.ignored td{color:#78909c}.tag{font-size:.75rem;border:1px solid currentColor;border-radius:.2rem;padding:0 .2rem}
.id{font-size:.8rem;color:#78909c;word-break:break-all}.none{color:#2e7d32}
.waiver{font-size:.85rem;color:#546e7a;margin-top:.3rem}.gap{color:#b26a00}tr.gap td{color:#b26a00}
footer{margin-top:2rem;font-size:.85rem;color:#78909c}
'''


PAGE = '''<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s</title>
<style>%s</style>
</head>
<body>
%s
</body>
</html>
'''


def html_page(title: str, body: str, style: str = '') -> bytes:
    """A self-contained page of the collection (run report, trend, fleet): no script, nothing loaded, a policy
    that says so to the browser; ``title`` is escaped here, ``body`` is markup whose values were escaped."""
    return (PAGE % (esc(title), STYLE + style, body)).encode('utf-8')


def render_html(report: dict) -> bytes:
    """The self-contained page: facts, verdict, counts as bars, then the findings most severe first."""
    verdict = report.get('verdict') or 'NOT FINISHED'
    summary = report.get('summary') or {}
    appliance = report.get('appliance') or {}
    facts = [('Run id', report.get('run_id')), ('Status', report.get('status')),
             ('Appliance', appliance.get('hostname')), ('SDDC Manager version', appliance.get('version')),
             ('Domains', ', '.join(report.get('domains') or []) or None),
             ('Target version', report.get('target_version') or 'General upgrade readiness'),
             ('Started', report.get('started')), ('Completed', report.get('completed'))]
    fact_list = ''.join('<dt>%s</dt><dd>%s</dd>' % (esc(name), esc(value) or '&#8212;') for name, value in facts)
    notes = list(report.get('verdict_reasons') or []) + [report.get('validation_message')] + list(
        report.get('input_errors') or [])
    notes.append(count_mismatch(report))
    total = count(report.get('findings_total'))
    if total > len(report.get('findings') or []):
        notes.append('This report lists the first %d of the run\'s %d findings, most severe first: the run could not '
                     'be read again for the rest.' % (len(report['findings']), total))
    note_list = ''.join('<li>%s</li>' % esc(note) for note in notes if note)
    body = '''<header id="summary">
<h1>Upgrade pre-check <span class="verdict %(css)s">%(verdict)s</span>%(gap)s</h1>
<p id="counts-line">%(counts_line)s, %(silenced)d silenced.</p>
<dl class="facts">%(facts)s</dl>
%(notes)s
</header>
<section id="counts">
<h2>Counts</h2>
%(counts)s
</section>
<section id="findings">
<h2>Findings</h2>
%(findings)s
</section>
%(since)s
%(coverage)s
%(silenced_section)s
<footer>Written by the sddc.manager Ansible collection from SDDC Manager's results of this run. Passed checks are
counted, not listed.</footer>''' % dict(
        verdict=esc(verdict), css=VERDICT_CLASS.get(verdict, 'other'), counts_line=counts_phrase(summary),
        silenced=count(summary.get('silenced')), facts=fact_list,
        notes='<ul class="notes">%s</ul>' % note_list if note_list else '',
        gap=_gap_badge(report), counts=_counts(summary), findings=_findings(report), coverage=_coverage(report),
        silenced_section=_silenced(report), since=_since(report))
    return html_page('Upgrade pre-check %s: %s' % (report.get('run_id'), verdict), body)
