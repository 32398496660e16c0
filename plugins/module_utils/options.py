# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every option more than one plugin takes, defined once, and the client built from them.

Each group has a doc fragment beside it in plugins/doc_fragments (connection, wait,
run_id); tests/unit/plugins/test_documentation.py holds every plugin's docs
and the role argument specs to these definitions.
"""

import math
import os

from ansible.module_utils.basic import AnsibleFallbackNotFound

from ansible_collections.sddc.manager.plugins.module_utils.client import DEFAULT_REQUEST_TIMEOUT, SddcManagerClient
from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError

ENV_VARS = dict(
    hostname='SDDC_MANAGER_HOST',
    username='SDDC_MANAGER_USERNAME',
    password='SDDC_MANAGER_PASSWORD',
    api_token='SDDC_MANAGER_API_TOKEN',
    validate_certs='SDDC_MANAGER_VALIDATE_CERTS',
    ca_path='SDDC_MANAGER_CA_PATH',
    request_timeout='SDDC_MANAGER_REQUEST_TIMEOUT',
)


# Sensible ranges: refused before any request (NaN and infinity included).
REQUEST_TIMEOUT_RANGE = (0.1, 3600.0)
TIMEOUT_RANGE = (0.0, 7 * 24 * 3600.0)
POLL_INTERVAL_RANGE = (0.05, 3600.0)

# Wait options: one definition per kind of wait (doc fragment sddc.manager.wait).
EXPORT_WAIT = dict(timeout=1800.0, poll_interval=10.0)
RUN_WAIT = dict(timeout=3600.0, poll_interval=15.0)


def env_fallback_if_set(*names) -> str:
    """Like ansible's env_fallback, but an empty variable counts as unset.

    AWX/AAP credentials inject every field, the empty ones as empty strings; an
    empty SDDC_MANAGER_REQUEST_TIMEOUT must not fail as "not a float".
    """
    for name in names:
        value = os.environ.get(name)
        if value:
            return value
    raise AnsibleFallbackNotFound


def _option(name, **spec):
    spec['fallback'] = (env_fallback_if_set, [ENV_VARS[name]])
    return spec


def connection_argument_spec() -> dict:
    """The argument spec of the connection options (a fresh dict each call)."""
    return dict(
        hostname=_option('hostname', type='str'),
        username=_option('username', type='str'),
        password=_option('password', type='str', no_log=True),
        api_token=_option('api_token', type='str', no_log=True),
        validate_certs=_option('validate_certs', type='bool', default=True),
        ca_path=_option('ca_path', type='path'),
        request_timeout=_option('request_timeout', type='float', default=DEFAULT_REQUEST_TIMEOUT),
        session=dict(type='dict', no_log=True),
    )


def secrets_of(params: dict) -> list:
    """Every secret the options hold (password, api_token, a shared session's tokens), for redaction."""
    session = params.get('session') if isinstance(params.get('session'), dict) else {}
    return [params.get('password'), params.get('api_token'), session.get('access_token'), session.get('refresh_token')]


def run_id_option(required: bool = True) -> dict:
    """The ``run_id`` option (doc fragment sddc.manager.run_id)."""
    return dict(type='str', required=required)


def wait_options(defaults: dict) -> dict:
    """``timeout`` and ``poll_interval`` with the defaults of one kind of wait (EXPORT_WAIT or RUN_WAIT)."""
    return dict(timeout=dict(type='float', default=defaults['timeout']),
                poll_interval=dict(type='float', default=defaults['poll_interval']))


def argument_spec(**options) -> dict:
    """A plugin's full argument spec: its own ``options`` plus the connection options."""
    spec = connection_argument_spec()
    spec.update(options)
    return spec


def check_number(params: dict, name: str, bounds: tuple) -> None:
    """Refuse NaN, infinity and values outside ``bounds`` for the number option ``name``."""
    value = params.get(name)
    if value is None:
        return
    low, high = bounds
    if not math.isfinite(value) or not low <= value <= high:
        raise ConfigurationError('%s must be a number of seconds from %g to %g; got %s.' % (name, low, high, value),
                                 option=name)


def check_wait_params(params: dict) -> None:
    check_number(params, 'timeout', TIMEOUT_RANGE)
    check_number(params, 'poll_interval', POLL_INTERVAL_RANGE)


def check_connection_params(params: dict) -> None:
    """Raise ConfigurationError naming the option and its env var when one is missing or out of range."""
    if params.get('api_token') and (params.get('username') or params.get('password')):
        given = [name for name in ('username', 'password') if params.get(name)]
        raise ConfigurationError(
            'Both an api_token and %s are set (as options, or as %s and %s): use one way to log in. Unset '
            'api_token (%s) to log in with username and password, or unset username and password to use the token.'
            % (' and '.join(given), ENV_VARS['api_token'], ' and '.join(ENV_VARS[name] for name in given),
               ENV_VARS['api_token']), option='api_token')
    missing = []
    if not params.get('hostname'):
        missing.append('hostname (or %s)' % ENV_VARS['hostname'])
    if not params.get('api_token'):
        if params.get('username') and not params.get('password'):
            missing.append('password (or %s) to go with username' % ENV_VARS['password'])
        elif params.get('password') and not params.get('username'):
            missing.append('username (or %s) to go with password' % ENV_VARS['username'])
        elif not params.get('username') and not params.get('session'):
            missing.append('credentials: api_token (or %s), or username and password (or %s and %s)'
                           % (ENV_VARS['api_token'], ENV_VARS['username'], ENV_VARS['password']))
    check_number(params, 'request_timeout', REQUEST_TIMEOUT_RANGE)
    if missing:
        raise ConfigurationError('Missing SDDC Manager connection settings: %s.' % '; '.join(missing))


def client_from_params(params: dict, **kwargs) -> SddcManagerClient:
    """A client built from the connection options, after checking them."""
    check_connection_params(params)
    return SddcManagerClient(
        hostname=params['hostname'],
        username=params.get('username'),
        password=params.get('password'),
        api_token=params.get('api_token'),
        validate_certs=params.get('validate_certs', True),
        ca_path=params.get('ca_path'),
        request_timeout=params.get('request_timeout'),
        login_session=params.get('session'),
        **kwargs)
