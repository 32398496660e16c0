# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Open or end a session that later tasks share, from the controller (docs: plugins/modules/session.py).

The tokens leave this plugin in one place only, the ``session`` key of a task that must be ``no_log``;
every other output goes through the same redaction as the other actions'.
"""

from ansible.errors import AnsibleActionFail

from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError
from ansible_collections.sddc.manager.plugins.plugin_utils.sddc_manager_action import SddcManagerAction

NO_LOG_NEEDED = ('sddc.manager.session hands out the session tokens in its result: give the task no_log: true '
                 '(and register it) so that they are never printed or logged.')


class ActionModule(SddcManagerAction):
    """``state: present`` logs in once and returns the tokens; ``state: absent`` revokes them."""

    OPTIONS = dict(state=dict(type='str', default='present', choices=['present', 'absent']))
    RESULT_DEFAULTS = dict(session=None)

    def run(self, tmp=None, task_vars=None):
        args = self._task.args
        if args.get('state', 'present') == 'present' and not self._task.no_log:
            raise AnsibleActionFail(NO_LOG_NEEDED)
        self._tokens = None
        result = super().run(tmp, task_vars)
        if self._tokens is not None and not result.get('failed'):
            result['session'] = self._tokens   # after redaction, which would mask them: the task is no_log
        return result

    def operate(self, client, params: dict) -> dict:
        if params['state'] == 'absent':
            if not params.get('session'):
                return dict(msg='No session to end.')
            revoked = client.revoke_session()
            return dict(revoked=revoked, msg='Session with SDDC Manager at %s ended%s.'
                        % (client.base_url, '' if revoked else ' (it had no refresh token to revoke)'))
        if params.get('api_token'):
            return dict(msg='An api_token needs no session: every task sends it as it is.')
        if params.get('session'):
            raise ConfigurationError('A session is open already: end it (state: absent) before opening another.',
                                     option='session')
        client.login()
        self._tokens = client.session_tokens()
        return dict(msg='Logged in to SDDC Manager at %s as %s; the session is kept for the tasks that follow.'
                    % (client.base_url, params['username']))
