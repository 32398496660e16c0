# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""redact: the one redaction step, in every form a secret can take."""

import json

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.redact import MASK, MAX_DEPTH, Redactor
from ansible_collections.sddc.manager.plugins.module_utils.text import one_line


def test_redaction_covers_plain_json_escaped_and_url_encoded_forms_and_keys():
    secret = 'p@ss"w/rd\\1'
    redactor = Redactor(secret)
    value = {'a %s b' % secret: ['%s' % json.dumps(secret)[1:-1], 'x=p%40ss%22w%2Frd%5C1', 'p%40ss%22w%2Frd%5C1']}
    cleaned = json.dumps(redactor.value(value))
    assert 'p@ss' not in cleaned and 'p%40ss' not in cleaned and cleaned.count(MASK) == 4


def test_redaction_before_truncation_leaves_no_half_secret():
    secret = 'abcdefghijklmnopqrstuvwxyz0123456789'
    redactor = Redactor(secret)
    line = one_line(redactor.text('x' * 90 + secret), 100)
    assert 'abcdef' not in line


def test_short_values_are_not_secrets_and_nesting_is_bounded():
    redactor = Redactor('ab', None, 42)
    assert redactor.text('ab cd') == 'ab cd'
    deep = node = {}
    for dummy in range(MAX_DEPTH + 20):
        node['n'] = {}
        node = node['n']
    flat = json.dumps(redactor.value(deep))
    assert 'left out' in flat and flat.count('"n"') <= MAX_DEPTH


def test_a_long_piece_of_a_secret_cut_short_by_the_server_is_masked():
    secret = 'sim-access-5225da31c842b9e7fee18ca502cfa123'
    redactor = Redactor(secret)
    assert redactor.text('(reference token %s)' % secret[:30]) == '(reference token %s)' % MASK
    assert redactor.text('token="%s"' % secret[5:35]) == 'token="%s"' % MASK
    assert redactor.text('an ordinary sentence of words') == 'an ordinary sentence of words'
    assert redactor.text('sim-access-5225') == 'sim-access-5225', 'shorter than 16: too common to mask'


TOKEN = 'sim-access-5225da31c842b9e7fee18ca502cfa123-refresh-9f'


@pytest.mark.parametrize('transform', [
    lambda s: s.upper(), lambda s: s.upper().replace('-', '_'), lambda s: s.lower(), lambda s: s.title(),
    lambda s: s.replace('-', ' '), lambda s: s.swapcase(),
])
def test_a_secret_changed_in_case_or_separators_is_masked(transform):
    from ansible_collections.sddc.manager.plugins.module_utils.text import status_word
    redactor = Redactor(TOKEN)
    for line in ('status %s now' % transform(TOKEN), status_word(TOKEN)):
        masked = redactor.text(line)
        assert TOKEN[11:30].casefold() not in masked.casefold().replace('_', '-'), masked
        assert MASK in masked


def test_a_password_with_tabs_and_double_spaces_is_masked_when_folded():
    password = 'Pass  word\twith   gaps!'
    redactor = Redactor(password)
    assert redactor.text(one_line('echo: %s' % password)) == 'echo: %s' % MASK
    assert redactor.text('echo: Pass word with gaps!') == 'echo: %s' % MASK


@pytest.mark.parametrize('limit', [20, 30, 45, 53])
def test_a_secret_cut_by_a_bounded_field_is_masked_with_its_dots(limit):
    redactor = Redactor(TOKEN)
    cut = one_line(TOKEN, limit)
    assert cut.endswith('...')
    masked = redactor.text('(reference token %s)' % cut)
    assert TOKEN[:12] not in masked and MASK in masked


def test_ordinary_text_is_left_alone():
    redactor = Redactor(TOKEN, 'S3cret-Passw0rd!')
    line = 'COMPLETED_WITH_FAILURE: 2 errors, vcenter-backup-configuration-check on wld-01-vc01.example.com'
    assert redactor.text(line) == line


def test_a_secret_of_separators_only_is_no_pattern():
    assert Redactor('- - - -', '____').text('a - - - - b') == 'a - - - - b'


def test_secrets_echoed_back_to_back_and_cut_leave_no_long_piece():
    """A server echoing two secrets in a row, altered and cut: the end of one runs into the start of the next."""
    refresh = 'sim-refresh-0f1e2d3c4b5a69788796a5b4'
    redactor = Redactor(TOKEN, refresh)
    for line in ('%s_%s' % (TOKEN.upper().replace('-', '_'), refresh.upper()[:20] + '...'),
                 '%s%s' % (TOKEN[-20:], refresh[:20]), '%s_%s' % (MASK, TOKEN.upper()[:18])):
        masked = redactor.text('status ' + line)
        assert masked == 'status ' + MASK, masked


def test_a_piece_of_a_pass_phrase_cut_short_across_words_is_masked_and_the_words_around_kept():
    """A secret with white space in it, folded and upper-cased by the server, then cut by a bounded field."""
    redactor = Redactor('Vm\tware1!  Vm-ware1!x')
    assert redactor.text('Password was VM WARE1! VM-WAR... then more') == 'Password was %s then more' % MASK
    assert redactor.text('ref ' + 'x' * 45 + 'VM WARE1! VM-WAR...') == 'ref ' + MASK
    assert redactor.text('ref VM WARE1! VM-WA...') == 'ref VM WARE1! VM-WA...', 'fifteen characters are no piece'
