# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""modules/fleet_report: managers and a folder merged, files named after the newest run, idempotent."""

import os

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError
from ansible_collections.sddc.manager.plugins.modules.fleet_report import stamp, write_fleet_report
from ansible_collections.sddc.manager.tests.unit.fakes import StubFileModule

READY = dict(name='nyc', hostname='nyc.example.com', verdict='READY', run_id='r9', completed='2026-12-01T10:15:00Z',
             domains=[dict(name='w01', verdict='READY', error=0, warning=0)], checks=[], reports={})


def module(tmp_path, check_mode=False, **params):
    options = dict(dest=str(tmp_path / 'fleet'), managers=[], reports_dir=None, play_hosts=False)
    options.update(params)
    return StubFileModule(options, check_mode)


def test_managers_with_and_without_outcomes(tmp_path):
    managers = [READY, dict(name='lab', hostname='lab.example.com', reason='Connection refused'),
                dict(name='sfo', outcome=dict(READY, name='ignored', verdict='NOT FINISHED', reasons=['Timed out']))]
    result = write_fleet_report(module(tmp_path, managers=managers))
    assert result['verdict'] == 'NOT CHECKED' and result['changed'] is True
    assert [(m['name'], m['verdict'], m['reason']) for m in result['managers']] == [
        ('lab', 'NOT CHECKED', 'Connection refused'), ('sfo', 'NOT FINISHED', 'Timed out'), ('nyc', 'READY', None)]
    assert os.path.basename(result['html']) == 'fleet-20261201T101500Z.html' and os.path.exists(result['json'])
    assert write_fleet_report(module(tmp_path, managers=managers))['changed'] is False


def test_check_mode_writes_nothing(tmp_path):
    result = write_fleet_report(module(tmp_path, check_mode=True, managers=[READY]))
    assert result['msg'].endswith('Would write %s.' % result['html']) and not (tmp_path / 'fleet').exists()


def test_a_missing_reports_dir_is_refused(tmp_path):
    with pytest.raises(ConfigurationError) as caught:
        write_fleet_report(module(tmp_path, reports_dir=str(tmp_path / 'nowhere')))
    assert caught.value.details['option'] == 'reports_dir'


def test_a_manager_given_wins_over_its_report_in_the_folder(tmp_path):
    (tmp_path / 'nyc').mkdir()
    (tmp_path / 'nyc' / 'precheck-r1.json').write_text('{"verdict": "BLOCKED", "findings": [], "manager": "nyc"}')
    result = write_fleet_report(module(tmp_path, managers=[READY], reports_dir=str(tmp_path)))
    assert [(m['name'], m['verdict']) for m in result['managers']] == [('nyc', 'READY')]


def test_the_stamp_comes_from_the_newest_run_else_now():
    assert stamp('2026-12-01T10:15:00.123Z') == '20261201T101500Z'
    assert stamp('2026-12-01T10:15:00') == '20261201T101500Z'
    assert len(stamp(None)) == len('20261201T101500Z')
