# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""fleet_page: the self-contained page and its JSON: escaped, no script, links relative, the same bytes again."""

import json

from ansible_collections.sddc.manager.plugins.module_utils.fleet import fleet_data, manager_outcome, not_checked
from ansible_collections.sddc.manager.plugins.module_utils.fleet_page import render_fleet_html, render_fleet_json

HOSTILE = '<script>alert(1)</script><img src=http://evil.example/x>'


def fleet():
    blocked = manager_outcome(dict(verdict='BLOCKED', verdict_reasons=[], domains=['w01'], failing=[
        dict(id=HOSTILE, severity='ERROR', domain='w01')], findings=[dict(id=HOSTILE, severity='ERROR', domain='w01')],
        summary=dict(error=1, domains=[dict(domain='w01', error=1)]), appliance=dict(hostname='sfo.example.com'),
        run_id='r1'), 'sfo', dict(html='/reports/sfo/precheck-r1.html'))
    return fleet_data([blocked, not_checked('lab', 'lab.example.com', HOSTILE)])


def test_every_value_is_escaped_and_nothing_is_loaded():
    page = render_fleet_html(fleet(), '/reports/fleet').decode('utf-8')
    assert '<script' not in page and '<img' not in page and '&lt;script&gt;' in page
    assert "default-src 'none'" in page and 'href="http' not in page and '&lt;img src=http://evil' in page


def test_the_page_links_each_run_report_relative_to_itself():
    page = render_fleet_html(fleet(), '/reports/fleet').decode('utf-8')
    assert '<a href="../sfo/precheck-r1.html">r1</a>' in page
    assert 'vcenter' not in page and 'fails on 1 of 1 domain' in page and 'lab.example.com' in page


def test_the_same_fleet_gives_the_same_bytes():
    assert render_fleet_html(fleet(), '/d') == render_fleet_html(fleet(), '/d')
    data = json.loads(render_fleet_json(fleet()))
    assert data['verdict'] == 'BLOCKED' and [m['name'] for m in data['managers']] == ['sfo', 'lab']
    assert data['managers'][0]['domains'] == [dict(name='w01', verdict='BLOCKED', error=1, warning=0, info=0,
                                                   passed=0)]
    assert data['managers'][1]['reason'] == HOSTILE   # JSON keeps the text; only the page escapes
