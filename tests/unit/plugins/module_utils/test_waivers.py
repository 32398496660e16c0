# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""waivers: valid ones waive, expired ones fail naming themselves, stale ones warn, malformed ones are refused."""

import datetime

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.errors import ConfigurationError
from ansible_collections.sddc.manager.plugins.module_utils.precheck_verdict import BLOCKED, READY_WITH_WARNINGS, Verdict
from ansible_collections.sddc.manager.plugins.module_utils.run_result import describe_run
from ansible_collections.sddc.manager.plugins.module_utils.waivers import apply_waivers, check_waivers

TODAY = datetime.date(2026, 12, 2)
RUN = '7c0a4a4e-2f7e-4f43-9e1c-8d1f0e5b6a21'


def finding(check_id='vcenter-backup-config', resource='vc-01', domain='wld-01', severity='ERROR'):
    return dict(id=check_id, name=check_id.title(), resource=resource, domain=domain, severity=severity,
                message='m', ignored=False)


def waiver(**fields):
    base = dict(check='vcenter-backup-config', reason='Backup target moves next week', owner='jane',
                ticket='CHG-1234', expires='2026-12-31')
    base.update(fields)
    return base


def described(*findings):
    result = describe_run(RUN, {'status': 'COMPLETED_WITH_FAILURE'})
    result['findings'] = list(findings)
    result['counts_read'] = dict((key, len([f for f in findings if f['severity'] == key.upper()]))
                                 for key in ('error', 'warning', 'info'))
    return result


def test_a_valid_waiver_waives_its_finding_and_keeps_its_details():
    judged = Verdict(described(finding()), 'error', waivers=[waiver()], today=TODAY)
    assert judged.word == READY_WITH_WARNINGS and not judged.failed
    waived = judged.findings[0]
    assert waived['waived'] is True and waived['waiver']['ticket'] == 'CHG-1234'
    assert judged.message().endswith('(1 finding waived).')


def test_a_waiver_holds_through_its_expiry_day():
    assert apply_waivers([finding()], [waiver(expires='2026-12-02')], TODAY).findings[0]['waived']


def test_an_expired_waiver_that_matches_fails_naming_it():
    judged = Verdict(described(finding()), 'error', waivers=[waiver(expires='2026-11-30')], today=TODAY)
    assert judged.failed and judged.word == BLOCKED
    assert 'Waiver CHG-1234 for vcenter-backup-config expired on 2026-11-30.' in judged.message()


def test_an_expired_waiver_fails_even_a_warning_the_gate_would_pass():
    judged = Verdict(described(finding(severity='WARNING')), 'error', waivers=[waiver(expires='2026-01-01')],
                     today=TODAY)
    assert judged.failed and 'expired on 2026-01-01' in judged.message()


def test_a_stale_waiver_is_a_warning_naming_its_ticket_and_check():
    judged = Verdict(described(finding('other-check')), 'never', waivers=[waiver()], today=TODAY)
    assert judged.stale and 'Waiver CHG-1234 for vcenter-backup-config matched no finding' in ' '.join(
        judged.warning_lines())


@pytest.mark.parametrize('narrow, waived', [
    (dict(resource='VC-01'), True), (dict(resource='vc-02'), False), (dict(domain='wld-01'), True),
    (dict(domain='wld-02'), False), (dict(check='VCENTER-BACKUP-CONFIG'), True),
    (dict(check='Vcenter-Backup-Config'), True),
])
def test_resource_and_domain_narrow_a_waiver(narrow, waived):
    assert apply_waivers([finding()], [waiver(**narrow)], TODAY).findings[0]['waived'] is waived


def test_a_finding_without_an_id_is_never_matched_by_a_blank_check():
    with pytest.raises(ConfigurationError):
        check_waivers([waiver(check='  ')])


@pytest.mark.parametrize('bad, words', [
    (dict(reason=None), 'has no reason'), (dict(reason=''), 'has no reason'), (dict(expires=None), 'has no expires'),
    (dict(expires='31/12/2026'), 'must be a date written YYYY-MM-DD'), (dict(expires='2026-02-30'), 'YYYY-MM-DD'),
    (dict(check=None), 'has no check'), (dict(colour='red'), 'unknown keys colour'),
])
def test_a_malformed_waiver_is_refused(bad, words):
    with pytest.raises(ConfigurationError) as caught:
        check_waivers([waiver(**bad)])
    assert words in caught.value.msg and caught.value.details['option'] == 'waivers'


def test_a_yaml_date_is_accepted():
    assert check_waivers([waiver(expires=datetime.date(2027, 1, 1))])[0]['expires'] == '2027-01-01'
