# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Stream an export file to a temporary file, hashing it on the way, never whole in memory."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import os
import tempfile
from email.message import Message

from ansible_collections.sddc.manager.plugins.module_utils.export_task import export_data_path


def filename_from_disposition(value):
    """The bare file name a Content-Disposition header suggests, or None (no path, no dot names)."""
    if not value:
        return None
    message = Message()
    message['Content-Disposition'] = value
    name = message.get_filename()
    if not name:
        return None
    name = os.path.basename(name.replace('\\', '/')).strip()
    if name in ('', '.', '..'):
        return None
    return name


class DownloadedFile:
    """A finished download in a temporary file: where it is, its size and sha256, the answer's headers."""

    def __init__(self, path, size, checksum, headers):
        self.path = path
        self.size = size
        self.checksum = checksum
        self.content_type = headers.get('Content-Type')
        self.suggested_name = filename_from_disposition(headers.get('Content-Disposition'))

    def discard(self):
        if os.path.exists(self.path):
            os.unlink(self.path)


def download_export(client, run_id, directory):
    """GET the export file of ``run_id`` into a new temporary file in ``directory``.

    On any failure the temporary file is removed before the exception goes on, so
    a broken download never leaves a partial file behind.
    """
    handle, path = tempfile.mkstemp(prefix='.precheck-export-', suffix='.part', dir=directory)
    digest = hashlib.sha256()
    size = [0]

    def write(chunk):
        os.write(handle, chunk)
        digest.update(chunk)
        size[0] += len(chunk)

    try:
        try:
            response = client.download(export_data_path(run_id), 'Downloading the export of pre-check run %s'
                                       % run_id, write)
        finally:
            os.close(handle)
    except BaseException:
        os.unlink(path)
        raise
    return DownloadedFile(path, size[0], digest.hexdigest(), response.headers)
