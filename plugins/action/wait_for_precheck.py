# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Wait, from the controller, for a pre-check run to finish and gate on its findings (docs: plugins/modules/)."""

from ansible_collections.sddc.manager.plugins.module_utils.check_sets import (
    canonical_run_id,
    missing_run_error,
    run_subject,
)
from ansible_collections.sddc.manager.plugins.module_utils.errors import (
    ConfigurationError,
    PrecheckBlockedError,
    SddcManagerError,
    WaitTimeoutError,
)
from ansible_collections.sddc.manager.plugins.module_utils.options import (
    RUN_WAIT,
    run_id_option,
    wait_options,
)
from ansible_collections.sddc.manager.plugins.module_utils.precheck_verdict import (
    FAIL_ON_CHOICES,
    NEW_GATES,
    Verdict,
    findings_sentence,
)
from ansible_collections.sddc.manager.plugins.module_utils.run_context import read_run_context
from ansible_collections.sddc.manager.plugins.module_utils.run_diff import (
    baseline_side,
    check_comparable,
    side,
    since_baseline,
)
from ansible_collections.sddc.manager.plugins.module_utils.run_result import describe_run
from ansible_collections.sddc.manager.plugins.module_utils.waivers import check_waivers
from ansible_collections.sddc.manager.plugins.module_utils.waiter import ERROR, FINISHED, MISSING
from ansible_collections.sddc.manager.plugins.plugin_utils.sddc_manager_action import SddcManagerAction

GATE_OPTIONS = dict(
    fail_on=dict(type='str', default='error', choices=list(FAIL_ON_CHOICES)),
    ignore_checks=dict(type='list', elements='str', default=[]),
    waivers=dict(type='list', elements='dict', default=[]),
    fail_on_incomplete_coverage=dict(type='bool', default=False),
    baseline=dict(type='str'),
    include_raw=dict(type='bool', default=False),
)


def run_wait_failure(run_id: str, outcome, client, verdict) -> SddcManagerError:
    """Why a wait for a run fails: an error, a missing run, the time, or the gate (None when it passes)."""
    if outcome.state == ERROR:
        return outcome.error
    if outcome.state == MISSING:
        return missing_run_error(client, run_id)
    if outcome.state != FINISHED:
        return WaitTimeoutError(outcome.timeout_message())
    return PrecheckBlockedError(verdict.message()) if verdict.failed else None


def run_wait_result(run_id: str, outcome, client, params: dict, today=None) -> dict:
    """What precheck_info returns for the run, plus elapsed, polls, verdict and failing; failed per fail_on."""
    context = read_run_context(client, run_id, outcome.snapshot) if outcome.state == FINISHED else None
    described = describe_run(run_id, outcome.snapshot, params['include_raw'], context)
    baseline = None
    if outcome.state == FINISHED and params['baseline']:
        entry = context.entry or dict(id=run_id, domains=[], target_version=None, completion_timestamp=None)
        baseline = baseline_side(client, params['baseline'], entry)
        check_comparable(side(run_id, entry.get('completion_timestamp'), entry.get('target_version'),
                              [d.get('name') or d.get('id') for d in entry.get('domains') or []], [], 'appliance'),
                         baseline, False)
    verdict = Verdict(described, params['fail_on'], params['ignore_checks'], params['waivers'], today,
                      params['fail_on_incomplete_coverage'], baseline)
    result = dict(described, findings=verdict.findings, elapsed=round(outcome.elapsed, 1), polls=outcome.polls,
                  verdict=verdict.word, verdict_reasons=verdict.why(),
                  counts_phrase=findings_sentence(described['summary'], verdict.findings),
                  failing=verdict.failing if outcome.state == FINISHED else [])
    if verdict.since is not None:
        result['since_baseline'] = since_baseline(baseline, verdict.since)
    failure = run_wait_failure(run_id, outcome, client, verdict)
    if failure is not None:
        result.update(failure.to_result(), failed=True)
        return result
    result['msg'] = verdict.message()
    warnings = verdict.warning_lines()
    if warnings:
        result['warnings'] = warnings
    return result


class ActionModule(SddcManagerAction):
    """Polls the run through one client, then applies the gate to its findings."""

    OPTIONS = dict(run_id=run_id_option(), **dict(wait_options(RUN_WAIT), **GATE_OPTIONS))
    RESULT_DEFAULTS = dict(elapsed=0.0, polls=0, findings=[], failing=[])

    def operate(self, client, params):
        run_id = canonical_run_id(params['run_id'])
        check_waivers(params['waivers'])   # a malformed waiver is refused before any request
        if params['fail_on'] in NEW_GATES and not (params['baseline'] or '').strip():
            raise ConfigurationError('fail_on: %s needs baseline (previous, a run id, or the path of a JSON report) to '
                                     'tell what is new.' % params['fail_on'], option='baseline')
        return run_wait_result(run_id, self.wait(client, params, run_subject(run_id)), client, params)
