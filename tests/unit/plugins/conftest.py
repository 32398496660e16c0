# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Drive an action plugin (the actions, and the base they share) as ansible-core's own unit tests do: a mock
task, a real ActionModule.run."""

from unittest.mock import MagicMock

import pytest
import requests

from ansible_collections.sddc.manager.plugins.module_utils import client as client_module
from ansible_collections.sddc.manager.plugins.module_utils import waiter as waiter_module


@pytest.fixture
def fake_http(transport, monkeypatch):
    """Every client a plugin builds sends through the fake transport; returns the transport."""
    real_session = requests.Session

    def fake_session():
        session = real_session()
        session.mount('https://', transport)
        session.mount('http://', transport)
        return session

    monkeypatch.setattr(client_module.requests, 'Session', fake_session)
    return transport


@pytest.fixture
def run_action(fake_http, monkeypatch):
    """Run ``ActionModule`` with ``args``; HTTP goes to the fake transport, sleeps to a fake clock."""
    clock = [1000.0]

    def sleep(seconds):
        clock[0] += seconds

    monkeypatch.setattr(client_module.time, 'sleep', sleep)
    monkeypatch.setattr(client_module.time, 'monotonic', lambda: clock[0])
    monkeypatch.setattr(waiter_module.time, 'sleep', sleep)
    monkeypatch.setattr(waiter_module.time, 'monotonic', lambda: clock[0])
    for name in ('HOST', 'USERNAME', 'PASSWORD', 'API_TOKEN', 'VALIDATE_CERTS', 'CA_PATH', 'REQUEST_TIMEOUT'):
        monkeypatch.delenv('SDDC_MANAGER_' + name, raising=False)

    def run(action_class, args, check_mode=False, no_log=False):
        task = MagicMock()
        task.args = dict(args)
        task.no_log = no_log
        task.async_val = 0
        task.check_mode = check_mode
        task.action = 'sddc.manager.test'
        play_context = MagicMock()
        play_context.check_mode = check_mode
        action = action_class(task=task, connection=MagicMock(), play_context=play_context, loader=MagicMock(),
                              templar=None, shared_loader_obj=None)
        return action.run(task_vars={})
    return run
