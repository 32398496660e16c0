# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The base of the collection's action plugins: they run on the controller, through one client.

An action validates its options (with the controller's environment as fallback,
as AWX/AAP injects credentials), then ``operate(client, params)`` does the work;
failures and results pass the same boundary as modules' (``run_operation``):
one-line ``msg``, structured keys, redaction, the session ended either way.
"""

from ansible.errors import AnsibleActionFail
from ansible.plugins.action import ActionBase
from ansible.utils.display import Display

from ansible_collections.sddc.manager.plugins.module_utils.client import HAS_REQUESTS
from ansible_collections.sddc.manager.plugins.module_utils.module_boundary import run_operation
from ansible_collections.sddc.manager.plugins.module_utils.options import (
    argument_spec,
    check_wait_params,
)
from ansible_collections.sddc.manager.plugins.module_utils.waiter import Waiter

display = Display()


def announce(result: dict) -> None:
    """Show a successful task's one-line ``msg`` at the default verbosity (a failure's shows anyway)."""
    if not result.get('failed') and result.get('msg'):
        display.display(result['msg'])


class SddcManagerAction(ActionBase):
    """Subclasses set OPTIONS (their own argument spec) and implement ``operate``.

    RESULT_DEFAULTS are keys every exit path returns, a failure before any request included.
    """

    TRANSFERS_FILES = False
    _requires_connection = False
    OPTIONS = {}
    RESULT_DEFAULTS = {}

    def run(self, tmp=None, task_vars=None):
        result = super().run(tmp, task_vars)
        del tmp
        dummy, params = self.validate_argument_spec(argument_spec=argument_spec(**self.OPTIONS))
        if not HAS_REQUESTS:
            raise AnsibleActionFail('%s needs the Python library requests on the controller: pip install requests'
                                    % self._task.action)
        result.update(self.RESULT_DEFAULTS, changed=False)
        failed, outcome = run_operation(params, lambda client: self.operate(client, params))
        result.update(outcome)
        if failed:
            result['failed'] = True
        announce(result)
        return result

    def wait(self, client, params: dict, subject):
        """Poll ``subject`` with the task's ``timeout`` and ``poll_interval``, progress shown at -v."""
        check_wait_params(params)
        # A progress line quotes the server's status: redacted like every other output.
        return Waiter(client, subject, params['timeout'], params['poll_interval'],
                      on_progress=lambda line: self.progress(client.redactor.text(line))).wait()

    def operate(self, client, params: dict) -> dict:
        """The action's work; returns its result (with ``failed: true`` for a failure that is not an exception)."""
        raise NotImplementedError

    @staticmethod
    def progress(line: str) -> None:
        """A progress line, shown at verbosity 1 (-v)."""
        display.v(line)
