#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: precheck_export_download
short_description: Save the export file of an SDDC Manager pre-check run
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
  run_id:
    description:
      - The UUID of the pre-check run whose export to save. Any casing; sent canonical.
    type: str
    required: true
  dest:
    description:
      - Where to save the file, on the host the module runs on.
      - A file path, or an existing directory. In a directory the file name comes from the
        C(Content-Disposition) header of the answer, else it is C(precheck-export-<run_id>.csv).
      - The directory must exist.
    type: path
    required: true
extends_documentation_fragment:
  - sddc.manager.connection
  - ansible.builtin.files
attributes:
  check_mode:
    support: full
    description: Downloads to a temporary file to compare with O(dest), reports C(changed), and writes nothing at O(dest).
  diff_mode:
    support: none
    description: No diff is produced.
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
error:
  description: On failure, the VCF C(Error) object SDDC Manager returned.
  returned: when SDDC Manager answered with an error body
  type: dict
status_code:
  description: On failure, the HTTP status of the answer that failed.
  returned: when SDDC Manager answered with an HTTP error
  type: int
error_kind:
  description: On failure, the kind of failure (C(ApiError), C(ExportNotReadyError), C(TransportError)...).
  returned: on failure
  type: str
'''

import os

from ansible_collections.sddc.manager.plugins.module_utils.download import download_export
from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError, ExportNotReadyError
from ansible_collections.sddc.manager.plugins.module_utils.export_task import (
    canonical_run_id,
    export_progress,
    export_status,
    read_export,
)
from ansible_collections.sddc.manager.plugins.module_utils.module_boundary import (
    run_module,
    sddc_manager_module,
)


def require_completed(run_id, export):
    """Fail before downloading when there is nothing complete to download."""
    if export is None:
        raise ExportNotReadyError(
            'Pre-check run %s has no export to download: start one with sddc.manager.precheck_export and wait for '
            'it with sddc.manager.wait_for_precheck_export.' % run_id, export_status=None)
    status = export_status(export)
    if status != 'COMPLETED':
        progress = export_progress(export)
        where = ' at %.1f%%' % progress if progress is not None else ''
        raise ExportNotReadyError(
            'The export of pre-check run %s is %s%s, not COMPLETED: wait for it with '
            'sddc.manager.wait_for_precheck_export before downloading.' % (run_id, status, where),
            export_status=status, export=export)


def destination(dest, suggested_name, run_id):
    """The file to write: ``dest`` itself, or a file in the directory ``dest``."""
    if os.path.isdir(dest):
        return os.path.join(dest, suggested_name or 'precheck-export-%s.csv' % run_id)
    return dest


def main():
    module = sddc_manager_module(dict(run_id=dict(type='str', required=True),
                                      dest=dict(type='path', required=True)),
                                 supports_check_mode=True, add_file_common_args=True)

    def save(client):
        run_id = canonical_run_id(module.params['run_id'])
        dest = module.params['dest']
        directory = dest if os.path.isdir(dest) else (os.path.dirname(dest) or '.')
        if not os.path.isdir(directory):
            raise ConfigurationError('dest %s: the directory %s does not exist.' % (dest, directory))
        export = read_export(client, run_id)
        require_completed(run_id, export)
        # In check mode, compare through a temporary file that is nowhere near dest.
        downloaded = download_export(client, run_id, module.tmpdir if module.check_mode else directory)
        try:
            path = destination(dest, downloaded.suggested_name, run_id)
            changed = not (os.path.isfile(path) and module.sha256(path) == downloaded.checksum)
            if changed and not module.check_mode:
                module.atomic_move(downloaded.path, path)
        finally:
            downloaded.discard()
        file_args = module.load_file_common_arguments(module.params, path=path)
        if not module.check_mode or os.path.exists(path):
            changed = module.set_fs_attributes_if_different(file_args, changed)
        return dict(changed=changed, dest=path, size=downloaded.size, checksum=downloaded.checksum,
                    content_type=downloaded.content_type, run_id=run_id, export=export)

    run_module(module, save)


if __name__ == '__main__':
    main()
