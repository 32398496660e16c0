# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Execution environment: the docs' EE definition builds a context, and the collection declares requests."""

import glob
import os
import subprocess
import sys

import yaml

from sim_harness import REPO, installed_collections

EE_DEFINITION = os.path.join(REPO, 'docs', 'execution-environment', 'execution-environment.yml')


def builder(*args, cwd):
    command = [os.path.join(os.path.dirname(sys.executable), 'ansible-builder')] + list(args)
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, timeout=300)


def test_ansible_builder_creates_a_build_context(tmp_path):
    completed = builder('create', '-f', EE_DEFINITION, '-c', str(tmp_path / 'context'), cwd=str(tmp_path))
    assert completed.returncode == 0, completed.stdout + completed.stderr
    containerfile = (tmp_path / 'context' / 'Dockerfile').read_text()
    assert 'ansible-galaxy collection install' in containerfile
    requirements = yaml.safe_load((tmp_path / 'context' / '_build' / 'requirements.yml').read_text())
    assert requirements['collections'][0]['name'] == 'sddc.manager'


def test_builder_introspection_finds_the_collections_python_requirements(tmp_path):
    completed = builder('create', '-f', EE_DEFINITION, '-c', str(tmp_path / 'context'), cwd=str(tmp_path))
    assert completed.returncode == 0
    introspect = glob.glob(str(tmp_path / 'context' / '_build' / 'scripts' / 'introspect.py'))[0]
    found = subprocess.run([sys.executable, introspect, 'introspect', installed_collections()],
                           capture_output=True, text=True, check=True)
    assert yaml.safe_load(found.stdout)['python'] == ['requests  # from collection sddc.manager']


def test_ansible_doc_renders_both_roles_and_every_module(tmp_path):
    doc = os.path.join(os.path.dirname(sys.executable), 'ansible-doc')
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=installed_collections(), ANSIBLE_NOCOLOR='1')
    for role in sorted(os.listdir(os.path.join(REPO, 'roles'))):
        shown = subprocess.run([doc, '-t', 'role', 'sddc.manager.' + role], capture_output=True, text=True, env=env,
                               check=False, cwd=str(tmp_path))
        assert shown.returncode == 0 and 'ENTRY POINT' in shown.stdout and 'main' in shown.stdout, shown.stderr
        assert '%s_' % role.split('_', maxsplit=1)[0] in shown.stdout, 'the variables are listed'
    listed = subprocess.run([doc, '-l', 'sddc.manager'], capture_output=True, text=True, env=env, check=True,
                            cwd=str(tmp_path)).stdout
    modules = sorted(name[:-3] for name in os.listdir(os.path.join(REPO, 'plugins', 'modules')) if name.endswith('.py'))
    assert len(modules) >= 9
    for name in modules:
        assert 'sddc.manager.%s ' % name in listed, name
    inventory = subprocess.run([doc, '-t', 'inventory', 'sddc.manager.sddc_managers'], capture_output=True, text=True,
                               env=env, check=False, cwd=str(tmp_path))
    assert inventory.returncode == 0 and 'stale_after_days' in inventory.stdout, inventory.stderr
