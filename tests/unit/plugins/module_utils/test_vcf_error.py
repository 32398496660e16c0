# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""vcf_error: the one renderer of VCF Error objects."""

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.vcf_error import describe_error, describe_failure


def test_code_message_remediation_link_token_in_that_order():
    assert describe_error({'errorCode': 'E1', 'message': 'Broken', 'remediationMessage': 'Mend it',
                           'remediationUrl': 'https://kb.example.com/1', 'referenceToken': 'T1'}) == (
        'E1: Broken. Remediation: Mend it. See https://kb.example.com/1 (reference token T1)')


def test_the_collections_advice_is_used_only_without_the_apis_remediation():
    assert describe_error({'message': 'Bad credentials', 'remediationMessage': 'Check the credentials'},
                          advice='Check username and password.') == (
        'Bad credentials. Remediation: Check the credentials.')
    line = describe_error({'message': 'Bad credentials', 'referenceToken': 'T'}, advice='Check username and password.')
    assert line == 'Bad credentials. Remediation: Check username and password. (reference token T)'


def test_advice_that_says_something_new_is_added_after_the_apis():
    line = describe_error({'message': 'Expired', 'remediationMessage': 'Log in again', 'referenceToken': 'T'},
                          advice='Obtain a new api_token', always=True)
    assert line == 'Expired. Remediation: Log in again. Obtain a new api_token. (reference token T)'


def test_causes_and_nested_errors_once_each_and_counted_past_ten():
    error = {'message': 'Top', 'causes': [{'message': 'c%d' % i} for i in range(12)] + [{'message': 'Top'}],
             'nestedErrors': [{'message': 'c1'}]}
    assert describe_error(error) == 'Top. Causes: c0; c1; c2; c3; c4; c5; c6; c7; c8; c9; +2 more.'


@pytest.mark.parametrize('error, line', [
    ('disk quota exceeded', 'disk quota exceeded.'), (None, ''), (42, ''), ([], ''), ({}, ''),
    ({'message': ['not', 'text']}, ''), ({'notifications': 'x', 'causes': 3, 'nestedErrors': {}}, ''),
])
def test_odd_values_never_raise(error, line):
    assert describe_error(error) == line


def test_failure_line_quotes_a_body_that_is_not_an_error_object():
    assert describe_failure('Reading', 502, None, '<html>Bad gateway</html>') == (
        'Reading failed: HTTP 502, body: <html>Bad gateway</html>')
    assert describe_failure('Reading', 500) == 'Reading failed: HTTP 500'


def test_failure_line_is_bounded_and_one_line():
    line = describe_failure('Reading', 500, {'message': 'x\n' * 5000})
    assert len(line) <= 2000 and '\n' not in line and line.endswith('...')
