# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""options: the shared options, their checks and messages, and the client built from them."""

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.options import (
    ENV_VARS,
    check_connection_params,
    check_wait_params,
    client_from_params,
    connection_argument_spec,
    secrets_of,
)
from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError


def test_every_option_falls_back_to_its_env_var_but_the_session():
    spec = connection_argument_spec()
    assert sorted(spec) == sorted(list(ENV_VARS) + ['session'])
    for name, option in spec.items():
        if name != 'session':   # a session is handed from task to task, never set in the environment
            assert option['fallback'][1] == [ENV_VARS[name]]
    assert 'fallback' not in spec['session']


def test_secrets_are_no_log_and_tls_is_verified_by_default():
    spec = connection_argument_spec()
    assert spec['password']['no_log'] and spec['api_token']['no_log'] and spec['session']['no_log']
    assert spec['validate_certs']['default'] is True


def test_a_session_is_a_credential_and_its_tokens_are_secrets():
    session = dict(access_token='access-1', refresh_token='refresh-1', origin='x')
    check_connection_params(dict(hostname='h', session=session))
    assert secrets_of(dict(password='p', session=session))[2:] == ['access-1', 'refresh-1']
    assert secrets_of(dict(session='not a dict')) == [None, None, None, None]


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


@pytest.mark.parametrize('params, sends', [
    (dict(hostname='h.example.com', api_token='t0k3n'), 'Bearer t0k3n'),
    (dict(hostname='h.example.com', username='u', password='p4ss'), None),
])
def test_either_credential_form_is_enough_to_build_a_client(params, sends, transport, monkeypatch):
    import requests
    real_session = requests.Session

    def session():
        built = real_session()
        built.mount('https://', transport)
        return built
    monkeypatch.setattr(requests, 'Session', session)
    transport.add('POST', '/v1/tokens', status=201, json_body={'accessToken': 'a-token', 'refreshToken': {'id': 'r'}})
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': '9.1'})
    client = client_from_params(dict(params, validate_certs=True))
    assert client.get_json('/v1/system/appliance-info', 'Reading') == {'version': '9.1'}
    assert transport.sent[-1]['headers']['Authorization'] == (sends or 'Bearer a-token')


@pytest.mark.parametrize('name, value, words', [
    ('request_timeout', float('nan'), 'request_timeout must be a number of seconds from 0.1 to 3600; got nan.'),
    ('request_timeout', float('inf'), 'got inf'), ('request_timeout', 0, 'got 0'), ('request_timeout', -1, 'got -1'),
])
def test_request_timeout_must_be_finite_and_sensible(name, value, words):
    with pytest.raises(ConfigurationError) as caught:
        check_connection_params(dict(hostname='h', api_token='t', **{name: value}))
    assert words in caught.value.msg


@pytest.mark.parametrize('params, words', [
    (dict(timeout=float('nan'), poll_interval=1), 'timeout must be a number of seconds from 0 to 604800; got nan.'),
    (dict(timeout=-1, poll_interval=1), 'got -1'), (dict(timeout=10, poll_interval=float('inf')), 'poll_interval'),
    (dict(timeout=10, poll_interval=0), 'poll_interval'), (dict(timeout=10, poll_interval=7200), 'poll_interval'),
])
def test_wait_options_must_be_finite_and_sensible(params, words):
    with pytest.raises(ConfigurationError) as caught:
        check_wait_params(params)
    assert words in caught.value.msg


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


def test_building_a_module_leaves_the_callers_mutually_exclusive_list_alone(monkeypatch):
    from ansible_collections.sddc.manager.plugins.module_utils import module_boundary
    seen = {}

    def fake_module(argument_spec, **kwargs):
        seen.update(kwargs)
        return 'module'
    monkeypatch.setattr(module_boundary, 'AnsibleModule', fake_module)
    own = [('run_id', 'domains')]
    module_boundary.sddc_manager_module({}, mutually_exclusive=own)
    module_boundary.sddc_manager_module({}, mutually_exclusive=own)
    assert own == [('run_id', 'domains')]
    assert seen['mutually_exclusive'] == [('run_id', 'domains')], 'the client refuses a token beside a password'
