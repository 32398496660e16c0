# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The unit tests mirror the plugin tree: one test file per source file (docs/docsite/rst/developing.rst)."""

import os

import pytest

COLLECTION = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
MIRRORED = ('module_utils', 'action', 'modules', 'plugin_utils', 'inventory', 'filter')
# Files whose behaviour is tested elsewhere, with where.
TESTED_ELSEWHERE = {
    ('modules', 'wait_for_precheck.py'): 'documentation only: tests/unit/plugins/action/test_wait_for_precheck.py',
    ('modules', 'wait_for_precheck_export.py'): 'documentation only: tests/unit/plugins/action/',
    ('modules', 'session.py'): 'documentation only: tests/unit/plugins/action/test_session.py',
}


def sources(folder):
    path = os.path.join(COLLECTION, 'plugins', folder)
    return sorted(name for name in os.listdir(path) if name.endswith('.py') and name != '__init__.py')


@pytest.mark.parametrize('folder', MIRRORED)
def test_each_source_file_has_its_test_file(folder):
    missing = []
    for name in sources(folder):
        test = os.path.join(COLLECTION, 'tests', 'unit', 'plugins', folder, 'test_' + name)
        if not os.path.exists(test) and (folder, name) not in TESTED_ELSEWHERE:
            missing.append('tests/unit/plugins/%s/test_%s' % (folder, name))
    assert not missing, 'add: %s' % ', '.join(missing)


@pytest.mark.parametrize('folder', MIRRORED)
def test_each_test_file_has_its_source_file(folder):
    tests = os.path.join(COLLECTION, 'tests', 'unit', 'plugins', folder)
    if not os.path.isdir(tests):
        return
    orphans = [name for name in os.listdir(tests) if name.startswith('test_') and name.endswith('.py')
               and name[len('test_'):] not in sources(folder)]
    assert not orphans, 'no source file for %s' % ', '.join(orphans)


def test_the_exceptions_listed_elsewhere_still_exist():
    for folder, name in TESTED_ELSEWHERE:
        assert name in sources(folder), (folder, name)
