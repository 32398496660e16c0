# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Writing the collection's reports: a destination directory checked and made, files replaced atomically and
only when their bytes change (so a report written again changes nothing), no temporary file left on failure."""

import os
import tempfile

from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError


def prepare_dest(module, dest: str) -> bool:
    """Check ``dest`` can be a directory and make it (not in check mode); True when it had to be made."""
    if '\x00' in dest:
        raise ConfigurationError('dest %r holds a NUL character: name a directory.' % dest.replace('\x00', '\\0'),
                                 option='dest')
    if os.path.exists(dest) and not os.path.isdir(dest):
        raise ConfigurationError('dest %s exists and is not a directory.' % dest, option='dest')
    made = not os.path.isdir(dest)
    if made and not module.check_mode:
        os.makedirs(dest, exist_ok=True)
    return made


def write_if_different(module, path: str, content: bytes) -> bool:
    """Write ``content`` at ``path`` atomically unless it already holds those bytes; True when it changed."""
    if os.path.isfile(path):
        with open(path, 'rb') as handle:
            if handle.read() == content:
                return False
    if module.check_mode:
        return True
    handle, temporary = tempfile.mkstemp(prefix='.precheck-report-', dir=os.path.dirname(path))
    try:
        with os.fdopen(handle, 'wb') as stream:
            stream.write(content)
        module.atomic_move(temporary, path)
    finally:   # a full disk, or a move that failed: no temporary file is left in dest
        if os.path.exists(temporary):
            os.unlink(temporary)
    return True


def write_files(module, contents: dict, changed: bool = False) -> bool:
    """Write each ``path: bytes`` of ``contents`` if different, with the task's file attributes; True when
    anything changed (or, in check mode, would)."""
    for path, content in contents.items():
        changed = write_if_different(module, path, content) or changed
        if not module.check_mode or os.path.exists(path):
            file_args = module.load_file_common_arguments(module.params, path=path)
            changed = module.set_fs_attributes_if_different(file_args, changed)
    return changed
