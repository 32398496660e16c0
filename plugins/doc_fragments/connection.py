# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)


class ModuleDocFragment:
    # The connection options of every sddc.manager module and action plugin.
    DOCUMENTATION = r'''
options:
  hostname:
    description:
      - The SDDC Manager to talk to, as C(sddc.example.com), C(sddc.example.com:8443) or
        C(https://sddc.example.com).
      - HTTPS is used unless the value starts with C(http://), for example a local simulator
        at C(http://127.0.0.1:8080).
      - If not set in the task, the value of the environment variable E(SDDC_MANAGER_HOST) is used.
      - Required, from the task or the environment.
    type: str
  username:
    description:
      - The SDDC Manager user, for example C(administrator@vsphere.local).
      - The module logs in once with O(username) and O(password) (C(POST /v1/tokens)), then uses
        and refreshes the access token it gets.
      - Mutually exclusive with O(api_token).
      - If not set in the task, the value of the environment variable E(SDDC_MANAGER_USERNAME) is used.
    type: str
  password:
    description:
      - The password of O(username). It never appears in results or output.
      - If not set in the task, the value of the environment variable E(SDDC_MANAGER_PASSWORD) is used.
    type: str
  api_token:
    description:
      - An SDDC Manager access token that you already hold, used as a bearer token.
      - An access token lives about an hour and cannot be refreshed without the refresh token;
        when it expires the task fails saying so. Use O(username) and O(password) for long waits.
      - Mutually exclusive with O(username) and O(password).
      - If not set in the task, the value of the environment variable E(SDDC_MANAGER_API_TOKEN) is used.
    type: str
  validate_certs:
    description:
      - Verify the TLS certificate of SDDC Manager.
      - Set to V(false) only for lab appliances with self-signed certificates; prefer O(ca_path).
      - If not set in the task, the value of the environment variable E(SDDC_MANAGER_VALIDATE_CERTS) is used.
    type: bool
    default: true
  ca_path:
    description:
      - Path to a PEM CA bundle that signed the certificate of SDDC Manager.
      - Used instead of the system trust store when O(validate_certs=true).
      - If not set in the task, the value of the environment variable E(SDDC_MANAGER_CA_PATH) is used.
    type: path
  request_timeout:
    description:
      - Seconds SDDC Manager may take to answer one HTTP request, connection and whole body included
        (0.1 to 3600).
      - Connection errors, timeouts and HTTP 429, 502, 503 and 504 answers are retried a few times
        with capped exponential backoff and jitter, honouring C(Retry-After).
      - If not set in the task, the value of the environment variable E(SDDC_MANAGER_REQUEST_TIMEOUT) is used.
    type: float
    default: 30
  session:
    description:
      - A session opened by M(sddc.manager.session) (the C(session) it returned, registered); the task
        uses its tokens instead of logging in, and leaves them for the next task (it does not revoke them).
      - An expired access token is refreshed with the session's refresh token, or replaced by a new login with
        O(username) and O(password) when they are given.
      - Refused when it was opened with another O(hostname). Ignored with an O(api_token).
      - The roles of the collection pass it themselves, so that a role run logs in once.
    type: dict
requirements:
  - requests (Python library on the host that runs the module, usually the controller)
notes:
  - Give either O(api_token), or O(username) and O(password) (or a O(session)). A missing setting is reported with
    the option and its environment variable.
  - When the task ends, successfully or not, the refresh token obtained by logging in is revoked
    (C(DELETE /v1/tokens/refresh-token)); an O(api_token) is left alone.
'''

    # Only for modules: where a module runs.
    MODULE = r'''
options: {}
notes:
  - The module talks to SDDC Manager from the host it runs on; run it on C(localhost), or delegate
    the task to C(localhost).
'''

    # Only for action plugins: they always run on the controller.
    ACTION = r'''
options: {}
notes:
  - It runs on the controller, whatever host the task targets; the connection options fall back to the
    controller's environment variables (C(SDDC_MANAGER_HOST) and so on), as AWX/AAP credentials inject them.
'''
