# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Stream an export file to a temporary file, checked before anything is replaced.

The body is hashed on the way and never held in memory whole; every byte is
written (a short write is retried, a full disk fails); what is on disk is checked
for size and sha256 before the caller moves it into place; an empty body, or an
HTML or JSON error page where a file was expected, is refused; a file name the
server suggests is used only when it is a plain, visible, safe name.
"""

import hashlib
import json
import os
import re
import tempfile
from email.message import Message
from typing import Optional

from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError, InvalidResponseError
from ansible_collections.sddc.manager.plugins.module_utils.export_task import export_data_path
from ansible_collections.sddc.manager.plugins.module_utils.text import quote

DEFAULT_MAX_SIZE = 256 * 1024 * 1024
SAFE_NAME = re.compile(r'^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$')
HASH_BLOCK = 1024 * 1024


def filename_from_disposition(value) -> Optional[str]:
    """The file name a Content-Disposition header suggests, as sent (unchecked), or None."""
    if not value:
        return None
    message = Message()
    try:
        message['Content-Disposition'] = value
        name = message.get_filename()
    except (ValueError, TypeError, LookupError):
        return None
    return name if isinstance(name, str) else None


def safe_name(name) -> Optional[str]:
    """``name`` when it is a plain visible file name of safe characters (no path, no leading dot), else None."""
    if not name or not SAFE_NAME.match(name) or name in ('.', '..'):
        return None
    return name


def default_name(run_id: str) -> str:
    return 'precheck-export-%s.csv' % run_id


def destination(dest: str, suggested, run_id: str) -> str:
    """The file to write: ``dest`` itself, or a safe name in the directory ``dest``.

    A suggested name is taken only when it is safe and names nothing but a regular file
    (never a link, a directory or a device); otherwise ``precheck-export-<run_id>.csv``.
    """
    if not os.path.isdir(dest):
        return dest
    name = safe_name(suggested)
    if name:
        path = os.path.join(dest, name)
        if not os.path.lexists(path) or (os.path.isfile(path) and not os.path.islink(path)):
            return path
    return os.path.join(dest, default_name(run_id))


def write_all(handle: int, chunk: bytes) -> None:
    """Write every byte of ``chunk`` (os.write may write fewer), or raise OSError."""
    view = memoryview(chunk)
    while view:
        written = os.write(handle, view)
        if written <= 0:
            raise OSError('the disk accepted no more bytes')
        view = view[written:]


def file_sha256(path: str) -> tuple:
    """(size, sha256) of what is on disk at ``path``."""
    digest, size = hashlib.sha256(), 0
    with open(path, 'rb') as handle:
        for block in iter(lambda: handle.read(HASH_BLOCK), b''):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()


def looks_like_error_page(content_type: str, head: bytes) -> bool:
    """An HTML page, or a JSON error object, where a file was expected."""
    lowered = head.lstrip()[:512].lower()
    if (content_type or '').lower().startswith('text/html') or lowered.startswith((b'<!doctype html', b'<html')):
        return True
    if 'json' in (content_type or '').lower():
        try:
            body = json.loads(head.decode('utf-8'))
        except (ValueError, UnicodeDecodeError, RecursionError):
            return False
        return isinstance(body, dict) and bool({'errorCode', 'message', 'error'} & set(body))
    return False


class DownloadedFile:
    """A finished, checked download in a temporary file: where it is, its size and sha256, the answer's headers."""

    def __init__(self, path, size, checksum, headers):
        self.path = path
        self.size = size
        self.checksum = checksum
        self.content_type = quote(headers.get('Content-Type'), 200) or None
        self.suggested_name = filename_from_disposition(headers.get('Content-Disposition'))

    def discard(self) -> None:
        if os.path.exists(self.path):
            os.unlink(self.path)


def download_export(client, run_id: str, directory: str, max_size: int = DEFAULT_MAX_SIZE) -> DownloadedFile:
    """GET the export file of ``run_id`` into a new temporary file in ``directory``, and check it.

    On any failure the temporary file is removed before the exception goes on, so
    a broken download never leaves a partial file behind, nor replaces anything.
    """
    description = 'Downloading the export of pre-check run %s' % run_id
    try:
        handle, path = tempfile.mkstemp(prefix='.precheck-export-', suffix='.part', dir=directory)
    except OSError as exc:
        raise ConfigurationError('%s failed: cannot create a file in %s: %s.'
                                 % (description, directory, exc.strerror or exc), option='dest')
    digest = hashlib.sha256()
    head = bytearray()

    def write(chunk):
        write_all(handle, chunk)
        digest.update(chunk)
        if len(head) < 4096:
            head.extend(chunk[:4096 - len(head)])

    try:
        try:
            response, size = client.download(export_data_path(run_id), description, write, max_size)
            os.fsync(handle)
        finally:
            os.close(handle)
        content_type = response.headers.get('Content-Type') or ''
        if size == 0:
            raise InvalidResponseError('%s failed: SDDC Manager sent an empty file.' % description,
                                       status_code=response.status_code)
        if looks_like_error_page(content_type, bytes(head)):
            raise InvalidResponseError('%s failed: SDDC Manager sent an error page (%s) instead of the file: %s'
                                       % (description, quote(content_type, 80) or 'no Content-Type',
                                          client.quoted(bytes(head))),
                                       status_code=response.status_code)
        on_disk = file_sha256(path)
        if on_disk != (size, digest.hexdigest()):
            raise InvalidResponseError('%s failed: %d bytes were received but %d reached the disk; nothing was '
                                       'replaced.' % (description, size, on_disk[0]))
    except OSError as exc:
        os.unlink(path)
        raise ConfigurationError('%s failed: writing in %s: %s; nothing was replaced.'
                                 % (description, directory, exc.strerror or exc), option='dest')
    except BaseException:
        os.unlink(path)
        raise
    return DownloadedFile(path, size, digest.hexdigest(), response.headers)
