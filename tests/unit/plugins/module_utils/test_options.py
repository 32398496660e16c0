# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The shared connection options and their messages."""

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.options import (
    ENV_VARS,
    check_connection_params,
    connection_argument_spec,
)
from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError


def test_every_option_falls_back_to_its_env_var():
    spec = connection_argument_spec()
    assert sorted(spec) == sorted(ENV_VARS)
    for name, option in spec.items():
        assert option['fallback'][1] == [ENV_VARS[name]]


def test_secrets_are_no_log_and_tls_is_verified_by_default():
    spec = connection_argument_spec()
    assert spec['password']['no_log'] and spec['api_token']['no_log']
    assert spec['validate_certs']['default'] is True


@pytest.mark.parametrize('params, named', [
    (dict(api_token='t'), ['hostname (or SDDC_MANAGER_HOST)']),
    (dict(hostname='h'), ['SDDC_MANAGER_API_TOKEN', 'SDDC_MANAGER_USERNAME', 'SDDC_MANAGER_PASSWORD']),
    (dict(hostname='h', username='u'), ['password (or SDDC_MANAGER_PASSWORD)']),
    (dict(hostname='h', password='p'), ['username (or SDDC_MANAGER_USERNAME)']),
])
def test_missing_settings_name_the_option_and_env_var(params, named):
    with pytest.raises(ConfigurationError) as caught:
        check_connection_params(params)
    for text in named:
        assert text in caught.value.msg


@pytest.mark.parametrize('params', [dict(hostname='h', api_token='t'), dict(hostname='h', username='u', password='p')])
def test_either_credential_form_is_enough(params):
    check_connection_params(params)


def test_an_empty_env_var_counts_as_unset(monkeypatch):
    from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
    monkeypatch.setenv('SDDC_MANAGER_HOST', 'sddc.example.com')
    monkeypatch.setenv('SDDC_MANAGER_API_TOKEN', 't0k3n')
    monkeypatch.setenv('SDDC_MANAGER_USERNAME', '')
    monkeypatch.setenv('SDDC_MANAGER_REQUEST_TIMEOUT', '')
    monkeypatch.setenv('SDDC_MANAGER_VALIDATE_CERTS', 'False')
    result = ArgumentSpecValidator(connection_argument_spec()).validate({})
    assert result.errors.messages == []
    params = result.validated_parameters
    assert params['username'] is None and params['request_timeout'] == 30.0
    assert params['validate_certs'] is False and params['api_token'] == 't0k3n'
    assert 't0k3n' in result._no_log_values
