# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The connection options every module and action plugin shares, in one place.

Documented once in ``sddc.manager.connection`` (plugins/doc_fragments); each
option falls back to an environment variable, as AWX/AAP credentials inject them.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os

from ansible.module_utils.basic import AnsibleFallbackNotFound

from ansible_collections.sddc.manager.plugins.module_utils.client import SddcManagerClient
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

MUTUALLY_EXCLUSIVE = [('api_token', 'username'), ('api_token', 'password')]


def env_fallback_if_set(*names):
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


def connection_argument_spec():
    """The argument spec of the connection options (a fresh dict each call)."""
    return dict(
        hostname=_option('hostname', type='str'),
        username=_option('username', type='str'),
        password=_option('password', type='str', no_log=True),
        api_token=_option('api_token', type='str', no_log=True),
        validate_certs=_option('validate_certs', type='bool', default=True),
        ca_path=_option('ca_path', type='path'),
        request_timeout=_option('request_timeout', type='float', default=30.0),
    )


def argument_spec(**options):
    """A module's full argument spec: its own ``options`` plus the connection options."""
    spec = connection_argument_spec()
    spec.update(options)
    return spec


def check_connection_params(params):
    """Raise ConfigurationError naming the option and its env var when one is missing."""
    missing = []
    if not params.get('hostname'):
        missing.append('hostname (or %s)' % ENV_VARS['hostname'])
    if not params.get('api_token'):
        if params.get('username') and not params.get('password'):
            missing.append('password (or %s) to go with username' % ENV_VARS['password'])
        elif params.get('password') and not params.get('username'):
            missing.append('username (or %s) to go with password' % ENV_VARS['username'])
        elif not params.get('username'):
            missing.append('credentials: api_token (or %s), or username and password (or %s and %s)'
                           % (ENV_VARS['api_token'], ENV_VARS['username'], ENV_VARS['password']))
    if params.get('request_timeout') is not None and params['request_timeout'] <= 0:
        raise ConfigurationError('request_timeout must be a positive number of seconds.')
    if missing:
        raise ConfigurationError('Missing SDDC Manager connection settings: %s.' % '; '.join(missing))


def client_from_params(params, **kwargs):
    """A client built from validated connection options (after check_connection_params)."""
    check_connection_params(params)
    return SddcManagerClient(
        hostname=params['hostname'],
        username=params.get('username'),
        password=params.get('password'),
        api_token=params.get('api_token'),
        validate_certs=params.get('validate_certs', True),
        ca_path=params.get('ca_path'),
        request_timeout=params.get('request_timeout'),
        **kwargs)
