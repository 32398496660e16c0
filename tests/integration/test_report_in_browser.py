# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The HTML report in a real browser: headless Chromium loads it from disk, and the rendered DOM is read.

Every request Chromium makes goes through a recording proxy on loopback, so "no request leaves
the page" is something the test sees, not something it assumes: a control page with one external
image shows the proxy does see a page's requests. Chromium's own housekeeping (component updates,
account and time services) goes through the proxy too and is told apart by host. Skipped, saying
so, where Debian's chromium package is not installed (.ci/run installs it).
"""

import json
import os
import re
import shutil
import subprocess
import threading
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import MARKUP
from test_role_upgrade_precheck import reports, role_task, role_vars

CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser')
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason='chromium is not installed (apt-get install chromium): the HTML report is not checked '
                             'in a browser')


# Hosts Chromium itself calls, whatever page it shows (seen on a blank page with the same flags).
CHROMIUM_SERVICES = re.compile(r'(^|\.)(google\.com|googleapis\.com|gvt1\.com)$')


def page_requests(seen):
    """The recorded requests that Chromium's own services do not explain."""
    hosts = [(line, re.sub(r'^\w+ (https?://)?([^/:]+).*$', r'\2', line)) for line in seen]
    return [line for line, host in hosts if not CHROMIUM_SERVICES.search(host)]


class Recorder(BaseHTTPRequestHandler):
    """A proxy that answers nothing and remembers every request sent to it."""

    seen = []

    def _record(self):
        Recorder.seen.append('%s %s' % (self.command, self.path))
        self.send_response(404)
        self.send_header('Content-Length', '0')
        self.end_headers()

    do_GET = do_POST = do_CONNECT = do_HEAD = _record   # noqa: N815

    def log_message(self, fmt, *args):  # pylint: disable=arguments-differ
        pass


@pytest.fixture
def recording_proxy():
    Recorder.seen = []
    server = ThreadingHTTPServer(('127.0.0.1', 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield 'http://127.0.0.1:%d' % server.server_address[1]
    server.shutdown()
    server.server_close()


def chromium(*args, proxy, profile):
    command = [CHROMIUM, '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
               '--user-data-dir=%s' % profile,
               '--disable-background-networking', '--disable-component-update', '--disable-sync',
               '--disable-default-apps', '--proxy-server=%s' % proxy, '--proxy-bypass-list=<-loopback>'] + list(args)
    home = os.path.join(profile, 'home')   # Chromium's crash reports and caches stay in the test's folder
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, '.config'),
               XDG_CACHE_HOME=os.path.join(home, '.cache'))
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False, env=env)


class Page(HTMLParser):
    """What the rendered DOM holds: elements by tag, ids, the title, and the text of each table cell."""

    def __init__(self):
        super().__init__()
        self.tags, self.ids, self.cells, self.title = [], set(), [], ''
        self._in = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.ids.update(value for name, value in attrs if name == 'id')
        self._in.append(tag)
        if tag == 'td':
            self.cells.append('')

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        if 'title' in self._in:
            self.title += data
        if 'td' in self._in and self.cells:
            self.cells[-1] += data


def test_the_report_renders_escapes_and_loads_nothing(markup_domain, ansible, tmp_path, recording_proxy):
    result = ansible.playbook([role_task(**role_vars(markup_domain, tmp_path, upgrade_precheck_domains=['wld-<i>x</i>'],
                                                     upgrade_precheck_fail_on='never'))])
    assert result.rc == 0, result
    run_id = reports(tmp_path)[1][0]
    page_path = str(tmp_path / ('precheck-%s.html' % run_id))
    control = tmp_path / 'control.html'
    control.write_text('<html><body><img src="http://sentinel.example.net/pixel.png"></body></html>')
    profile = str(tmp_path / 'chromium-profile')
    chromium('--dump-dom', 'file://%s' % control, proxy=recording_proxy, profile=profile)
    assert [line for line in page_requests(Recorder.seen) if 'sentinel.example.net' in line], 'the proxy sees pages'
    Recorder.seen = []
    dumped = chromium('--dump-dom', 'file://' + page_path, proxy=recording_proxy, profile=profile)
    assert dumped.returncode == 0 and '<body' in dumped.stdout, dumped.stderr[-2000:]
    page = Page()
    page.feed(dumped.stdout)
    assert {'summary', 'counts', 'findings'} <= page.ids, 'every section is there'
    assert page.title.startswith('Upgrade pre-check %s: BLOCKED' % run_id), 'no script changed the title'
    assert 'script' not in page.tags and 'img' not in page.tags and 'i' not in page.tags, 'markup stayed text'
    assert MARKUP in page.cells, 'the message shows as text, ampersand and all'
    assert 'Fix & retry <img src=x onerror=alert(1)>' in ''.join(page.cells)
    assert any(cell.startswith('Read it') for cell in page.cells) and page.tags.count('a') == 1
    assert page_requests(Recorder.seen) == [], 'no request left the page'
    shot = str(tmp_path / 'report.png')
    taken = chromium('--screenshot=%s' % shot, '--window-size=1200,1400', 'file://' + page_path,
                     proxy=recording_proxy, profile=profile)
    assert taken.returncode == 0 and os.path.getsize(shot) > 10000, taken.stderr[-2000:]
    assert page_requests(Recorder.seen) == []


def test_the_trend_of_100_reports_renders_escapes_and_loads_nothing(ansible, tmp_path, recording_proxy):
    reports_dir = tmp_path / 'reports'
    reports_dir.mkdir()
    for week in range(100):
        findings = [dict(id='check-%d' % index, name='Check <b>%d</b>' % index, severity='ERROR' if index % 5 else
                         'WARNING', resource='vc-%d' % (index % 3), domain='wld-<i>%d</i>' % (index % 2),
                         message=MARKUP) for index in range(week % 7, week % 7 + 10)]
        completed = '2026-%02d-%02dT10:00:00.000Z' % (1 + week // 28, 1 + week % 28)
        report = dict(run_id='run-%03d' % week, completed=completed,
                      verdict='BLOCKED', appliance={'hostname': 'https://sddc-<u>a</u>'}, findings=findings,
                      summary={'error': 8, 'warning': 2, 'domains': [{'domain': 'wld-<i>0</i>', 'error': 4}]})
        (reports_dir / ('precheck-run-%03d.json' % week)).write_text(json.dumps(report))
    result = ansible.playbook([{'name': 'trend', 'sddc.manager.precheck_trend': {'src': str(reports_dir)},
                                'register': 'trend'}])
    assert result.rc == 0 and result.task()['reports'] == 100, result
    profile = str(tmp_path / 'chromium-profile')
    dumped = chromium('--dump-dom', 'file://%s' % (reports_dir / 'precheck-trend.html'), proxy=recording_proxy,
                      profile=profile)
    assert dumped.returncode == 0 and '<body' in dumped.stdout, dumped.stderr[-2000:]
    page = Page()
    page.feed(dumped.stdout)
    assert page.title == 'Upgrade pre-check trend'
    assert 'script' not in page.tags and 'b' not in page.tags and 'i' not in page.tags and 'u' not in page.tags
    assert 'Check <b>9</b>' in page.cells and 'wld-<i>0</i>' in page.cells, 'markup shows as text'
    assert page_requests(Recorder.seen) == [], 'no request left the page'


def test_the_fleet_page_renders_escapes_and_loads_nothing(ansible, tmp_path, recording_proxy):
    hostile = dict(name='sfo-<b>m01</b>', hostname='https://sddc-<u>a</u>', verdict='BLOCKED', run_id='run-1',
                   reasons=[], domains=[dict(name='wld-<i>1</i>', verdict='BLOCKED', error=1, warning=0)],
                   checks=[dict(check='<script>document.title="owned"</script>', severity='ERROR',
                                domain='wld-<i>1</i>', blocking=True)], reports={})
    managers = [hostile, dict(name='lab', hostname='lab.example.com', reason=MARKUP)]
    result = ansible.playbook([{'name': 'fleet', 'sddc.manager.fleet_report': {
        'dest': str(tmp_path / 'fleet'), 'managers': managers}, 'register': 'fleet'}])
    assert result.rc == 0 and result.task()['verdict'] == 'BLOCKED', result
    page_path = result.task()['html']
    profile = str(tmp_path / 'chromium-profile')
    dumped = chromium('--dump-dom', 'file://' + page_path, proxy=recording_proxy, profile=profile)
    assert dumped.returncode == 0 and '<body' in dumped.stdout, dumped.stderr[-2000:]
    page = Page()
    page.feed(dumped.stdout)
    assert page.title == 'Fleet upgrade pre-check: BLOCKED', 'no script changed the title'
    assert {'summary', 'matrix', 'checks', 'not-checked'} <= page.ids
    assert not {'script', 'b', 'i', 'u'} & set(page.tags), 'markup stayed text'
    assert 'sfo-<b>m01</b>' in dumped.stdout.replace('&lt;', '<').replace('&gt;', '>')
    assert page_requests(Recorder.seen) == [], 'no request left the page'
    shot = str(tmp_path / 'fleet.png')
    taken = chromium('--screenshot=%s' % shot, '--window-size=1200,900', 'file://' + page_path,
                     proxy=recording_proxy, profile=profile)
    assert taken.returncode == 0 and os.path.getsize(shot) > 10000, taken.stderr[-2000:]
    assert page_requests(Recorder.seen) == []
