# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Wait, from the controller, for a pre-check export to finish (docs: plugins/modules/)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.errors import AnsibleActionFail
from ansible.plugins.action import ActionBase
from ansible.utils.display import Display

from ansible_collections.sddc.manager.plugins.module_utils.client import HAS_REQUESTS
from ansible_collections.sddc.manager.plugins.module_utils.connection import (
    MUTUALLY_EXCLUSIVE,
    argument_spec,
    client_from_params,
)
from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError, SddcManagerError
from ansible_collections.sddc.manager.plugins.module_utils.export_task import canonical_run_id
from ansible_collections.sddc.manager.plugins.module_utils.export_waiter import ExportWaiter

display = Display()

WAIT_OPTIONS = dict(
    run_id=dict(type='str', required=True),
    timeout=dict(type='float', default=1800.0),
    poll_interval=dict(type='float', default=10.0),
)


class ActionModule(ActionBase):
    """Polls through one client (one session, one login) instead of shipping a module per poll."""

    TRANSFERS_FILES = False
    _requires_connection = False

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        del tmp
        # Env fallbacks are read here, in the controller's environment, as AWX injects credentials.
        dummy, params = self.validate_argument_spec(argument_spec=argument_spec(**WAIT_OPTIONS),
                                                    mutually_exclusive=MUTUALLY_EXCLUSIVE)
        if not HAS_REQUESTS:
            raise AnsibleActionFail('sddc.manager.wait_for_precheck_export needs the Python library requests '
                                    'on the controller: pip install requests')
        result.update(changed=False, export=None, elapsed=0.0, polls=0)
        try:
            run_id = canonical_run_id(params['run_id'])
            if params['timeout'] < 0 or params['poll_interval'] <= 0:
                raise ConfigurationError('timeout must be 0 or more seconds, and poll_interval more than 0.')
            with client_from_params(params) as client:
                waiter = ExportWaiter(client, run_id, params['timeout'], params['poll_interval'],
                                      on_progress=display.v)
                outcome = waiter.wait()
        except SddcManagerError as exc:
            result.update(exc.to_result(), failed=True)
            return result
        result.update(outcome.to_result())
        return result
