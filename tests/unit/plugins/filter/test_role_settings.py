# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""filter/role_settings: unset, null, empty and omit mean the default; anything else is typed or named."""

import pytest

from ansible_collections.sddc.manager.plugins.filter.role_settings import FilterModule, role_settings

SPEC = dict(
    timeout=dict(type='float', default=3600),
    force=dict(type='bool', default=False),
    fail_on=dict(type='str', default='error', choices=['error', 'never']),
    formats=dict(type='list', default=['json'], choices=['json', 'html']),
    waivers=dict(type='list', elements='dict', default=[]),
    dest=dict(type='str', default=None, required=True, hint='the directory the reports go to.'),
)
DEFAULTS = dict((name, spec['default']) for name, spec in SPEC.items())


class OmitOf219:
    """ansible-core 2.19 and later pass omit as a value of its own type."""


@pytest.mark.parametrize('unset', [None, '', '  ', '__omit_place_holder__1f2e', OmitOf219()])
def test_unset_null_empty_and_omit_mean_the_default(unset):
    given = dict((name, unset) for name in SPEC)
    given['dest'] = '/tmp/r'
    read = role_settings(given, SPEC, 'r_')
    assert read == dict(settings=dict(DEFAULTS, dest='/tmp/r'), problems=[])


def test_values_are_typed_as_the_tasks_use_them():
    read = role_settings(dict(timeout='30', force='yes', fail_on=' never ', formats='html',
                              waivers={'check': 'c'}, dest='/tmp/r'), SPEC, 'r_')
    assert read['problems'] == []
    assert read['settings'] == dict(timeout=30.0, force=True, fail_on='never', formats=['html'],
                                    waivers=[{'check': 'c'}], dest='/tmp/r')
    assert role_settings(dict(force=0, timeout=0, dest='d'), SPEC)['settings']['force'] is False
    assert role_settings(dict(timeout=0, dest='d'), SPEC)['settings']['timeout'] == 0, 'zero is a value, not unset'


@pytest.mark.parametrize('name, value, problem', [
    ('timeout', 'soon', "r_timeout must be a number; got 'soon'."),
    ('force', 'maybe', "r_force must be true or false; got 'maybe'."),
    ('force', 2, 'r_force must be true or false; got 2.'),
    ('fail_on', 'sometimes', "r_fail_on must be one of error, never; got 'sometimes'."),
    ('fail_on', ['error'], "r_fail_on must be a string; got ['error']."),
    ('formats', ['json', 'pdf'], "r_formats must be a list of json, html; got ['json', 'pdf']."),
    ('waivers', 'check-1', "r_waivers must be a list of mappings; got 'check-1'."),
    ('waivers', ['check-1'], "r_waivers must be a list of mappings; got ['check-1']."),
    ('timeout', 'x' * 200, "r_timeout must be a number; got '%s...." % ('x' * 76)),
])
def test_a_value_that_cannot_be_used_is_named_in_the_roles_words(name, value, problem):
    read = role_settings({name: value, 'dest': 'd'}, SPEC, 'r_')
    assert read['problems'] == [problem]


def test_a_required_variable_left_empty_asks_for_it():
    assert role_settings({'dest': ''}, SPEC, 'r_')['problems'] == ['Set r_dest: the directory the reports go to.']
    assert role_settings('not a mapping', dict(x=dict(required=True)))['problems'] == ['Set x: it is required.']


def test_the_filter_is_registered_under_its_name():
    assert FilterModule().filters() == {'role_settings': role_settings}
