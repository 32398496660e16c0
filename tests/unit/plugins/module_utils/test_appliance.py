# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""appliance: the version SDDC Manager reports, and which operations that version offers."""

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.appliance import (
    parse_version,
    read_appliance,
    require_exports_support,
)
from ansible_collections.sddc.manager.plugins.module_utils.errors import UnsupportedVersionError

INFO = '/v1/system/appliance-info'


@pytest.mark.parametrize('text, parsed', [('9.1.0.0.24000000', (9, 1)), (' 5.2', (5, 2)), ('v9.1', None),
                                          (None, None), ('', None), ('9', None)])
def test_parse_version(text, parsed):
    assert parse_version(text) == parsed


@pytest.mark.parametrize('version, runs, exports, release', [
    ('9.1.0.0.24000000', True, True, '9.1'), ('9.0.2.0.1', True, False, '9.0'), ('5.1.0', False, False, '5.1'),
    (None, False, False, None),
])
def test_what_a_version_supports(make_client, transport, version, runs, exports, release):
    transport.add('GET', INFO, json_body={'version': version} if version else {})
    result = read_appliance(make_client(api_token='t0k3n'))
    assert result['supports'] == dict(precheck_runs=runs, precheck_exports=exports)
    assert result['vcf_version'] == release and result['changed'] is False


def test_an_appliance_older_than_91_is_told_it_cannot_export(make_client, transport):
    transport.add('GET', INFO, json_body={'version': '9.0.0.0.24703748'})
    with pytest.raises(UnsupportedVersionError) as caught:
        require_exports_support(make_client(api_token='t0k3n'), 404)
    assert 'pre-check exports need VCF 9.1 or later (the export operation answered HTTP 404)' in caught.value.msg
    assert caught.value.details == {'version': '9.0.0.0.24703748', 'required_version': '9.1'}


def test_a_91_appliance_passes_the_check(make_client, transport):
    transport.add('GET', INFO, json_body={'version': '9.1.0.0.1'})
    assert require_exports_support(make_client(api_token='t0k3n'), 404) is None
