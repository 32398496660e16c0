#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r'''
module: precheck
short_description: Start an upgrade pre-check on workload domains
version_added: 0.1.0
description:
  - Starts an upgrade pre-check (check-set) run for one or more workload domains, for general upgrade readiness
    or for a specific target VCF version, as the SDDC Manager UI does. Works from VCF 5.2 to 9.1.
  - Resolves domain names with C(GET /v1/domains), checks O(target_version) against the releases offered to
    every domain (C(GET /v1/releases/domains/{domainId}/future-releases)), asks which check-sets apply
    (C(POST /v1/system/check-sets/queries)), and starts a run of all of them (C(POST /v1/system/check-sets)).
  - Idempotent. When a run for the same domains and target is still in progress, it is returned
    (RV(attached=true), C(changed=false)) instead of starting another, unless O(force=true).
  - When SDDC Manager offers no check-set at all for the domains, nothing is started; the module returns
    RV(run_id=null) with a warning.
  - Wait for the run with M(sddc.manager.wait_for_precheck); read it with M(sddc.manager.precheck_info).
author:
  - sddc.manager contributors (@sddc-manager)
options:
  domains:
    description:
      - The workload domains to pre-check, by name or id; V(all) alone pre-checks every domain SDDC Manager lists
        (C(GET /v1/domains)), the management domain included, unless a domain is named C(all).
      - A name that matches no domain fails, listing the domains that exist.
    type: list
    elements: str
    required: true
  target_version:
    description:
      - A VCF version (for example V(9.1.0.0)) for a version-specific pre-check, or V(planned) for the target the
        domains are planned to go to (C(GET /v1/releases/domains/{domainId})); V(planned) fails when they are planned
        to different targets, or to none.
      - It must be offered, and applicable, to every domain; otherwise the module fails naming the versions that
        are offered and SDDC Manager's reason.
      - A target other than a domain's planned one gives a warning, and so does a target some of whose upgrade
        bundles are not downloaded (the version-specific checks of those components will not run).
      - Left out, the run checks general upgrade readiness.
    type: str
  check_set_type:
    description:
      - The kind of check-sets to run. V(UPGRADE) is the only kind SDDC Manager is known to offer.
    type: str
    default: UPGRADE
  force:
    description:
      - Start a new run even when one for the same domains and target is in progress.
    type: bool
    default: false
extends_documentation_fragment:
  - sddc.manager.connection
  - sddc.manager.connection.module
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details: Resolves the domains, checks the target, asks which check-sets apply (which changes nothing) and
      returns what would run, without starting a run.
  diff_mode:
    support: none
  platform:
    platforms: all
seealso:
  - module: sddc.manager.wait_for_precheck
  - module: sddc.manager.precheck_info
  - module: sddc.manager.precheck_export
'''

EXAMPLES = r'''
- name: Pre-check a workload domain for general upgrade readiness (connection from SDDC_MANAGER_* env vars)
  sddc.manager.precheck:
    domains:
      - wld-01
  register: precheck

- name: Wait for it and fail the play on blocking findings
  sddc.manager.wait_for_precheck:
    run_id: "{{ precheck.run_id }}"
  when: precheck.run_id is not none

- name: Pre-check a domain for the target it is planned to go to
  sddc.manager.precheck:
    domains:
      - wld-01
    target_version: planned
  register: planned_precheck

- name: Pre-check two domains for a specific target version, connection written out
  sddc.manager.precheck:
    hostname: sddc-manager.example.com
    username: administrator@vsphere.local
    password: "{{ vault_sddc_manager_password }}"
    domains:
      - mgmt-01
      - wld-01
    target_version: 9.1.0.0

# Ad hoc, with the connection in the environment:
#   ansible localhost -m sddc.manager.precheck -a domains=wld-01
'''

RETURN = r'''
run_id:
  description:
    - The id of the run started or attached to (lower case, hyphenated); pass it to
      M(sddc.manager.wait_for_precheck).
    - Null when nothing was started (no check-set applies, or check mode).
  returned: success
  type: str
  sample: 7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21
started:
  description: Whether a new run was started.
  returned: success
  type: bool
  sample: true
attached:
  description: Whether a run already in progress for the same domains and target was returned instead.
  returned: success
  type: bool
  sample: false
domains:
  description: The domains pre-checked, as resolved.
  returned: success
  type: list
  elements: dict
  contains:
    id:
      description: The domain id.
      type: str
    name:
      description: The domain name.
      type: str
    type:
      description: C(MANAGEMENT) or C(VI).
      type: str
  sample: [{"id": "5d73e7e4-5ef6-4a69-ab9b-1237484054dd", "name": "wld-01", "type": "VI"}]
target_version:
  description: The target version of the run (the planned one with O(target_version=planned)); null for general
    upgrade readiness.
  returned: success
  type: str
  sample: 9.1.0.0
check_sets:
  description: What the run covers (or, in check mode, would cover), one entry per resource; empty when attached.
  returned: success
  type: list
  elements: dict
  contains:
    name:
      description: The resource name, for example a vCenter FQDN.
      type: str
    type:
      description: The resource type, for example C(VCENTER), C(NSX_T_MANAGER), C(CLUSTER), C(SDDC_MANAGER).
      type: str
    id:
      description: The resource id.
      type: str
    domain:
      description: The name of the resource's domain.
      type: str
    domain_id:
      description: The id of the resource's domain.
      type: str
    check_set_ids:
      description: The check-sets run on the resource.
      type: list
      elements: str
task:
  description: The task SDDC Manager answered the start with (HTTP 202); null when no run was started.
  returned: success
  type: dict
  sample: {"id": "7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21", "name": "Check-set run", "status": "IN_PROGRESS"}
run:
  description: When attached, the run found in progress (as M(sddc.manager.precheck_info) lists runs).
  returned: when attached
  type: dict
msg:
  description: What happened, in one line.
  returned: always
  type: str
  sample: Started pre-check run 7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21 for domain wld-01 (general upgrade readiness,
    4 resources).
error_kind:
  description: On failure, its kind, one of C(ConfigurationError), C(ApiError), C(AuthenticationError),
    C(NotFoundError), C(CertificateError), C(TransportError), C(InvalidResponseError), C(UnsupportedVersionError),
    C(ExportNotReadyError), C(ExportFailedError) (an export ended C(FAILED)), C(WaitTimeoutError) (a wait ran out of
    time), C(PrecheckBlockedError) (the gate failed on a run) or C(UnexpectedError). Every failure has one. The
    troubleshooting guide says what to do about each.
  returned: on failure
  type: str
  sample: NotFoundError
status_code:
  description: On failure, the HTTP status of the answer that failed.
  returned: when SDDC Manager answered with an HTTP error
  type: int
  sample: 400
error:
  description: On failure, the VCF C(Error) object SDDC Manager returned (errorCode, message, remediationMessage,
    referenceToken...).
  returned: when SDDC Manager answered with an error body
  type: dict
error_details:
  description:
    - On failure, structured details where they apply, with the keys C(url) (the URL that could not be reached),
      C(attempts) (how many times the request was tried), C(version) (the SDDC Manager version found),
      C(required_version) (the VCF version an operation needs), C(export_status) (the status of an export that
      was not ready), C(available) (what exists instead of what was asked for) and C(option) (the option at fault).
  returned: on failure, when there are any
  type: dict
  sample: {"version": "9.0.0.0.24703748", "required_version": "9.1"}
'''

from ansible_collections.sddc.manager.plugins.module_utils.check_sets import (
    DEFAULT_CHECK_SET_TYPE,
    canonical_run_id,
    find_running_run,
    query_check_sets,
    run_selection,
    start_run,
)
from ansible_collections.sddc.manager.plugins.module_utils.coverage import coverage_phrase, read_coverage
from ansible_collections.sddc.manager.plugins.module_utils.domains import (
    check_target_version,
    planned_target,
    resolve_domains,
    resolve_planned,
)
from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError
from ansible_collections.sddc.manager.plugins.module_utils.module_boundary import run_module, sddc_manager_module
from ansible_collections.sddc.manager.plugins.module_utils.text import plural

PLANNED = 'planned'
OPTIONS = dict(
    domains=dict(type='list', elements='str', required=True),
    target_version=dict(type='str'),
    check_set_type=dict(type='str', default=DEFAULT_CHECK_SET_TYPE),
    force=dict(type='bool', default=False),
)


def _scope(domains: list, target_version: str, check_sets: list = None) -> str:
    """``domain wld-01 (target 9.1.0.0, 4 resources)``."""
    names = ', '.join(d['name'] for d in domains)
    what = 'target %s' % target_version if target_version else 'general upgrade readiness'
    if check_sets is not None:
        what += ', %s' % plural(len(check_sets), 'resource')
    return '%s %s (%s)' % ('domain' if len(domains) == 1 else 'domains', names, what)


def warn_off_plan(client, domains: list, target: str, warn) -> None:
    """A warning for each domain planned to go to another target than ``target``."""
    for domain in domains:
        planned = planned_target(client, domain)
        if planned and planned != target:
            warn('Domain %s is planned to go to %s, not %s: this pre-check is for another target than the plan.'
                 % (domain['name'], planned, target))


def ensure_precheck(client, params: dict, check_mode: bool, warn) -> dict:
    """Attach to the run in progress for these domains and target, or start one (not in check mode)."""
    if not params['domains'] or not all(str(d).strip() for d in params['domains']):
        raise ConfigurationError('domains must name at least one workload domain, without empty entries.',
                                 option='domains')
    domains = resolve_domains(client, params['domains'])
    target = (params['target_version'] or '').strip() or None
    if target == PLANNED:
        target = resolve_planned(client, domains)
    if target:
        check_target_version(client, domains, target)
        if params['target_version'].strip() != PLANNED:
            warn_off_plan(client, domains, target, warn)
        coverage = read_coverage(client, domains, target)
        if not coverage['complete']:
            warn('Target %s: %s; the pre-check can pass without checking them. Download the bundles first for a '
                 'complete pre-check.' % (target, coverage_phrase(coverage).replace(' did not run', ' will not run')))
    result = dict(changed=False, started=False, attached=False, run_id=None, domains=domains, target_version=target,
                  check_sets=[], task=None)
    if not params['force']:
        running = find_running_run(client, domains, target)
        if running is not None:
            result.update(attached=True, run_id=running['id'], run=running,
                          msg='Pre-check run %s for %s is in progress: attached to it.'
                          % (running['id'], _scope(domains, target)))
            return result
    query = query_check_sets(client, domains, params['check_set_type'])
    run_input, check_sets = run_selection(query, domains, target)
    result['check_sets'] = check_sets
    if not check_sets:
        msg = ('SDDC Manager offers no %s check-set for %s: nothing to pre-check, no run started.'
               % (params['check_set_type'], _scope(domains, target)))
        warn(msg)
        result['msg'] = msg
        return result
    if check_mode:
        result.update(changed=True, msg='Check mode: a pre-check run would be started for %s.'
                      % _scope(domains, target, check_sets))
        return result
    task = start_run(client, run_input)
    run_id = canonical_run_id(task['id'])
    result.update(changed=True, started=True, run_id=run_id, task=task,
                  msg='Started pre-check run %s for %s.' % (run_id, _scope(domains, target, check_sets)))
    return result


def main():
    module = sddc_manager_module(OPTIONS, supports_check_mode=True)
    run_module(module, lambda client: ensure_precheck(client, module.params, module.check_mode, module.warn))


if __name__ == '__main__':
    main()
