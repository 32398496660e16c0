# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Gather every host of the play for the fleet_report module, then run it (docs: plugins/modules/fleet_report.py).

Only the controller knows the play's hosts, failed ones included, and what each recorded; a template cannot
read a fact a host may not have. The module then writes the files where the task runs, as any module does.
"""

from ansible.plugins.action import ActionBase

from ansible_collections.sddc.manager.plugins.plugin_utils.sddc_manager_action import announce

OUTCOME_FACT = 'upgrade_precheck_outcome'
NOTHING_RECORDED = ('sddc.manager.upgrade_precheck recorded nothing for it: the host failed before the role ran, '
                    'or the role did not run on it.')


def play_managers(task_vars: dict) -> list:
    """Each host of the play: what upgrade_precheck recorded for it, else its name, hostname and why not."""
    hostvars = task_vars.get('hostvars') or {}
    managers = []
    for host in task_vars.get('ansible_play_hosts_all') or []:
        known = hostvars[host] if host in hostvars else {}
        outcome = known.get(OUTCOME_FACT)
        if isinstance(outcome, dict) and outcome:
            managers.append(dict(name=host, outcome=outcome))
        else:
            managers.append(dict(name=host, hostname=known.get('sddc_manager_hostname'),
                                 reason=known.get('sddc_manager_inventory_error') or NOTHING_RECORDED))
    return managers


class ActionModule(ActionBase):

    def run(self, tmp=None, task_vars=None):
        result = super().run(tmp, task_vars)
        del tmp
        args = dict(self._task.args)
        if args.pop('play_hosts', False):
            args['managers'] = play_managers(task_vars or {}) + list(args.get('managers') or [])
        result.update(self._execute_module(module_name='sddc.manager.fleet_report', module_args=args,
                                           task_vars=task_vars))
        announce(result)
        return result
