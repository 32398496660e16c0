# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""trend: counts over time and each finding's life, per SDDC Manager, from a folder of JSON reports."""

import json

from ansible_collections.sddc.manager.plugins.module_utils.trend import render_trend_html, trend_data


def write(folder, run_id, day, findings, host='https://sddc-a'):
    report = dict(run_id=run_id, completed='2026-11-%02dT10:00:00.000Z' % day, verdict='BLOCKED',
                  appliance={'hostname': host}, summary={'error': 1, 'warning': 0, 'domains': [
                      {'domain': 'wld-01', 'error': len(findings), 'warning': 0}]}, findings=findings)
    (folder / ('precheck-%s.json' % run_id)).write_text(json.dumps(report))


def finding(check, message='m', severity='ERROR'):
    return dict(id=check, name=check, severity=severity, resource='vc-01', domain='wld-01', message=message)


def test_a_finding_is_followed_across_runs_and_managers_are_kept_apart(tmp_path):
    write(tmp_path, 'r1', 1, [finding('license'), finding('gone')])
    write(tmp_path, 'r2', 8, [finding('license', message='reworded')])
    write(tmp_path, 'r3', 15, [finding('license'), finding('fresh')])
    write(tmp_path, 'b1', 10, [finding('other')], host='https://sddc-b')
    (tmp_path / 'precheck-notes.json').write_text('{"not": "a report"}')
    (tmp_path / 'precheck-trend.json').write_text('{"managers": []}')
    data = trend_data(str(tmp_path))
    assert data['reports'] == 4 and data['skipped'] == ['precheck-notes.json']
    managers = dict((m['manager'], m) for m in data['managers'])
    assert sorted(managers) == ['https://sddc-a', 'https://sddc-b']
    a = managers['https://sddc-a']
    assert [r['run_id'] for r in a['runs']] == ['r1', 'r2', 'r3']
    lives = dict((f['id'], f) for f in a['findings'])
    assert (lives['license']['runs'], lives['license']['days_open'], lives['license']['open']) == (
        ['r1', 'r2', 'r3'], 14, True)
    assert lives['gone']['open'] is False and lives['fresh']['days_open'] == 0
    assert [f['id'] for f in a['findings']][:2] == ['license', 'fresh'], 'the oldest open blocker first'
    assert 'other' not in lives


def test_the_page_escapes_and_loads_nothing(tmp_path):
    write(tmp_path, 'r1', 1, [finding('<script>x()</script>')], host='<b>host</b>')
    page = render_trend_html(trend_data(str(tmp_path))).decode('utf-8')
    assert '<script>x()' not in page and '&lt;script&gt;' in page and '&lt;b&gt;host' in page
    assert "default-src 'none'" in page
    for outside in ('<script', '<link', '<img', 'url('):
        assert outside not in page
