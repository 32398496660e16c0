# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""errors: one bounded line, the failure keys, a kind for every failure, and which faults are worth a retry."""

import pytest

from ansible_collections.sddc.manager.plugins.module_utils import errors
from ansible_collections.sddc.manager.plugins.module_utils.text import MSG_LIMIT


def test_every_kind_is_a_class_here_but_the_last_resort():
    for kind in errors.ERROR_KINDS[:-1]:
        assert issubclass(getattr(errors, kind), errors.SddcManagerError)
    base = errors.SddcManagerError
    classes = [name for name, value in vars(errors).items()
               if isinstance(value, type) and issubclass(value, base) and value is not base]
    assert sorted(classes) == sorted(errors.ERROR_KINDS[:-1]), 'a new exception class is a new documented kind'
    assert errors.ERROR_KINDS[-1] == 'UnexpectedError'


def test_a_failure_is_one_bounded_line_with_its_kind_and_details():
    result = errors.NotFoundError('x\n' * 5000, status_code=404, available=['a']).to_result()
    assert len(result['msg']) == MSG_LIMIT and '\n' not in result['msg']
    assert result['error_kind'] == 'NotFoundError' and result['error_details'] == {'available': ['a']}


def test_an_undocumented_detail_is_a_programming_error():
    with pytest.raises(TypeError):
        raise errors.ApiError('x', colour='red')


@pytest.mark.parametrize('error, transient', [
    (errors.TransportError('x'), True), (errors.CertificateError('x'), False), (errors.InvalidResponseError('x'), True),
    (errors.InvalidResponseError('x', transient=False), False), (errors.ApiError('x', status_code=503), True),
    (errors.ApiError('x', status_code=400), False), (errors.AuthenticationError('x', status_code=401), False),
    (errors.ConfigurationError('x'), False), (errors.WaitTimeoutError('x'), False),
])
def test_which_faults_another_poll_may_clear(error, transient):
    assert error.transient is transient
