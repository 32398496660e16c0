# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A run read and judged by a gate: what wait_for_precheck returns, and what precheck_report reads again.

The gate's settings travel in the result (``gate``), so that a report of a result whose
findings were cut to fit a task result can read the run once more and judge it the same way.
"""

from ansible_collections.sddc.manager.plugins.module_utils.check_sets import missing_run_error, run_subject
from ansible_collections.sddc.manager.plugins.module_utils.errors import PrecheckBlockedError, WaitTimeoutError
from ansible_collections.sddc.manager.plugins.module_utils.precheck_verdict import Verdict, findings_sentence
from ansible_collections.sddc.manager.plugins.module_utils.result_bounds import bound_result
from ansible_collections.sddc.manager.plugins.module_utils.run_context import read_run_context
from ansible_collections.sddc.manager.plugins.module_utils.run_diff import (
    baseline_side,
    check_comparable,
    side,
    since_baseline,
)
from ansible_collections.sddc.manager.plugins.module_utils.run_result import describe_run
from ansible_collections.sddc.manager.plugins.module_utils.waiter import ERROR, FINISHED, MISSING, Waiter

GATE_KEYS = ('fail_on', 'ignore_checks', 'waivers', 'fail_on_incomplete_coverage', 'baseline')
DEFAULT_GATE = dict(fail_on='error', ignore_checks=[], waivers=[], fail_on_incomplete_coverage=False, baseline=None)


def gate_of(params: dict) -> dict:
    """The gate settings of a wait's options, as the result keeps them."""
    return dict((key, params.get(key, DEFAULT_GATE[key])) for key in GATE_KEYS)


def run_wait_failure(run_id: str, outcome, client, verdict):
    """Why a wait for a run fails: an error, a missing run, the time, or the gate (None when it passes)."""
    if outcome.state == ERROR:
        return outcome.error
    if outcome.state == MISSING:
        return missing_run_error(client, run_id)
    if outcome.state != FINISHED:
        return WaitTimeoutError(outcome.timeout_message())
    return PrecheckBlockedError(verdict.message()) if verdict.failed else None


def run_wait_result(run_id: str, outcome, client, params: dict, today=None, bounded: bool = True) -> dict:
    """What precheck_info returns for the run, plus elapsed, polls, verdict, failing and gate; failed per fail_on.

    ``bounded`` (the default) keeps the findings lists to what a task result can carry (result_bounds).
    """
    context = read_run_context(client, run_id, outcome.snapshot) if outcome.state == FINISHED else None
    described = describe_run(run_id, outcome.snapshot, params.get('include_raw', False), context)
    baseline = None
    if outcome.state == FINISHED and params.get('baseline'):
        entry = context.entry or dict(id=run_id, domains=[], target_version=None, completion_timestamp=None)
        baseline = baseline_side(client, params['baseline'], entry)
        check_comparable(side(run_id, entry.get('completion_timestamp'), entry.get('target_version'),
                              [d.get('name') or d.get('id') for d in entry.get('domains') or []], [], 'appliance'),
                         baseline, False)
    gate = gate_of(params)
    verdict = Verdict(described, gate['fail_on'], gate['ignore_checks'], gate['waivers'], today,
                      gate['fail_on_incomplete_coverage'], baseline)
    result = dict(described, findings=verdict.findings, elapsed=round(outcome.elapsed, 1), polls=outcome.polls,
                  verdict=verdict.word, verdict_reasons=verdict.why(), gate=gate,
                  counts_phrase=findings_sentence(described['summary'], verdict.findings),
                  failing=verdict.failing if outcome.state == FINISHED else [])
    if verdict.since is not None:
        result['since_baseline'] = since_baseline(baseline, verdict.since)
    failure = run_wait_failure(run_id, outcome, client, verdict)
    if failure is not None:
        result.update(failure.to_result(), failed=True)
    else:
        result['msg'] = verdict.message()
        warnings = verdict.warning_lines()
        if warnings:
            result['warnings'] = warnings
    return bound_result(result) if bounded else result


def read_whole_result(client, result: dict) -> dict:
    """The run of ``result`` read once more and judged by the result's own gate, every finding kept; raises
    SddcManagerError when it cannot be read finished."""
    run_id = result['run_id']
    outcome = Waiter(client, run_subject(run_id), timeout=0, poll_interval=1).wait()
    if outcome.state != FINISHED:   # what cannot be read whole is not written as if it were
        raise run_wait_failure(run_id, outcome, client, None)
    gate = dict(DEFAULT_GATE, **(result.get('gate') if isinstance(result.get('gate'), dict) else {}))
    return run_wait_result(run_id, outcome, client, gate, bounded=False)
