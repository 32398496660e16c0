# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The roles' variables as their tasks use them: unset, null, empty and omit mean the default (docs: role_settings.yml).

A role's argument spec types these variables ``raw``, because Ansible's validation refuses an
empty string (what an AWX survey passes for a blank field) for a number, a boolean or a list
before any task runs. This filter reads them instead, in the role's own words.
"""

from collections.abc import Mapping

OMIT_PREFIX = '__omit_place_holder__'   # what omit is on ansible-core 2.16 to 2.18
WORDS = {'true': True, 'yes': True, 'on': True, '1': True, 'y': True, 't': True,
         'false': False, 'no': False, 'off': False, '0': False, 'n': False, 'f': False}
PLAIN = (str, bool, int, float, list, tuple, Mapping)


def shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + '...'


def is_unset(value) -> bool:
    """None, a blank string, omit's placeholder string, or omit's own value (ansible-core 2.19 and later)."""
    if isinstance(value, str):
        return not value.strip() or value.startswith(OMIT_PREFIX)
    return value is None or not isinstance(value, PLAIN)


def as_number(value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    try:
        return float(value.strip()) if isinstance(value, str) else None
    except ValueError:
        return None


def as_bool(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return value == 1
    return WORDS.get(value.strip().lower()) if isinstance(value, str) else None


def as_list(value, elements):
    """A list of ``elements`` (str or dict); one string (or one mapping, for dict) is a list of one."""
    if isinstance(value, (list, tuple)):
        items = list(value)
    elif isinstance(value, Mapping) if elements == 'dict' else isinstance(value, (str, int, float)):
        items = [value]
    else:
        return None
    if elements == 'dict':
        return items if all(isinstance(item, Mapping) for item in items) else None
    if not all(isinstance(item, (str, int, float)) and not isinstance(item, bool) for item in items):
        return None
    return [str(item).strip() for item in items]


def read_setting(name: str, value, spec: dict) -> tuple:
    """(value, problem) of one variable: its value as the tasks use it, or why it cannot be used."""
    kind = spec.get('type', 'str')
    if kind in ('float', 'int'):
        number = as_number(value)
        return (number, None) if number is not None else (None, '%s must be a number; got %s.' % (name, shown(value)))
    if kind == 'bool':
        flag = as_bool(value)
        return (flag, None) if flag is not None else (None, '%s must be true or false; got %s.' % (name, shown(value)))
    choices = spec.get('choices')
    if kind == 'list':
        items = as_list(value, spec.get('elements', 'str'))
        wanted = 'mappings' if spec.get('elements') == 'dict' else ', '.join(choices) if choices else 'names'
        if items is None or choices and any(item not in choices for item in items):
            return None, '%s must be a list of %s; got %s.' % (name, wanted, shown(value))
        return items, None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return None, '%s must be a string; got %s.' % (name, shown(value))
    text = str(value).strip()
    if choices and text not in choices:
        return None, '%s must be one of %s; got %s.' % (name, ', '.join(choices), shown(value))
    return text, None


def role_settings(given, spec, prefix=''):
    """``{'settings': {name: value}, 'problems': [one line per variable that cannot be used]}``."""
    given = given if isinstance(given, Mapping) else {}
    settings, problems = {}, []
    for name, option in spec.items():
        value = given.get(name)
        if is_unset(value):
            settings[name] = option.get('default')
            if option.get('required'):
                problems.append('Set %s%s: %s' % (prefix, name, option.get('hint', 'it is required.')))
            continue
        settings[name], problem = read_setting(prefix + name, value, option)
        if problem:
            problems.append(problem)
    return dict(settings=settings, problems=problems)


class FilterModule:
    def filters(self):
        return dict(role_settings=role_settings)
