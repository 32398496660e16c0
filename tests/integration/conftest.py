# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fixtures: one simulator over HTTP and one over HTTPS (a trustme CA) per session, and a tiny disk."""

import os
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from sim_harness import Ansible, Simulator, installed_collections  # noqa: E402  pylint: disable=wrong-import-position

# Tests that check the collection's own constants import them from the installed artifact.
sys.path.insert(0, installed_collections())


@pytest.fixture(scope='session')
def http_simulator(tmp_path_factory):
    sim = Simulator(str(tmp_path_factory.mktemp('sim-http')))
    yield sim
    sim.stop()


@pytest.fixture(scope='session')
def tls_material(tmp_path_factory):
    """A private CA and a certificate for 127.0.0.1/localhost signed by it."""
    import trustme  # pylint: disable=import-outside-toplevel
    workdir = tmp_path_factory.mktemp('tls')
    ca = trustme.CA()
    server = ca.issue_cert('127.0.0.1', 'localhost')
    paths = dict(ca=str(workdir / 'ca.pem'), cert=str(workdir / 'server.pem'), key=str(workdir / 'server.key'))
    ca.cert_pem.write_to_path(paths['ca'])
    server.private_key_pem.write_to_path(paths['key'])
    with open(paths['cert'], 'wb') as handle:
        for blob in server.cert_chain_pems:
            handle.write(blob.bytes())
    return paths


@pytest.fixture(scope='session')
def tls_simulator(tmp_path_factory, tls_material):
    sim = Simulator(str(tmp_path_factory.mktemp('sim-tls')), certfile=tls_material['cert'], keyfile=tls_material['key'],
                    cafile=tls_material['ca'])
    yield sim
    sim.stop()


@pytest.fixture
def sim(http_simulator):
    """The HTTP simulator, reset to a fresh 9.1 appliance for each test."""
    http_simulator.scenario()
    return http_simulator


@pytest.fixture
def tls_sim(tls_simulator):
    tls_simulator.scenario()
    return tls_simulator


MARKUP = '<script>document.title="owned"</script> & <b>bold</b>'


@pytest.fixture
def markup_domain(sim):
    """A domain whose findings carry markup and an ampersand, and a remediation link of each kind."""
    findings = [
        {'id': 'markup-check', 'name': 'Markup & more', 'severity': 'ERROR', 'resource': 'vc-01 <b>',
         'message': MARKUP, 'remediation': 'Fix & retry <img src=x onerror=alert(1)>', 'link': 'javascript:alert(1)'},
        {'id': 'linked-check', 'name': 'Linked', 'severity': 'WARNING', 'resource': 'vc-01',
         'message': 'See the article', 'remediation': 'Read it', 'link': 'https://kb.example.com/42'}]
    sim.scenario(precheck={'steps': 2}, domains=[
        {'id': '8b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'name': 'wld-<i>x</i>', 'findings': findings}])
    return sim


@pytest.fixture
def ansible(tmp_path_factory):
    """Runs Ansible from a folder of its own, so a test's tmp_path holds only what the test put there."""
    return Ansible(str(tmp_path_factory.mktemp('ansible-run')))


@pytest.fixture
def tiny_disk(tmp_path):
    """A 64 KiB tmpfs, mounted for the test (root only); skipped, saying why, where it cannot be."""
    mount_point = tmp_path / 'tiny'
    mount_point.mkdir()
    done = subprocess.run(['mount', '-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', str(mount_point)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip('cannot mount a small tmpfs here (%s): the full-disk test needs root and mount'
                    % done.stderr.strip())
    yield mount_point
    subprocess.run(['umount', str(mount_point)], check=False)
