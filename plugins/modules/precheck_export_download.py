#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r'''
module: precheck_export_download
short_description: Download the file of a completed export
version_added: 0.1.0
description:
  - Downloads the file of a C(COMPLETED) pre-check export with C(GET /v1/system/check-sets/{runId}/exports/data)
    (VMware Cloud Foundation 9.1 and later) and saves it at O(dest).
  - Streams to a temporary file in the destination's directory, then renames it into place, so O(dest) never
    holds a partial file and the file is never held in memory whole.
  - Idempotent. When O(dest) already holds the same bytes (same sha256), nothing changes.
  - An export that is not C(COMPLETED) fails naming its status; wait for it with
    M(sddc.manager.wait_for_precheck_export) first.
author:
  - sddc.manager contributors (@sddc-manager)
options:
  dest:
    description:
      - Where to save the file, on the host the module runs on.
      - A file path, or an existing directory. In a directory the file name comes from the
        C(Content-Disposition) header of the answer when it is a plain, visible name of safe characters
        (letters, digits, C(.), C(_), C(+), C(-); no leading dot; at most 128) that names no link, directory or
        device; otherwise it is C(precheck-export-<run_id>.csv).
      - The directory must exist.
    type: path
    required: true
  max_size:
    description:
      - The largest file, in bytes, to accept. A larger answer fails before the disk fills, and nothing is replaced.
    type: int
    default: 268435456
extends_documentation_fragment:
  - sddc.manager.run_id
  - sddc.manager.connection
  - sddc.manager.connection.module
  - ansible.builtin.action_common_attributes
  - ansible.builtin.files
attributes:
  check_mode:
    support: full
    details: Downloads to a temporary file to compare with O(dest), reports C(changed), and writes nothing at O(dest).
  diff_mode:
    support: none
  platform:
    platforms: all
seealso:
  - module: sddc.manager.precheck_export
  - module: sddc.manager.wait_for_precheck_export
'''

EXAMPLES = r'''
- name: Save the export of a pre-check run into a directory (connection from SDDC_MANAGER_* env vars)
  sddc.manager.precheck_export_download:
    run_id: 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d
    dest: /var/tmp/
  register: precheck_file

- name: Show where it went
  ansible.builtin.debug:
    msg: "{{ precheck_file.dest }}: {{ precheck_file.size }} bytes, sha256 {{ precheck_file.checksum }}"

- name: Save it under a fixed name, readable by its owner only
  sddc.manager.precheck_export_download:
    run_id: 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d
    dest: /var/tmp/precheck-before-upgrade.csv
    mode: "0600"
'''

RETURN = r'''
msg:
  description: What was saved where, or why nothing changed, in one line.
  returned: success
  type: str
  sample: Saved the export of pre-check run 3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d to /var/tmp/precheck.csv (48213 bytes).
dest:
  description: The path of the saved file.
  returned: success
  type: str
  sample: /var/tmp/precheck-export-3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d.csv
size:
  description: Its size in bytes.
  returned: success
  type: int
  sample: 48213
size_phrase:
  description: RV(size) in words (C(1 byte), C(2048 bytes)), for a message.
  returned: success
  type: str
  sample: 2048 bytes
checksum:
  description: The sha256 of its content, in hex.
  returned: success
  type: str
  sample: 9f2b5c0e1d8a7f36b4c1e2d3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7
content_type:
  description: The Content-Type SDDC Manager gave the file.
  returned: success
  type: str
  sample: application/octet-stream
run_id:
  description: The run id as sent (lower case, hyphenated).
  returned: success
  type: str
export:
  description: The export task (C(ExportTaskRest)) read before the download.
  returned: when an export exists
  type: dict
error_kind:
  description: On failure, its kind, one of C(ConfigurationError), C(ApiError), C(AuthenticationError),
    C(NotFoundError), C(CertificateError), C(TransportError), C(InvalidResponseError), C(UnsupportedVersionError),
    C(ExportNotReadyError), C(ExportFailedError) (an export ended C(FAILED)), C(WaitTimeoutError) (a wait ran out of
    time), C(PrecheckBlockedError) (the gate failed on a run) or C(UnexpectedError). Every failure has one. The
    troubleshooting guide says what to do about each.
  returned: on failure
  type: str
  sample: ExportNotReadyError
status_code:
  description: On failure, the HTTP status of the answer that failed.
  returned: when SDDC Manager answered with an HTTP error
  type: int
  sample: 400
error:
  description: On failure, the VCF C(Error) object SDDC Manager returned (errorCode, message, remediationMessage,
    referenceToken...).
  returned: when SDDC Manager answered with an error body
  type: dict
error_details:
  description:
    - On failure, structured details where they apply, with the keys C(url) (the URL that could not be reached),
      C(attempts) (how many times the request was tried), C(version) (the SDDC Manager version found),
      C(required_version) (the VCF version an operation needs), C(export_status) (the status of an export that
      was not ready), C(available) (what exists instead of what was asked for) and C(option) (the option at fault).
  returned: on failure, when there are any
  type: dict
  sample: {"version": "9.0.0.0.24703748", "required_version": "9.1"}
'''

import os

from ansible_collections.sddc.manager.plugins.module_utils.download import (
    DEFAULT_MAX_SIZE,
    destination,
    download_export,
)
from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError, ExportNotReadyError
from ansible_collections.sddc.manager.plugins.module_utils.check_sets import canonical_run_id
from ansible_collections.sddc.manager.plugins.module_utils.export_task import (
    COMPLETED,
    FAILED,
    export_failure_message,
    export_progress,
    export_status,
    read_export,
)
from ansible_collections.sddc.manager.plugins.module_utils.module_boundary import run_module, sddc_manager_module
from ansible_collections.sddc.manager.plugins.module_utils.options import run_id_option
from ansible_collections.sddc.manager.plugins.module_utils.text import plural, progress_phrase

OPTIONS = dict(run_id=run_id_option(), dest=dict(type='path', required=True),
               max_size=dict(type='int', default=DEFAULT_MAX_SIZE))


def require_completed(run_id: str, export) -> None:
    """Fail before downloading when there is nothing complete to download, saying what to do."""
    if export is None:
        raise ExportNotReadyError(
            'Pre-check run %s has no export to download: start one with sddc.manager.precheck_export and wait for '
            'it with sddc.manager.wait_for_precheck_export.' % run_id)
    status = export_status(export)
    if status == FAILED:
        raise ExportNotReadyError(export_failure_message(run_id, export), export_status=status)
    if status != COMPLETED:
        raise ExportNotReadyError(
            'The export of pre-check run %s is %s, not COMPLETED: wait for it with '
            'sddc.manager.wait_for_precheck_export before downloading.'
            % (run_id, progress_phrase(status, export_progress(export))), export_status=status)


def check_dest(params: dict) -> str:
    """The directory the file goes to; fails, before any request, when it cannot be written."""
    dest = params['dest']
    if '\x00' in dest:
        raise ConfigurationError('dest must not contain a NUL character.', option='dest')
    if params['max_size'] <= 0:
        raise ConfigurationError('max_size must be a positive number of bytes.', option='max_size')
    directory = dest if os.path.isdir(dest) else (os.path.dirname(dest) or '.')
    if not os.path.isdir(directory):
        raise ConfigurationError('dest %s: the directory %s does not exist.' % (dest, directory), option='dest')
    if not os.access(directory, os.W_OK | os.X_OK):
        raise ConfigurationError('dest %s: the directory %s is not writable.' % (dest, directory), option='dest')
    return directory


def save_export(module, client) -> dict:
    """Download the completed export and move it into place unless the same bytes are there already."""
    params = module.params
    run_id = canonical_run_id(params['run_id'])
    directory = check_dest(params)
    export = read_export(client, run_id)
    require_completed(run_id, export)
    # In check mode, compare through a temporary file that is nowhere near dest.
    downloaded = download_export(client, run_id, module.tmpdir if module.check_mode else directory, params['max_size'])
    try:
        path = destination(params['dest'], downloaded.suggested_name, run_id)
        changed = not (os.path.isfile(path) and module.sha256(path) == downloaded.checksum)
        if changed and not module.check_mode:
            module.atomic_move(downloaded.path, path)
    finally:
        downloaded.discard()
    file_args = module.load_file_common_arguments(module.params, path=path)
    if not module.check_mode or os.path.exists(path):
        changed = module.set_fs_attributes_if_different(file_args, changed)
    if module.check_mode:
        msg = 'Check mode: the export of pre-check run %s (%s) would be saved to %s%s.' % (
            run_id, plural(downloaded.size, 'byte'), path, '' if changed else ', which already holds the same bytes')
    elif changed:
        msg = 'Saved the export of pre-check run %s to %s (%s).' % (run_id, path, plural(downloaded.size, 'byte'))
    else:
        msg = '%s already holds the export of pre-check run %s (%s): nothing changed.' % (
            path, run_id, plural(downloaded.size, 'byte'))
    return dict(changed=changed, dest=path, size=downloaded.size, size_phrase=plural(downloaded.size, 'byte'),
                checksum=downloaded.checksum, content_type=downloaded.content_type, run_id=run_id, export=export,
                msg=msg)


def main():
    module = sddc_manager_module(OPTIONS, supports_check_mode=True, add_file_common_args=True)
    run_module(module, lambda client: save_export(module, client))


if __name__ == '__main__':
    main()
