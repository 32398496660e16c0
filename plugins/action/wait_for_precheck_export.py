# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Wait, from the controller, for a pre-check export to finish (docs: plugins/modules/)."""

from ansible_collections.sddc.manager.plugins.module_utils.check_sets import canonical_run_id
from ansible_collections.sddc.manager.plugins.module_utils.errors import (
    ExportFailedError,
    ExportNotReadyError,
    SddcManagerError,
    WaitTimeoutError,
)
from ansible_collections.sddc.manager.plugins.module_utils.export_task import (
    COMPLETED,
    export_failure_message,
    export_status,
    export_subject,
    export_success_message,
)
from ansible_collections.sddc.manager.plugins.module_utils.options import (
    EXPORT_WAIT,
    run_id_option,
    wait_options,
)
from ansible_collections.sddc.manager.plugins.module_utils.text import plural
from ansible_collections.sddc.manager.plugins.module_utils.waiter import ERROR, FINISHED, MISSING
from ansible_collections.sddc.manager.plugins.plugin_utils.sddc_manager_action import SddcManagerAction


def export_wait_failure(run_id: str, outcome, base_url: str) -> SddcManagerError:
    """Why a wait for an export did not end COMPLETED, as the error it fails with."""
    if outcome.state == ERROR:
        return outcome.error
    if outcome.state == FINISHED:
        error = outcome.snapshot.get('error')
        return ExportFailedError(export_failure_message(run_id, outcome.snapshot),
                                 error=error if isinstance(error, dict) else None)
    if outcome.state == MISSING:
        return ExportNotReadyError('Pre-check run %s has no export on SDDC Manager at %s: start one with '
                                   'sddc.manager.precheck_export, then wait for it.' % (run_id, base_url))
    return WaitTimeoutError(outcome.timeout_message())


def export_wait_result(run_id: str, outcome, base_url: str) -> dict:
    """The result of a wait for an export: every exit path returns export, elapsed, polls and run_id."""
    result = dict(export=outcome.snapshot, elapsed=round(outcome.elapsed, 1), polls=outcome.polls,
                  polls_phrase=plural(outcome.polls, 'poll'), run_id=run_id)
    if outcome.state == FINISHED and export_status(outcome.snapshot) == COMPLETED:
        result['msg'] = export_success_message(run_id, outcome.elapsed, outcome.polls)
        return result
    result.update(export_wait_failure(run_id, outcome, base_url).to_result(), failed=True)
    return result


class ActionModule(SddcManagerAction):
    """Polls through one client (one session, one login) instead of shipping a module per poll."""

    OPTIONS = dict(run_id=run_id_option(), **wait_options(EXPORT_WAIT))
    RESULT_DEFAULTS = dict(export=None, elapsed=0.0, polls=0, polls_phrase='0 polls')

    def operate(self, client, params):
        run_id = canonical_run_id(params['run_id'])
        return export_wait_result(run_id, self.wait(client, params, export_subject(run_id)), client.base_url)
