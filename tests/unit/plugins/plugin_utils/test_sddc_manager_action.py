# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""plugin_utils/sddc_manager_action: options checked before any request, one result shape on every path."""

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.errors import NotFoundError
from ansible_collections.sddc.manager.plugins.plugin_utils.sddc_manager_action import SddcManagerAction

SECRET = 'Sup3r-Secret-Passw0rd'


class Echo(SddcManagerAction):
    OPTIONS = dict(fail=dict(type='bool', default=False))
    RESULT_DEFAULTS = dict(polls=0)

    def operate(self, client, params):
        if params['fail']:
            raise NotFoundError('Nothing here for %s' % SECRET)
        return dict(msg='Done.', polls=3)


@pytest.fixture
def connection():
    return dict(hostname='sddc.example.com', api_token=SECRET)


def test_a_result_keeps_the_defaults_and_is_announced(run_action, connection, capsys):
    result = run_action(Echo, dict(connection))
    assert result['changed'] is False and result['polls'] == 3 and 'failed' not in result
    assert 'Done.' in capsys.readouterr().out


def test_a_failure_has_its_kind_the_defaults_and_no_secret(run_action, connection):
    result = run_action(Echo, dict(connection, fail=True))
    assert result['failed'] is True and result['error_kind'] == 'NotFoundError' and result['polls'] == 0
    assert SECRET not in str(result)
