# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""How fast the history is read: a diff of two runs of 10,000 findings, and a trend over 100 reports of 1,000.

The diff compares two findings lists that share two thirds of their findings (the rest new, resolved
or changed in severity, the messages reworded); the trend reads a folder of JSON reports such as the
upgrade_precheck role writes and renders its page and JSON. Prints the best wall time of each and
whether it meets its goal (diff under 1 s, trend under 2 s). Not a test.

Usage: python benchmarks/history_benchmark.py [--findings 10000] [--reports 100] [--per-report 1000] [--repeat 3]
"""

import argparse
import json
import os
import shutil
import tempfile
import time

from ansible_collections.sddc.manager.plugins.module_utils.run_diff import compare
from ansible_collections.sddc.manager.plugins.module_utils.trend import render_trend_html, render_trend_json, trend_data


def finding(index, week=0):
    return dict(id='check-%d' % (index % 97), name='Check %d' % (index % 97), resource='esx-%d.example.com' % index,
                domain='wld-%d' % (index % 5), severity='ERROR' if index % 4 == 0 else 'WARNING',
                message='Finding %d, as worded in week %d' % (index, week), remediation='Fix %d' % index)


def best(function, repeat):
    times = []
    for dummy in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n', maxsplit=1)[0])
    parser.add_argument('--findings', type=int, default=10000)
    parser.add_argument('--reports', type=int, default=100)
    parser.add_argument('--per-report', type=int, default=1000)
    parser.add_argument('--repeat', type=int, default=3)
    args = parser.parse_args()
    size = args.findings
    baseline = [finding(i) for i in range(size)]
    current = [finding(i, week=1) for i in range(size // 3, size + size // 3)]
    for changed in current[::10]:
        changed['severity'] = 'ERROR'
    took = best(lambda: compare(current, baseline), args.repeat)
    verdict = 'met' if took < 1 else 'NOT met'
    print('diff of two runs of %d findings: best %.3f s (goal < 1 s: %s)' % (size, took, verdict))
    folder = tempfile.mkdtemp(prefix='history-benchmark-')
    try:
        for week in range(args.reports):
            findings = [finding(i, week) for i in range(week * 7, week * 7 + args.per_report)]
            report = dict(run_id='run-%04d' % week, completed='2026-%02d-%02dT10:00:00.000Z' % (
                1 + week // 28 % 12, 1 + week % 28), verdict='BLOCKED', appliance={'hostname': 'https://sddc'},
                summary={'error': 0, 'warning': 0, 'domains': []}, findings=findings)
            with open(os.path.join(folder, 'precheck-run-%04d.json' % week), 'w') as handle:
                json.dump(report, handle)

        def trend():
            data = trend_data(folder)
            render_trend_json(data)
            render_trend_html(data)
        took = best(trend, args.repeat)
        print('trend over %d reports of %d findings: best %.3f s (goal < 2 s: %s)' % (
            args.reports, args.per_report, took, 'met' if took < 2 else 'NOT met'))
    finally:
        shutil.rmtree(folder)


if __name__ == '__main__':
    main()
