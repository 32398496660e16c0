# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark: the fleet play (upgrade_precheck then fleet_report) against N simulated SDDC Managers. Prints figures.

    .venv/bin/python benchmarks/fleet_benchmark.py --managers 10 50 --duration 20

One simulator process serves the N managers (--managers), each with its own state; every pre-check
run takes --duration seconds, the export is off. The play runs with one fork per manager, as the fleet
guide recommends. Printed per N:

- wall: the whole ansible-playbook run (the inventory read included);
- above run: wall minus the run's duration (the cost of the fleet around the waiting);
- CPU: user + system time of ansible-playbook and every process it started (resource.getrusage of the
  waited-for children; the simulator is a separate process, not counted);
- peak PSS/N: the largest proportional set size of the whole ansible-playbook process tree, sampled every
  0.2 s from /proc, divided by N;
- logins/N: logins the simulator counted for the role runs (the inventory's own read, one per manager,
  taken off), per manager; requests/N likewise, for the whole play.

Goals: N = 50 within the run's duration + 60 s; one login per manager.
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

import requests

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(REPO, 'tests', 'integration'))

from sim_harness import PASSWORD, SIMULATOR_DIR, USER, ansible_command, installed_collections  # noqa: E402


def start_simulators(workdir, count, duration):
    scenario = os.path.join(workdir, 'scenario.json')
    with open(scenario, 'w') as handle:
        json.dump({'precheck': {'duration': duration, 'steps': 4}}, handle)
    url_file = os.path.join(workdir, 'urls')
    log = open(os.path.join(workdir, 'simulator.log'), 'w')
    process = subprocess.Popen([sys.executable, '-m', 'sddc_manager_sim', '--port', '0', '--managers', str(count),
                                '--scenario', scenario, '--url-file', url_file], cwd=SIMULATOR_DIR, stdout=log,
                               stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while not os.path.exists(url_file):
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError('the simulator did not start; see %s' % log.name)
        time.sleep(0.05)
    with open(url_file) as handle:
        return process, [line.strip() for line in handle if line.strip()]


def write_fleet(workdir, urls):
    inventory = os.path.join(workdir, 'fleet.sddc_managers.yml')
    with open(inventory, 'w') as handle:
        handle.write('plugin: sddc.manager.sddc_managers\nusername: %s\nmax_workers: 16\nmanagers:\n' % USER)
        for index, url in enumerate(urls):
            handle.write('  - {hostname: "%s", name: sddc-%02d}\n' % (url, index + 1))
    os.makedirs(os.path.join(workdir, 'group_vars'))
    with open(os.path.join(workdir, 'group_vars', 'sddc_managers.yml'), 'w') as handle:
        handle.write('sddc_manager_username: %s\n' % USER)   # the password comes from the environment
    play = [{'name': 'Pre-check the fleet', 'hosts': 'sddc_managers', 'gather_facts': False, 'roles': [
        {'role': 'sddc.manager.upgrade_precheck',
         'vars': {'upgrade_precheck_dest': os.path.join(workdir, 'reports'), 'upgrade_precheck_export': False,
                  'upgrade_precheck_poll_interval': 2, 'upgrade_precheck_domains': 'all'}},
        {'role': 'sddc.manager.fleet_report', 'vars': {'fleet_report_dest': os.path.join(workdir, 'fleet'),
                                                       'fleet_report_fail_on': 'never'}}]}]
    path = os.path.join(workdir, 'fleet.yml')
    with open(path, 'w') as handle:
        json.dump(play, handle)
    return inventory, path


def tree_pss(root: int) -> int:
    """The summed PSS (bytes) of ``root`` and all its descendants, from /proc."""
    children = {}
    for entry in os.listdir('/proc'):
        if entry.isdigit():
            try:
                with open('/proc/%s/stat' % entry) as handle:
                    parent = int(handle.read().rsplit(')', 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        pending.extend(children.get(pid, []))
        try:
            with open('/proc/%d/smaps_rollup' % pid) as handle:
                for line in handle:
                    if line.startswith('Pss:'):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            continue
    return total


def run_fleet(count, duration):
    workdir = tempfile.mkdtemp(prefix='fleet-benchmark-')
    simulator, urls = start_simulators(workdir, count, duration)
    try:
        inventory, play = write_fleet(workdir, urls)
        env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=installed_collections(), SDDC_MANAGER_PASSWORD=PASSWORD,
                   ANSIBLE_FORKS=str(count), ANSIBLE_HOME=os.path.join(workdir, 'ansible-home'),
                   ANSIBLE_LOCALHOST_WARNING='0', ANSIBLE_NOCOLOR='1')
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.monotonic()
        log_path = os.path.join(workdir, 'ansible-playbook.log')
        with open(log_path, 'wb') as log:   # a file, not a pipe: 50 hosts' output would fill a pipe and stall the play
            process = subprocess.Popen([ansible_command('ansible-playbook'), '-i', inventory, play], env=env,
                                       cwd=workdir, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            peak = 0
            while process.poll() is None:
                peak = max(peak, tree_pss(process.pid))
                time.sleep(0.2)
        with open(log_path, 'rb') as log:
            output = log.read().decode('utf-8', 'replace')
        wall = time.monotonic() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if process.returncode != 0:
            raise RuntimeError('the fleet play failed (rc %s):\n%s' % (process.returncode, output[-3000:]))
        stats = [requests.get(url + '/sim/stats', timeout=10).json() for url in urls]
        logins = sum(s['logins'] for s in stats) - count   # the inventory's own read logs in once per manager
        fleet_pages = [name for name in os.listdir(os.path.join(workdir, 'fleet')) if name.endswith('.json')]
        with open(os.path.join(workdir, 'fleet', fleet_pages[0])) as handle:
            managers = len(json.load(handle)['managers'])
        return dict(wall=wall, cpu=(after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
                    peak=peak, logins=logins / count, requests=sum(s['requests'] for s in stats) / count,
                    managers=managers)
    finally:
        simulator.terminate()
        simulator.wait(10)
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--managers', type=int, nargs='+', default=[10, 50])
    parser.add_argument('--duration', type=float, default=20.0, help='seconds each pre-check run takes')
    args = parser.parse_args()
    print('fleet play (upgrade_precheck then fleet_report), runs of %g s, export off, one fork per manager, '
          '%d cores' % (args.duration, os.cpu_count()))
    for count in args.managers:
        figures = run_fleet(count, args.duration)
        above = figures['wall'] - args.duration
        print('N=%-3d wall %6.1f s  above run %5.1f s (goal <= 60 s: %s)  CPU %6.1f s  peak PSS/N %5.1f MB  '
              'logins/N %.2f (goal 1: %s)  requests/N %.1f  managers on the page %d'
              % (count, figures['wall'], above, 'met' if above <= 60 else 'NOT met', figures['cpu'],
                 figures['peak'] / count / 1e6, figures['logins'], 'met' if figures['logins'] == 1 else 'NOT met',
                 figures['requests'], figures['managers']))


if __name__ == '__main__':
    main()
