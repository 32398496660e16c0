# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The appliance: the version SDDC Manager reports, and which operations that version offers.

``GET /v1/system/appliance-info`` answers ``{version: "9.1.0.0.24000000", ...}``
(tests/spec/API.md); exports of pre-check runs exist from VCF 9.1, check-set runs from 5.2.
"""

import re
from typing import Optional

from ansible_collections.sddc.manager.plugins.module_utils.errors import UnsupportedVersionError
from ansible_collections.sddc.manager.plugins.module_utils.text import quote

APPLIANCE_INFO_PATH = '/v1/system/appliance-info'
EXPORTS_MIN_VERSION = (9, 1)
RUNS_MIN_VERSION = (5, 2)


def parse_version(text) -> Optional[tuple]:
    """(9, 1) from ``9.1.0.0.24000000``; None when it does not start with numbers."""
    match = re.match(r'^\s*(\d+)\.(\d+)', str(text or ''))
    if not match:
        return None
    return int(match.group(1)), int(match.group(2))


def appliance_version(client) -> str:
    """The version SDDC Manager reports (``9.1.0.0.24000000``), or None when it gives none."""
    info = client.get_json(APPLIANCE_INFO_PATH, 'Reading the SDDC Manager version')
    version = info.get('version') if isinstance(info, dict) else None
    return quote(version, 64) if isinstance(version, str) else None


def read_appliance(client) -> dict:
    """The version, the VCF release it belongs to, and which operations it offers."""
    version = appliance_version(client)
    parsed = parse_version(version)
    exports = parsed is not None and parsed >= EXPORTS_MIN_VERSION
    supports = dict(precheck_runs=parsed is not None and parsed >= RUNS_MIN_VERSION, precheck_exports=exports)
    release = '%d.%d' % parsed if parsed else None
    msg = 'SDDC Manager at %s runs %s%s; pre-check exports %s.' % (
        client.base_url, version or 'an unknown version', ' (VCF %s)' % release if release else '',
        'are available' if exports else 'need VCF %d.%d' % EXPORTS_MIN_VERSION)
    return dict(changed=False, hostname=client.base_url, version=version, vcf_version=release, supports=supports,
                msg=msg)


def require_exports_support(client, status_code: int) -> None:
    """After a 404/405 on an export operation: fail clearly on an appliance older than 9.1."""
    version = appliance_version(client)
    parsed = parse_version(version)
    if parsed is not None and parsed < EXPORTS_MIN_VERSION:
        raise UnsupportedVersionError(
            'SDDC Manager at %s runs version %s; pre-check exports need VCF %d.%d or later '
            '(the export operation answered HTTP %s).'
            % (client.base_url, version, EXPORTS_MIN_VERSION[0], EXPORTS_MIN_VERSION[1], status_code),
            version=version, required_version='%d.%d' % EXPORTS_MIN_VERSION)
