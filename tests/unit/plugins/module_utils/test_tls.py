# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""tls: a failed handshake named by its cause and the setting that fixes it; ca_path checked before any request."""

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError
from ansible_collections.sddc.manager.plugins.module_utils.tls import check_ca_path, describe_tls_failure, tls_cause


@pytest.mark.parametrize('text, cause', [
    ('[SSL: WRONG_VERSION_NUMBER] wrong version number', 'plain_http'),
    ("hostname 'x' doesn't match 'y'", 'hostname'), ('certificate has expired', 'expired'),
    ('self-signed certificate in certificate chain', 'self_signed'),
    ('unable to get local issuer certificate', 'unknown_ca'), ('something else', 'other'),
])
def test_causes(text, cause):
    assert tls_cause(text) == cause


def test_the_line_names_the_setting():
    line = describe_tls_failure('Logging in', 'https://sddc.example.com', Exception('self signed certificate'))
    assert 'set ca_path (SDDC_MANAGER_CA_PATH)' in line and 'validate_certs: false' in line
    plain = describe_tls_failure('Logging in', 'https://sddc.example.com:80', Exception('wrong version number'))
    assert 'write the host as http://sddc.example.com:80' in plain


def test_ca_path_must_hold_a_certificate(tmp_path):
    empty = tmp_path / 'empty.pem'
    empty.write_text('nothing')
    with pytest.raises(ConfigurationError) as caught:
        check_ca_path(str(empty))
    assert 'holds no PEM certificate' in caught.value.msg
    with pytest.raises(ConfigurationError):
        check_ca_path(str(tmp_path / 'missing.pem'))
    assert check_ca_path(str(tmp_path)) is None, 'a directory of certificates is taken as it is'
