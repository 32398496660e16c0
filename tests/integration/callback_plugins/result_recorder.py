# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Test-only callback: appends every task result as a JSON line to $RESULT_RECORDER_PATH.

The integration tests read these lines while the default stdout callback still
prints what a user sees (ansible-core 2.19 no longer ships a JSON stdout callback).
"""

import json
import os

from ansible.plugins.callback import CallbackBase


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'aggregate'
    CALLBACK_NAME = 'result_recorder'
    CALLBACK_NEEDS_ENABLED = True

    def _record(self, result, outcome):
        path = os.environ.get('RESULT_RECORDER_PATH')
        if not path:
            return
        data = dict(result._result)
        data['failed'] = outcome == 'failed'
        entry = dict(task=result.task_name, host=result._host.get_name(), outcome=outcome, result=data)
        with open(path, 'a') as handle:
            handle.write(json.dumps(entry, default=str) + '\n')

    def v2_runner_on_ok(self, result):
        self._record(result, 'ok')

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._record(result, 'failed')

    def v2_runner_on_skipped(self, result):
        self._record(result, 'skipped')

    def v2_runner_on_unreachable(self, result):
        self._record(result, 'unreachable')

    def v2_playbook_on_stats(self, stats):
        """The custom stats of set_stats (per_host: false), as ansible-runner hands them to AWX as artifacts."""
        path = os.environ.get('RESULT_RECORDER_PATH')
        if path:
            with open(path, 'a') as handle:
                handle.write(json.dumps(dict(task='__custom_stats__', host=None, outcome='stats',
                                             result=stats.custom.get('_run', {})), default=str) + '\n')
