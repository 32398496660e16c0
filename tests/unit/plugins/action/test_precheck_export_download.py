# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""action/precheck_export_download: the module's result, and its one-line msg shown at the default verbosity."""

from unittest.mock import MagicMock

from ansible_collections.sddc.manager.plugins.action import precheck_export_download
from ansible_collections.sddc.manager.plugins.action.precheck_export_download import ActionModule


def run(monkeypatch, module_result):
    shown = []
    monkeypatch.setattr(precheck_export_download.ActionModule, '_execute_module',
                        lambda self, module_name, module_args, task_vars: dict(module_result))
    monkeypatch.setattr('ansible_collections.sddc.manager.plugins.plugin_utils.sddc_manager_action.display.display',
                        shown.append)
    task = MagicMock()
    task.args = {'run_id': 'x', 'dest': '/tmp/'}
    task.async_val = 0
    action = ActionModule(task=task, connection=MagicMock(), play_context=MagicMock(), loader=MagicMock(),
                          templar=None, shared_loader_obj=None)
    return action.run(task_vars={}), shown


def test_a_saved_file_is_announced(monkeypatch):
    result, shown = run(monkeypatch, {'changed': True, 'msg': 'Saved the export to /tmp/x.csv (3 bytes).'})
    assert result['changed'] is True and shown == ['Saved the export to /tmp/x.csv (3 bytes).']


def test_a_failure_is_not_announced_twice(monkeypatch):
    result, shown = run(monkeypatch, {'failed': True, 'msg': 'No export.', 'error_kind': 'ExportNotReadyError'})
    assert result['failed'] is True and shown == []
