# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit-test fixtures: HTTP faked at the transport (a requests adapter), no sockets."""

import pytest
import requests

from ansible_collections.sddc.manager.plugins.module_utils.client import SddcManagerClient
from ansible_collections.sddc.manager.plugins.module_utils.retry import RetryPolicy
from ansible_collections.sddc.manager.tests.unit.fakes import HOST, PASSWORD, FakeTransport


@pytest.fixture
def transport():
    return FakeTransport()


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def make_client(transport, sleeps):
    """Build a client whose session sends through the fake transport and whose sleeps are recorded."""
    def build(**options):
        session = requests.Session()
        session.mount('https://', transport)
        session.mount('http://', transport)
        options.setdefault('hostname', HOST)
        if 'api_token' not in options:
            options.setdefault('username', 'administrator@vsphere.local')
            options.setdefault('password', PASSWORD)
        options.setdefault('retry_policy', RetryPolicy(retries=3))
        options.setdefault('sleep', sleeps.append)
        return SddcManagerClient(session=session, **options)
    return build


@pytest.fixture
def ca_file(tmp_path):
    """A file that looks like a PEM CA bundle (the client checks only that it holds a certificate)."""
    path = tmp_path / 'ca.pem'
    path.write_text('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')
    return str(path)
