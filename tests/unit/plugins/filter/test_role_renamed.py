# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""filter/role_renamed: a renamed role says so as one of Ansible's deprecation warnings."""

from ansible_collections.sddc.manager.plugins.filter import role_renamed as filter_file


def test_the_deprecation_names_both_roles_and_the_version_that_removes_the_old(monkeypatch):
    shown = []

    class RecordingDisplay:
        def deprecated(self, msg, **kwargs):
            shown.append((msg, kwargs))

    monkeypatch.setattr(filter_file, 'Display', RecordingDisplay)
    text = filter_file.role_renamed('precheck_export', 'save_precheck_export', '1.0.0')
    assert text.startswith('The role sddc.manager.precheck_export is now sddc.manager.save_precheck_export (its '
                           'variables save_precheck_export_*)')
    assert shown == [(text, dict(version='1.0.0', collection_name='sddc.manager'))]
    assert filter_file.FilterModule().filters() == {'role_renamed': filter_file.role_renamed}
