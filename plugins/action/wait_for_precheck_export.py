# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Wait, from the controller, for a pre-check export to finish (docs: plugins/modules/)."""

from ansible_collections.sddc.manager.plugins.module_utils.check_set_runs import canonical_run_id
from ansible_collections.sddc.manager.plugins.module_utils.export_task import (
    COMPLETED,
    export_failure_message,
    export_subject,
    export_status,
    export_success_message,
)
from ansible_collections.sddc.manager.plugins.module_utils.options import (
    EXPORT_WAIT,
    run_id_option,
    wait_options,
)
from ansible_collections.sddc.manager.plugins.module_utils.waiter import ERROR, FINISHED, MISSING
from ansible_collections.sddc.manager.plugins.plugin_utils.sddc_manager_action import SddcManagerAction


def export_wait_result(run_id: str, outcome, base_url: str) -> dict:
    """The result of a wait for an export: every exit path returns export, elapsed, polls and run_id."""
    result = outcome.error.to_result() if outcome.state == ERROR else {}
    export = outcome.snapshot
    result.update(export=export, elapsed=round(outcome.elapsed, 1), polls=outcome.polls, run_id=run_id)
    if outcome.state == FINISHED and export_status(export) == COMPLETED:
        result['msg'] = export_success_message(run_id, outcome.elapsed, outcome.polls)
        return result
    result['failed'] = True
    if outcome.state == FINISHED:
        result['msg'] = export_failure_message(run_id, export)
        if export.get('error') is not None:
            result['error'] = export['error']
    elif outcome.state == MISSING:
        result['msg'] = ('Pre-check run %s has no export on SDDC Manager at %s: start one with '
                         'sddc.manager.precheck_export, then wait for it.' % (run_id, base_url))
    elif outcome.state != ERROR:
        result['msg'] = outcome.timeout_message()
    return result


class ActionModule(SddcManagerAction):
    """Polls through one client (one session, one login) instead of shipping a module per poll."""

    OPTIONS = dict(run_id=run_id_option(), **wait_options(EXPORT_WAIT))
    RESULT_DEFAULTS = dict(export=None, elapsed=0.0, polls=0)

    def operate(self, client, params):
        run_id = canonical_run_id(params['run_id'])
        return export_wait_result(run_id, self.wait(client, params, export_subject(run_id)), client.base_url)
