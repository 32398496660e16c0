# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The physical floor: log in once, then GET the export every INTERVAL s with one requests.Session.

Usage: python bare_poll_loop.py URL RUN_ID INTERVAL USER PASSWORD; prints JSON {polls, loop_cpu}.
"""

import json
import sys
import time

import requests


def main(url, run_id, interval, user, password):
    session = requests.Session()
    token = session.post(url + '/v1/tokens', json={'username': user, 'password': password}, timeout=30).json()
    session.headers['Authorization'] = 'Bearer ' + token['accessToken']
    polls = 0
    cpu_start = time.process_time()
    while True:
        polls += 1
        status = session.get(url + '/v1/system/check-sets/%s/exports' % run_id, timeout=30).json()['status']
        if status.upper() in ('COMPLETED', 'FAILED'):
            break
        time.sleep(interval)
    print(json.dumps({'polls': polls, 'loop_cpu': time.process_time() - cpu_start}))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4], sys.argv[5])
