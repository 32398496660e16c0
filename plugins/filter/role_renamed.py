# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Say that a role of the collection has a new name, as a deprecation warning (docs: role_renamed.yml).

meta/runtime.yml can redirect and deprecate modules and plugins, not roles: a role that was
renamed stays as a thin role that calls this, then includes the new one.
"""

from ansible.utils.display import Display

COLLECTION = 'sddc.manager'


def role_renamed(old, new, version):
    """Show the deprecation once (Ansible's deprecation settings apply) and return its text."""
    msg = ('The role %s.%s is now %s.%s (its variables %s_*); the old name and its variables keep working until it is '
           'removed.' % (COLLECTION, old, COLLECTION, new, new))
    Display().deprecated(msg, version=str(version), collection_name=COLLECTION)
    return msg


class FilterModule:
    def filters(self):
        return dict(role_renamed=role_renamed)
