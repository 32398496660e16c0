# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The fleet page: one verdict for every SDDC Manager, a matrix of managers and domains, the checks across them.

The run report's rules: self-contained (no script, no external request, a Content-Security-Policy of
``default-src 'none'``), every value escaped, links only to the managers' own run reports (relative
paths beside the page). The same fleet always gives the same bytes: the page has no clock of its own.
"""

import json
import os
from urllib.parse import quote

from ansible_collections.sddc.manager.plugins.module_utils.fleet import VERDICT_ORDER, check_phrase
from ansible_collections.sddc.manager.plugins.module_utils.precheck_report import VERDICT_CLASS, esc, html_page
from ansible_collections.sddc.manager.plugins.module_utils.text import plural

FLEET_STYLE = '''
ul.domains{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;margin:0;padding:0}
ul.domains li{border:1px solid #d5dbe1;border-radius:.3rem;padding:.25rem .45rem}
.domain-name{font-weight:600;margin-right:.3rem}ul.domains .verdict{font-size:.75rem;padding:.05rem .35rem}
.counts{display:block;font-size:.8rem;color:#546e7a}.reason{color:#c62828}ol.checks li{margin:.3rem 0}
th.manager{min-width:9rem}
'''


def render_fleet_json(data: dict) -> bytes:
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + '\n').encode('utf-8')


def _badge(verdict: str) -> str:
    return '<span class="verdict %s">%s</span>' % (VERDICT_CLASS.get(verdict, 'other'), esc(verdict))


def _link(path, dest: str, text: str) -> str:
    """A link to a manager's own report, relative to the page; text only when there is no file beside it."""
    if not path or not dest:
        return esc(text)
    try:
        relative = os.path.relpath(path, dest)
    except ValueError:
        return esc(text)
    return '<a href="%s">%s</a>' % (esc(quote(relative.replace(os.sep, '/'))), esc(text))


def _counts(entry: dict) -> str:
    return '<span class="counts">%s, %s</span>' % (plural(entry['error'], 'error'), plural(entry['warning'], 'warning'))


def _domains(manager: dict) -> str:
    if not manager['domains']:
        return '<span class="reason">%s</span>' % esc(manager['reason'] or 'No domain was pre-checked.')
    return '<ul class="domains">%s</ul>' % ''.join(
        '<li><span class="domain-name">%s</span>%s%s</li>' % (esc(d['name']), _badge(d['verdict']), _counts(d))
        for d in manager['domains'])


def _matrix(data: dict, dest: str) -> str:
    rows = []
    for manager in data['managers']:
        label = manager['run_id'][:8] if manager['run_id'] else 'report'
        rows.append('<tr><th scope="row" class="manager">%s<div class="id">%s</div></th><td>%s</td><td>%s</td>'
                    '<td>%s</td></tr>' % (esc(manager['name']), esc(manager['hostname']), _badge(manager['verdict']),
                                          _link(manager['reports'].get('html'), dest, label), _domains(manager)))
    return ('<table class="matrix"><caption>Managers and their domains</caption><thead><tr><th scope="col">SDDC '
            'Manager</th><th scope="col">Verdict</th><th scope="col">Run report</th><th scope="col">Domains</th>'
            '</tr></thead><tbody>%s</tbody></table>' % ''.join(rows)) if rows else '<p>No SDDC Manager.</p>'


def _checks(data: dict) -> str:
    items = ''.join('<li><span class="sev %s">%s</span> %s</li>' % (g['severity'].lower(), esc(g['severity']),
                                                                    esc(check_phrase(g, data['domains_checked'])))
                    for g in data['checks'])
    return '<ol class="checks">%s</ol>' % items if items else '<p class="none">No check failed or warned.</p>'


def _not_checked(data: dict) -> str:
    items = ''.join('<li><strong>%s</strong> %s %s: %s</li>'
                    % (esc(m['name']), esc(m['hostname'] or ''), _badge(m['verdict']), esc(m['reason']))
                    for m in data['not_checked'])
    return '<ul>%s</ul>' % items if items else '<p class="none">Every SDDC Manager was pre-checked.</p>'


def render_fleet_html(data: dict, dest: str = None) -> bytes:
    """The self-contained fleet page; links to each run report are relative to ``dest``, where the page goes."""
    tally = ', '.join('%d %s' % (data['counts'][v], esc(v)) for v in VERDICT_ORDER if data['counts'].get(v))
    body = '''<header id="summary">
<h1>Fleet upgrade pre-check <span class="verdict %(css)s">%(verdict)s</span></h1>
<p id="managers-line">%(managers)d SDDC Manager%(s)s: %(tally)s. %(domains)d domains pre-checked%(completed)s.</p>
</header>
<section id="matrix">
<h2>Managers and domains</h2>
%(matrix)s
</section>
<section id="checks">
<h2>Checks across the fleet</h2>
%(checks)s
</section>
<section id="not-checked">
<h2>Not pre-checked</h2>
%(not_checked)s
</section>
<footer>Written by the sddc.manager Ansible collection from the pre-check results of each SDDC Manager.</footer>'''
    body = body % dict(
        verdict=esc(data['verdict']), css=VERDICT_CLASS.get(data['verdict'], 'other'), managers=len(data['managers']),
        s='' if len(data['managers']) == 1 else 's', tally=tally or 'none', domains=data['domains_checked'],
        completed=', the last run completed %s' % esc(data['completed']) if data['completed'] else '',
        matrix=_matrix(data, dest), checks=_checks(data), not_checked=_not_checked(data))
    return html_page('Fleet upgrade pre-check: %s' % data['verdict'], body, FLEET_STYLE)
