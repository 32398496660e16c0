# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""report_files: a destination checked and made, files replaced only when their bytes change."""

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError
from ansible_collections.sddc.manager.plugins.module_utils.report_files import prepare_dest, write_if_different
from ansible_collections.sddc.manager.tests.unit.fakes import StubFileModule


def test_a_file_is_written_once_then_left_alone(tmp_path):
    module = StubFileModule({}, False)
    path = str(tmp_path / 'r.json')
    assert write_if_different(module, path, b'x') is True and write_if_different(module, path, b'x') is False
    assert write_if_different(StubFileModule({}, True), path, b'y') is True and open(path, 'rb').read() == b'x'


def test_dest_is_made_unless_in_check_mode_and_refused_when_it_is_a_file(tmp_path):
    assert prepare_dest(StubFileModule({}, True), str(tmp_path / 'new')) is True and not (tmp_path / 'new').exists()
    assert prepare_dest(StubFileModule({}, False), str(tmp_path / 'new')) is True and (tmp_path / 'new').is_dir()
    (tmp_path / 'file').write_text('x')
    with pytest.raises(ConfigurationError):
        prepare_dest(StubFileModule({}, False), str(tmp_path / 'file'))
