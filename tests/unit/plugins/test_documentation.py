# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every plugin's documentation (through its fragments) says what its argument spec does, and more.

ansible-test's validate-modules cannot compare a documentation-only module (the
actions') with anything, and nothing compares a role's argument specs with the
module options they feed; this does both, and checks that every key a failure can
return is documented.
"""

import importlib
import json
import os
import subprocess
import sys

import pytest
import yaml
from ansible.module_utils.basic import FILE_COMMON_ARGUMENTS

from ansible_collections.sddc.manager.plugins.module_utils.errors import DETAIL_KEYS, ERROR_KINDS, FAILURE_KEYS
from ansible_collections.sddc.manager.plugins.module_utils.options import argument_spec

COLLECTION = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
PREFIX = 'ansible_collections.sddc.manager.plugins'


def plugin_sources() -> dict:
    """Documentation file -> where its argument spec lives: the module's OPTIONS, or for a documentation-only
    module its action plugin's. Read from the tree, so a new module is tested."""
    folder = os.path.join(COLLECTION, 'plugins', 'modules')
    sources = {}
    for name in sorted(n[:-3] for n in os.listdir(folder) if n.endswith('.py') and not n.startswith('_')):
        with open(os.path.join(folder, name + '.py')) as handle:
            has_options = '\nOPTIONS = ' in handle.read()
        sources[name] = ('modules.%s' if has_options else 'action.%s') % name
    return sources


PLUGINS = plugin_sources()


def local_modules() -> tuple:
    """The modules that talk to no server, and so take no connection options (their docs say so)."""
    local = []
    for name in PLUGINS:
        with open(os.path.join(COLLECTION, 'plugins', 'modules', name + '.py')) as handle:
            if 'sddc.manager.connection' not in handle.read():
                local.append(name)
    return tuple(sorted(local))


LOCAL = local_modules()


DOCS = {}


def documentation(name):
    """(doc, returns) of a plugin as ansible-doc sees it, read once for all of them."""
    if not DOCS:
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'plugin_docs.py')
        out = subprocess.run([sys.executable, script, COLLECTION] + sorted(PLUGINS), check=True, capture_output=True,
                             text=True).stdout
        DOCS.update(json.loads(out))
    return DOCS[name]['doc'], DOCS[name]['returns']


def real_spec(name):
    source = importlib.import_module('%s.%s' % (PREFIX, PLUGINS[name]))
    options = source.OPTIONS if hasattr(source, 'OPTIONS') else source.ActionModule.OPTIONS
    spec = dict(options) if name in LOCAL else argument_spec(**options)
    doc = documentation(name)[0]
    if 'ansible.builtin.files' in (doc.get('extends_documentation_fragment') or []) or 'mode' in doc['options']:
        spec.update(FILE_COMMON_ARGUMENTS)
    return spec


def same_default(documented, real):
    if isinstance(real, float) and isinstance(documented, (int, float)):
        return float(documented) == real
    return documented == real


@pytest.mark.parametrize('name', sorted(PLUGINS))
def test_documented_options_are_the_real_ones(name):
    doc = documentation(name)[0]
    spec = real_spec(name)
    assert sorted(doc['options']) == sorted(spec), name
    for option, real in spec.items():
        documented = doc['options'][option]
        where = '%s.%s' % (name, option)
        assert documented.get('type', 'str') == real.get('type', 'str'), where
        assert same_default(documented.get('default'), real.get('default')), where
        assert bool(documented.get('required')) == bool(real.get('required')), where
        assert documented.get('choices') == real.get('choices'), where
        assert documented.get('elements') == real.get('elements'), where
        fallback = real.get('fallback') if option in argument_spec() else None
        if fallback:
            env_var = fallback[1][0]
            assert 'E(%s)' % env_var in ' '.join(documented['description']), where


def test_the_action_group_lists_every_plugin_that_talks_to_sddc_manager():
    with open(os.path.join(COLLECTION, 'meta', 'runtime.yml')) as handle:
        group = yaml.safe_load(handle)['action_groups']['sddc_manager']
    assert group == sorted(set(PLUGINS) - set(LOCAL)), 'meta/runtime.yml action_groups.sddc_manager'


def test_every_action_plugin_has_its_documentation_module():
    actions = [name[:-3] for name in os.listdir(os.path.join(COLLECTION, 'plugins', 'action')) if name.endswith('.py')]
    assert set(actions) <= set(PLUGINS)


@pytest.mark.parametrize('name', sorted(PLUGINS))
def test_every_failure_key_is_documented(name):
    returns = documentation(name)[1]
    for key in FAILURE_KEYS:
        if key != 'msg':
            assert key in returns, '%s does not document %s' % (name, key)
    kinds = ' '.join(returns['error_kind']['description'] if isinstance(returns['error_kind']['description'], list)
                     else [returns['error_kind']['description']])
    for kind in ERROR_KINDS:
        assert 'C(%s)' % kind in kinds, (name, kind)
    described = ' '.join(returns['error_details']['description'])
    for key in DETAIL_KEYS:
        assert 'C(%s)' % key in described, (name, key)


@pytest.mark.parametrize('name', sorted(PLUGINS))
def test_short_descriptions_differ_in_their_first_words_and_fit(name):
    short = documentation(name)[0]['short_description']
    assert len(short) <= 60, short
    others = [documentation(other)[0]['short_description'] for other in PLUGINS if other != name]
    assert ' '.join(short.split()[:4]) not in [' '.join(o.split()[:4]) for o in others]


def test_module_only_and_action_only_notes_go_where_they_belong():
    for name in set(PLUGINS) - set(LOCAL):
        notes = ' '.join(documentation(name)[0].get('notes') or [])
        runs_on_controller = PLUGINS[name].startswith('action.')
        assert ('It runs on the controller' in notes) is runs_on_controller, name
        assert ('run it on C(localhost)' in notes) is not runs_on_controller, name


# role variable -> (plugin, option) it feeds; a third item False: the role's default differs on purpose;
# None: a variable of the role's own
ROLE_VARIABLES = {
    'upgrade_precheck': {
        'upgrade_precheck_domains': ('precheck', 'domains', False),   # optional when a run id is given
        'upgrade_precheck_target_version': ('precheck', 'target_version'),
        'upgrade_precheck_force': ('precheck', 'force'),
        'upgrade_precheck_run_id': ('wait_for_precheck', 'run_id'),
        'upgrade_precheck_timeout': ('wait_for_precheck', 'timeout'),
        'upgrade_precheck_poll_interval': ('wait_for_precheck', 'poll_interval'),
        'upgrade_precheck_fail_on': ('wait_for_precheck', 'fail_on'),
        'upgrade_precheck_ignore_checks': ('wait_for_precheck', 'ignore_checks'),
        'upgrade_precheck_waivers': ('wait_for_precheck', 'waivers'),
        'upgrade_precheck_baseline': ('wait_for_precheck', 'baseline'),
        'upgrade_precheck_fail_on_incomplete_coverage': ('wait_for_precheck', 'fail_on_incomplete_coverage'),
        'upgrade_precheck_allow_not_checked': None,
        'upgrade_precheck_defer_failure': None,
        'upgrade_precheck_dest': ('precheck_report', 'dest'),
        'upgrade_precheck_formats': ('precheck_report', 'formats'),
        'upgrade_precheck_export': None,
    },
    'save_precheck_export': {
        'save_precheck_export_run_id': ('precheck_export', 'run_id'),
        'save_precheck_export_dest': ('precheck_export_download', 'dest'),
        'save_precheck_export_timeout': ('wait_for_precheck_export', 'timeout'),
        'save_precheck_export_poll_interval': ('wait_for_precheck_export', 'poll_interval'),
        'save_precheck_export_force': ('precheck_export', 'force'),
    },
}


def role_specs(role):
    with open(os.path.join(COLLECTION, 'roles', role, 'meta', 'argument_specs.yml')) as handle:
        specs = yaml.safe_load(handle)['argument_specs']['main']['options']
    with open(os.path.join(COLLECTION, 'roles', role, 'defaults', 'main.yml')) as handle:
        defaults = yaml.safe_load(handle) or {}
    return specs, defaults


def role_settings_spec(role):
    """What the role's sddc.manager.role_settings reads each variable as (vars/main.yml), by variable name."""
    with open(os.path.join(COLLECTION, 'roles', role, 'vars', 'main.yml')) as handle:
        settings = yaml.safe_load(handle)['__%s_spec' % role]
    return dict(('%s_%s' % (role, name), dict(setting, type=setting.get('type', 'str')))
                for name, setting in settings.items())


@pytest.mark.parametrize('role', sorted(ROLE_VARIABLES))
def test_role_argument_specs_match_the_options_they_feed(role):
    specs, defaults = role_specs(role)
    settings = role_settings_spec(role)
    assert set(settings) == set(specs), 'the role reads every variable through role_settings'
    for variable, spec in specs.items():
        setting = settings[variable]
        assert same_default(setting.get('default'), spec.get('default')), variable
        assert bool(setting.get('required')) == bool(spec.get('required')), variable
        if spec.get('type') == 'raw':   # typed by role_settings, so that empty and omit reach the role
            assert 'unset, null, empty or omit means the default' in ' '.join(spec['description']), variable
            spec = dict(spec, type=setting['type'], choices=setting.get('choices'),
                        elements=setting.get('elements', 'str') if setting['type'] == 'list' else None)
        else:
            assert setting['type'] == 'str' and spec.get('type', 'str') in ('str', 'path'), variable
        if ROLE_VARIABLES[role][variable] is None:
            assert same_default(spec.get('default'), defaults.get(variable)), variable
            continue
        plugin, option = ROLE_VARIABLES[role][variable][:2]
        real = real_spec(plugin)[option]
        if len(ROLE_VARIABLES[role][variable]) == 2:
            assert same_default(spec.get('default'), real.get('default')), variable
            assert same_default(defaults.get(variable), real.get('default')), variable
        assert spec.get('choices') == real.get('choices'), variable
        assert spec.get('elements') == real.get('elements'), variable
        assert spec.get('type', 'str') == real.get('type', 'str'), variable
        assert bool(spec.get('no_log')) == bool(real.get('no_log')), variable
    assert set(specs) == set(ROLE_VARIABLES[role]), 'every variable is mapped'
    assert set(defaults) <= set(specs), 'no default for a variable the spec does not know'
    with open(os.path.join(COLLECTION, 'roles', role, 'meta', 'main.yml')) as handle:
        dependencies = yaml.safe_load(handle)['dependencies']
    assert dependencies == [{'role': 'sddc.manager.connection'}], 'the connection comes from the connection role'


# a renamed role -> its new name: it takes the same variables under its old prefix and hands each on
RENAMED_ROLES = {'precheck_export': 'save_precheck_export'}


@pytest.mark.parametrize('old, new', sorted(RENAMED_ROLES.items()))
def test_a_renamed_role_takes_the_new_ones_variables_under_its_old_name_and_hands_them_all_on(old, new):
    old_specs, old_defaults = role_specs(old)
    new_specs, new_defaults = role_specs(new)
    renamed = dict((old + name[len(new):], spec) for name, spec in new_specs.items())
    assert old_specs == renamed and old_defaults == dict((old + name[len(new):], value)
                                                         for name, value in new_defaults.items())
    with open(os.path.join(COLLECTION, 'roles', old, 'tasks', 'main.yml')) as handle:
        tasks = yaml.safe_load(handle)
    include = next(task for task in tasks if 'ansible.builtin.include_role' in task)
    assert include['ansible.builtin.include_role']['name'] == 'sddc.manager.' + new
    assert dict((name, value) for name, value in include['vars'].items() if not name.startswith('__')) == dict(
        (name, '{{ %s }}' % (old + name[len(new):])) for name in new_specs), 'every variable is handed on'
    assert "sddc.manager.role_renamed('%s', " % new in tasks[0]['ansible.builtin.set_fact'][
        '__%s_renamed' % old], 'it says so first'


def test_the_connection_role_defines_every_connection_option_once():
    specs, defaults = role_specs('connection')
    connection = argument_spec()
    # the session is the roles' own: opened and ended by the connection role's login and logout entry points
    assert set(specs) == set('sddc_manager_' + option for option in connection if option != 'session')
    for variable, spec in specs.items():
        real = connection[variable[len('sddc_manager_'):]]
        assert 'default' not in spec, '%s falls back to the env var' % variable
        assert real['fallback'][1][0] in spec['description'], variable
        assert spec.get('type', 'str') == real.get('type', 'str'), variable
        assert bool(spec.get('no_log')) == bool(real.get('no_log')), variable
    assert set(defaults) == {'connection_module_defaults'}
    assert set(defaults['connection_module_defaults']) == set(connection), 'every option is passed on'
    for role in os.listdir(os.path.join(COLLECTION, 'roles')):
        with open(os.path.join(COLLECTION, 'roles', role, 'meta', 'argument_specs.yml')) as handle:
            text = handle.read()
        assert role == 'connection' or 'sddc_manager_hostname:' not in text, 'defined once: %s' % role


def test_the_fleet_report_role_feeds_its_module_and_its_defaults_match():
    specs, defaults = role_specs('fleet_report')
    assert specs['fleet_report_dest']['type'] == real_spec('fleet_report')['dest']['type']
    for variable, spec in specs.items():
        assert same_default(spec.get('default'), defaults.get(variable)), variable
    assert set(defaults) <= set(specs)
