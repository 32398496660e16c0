# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The trend of many runs, from the JSON reports precheck_report wrote: counts over time, and each finding's life.

Reports of different SDDC Managers in one folder are kept apart (one section per appliance). A
finding is followed by its identity (run_diff.identity: check, resource, domain), so a reworded
message is the same finding. The page follows the run report's rules: self-contained, every value
escaped, no script.
"""

import json
import os

from ansible_collections.sddc.manager.plugins.module_utils.findings import SEVERITY_RANK, count
from ansible_collections.sddc.manager.plugins.module_utils.precheck_report import esc, html_page
from ansible_collections.sddc.manager.plugins.module_utils.run_diff import identity
from ansible_collections.sddc.manager.plugins.module_utils.text import one_line, parse_timestamp

MAX_REPORTS = 5000
TREND_JSON = 'precheck-trend.json'   # the trend's own file, never read as a run report
MAX_REPORT_BYTES = 64 * 1024 * 1024
LISTED = ('ERROR', 'WARNING')


def load_reports(folder: str) -> tuple:
    """(the run reports in ``folder``, the names of the JSON files that are not run reports), oldest first."""
    reports, skipped = [], []
    names = sorted(n for n in os.listdir(folder) if n.startswith('precheck-') and n.endswith('.json')
                   and n != TREND_JSON)
    for name in names[:MAX_REPORTS]:
        try:
            with open(os.path.join(folder, name), 'rb') as handle:
                report = json.loads(handle.read(MAX_REPORT_BYTES + 1).decode('utf-8'))
        except (OSError, ValueError, RecursionError):
            skipped.append(name)
            continue
        if not isinstance(report, dict) or not report.get('run_id') or not isinstance(report.get('findings'), list):
            skipped.append(name)
            continue
        reports.append(report)
    reports.sort(key=lambda r: (str(r.get('completed') or r.get('started') or ''), str(r.get('run_id'))))
    return reports, skipped


def manager_trend(reports: list) -> dict:
    """Counts per run, domain and severity, and each finding's first and last seen, days open and runs."""
    runs, lives = [], {}
    for report in reports:
        summary = report.get('summary') if isinstance(report.get('summary'), dict) else {}
        domains = [dict(domain=one_line(d.get('domain'), 255), error=count(d.get('error')),
                        warning=count(d.get('warning'))) for d in summary.get('domains') or [] if isinstance(d, dict)]
        runs.append(dict(run_id=one_line(report.get('run_id'), 64), completed=one_line(report.get('completed'), 64),
                         verdict=one_line(report.get('verdict'), 64), error=count(summary.get('error')),
                         warning=count(summary.get('warning')), domains=domains))
        for finding in report['findings']:
            if not isinstance(finding, dict) or finding.get('severity') not in SEVERITY_RANK:
                continue
            life = lives.setdefault(identity(finding), dict(
                id=one_line(finding.get('id'), 255), name=one_line(finding.get('name'), 255),
                resource=one_line(finding.get('resource'), 255), domain=one_line(finding.get('domain'), 255),
                first_seen=runs[-1]['completed'], runs=[]))
            if not life['runs'] or life['runs'][-1] != runs[-1]['run_id']:
                life['runs'].append(runs[-1]['run_id'])
            life.update(last_seen=runs[-1]['completed'], severity=finding['severity'],
                        message=one_line(finding.get('message'), 500))
    newest = runs[-1]['run_id'] if runs else None
    findings = []
    for life in lives.values():
        first, last = parse_timestamp(life['first_seen']), parse_timestamp(life['last_seen'])
        life['open'] = life['runs'][-1] == newest
        life['days_open'] = (last - first).days if first and last else None
        findings.append(life)
    findings.sort(key=lambda f: (not f['open'], SEVERITY_RANK[f['severity']], f['first_seen'] or '', f['id']))
    return dict(runs=runs, findings=findings)


def trend_data(folder: str) -> dict:
    """The trend of every SDDC Manager whose reports are in ``folder``, each kept apart."""
    reports, skipped = load_reports(folder)
    by_manager = {}
    for report in reports:
        appliance = report.get('appliance') if isinstance(report.get('appliance'), dict) else {}
        by_manager.setdefault(one_line(appliance.get('hostname'), 255) or 'unknown SDDC Manager', []).append(report)
    managers = [dict(manager=name, **manager_trend(group)) for name, group in sorted(by_manager.items())]
    return dict(reports=len(reports), skipped=skipped, managers=managers)


def render_trend_json(data: dict) -> bytes:
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + '\n').encode('utf-8')


def _manager_section(manager: dict) -> str:
    domains = sorted(set(d['domain'] for run in manager['runs'] for d in run['domains']))
    head = ''.join('<th scope="col">%s errors</th><th scope="col">%s warnings</th>' % (esc(d), esc(d)) for d in domains)
    rows = []
    for run in manager['runs']:
        per = dict((d['domain'], d) for d in run['domains'])
        cells = ''.join('<td class="num">%d</td><td class="num">%d</td>' % (per.get(d, {}).get('error', 0),
                                                                            per.get(d, {}).get('warning', 0))
                        for d in domains)
        rows.append('<tr><th scope="row">%s</th><td>%s</td><td>%s</td><td class="num">%d</td><td class="num">%d</td>%s'
                    '</tr>' % (esc(run['completed']), esc(run['run_id']), esc(run['verdict']), run['error'],
                               run['warning'], cells))
    lives = []
    for life in manager['findings']:
        if life['severity'] not in LISTED:
            continue
        lives.append('<tr class="%s"><td><span class="sev %s">%s</span>%s</td><td>%s</td><td>%s</td><td>%s</td>'
                     '<td>%s</td><td>%s</td><td class="num">%s</td><td class="num">%d</td></tr>'
                     % ('open' if life['open'] else 'closed', life['severity'].lower(), esc(life['severity']),
                        '' if life['open'] else ' <span class="tag">resolved</span>', esc(life['domain']),
                        esc(life['resource']), esc(life['name'] or life['id']), esc(life['first_seen']),
                        esc(life['last_seen']), '' if life['days_open'] is None else life['days_open'],
                        len(life['runs'])))
    return ('<section class="manager"><h2>%s</h2><table class="runs"><caption>Counts over time</caption><thead><tr>'
            '<th scope="col">Completed</th><th scope="col">Run</th><th scope="col">Verdict</th>'
            '<th scope="col">Errors</th><th scope="col">Warnings</th>%s</tr></thead><tbody>%s</tbody></table>'
            '<table class="lives"><caption>Findings, the oldest open blockers first</caption><thead><tr>'
            '<th scope="col">Severity</th><th scope="col">Domain</th><th scope="col">Resource</th>'
            '<th scope="col">Check</th><th scope="col">First seen</th><th scope="col">Last seen</th>'
            '<th scope="col">Days open</th><th scope="col">Runs</th></tr></thead><tbody>%s</tbody></table></section>'
            % (esc(manager['manager']), head, ''.join(rows), ''.join(lives) or '<tr><td colspan="8">None.</td></tr>'))


def render_trend_html(data: dict) -> bytes:
    """The self-contained trend page: per SDDC Manager, the counts over time and each finding's life."""
    sections = ''.join(_manager_section(m) for m in data['managers']) or '<p class="none">No run report found.</p>'
    body = '''<h1>Upgrade pre-check trend</h1>
<p id="reports-line">%d run reports of %d SDDC Manager%s.</p>
%s
<footer>Written by the sddc.manager Ansible collection from the JSON reports of its runs.</footer>''' % (
        data['reports'], len(data['managers']), '' if len(data['managers']) == 1 else 's', sections)
    return html_page('Upgrade pre-check trend', body, ' tr.closed td{color:#78909c}')
