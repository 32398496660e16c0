# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""action/fleet_report: every host of the play, failed ones included, reaches the module."""

from unittest.mock import MagicMock

from ansible_collections.sddc.manager.plugins.action.fleet_report import NOTHING_RECORDED, ActionModule, play_managers

OUTCOME = dict(name='sfo', verdict='READY')


def test_each_play_host_with_its_outcome_or_why_not():
    task_vars = dict(ansible_play_hosts_all=['sfo', 'lab', 'gone'], hostvars=dict(
        sfo=dict(upgrade_precheck_outcome=OUTCOME, sddc_manager_hostname='sfo.example.com'),
        lab=dict(sddc_manager_hostname='lab.example.com', sddc_manager_inventory_error='Connection refused'),
        gone={}))
    assert play_managers(task_vars) == [
        dict(name='sfo', outcome=OUTCOME),
        dict(name='lab', hostname='lab.example.com', reason='Connection refused'),
        dict(name='gone', hostname=None, reason=NOTHING_RECORDED)]


def test_the_action_hands_them_to_the_module():
    task = MagicMock()
    task.args = dict(dest='/tmp/fleet', play_hosts=True, managers=[dict(name='extra', reason='r')])
    task.async_val = 0
    action = ActionModule(task=task, connection=MagicMock(), play_context=MagicMock(), loader=MagicMock(),
                          templar=None, shared_loader_obj=None)
    sent = {}

    def execute(module_name, module_args, task_vars):
        sent.update(module_name=module_name, module_args=module_args)
        return dict(msg='READY: 1 SDDC Manager pre-checked: 1 READY.', verdict='READY')
    action._execute_module = execute
    result = action.run(task_vars=dict(ansible_play_hosts_all=['sfo'], hostvars=dict(
        sfo=dict(upgrade_precheck_outcome=OUTCOME))))
    assert sent['module_name'] == 'sddc.manager.fleet_report' and 'play_hosts' not in sent['module_args']
    assert sent['module_args']['managers'] == [dict(name='sfo', outcome=OUTCOME), dict(name='extra', reason='r')]
    assert result['verdict'] == 'READY'
