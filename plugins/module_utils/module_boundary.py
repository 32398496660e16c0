# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Where a module turns the client's exceptions into an Ansible result."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.module_utils.basic import AnsibleModule, missing_required_lib

from ansible_collections.sddc.manager.plugins.module_utils.client import (
    HAS_REQUESTS,
    REQUESTS_IMPORT_ERROR,
)
from ansible_collections.sddc.manager.plugins.module_utils.connection import (
    MUTUALLY_EXCLUSIVE,
    argument_spec,
    client_from_params,
)
from ansible_collections.sddc.manager.plugins.module_utils.errors import SddcManagerError


def sddc_manager_module(options, **kwargs):
    """An AnsibleModule with the shared connection options added to ``options``."""
    kwargs.setdefault('mutually_exclusive', []).extend(MUTUALLY_EXCLUSIVE)
    return AnsibleModule(argument_spec=argument_spec(**options), **kwargs)


def run_module(module, operation):
    """Call ``operation(client)`` and exit with its result, or fail with the error's one-line msg."""
    if not HAS_REQUESTS:
        module.fail_json(msg=missing_required_lib('requests'), exception=REQUESTS_IMPORT_ERROR)
    try:
        with client_from_params(module.params) as client:
            result = operation(client)
    except SddcManagerError as exc:
        module.fail_json(**exc.to_result())
    module.exit_json(**result)
