# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Where a module turns the client's exceptions into an Ansible result: the only place.

``run_module`` builds the client from the connection options, calls the module's
operation, passes whatever comes back (result or failure) through the client's
redaction step, and ends the session (revoking the refresh token) either way.
"""

import traceback

from ansible.module_utils.basic import AnsibleModule, missing_required_lib

from ansible_collections.sddc.manager.plugins.module_utils.client import HAS_REQUESTS, REQUESTS_IMPORT_ERROR
from ansible_collections.sddc.manager.plugins.module_utils.errors import SddcManagerError
from ansible_collections.sddc.manager.plugins.module_utils.options import (
    argument_spec,
    client_from_params,
    secrets_of,
)
from ansible_collections.sddc.manager.plugins.module_utils.redact import Redactor
from ansible_collections.sddc.manager.plugins.module_utils.text import one_line


def sddc_manager_module(options: dict, **kwargs) -> AnsibleModule:
    """An AnsibleModule with the shared connection options added to ``options``."""
    return AnsibleModule(argument_spec=argument_spec(**options), **kwargs)


def unexpected_failure(exc: BaseException, redactor: Redactor) -> dict:
    """The result for an exception no one foresaw: one line, redacted, the traceback kept for -vvv."""
    return dict(msg=redactor.text(one_line('Unexpected %s: %s' % (type(exc).__name__, exc))),
                error_kind='UnexpectedError', exception=redactor.text(traceback.format_exc()))


# Keys that hold a server object as it came (a VCF error, an export task): each string a printable line.
SERVER_OBJECTS = ('error', 'export')


def returned(result: dict, redactor) -> dict:
    """``result`` as a task returns it: redacted, and the server's own objects made printable lines only (no
    control or bidi character reaches the display through them)."""
    result = redactor.value(result)
    for key in SERVER_OBJECTS:
        if isinstance(result.get(key), (dict, list)):
            result[key] = redactor.value(result[key], tidy=True)
    return result


def run_operation(params: dict, operation, **client_options) -> tuple:
    """(failed, result) of ``operation(client)``, redacted; the client is closed either way."""
    redactor = Redactor(*secrets_of(params))
    try:
        with client_from_params(params, **client_options) as client:
            redactor = client.redactor
            result = operation(client)
        return False, returned(result, redactor)
    except SddcManagerError as exc:
        return True, returned(exc.to_result(), redactor)
    except Exception as exc:  # pylint: disable=broad-except  # last resort: never a raw traceback
        return True, unexpected_failure(exc, redactor)


def run_local_module(module: AnsibleModule, operation) -> None:
    """For a module that talks to no server: ``operation()`` ends the same way ``run_module``'s does."""
    try:
        result = operation()
    except SddcManagerError as exc:
        module.fail_json(**exc.to_result())
    except Exception as exc:  # pylint: disable=broad-except  # last resort: never a raw traceback
        module.fail_json(**unexpected_failure(exc, Redactor()))
    module.exit_json(**result)


def run_module(module: AnsibleModule, operation) -> None:
    """Call ``operation(client)`` and exit with its result, or fail with the error's one-line msg."""
    if not HAS_REQUESTS:
        module.fail_json(msg=missing_required_lib('requests'), exception=REQUESTS_IMPORT_ERROR)
    failed, result = run_operation(module.params, operation)
    if failed:
        module.fail_json(**result)
    module.exit_json(**result)
