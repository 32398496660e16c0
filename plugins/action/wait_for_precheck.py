# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Wait, from the controller, for a pre-check run to finish and gate on its findings (docs: plugins/modules/)."""

from ansible_collections.sddc.manager.plugins.module_utils.check_set_runs import (
    canonical_run_id,
    missing_run_error,
    run_subject,
)
from ansible_collections.sddc.manager.plugins.module_utils.options import (
    RUN_WAIT,
    run_id_option,
    wait_options,
)
from ansible_collections.sddc.manager.plugins.module_utils.precheck_verdict import (
    FAIL_ON_CHOICES,
    Verdict,
    describe_run,
)
from ansible_collections.sddc.manager.plugins.module_utils.waiter import ERROR, FINISHED, MISSING
from ansible_collections.sddc.manager.plugins.plugin_utils.sddc_manager_action import SddcManagerAction

GATE_OPTIONS = dict(
    fail_on=dict(type='str', default='error', choices=list(FAIL_ON_CHOICES)),
    ignore_checks=dict(type='list', elements='str', default=[]),
    include_raw=dict(type='bool', default=False),
)


def run_wait_result(run_id: str, outcome, client, params: dict) -> dict:
    """What precheck_info returns for the run, plus elapsed, polls, verdict and failing; failed per fail_on."""
    if outcome.state == MISSING:
        outcome.error, outcome.state = missing_run_error(client, run_id), ERROR
    result = outcome.error.to_result() if outcome.state == ERROR else {}
    described = describe_run(run_id, outcome.snapshot, params['include_raw'])
    verdict = Verdict(described, params['fail_on'], params['ignore_checks'])
    result.update(described, elapsed=round(outcome.elapsed, 1), polls=outcome.polls, verdict=verdict.word,
                  failing=verdict.failing if outcome.state == FINISHED else [])
    if outcome.state == ERROR:
        result['failed'] = True
    elif outcome.state != FINISHED:
        result.update(failed=True, msg=outcome.timeout_message())
    else:
        result['msg'] = verdict.message()
        if verdict.failed:
            result['failed'] = True
        elif params['fail_on'] == 'error' and verdict.warnings:
            result['warnings'] = verdict.warning_lines()
    return result


class ActionModule(SddcManagerAction):
    """Polls the run through one client, then applies the gate to its findings."""

    OPTIONS = dict(run_id=run_id_option(), **dict(wait_options(RUN_WAIT), **GATE_OPTIONS))
    RESULT_DEFAULTS = dict(elapsed=0.0, polls=0, findings=[], failing=[])

    def operate(self, client, params):
        run_id = canonical_run_id(params['run_id'])
        return run_wait_result(run_id, self.wait(client, params, run_subject(run_id)), client, params)
