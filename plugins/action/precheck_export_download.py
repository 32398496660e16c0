# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run the precheck_export_download module, then show where the file went (docs: plugins/modules/).

The module runs where the task says, as any module does; this only makes its one-line ``msg``
("Saved the export of pre-check run X to /path (N bytes).") visible at the default verbosity.
"""

from ansible.plugins.action import ActionBase

from ansible_collections.sddc.manager.plugins.plugin_utils.sddc_manager_action import announce


class ActionModule(ActionBase):

    def run(self, tmp=None, task_vars=None):
        result = super().run(tmp, task_vars)
        del tmp
        result.update(self._execute_module(module_name='sddc.manager.precheck_export_download',
                                           module_args=self._task.args, task_vars=task_vars))
        announce(result)
        return result
