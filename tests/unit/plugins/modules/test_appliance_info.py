# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""modules/appliance_info: the version and what it supports."""

import pytest

from ansible_collections.sddc.manager.plugins.modules.appliance_info import read_appliance


@pytest.mark.parametrize('version, release, runs, exports', [
    ('9.1.0.0.24000000', '9.1', True, True), ('9.0.0.0.24703748', '9.0', True, False),
    ('5.2.1.0', '5.2', True, False), ('4.5.0', '4.5', False, False), (None, None, False, False),
])
def test_what_each_version_supports(make_client, transport, version, release, runs, exports):
    transport.add('GET', '/v1/system/appliance-info', json_body={'version': version})
    result = read_appliance(make_client(api_token='t0k3n'))
    assert (result['vcf_version'], result['supports']) == (release, dict(precheck_runs=runs, precheck_exports=exports))
    assert result['changed'] is False and ('are available' in result['msg']) is exports
