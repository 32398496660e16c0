# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""modules/precheck_trend: the trend page and JSON, written once, and nothing in check mode."""

import json
import os

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError
from ansible_collections.sddc.manager.plugins.modules.precheck_trend import write_trend
from ansible_collections.sddc.manager.tests.unit.fakes import StubFileModule


def test_written_once_then_unchanged_and_nothing_in_check_mode(tmp_path):
    (tmp_path / 'precheck-r1.json').write_text(json.dumps(dict(run_id='r1', completed='2026-11-01T00:00:00Z',
                                                               findings=[], summary={})))
    dry = write_trend(StubFileModule(dict(src=str(tmp_path), dest=str(tmp_path / 'out')), True))
    assert dry['changed'] and dry['msg'].startswith('Check mode:') and not (tmp_path / 'out').exists()
    first = write_trend(StubFileModule(dict(src=str(tmp_path), dest=None)))
    assert first['changed'] and first['reports'] == 1 and os.path.isfile(first['html'])
    again = write_trend(StubFileModule(dict(src=str(tmp_path), dest=None)))
    assert again['changed'] is False and again['msg'].endswith('(unchanged).')


def test_a_src_that_is_not_a_folder_is_one_line(tmp_path):
    with pytest.raises(ConfigurationError) as caught:
        write_trend(StubFileModule(dict(src=str(tmp_path / 'missing'), dest=None)))
    assert caught.value.details['option'] == 'src'
