# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""subject: the record a wait polls, built without the poll loop."""

from ansible_collections.sddc.manager.plugins.module_utils.check_sets import run_subject
from ansible_collections.sddc.manager.plugins.module_utils.export_task import export_subject
from ansible_collections.sddc.manager.plugins.module_utils.subject import Subject


def test_the_run_and_export_subjects_say_what_they_poll():
    run = run_subject('r1')
    assert isinstance(run, Subject) and run.label == 'pre-check run r1' and run.noun == 'The pre-check run'
    assert run.status({'status': 'in progress'}) == 'IN_PROGRESS' and run.finished({'status': 'COMPLETED_WITH_SUCCESS'})
    export = export_subject('r1')
    assert export.label == 'the pre-check export of run r1' and export.finished({'status': 'FAILED'})
    assert not export.finished({'status': 'SOMETHING'}), 'an unknown status is never finished'
