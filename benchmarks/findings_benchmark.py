# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""How fast, and in how much memory, a large pre-check result is read (the findings walker and the rest).

Generates AssessmentOutput bodies of about 100,000 items in five shapes (wide: 100,000 checks
under one node; deep: chains down to the walker's depth bound; mixed: a realistic tree with an
inventory; scattered: every warning in a domain of its own, past the 1,000 domains the walker keeps;
chatty: one check and one input error carrying all the notifications), runs ``describe_run`` (what
precheck_info returns) on each and prints wall time, peak memory (tracemalloc, the reading alone),
the JSON body's size, the time of the verdict that follows (fail_on=warning), and the time of the
redaction every result passes (with a password, and with a pass phrase, whose cut pieces may span words).
Goals: under 1 s, and peak under 4x the body.

Usage: python benchmarks/findings_benchmark.py [--nodes 100000] [--repeat 3]
"""

import argparse
import json
import time
import tracemalloc

from ansible_collections.sddc.manager.plugins.module_utils.findings import MAX_DEPTH
from ansible_collections.sddc.manager.plugins.module_utils.precheck_verdict import Verdict
from ansible_collections.sddc.manager.plugins.module_utils.redact import Redactor
from ansible_collections.sddc.manager.plugins.module_utils.run_result import describe_run

SEVERITIES = ('CRITICAL', 'WARNING', 'OPTIONAL')
TOKEN = 'sim-access-0123456789abcdef0123456789abcdef'
PASSWORDS = ('VMware1!VMware1!', 'correct horse  battery staple')   # a password, a pass phrase


def check(index, failed):
    context = {'validationStatus': 'VALIDATION_FAILED' if failed else 'VALIDATION_SUCCESSFUL',
               'validatorDefinitionId': 'check-%d' % index, 'validationName': 'Check number %d' % index}
    if failed:
        context['importanceLevel'] = SEVERITIES[index % 3]
    return {'errorCode': 'BASELINER_CONSTRAINT_VALIDATION.x', 'message': 'Check %d found something to report' % index,
            'remediationMessage': 'Do the thing number %d' % index, 'context': context}


def wide(nodes):
    """Every check under one node; one in ten fails."""
    return {'status': 'COMPLETED_WITH_FAILURE',
            'validationResult': {'nestedErrors': [check(i, i % 10 == 0) for i in range(nodes - 1)]}}


def deep(nodes):
    """Chains of grouping nodes down to the depth bound, a failed check at the bottom of each."""
    chains = []
    per_chain = MAX_DEPTH
    for chain in range(max(1, nodes // per_chain)):
        leaf = check(chain, True)
        for dummy in range(per_chain - 2):
            leaf = {'errorCode': 'GROUP', 'message': 'group', 'nestedErrors': [leaf]}
        chains.append(leaf)
    return {'status': 'COMPLETED_WITH_FAILURE', 'validationResult': {'nestedErrors': chains}}


def mixed(nodes):
    """Domains, resources and checks three levels deep, and the same failures as inventory leaves."""
    domains, inventory, index = [], [], 0
    per_resource = 50
    resources_per_domain = 20
    while index < nodes // 2:
        resources, inv_resources = [], []
        for resource in range(resources_per_domain):
            checks = [check(index + i, (index + i) % 25 == 0) for i in range(per_resource)]
            failed = [c for c in checks if c['context']['validationStatus'] == 'VALIDATION_FAILED']
            resources.append({'message': 'resource %d' % resource, 'nestedErrors': checks})
            inv_resources.append({'name': 'resource-%d.example.com' % resource, 'childEntities': [
                {'name': c['context']['validationName'], 'classifications': [
                    {'value': 'ERROR', 'description': c['message']}]} for c in failed]})
            index += per_resource
        domains.append({'message': 'domain', 'nestedErrors': resources})
        inventory.append({'name': 'wld-%d' % len(inventory), 'type': 'domain', 'childEntities': inv_resources})
    return {'status': 'COMPLETED_WITH_FAILURE', 'validationResult': {'nestedErrors': domains},
            'physicalPresentedData': {'name': 'vSphere', 'childEntities': inventory}}


def scattered(nodes):
    """Inventory only: every node a domain of its own with one warning (the most domains a body can name)."""
    return {'status': 'COMPLETED_WITH_FAILURE', 'physicalPresentedData': {'name': 'vSphere', 'childEntities': [
        {'name': 'wld-%d' % index, 'type': 'DOMAIN', 'classifications': [
            {'value': 'WARNING', 'description': 'Warning number %d' % index}]} for index in range(nodes - 1)]}}


def chatty(nodes):
    """One failed check carrying half the items as notifications, and an input error carrying the other half."""
    half = nodes // 2
    notifications = [{'severity': 'WARNING', 'message': 'Notification %d' % index,
                      'remediations': [{'message': 'Remedy %d' % index}]} for index in range(half)]
    return {'status': 'COMPLETED_WITH_FAILURE',
            'validationResult': {'context': {'validationStatus': 'VALIDATION_FAILED'}, 'notifications': notifications},
            'inputValidationErrors': [{'message': 'Bad input', 'notifications': [
                {'remediations': [{'message': 'Fix %d' % index} for index in range(half)]}]}]}


def measure(name, body, repeat):
    size = len(json.dumps(body).encode('utf-8'))
    times = []
    for dummy in range(repeat):
        start = time.perf_counter()
        described = describe_run('benchmark', body)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    describe_run('benchmark', body)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    start = time.perf_counter()
    Verdict(described, 'warning')   # every warning fails: what wait_for_precheck does after reading the run
    gate_time = time.perf_counter() - start
    redact_times = []
    for password in PASSWORDS:
        start = time.perf_counter()
        Redactor(password, TOKEN).value(described)
        redact_times.append(time.perf_counter() - start)
    best = min(times)
    figures = (name, size / 1e6, len(described['findings']), best, 'met' if best < 1 else 'NOT met',
               peak / 1e6, peak / float(size), 'met' if peak < 4 * size else 'NOT met', gate_time) + tuple(redact_times)
    print('%-9s body %6.1f MB  findings %6d  best %6.3f s (goal < 1 s: %s)  peak %6.1f MB = %.2fx body '
          '(goal < 4x: %s)  verdict %.3f s  redact %.3f s (pass phrase %.3f s)' % figures)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n', maxsplit=1)[0])
    parser.add_argument('--nodes', type=int, default=100000)
    parser.add_argument('--repeat', type=int, default=3)
    args = parser.parse_args()
    print('findings walker, %d nodes, best of %d' % (args.nodes, args.repeat))
    for name, build in (('wide', wide), ('deep', deep), ('mixed', mixed), ('scattered', scattered), ('chatty', chatty)):
        measure(name, build(args.nodes), args.repeat)


if __name__ == '__main__':
    main()
