# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Wait, from the controller, for a pre-check run to finish and gate on its findings (docs: plugins/modules/)."""

from ansible_collections.sddc.manager.plugins.module_utils.check_sets import canonical_run_id, run_subject
from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError
from ansible_collections.sddc.manager.plugins.module_utils.options import (
    RUN_WAIT,
    run_id_option,
    wait_options,
)
from ansible_collections.sddc.manager.plugins.module_utils.precheck_verdict import FAIL_ON_CHOICES, NEW_GATES
from ansible_collections.sddc.manager.plugins.module_utils.run_gate import run_wait_result
from ansible_collections.sddc.manager.plugins.module_utils.waivers import check_waivers
from ansible_collections.sddc.manager.plugins.plugin_utils.sddc_manager_action import SddcManagerAction

GATE_OPTIONS = dict(
    fail_on=dict(type='str', default='error', choices=list(FAIL_ON_CHOICES)),
    ignore_checks=dict(type='list', elements='str', default=[]),
    waivers=dict(type='list', elements='dict', default=[]),
    fail_on_incomplete_coverage=dict(type='bool', default=False),
    baseline=dict(type='str'),
    include_raw=dict(type='bool', default=False),
)


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
