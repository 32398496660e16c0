# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark: four ways to wait for the same export, against the simulator. Prints figures.

    make benchmark            (or: .venv/bin/python benchmarks/wait_benchmark.py --duration 20 --interval 1)

1. sddc.manager.wait_for_precheck_export (this collection's action)
2. the loop users write today: ansible.builtin.uri with until/retries/delay, after one uri login
3. ansible.builtin.pause for the same time: Ansible's own CPU floor for any task that waits
4. a bare Python requests.Session loop: the physical floor

CPU is the user+system time of every process of the method (resource.getrusage of the waited-for
children: ansible-playbook and all its forks). Connections, requests and logins are counted by the
simulator. Detection latency is from the moment the export turned terminal (the simulator's
clock) to the moment the method's process returned.

"CPU/poll" is (CPU - pause CPU) / polls: it carries each method's one-time start-up (imports,
login). "marginal/poll" isolates the cost of one more poll: the action and the bare loop run a
second time over the same export polling twenty times as often; the wall time, and so Ansible's
floor, is the same, so (CPU fast - CPU slow) / (polls fast - polls slow) is the cost of a poll.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(REPO, 'tests', 'integration'))

from sim_harness import (  # noqa: E402  pylint: disable=wrong-import-position
    PASSWORD,
    USER,
    Simulator,
    ansible_command,
    installed_collections,
)

RUN_ID = '7d0c1e2f-3a4b-4c5d-9e6f-708192a3b4c5'
SHORT_EXPORT = 4.0   # seconds: an export that finishes well inside one default poll interval


def action_tasks(url, interval, duration):
    """The action; ``interval`` None leaves poll_interval at its default (10 s)."""
    options = {'hostname': url, 'username': USER, 'password': PASSWORD, 'run_id': RUN_ID,
               'timeout': max(duration * 5, 60)}
    if interval is not None:
        options['poll_interval'] = interval
    return [{'name': 'wait with the action', 'sddc.manager.wait_for_precheck_export': options}]


def playbooks(url, interval, duration):
    """The three Ansible ways, as playbooks (JSON is YAML)."""
    uri = [
        {'name': 'log in once', 'ansible.builtin.uri': {
            'url': url + '/v1/tokens', 'method': 'POST', 'body_format': 'json', 'status_code': [200, 201],
            'body': {'username': USER, 'password': PASSWORD}}, 'register': 'login', 'no_log': True},
        {'name': 'poll with uri until finished', 'ansible.builtin.uri': {
            'url': url + '/v1/system/check-sets/%s/exports' % RUN_ID,
            'headers': {'Authorization': 'Bearer {{ login.json.accessToken }}'}},
         'register': 'export', 'until': "export.json.status | upper in ['COMPLETED', 'FAILED']",
         'retries': int(duration * 5 / interval), 'delay': interval},
    ]
    pause = [{'name': 'pause as long', 'ansible.builtin.pause': {'seconds': duration}}]
    return {'action': action_tasks(url, interval, duration), 'uri loop': uri, 'pause': pause}


def write_playbook(workdir, name, tasks):
    path = os.path.join(workdir, name.replace(' ', '_') + '.yml')
    with open(path, 'w') as handle:
        json.dump([{'hosts': 'localhost', 'gather_facts': False, 'tasks': tasks}], handle)
    return path


def run_measured(command, env):
    """Run a command to completion; its wall time, CPU of it and all its children, and end time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    end = time.time()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode != 0:
        raise SystemExit('%s failed:\n%s%s' % (command[0], completed.stdout[-3000:], completed.stderr[-3000:]))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return dict(wall=end - start, cpu=cpu, end=end, stdout=completed.stdout)


def measure(sim, name, command, env, duration):
    sim.scenario(exports=[{'run_id': RUN_ID, 'started': True, 'duration': duration, 'queued_seconds': 0}])
    figures = run_measured(command, env)
    stats = sim.stats()
    terminal_at = sim.export_info(RUN_ID)['terminal_at']
    polls = len([e for e in stats['log'] if e[1].endswith('/exports')])
    figures.update(name=name, requests=stats['requests'], connections=stats['connections'], logins=stats['logins'],
                   polls=polls, latency=(figures['end'] - terminal_at) if terminal_at else None)
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n', maxsplit=1)[0])
    parser.add_argument('--duration', type=float, default=20.0, help='seconds the export takes (20)')
    parser.add_argument('--interval', type=float, default=1.0, help='poll interval in seconds (1)')
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix='sddc-bench-')
    sim = Simulator(workdir)
    env = dict(os.environ, ANSIBLE_LOCALHOST_WARNING='0', ANSIBLE_INVENTORY_UNPARSED_WARNING='0',
               ANSIBLE_COLLECTIONS_PATH=installed_collections())
    try:
        results = []
        for name, tasks in playbooks(sim.url, args.interval, args.duration).items():
            path = write_playbook(workdir, name, tasks)
            results.append(measure(sim, name, [ansible_command('ansible-playbook'), path], env, args.duration))
        results.append(measure(sim, 'bare requests loop', bare_command(sim, args.interval), env, args.duration))
        fast = args.interval / 20
        path = write_playbook(workdir, 'action fast', action_tasks(sim.url, fast, args.duration))
        marginal = {
            'action': measure(sim, 'action fast', [ansible_command('ansible-playbook'), path], env, args.duration),
            'bare requests loop': measure(sim, 'bare fast', bare_command(sim, fast), env, args.duration),
        }
        path = write_playbook(workdir, 'action short', action_tasks(sim.url, None, SHORT_EXPORT))
        short = measure(sim, 'short', [ansible_command('ansible-playbook'), path], env, SHORT_EXPORT)
    finally:
        sim.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    report(results, marginal, args)
    print('a %g s export with the default poll_interval (10 s): the action returned after %.1f s, %d polls, '
          '%.2f s after the export finished (polling every 10 s from the start: up to 10 s after).'
          % (SHORT_EXPORT, short['wall'], short['polls'], short['latency']))


def bare_command(sim, interval):
    return [sys.executable, os.path.join(HERE, 'bare_poll_loop.py'), sim.url, RUN_ID, str(interval), USER, PASSWORD]


def report(results, marginal, args):
    by_name = dict((r['name'], r) for r in results)
    floor = by_name['pause']['cpu']
    for name, fast in marginal.items():
        slow = by_name[name]
        slow['marginal'] = (fast['cpu'] - slow['cpu']) / (fast['polls'] - slow['polls'])
    uri = by_name['uri loop']
    uri['marginal'] = (uri['cpu'] - floor) / uri['polls']
    print('Waiting for one %.0f s export, polled every %g s (Python %s, %d cores)' % (
        args.duration, args.interval, '.'.join(map(str, sys.version_info[:3])), os.cpu_count()))
    header = '%-19s %7s %7s %11s %11s %15s %8s %11s %6s %9s' % (
        'method', 'wall s', 'CPU s', 'CPU>floor s', 'CPU/poll ms', 'marginal/poll ms', 'requests',
        'connections', 'logins', 'latency s')
    print(header)
    print('-' * len(header))
    for r in results:
        above = r['cpu'] - floor
        waits = r['name'] != 'pause'
        ansible = r['name'] != 'bare requests loop'   # the floor is Ansible's; the bare loop has none
        print('%-19s %7.2f %7.2f %11s %11s %15s %8d %11d %6d %9s' % (
            r['name'], r['wall'], r['cpu'], '%.2f' % above if waits and ansible else '-',
            '%.1f' % (above / r['polls'] * 1000) if waits and ansible else '-',
            '%.2f' % (r['marginal'] * 1000) if 'marginal' in r else '-',
            r['requests'], r['connections'], r['logins'], '%.2f' % r['latency'] if waits else '-'))
    action, bare = by_name['action'], by_name['bare requests loop']
    print()
    print('marginal CPU per poll, action / bare loop: %.2fx (goal <= 1.5x)' % (action['marginal'] / bare['marginal']))
    print('marginal CPU per poll, uri loop / action: %.0fx (goal >= 20x)' % (uri['marginal'] / action['marginal']))
    print('action: %d TCP connection(s), %d login(s) per wait; detection latency %.2f s (goal <= %.1f s)' % (
        action['connections'], action['logins'], action['latency'], args.interval + 0.5))


if __name__ == '__main__':
    main()
