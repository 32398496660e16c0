# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""download: streaming the export file, checking it, and the names it may be saved under."""

import hashlib
import os

import pytest

from ansible_collections.sddc.manager.plugins.module_utils.download import (
    default_name,
    destination,
    download_export,
    filename_from_disposition,
    safe_name,
    write_all,
)
from ansible_collections.sddc.manager.plugins.module_utils.errors import (
    ApiError,
    ConfigurationError,
    InvalidResponseError,
    TransportError,
)
from ansible_collections.sddc.manager.tests.unit.fakes import BrokenStream

RUN = '3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d'
DATA = '/v1/system/check-sets/%s/exports/data' % RUN


@pytest.mark.parametrize('header, name', [
    ('attachment; filename="precheck.csv"', 'precheck.csv'),
    ("attachment; filename*=UTF-8''pr%C3%A9check.csv", 'pr\xe9check.csv'),
    ('attachment; filename="../../etc/passwd"', '../../etc/passwd'),
    ('attachment', None), (None, None),
])
def test_filename_from_disposition_reads_the_header_as_sent(header, name):
    assert filename_from_disposition(header) == name


@pytest.mark.parametrize('name, safe', [
    ('precheck.csv', 'precheck.csv'), ('vcf-precheck_3f1c.csv', 'vcf-precheck_3f1c.csv'),
    ('.bashrc', None), ('../../etc/passwd', None), ('a/b.csv', None), ('a\\b.csv', None), ('..', None),
    ('x\ny.csv', None), ('x\x1b[2Jy.csv', None), ('pr\xe9check.csv', None), ('a' * 129, None), ('', None),
    (None, None), ('with space.csv', None), ('x\x00.csv', None),
])
def test_only_plain_visible_safe_names_are_accepted(name, safe):
    assert safe_name(name) == safe


def test_destination_falls_back_to_the_run_name_when_the_server_name_is_unsafe_or_not_a_file(tmp_path):
    directory = str(tmp_path)
    assert destination(directory, '.bashrc', RUN) == os.path.join(directory, default_name(RUN))
    assert destination(directory, 'ok.csv', RUN) == os.path.join(directory, 'ok.csv')
    os.mkdir(os.path.join(directory, 'taken.csv'))
    os.symlink('/etc/passwd', os.path.join(directory, 'link.csv'))
    assert destination(directory, 'taken.csv', RUN) == os.path.join(directory, default_name(RUN))
    assert destination(directory, 'link.csv', RUN) == os.path.join(directory, default_name(RUN))
    assert destination(os.path.join(directory, 'named.csv'), 'ok.csv', RUN) == os.path.join(directory, 'named.csv')


def test_download_streams_to_a_checked_temp_file_with_its_sha256(make_client, transport, tmp_path):
    body = b'checkId,status\n' * 10000
    transport.add('GET', DATA, body=body.decode(),
                  headers={'Content-Type': 'application/octet-stream', 'Content-Length': str(len(body)),
                           'Content-Disposition': 'attachment; filename="x.csv"'})
    downloaded = download_export(make_client(api_token='t0k3n'), RUN, str(tmp_path))
    with open(downloaded.path, 'rb') as handle:
        assert handle.read() == body
    assert downloaded.size == len(body) and downloaded.checksum == hashlib.sha256(body).hexdigest()
    assert downloaded.suggested_name == 'x.csv' and downloaded.content_type == 'application/octet-stream'
    assert os.path.dirname(downloaded.path) == str(tmp_path)


def test_broken_download_leaves_no_file_behind(make_client, transport, tmp_path):
    transport.add('GET', DATA, raw=BrokenStream(b'checkId,st'))
    with pytest.raises(TransportError) as caught:
        download_export(make_client(api_token='t0k3n'), RUN, str(tmp_path))
    assert 'the answer broke off' in caught.value.msg
    assert os.listdir(str(tmp_path)) == []


def test_a_body_shorter_than_its_content_length_is_refused(make_client, transport, tmp_path):
    transport.add('GET', DATA, body='checkId,status\n',
                  headers={'Content-Type': 'application/octet-stream', 'Content-Length': '400'})
    with pytest.raises(TransportError) as caught:
        download_export(make_client(api_token='t0k3n'), RUN, str(tmp_path))
    assert 'broke off after 15 of 400 bytes' in caught.value.msg and os.listdir(str(tmp_path)) == []


@pytest.mark.parametrize('body, content_type, words', [
    ('', 'application/octet-stream', 'an empty file'),
    ('<html><body>Login</body></html>', 'text/html', 'an error page'),
    ('<!DOCTYPE html><html></html>', 'application/octet-stream', 'an error page'),
    ('{"errorCode": "X", "message": "no"}', 'application/json', 'an error page'),
])
def test_an_empty_body_or_an_error_page_is_not_a_file(make_client, transport, tmp_path, body, content_type, words):
    transport.add('GET', DATA, body=body, headers={'Content-Type': content_type})
    with pytest.raises(InvalidResponseError) as caught:
        download_export(make_client(api_token='t0k3n'), RUN, str(tmp_path))
    assert words in caught.value.msg and os.listdir(str(tmp_path)) == []


def test_a_file_larger_than_max_size_is_refused_before_it_is_all_written(make_client, transport, tmp_path):
    transport.add('GET', DATA, body='x' * 300000, headers={'Content-Type': 'application/octet-stream'})
    with pytest.raises(InvalidResponseError) as caught:
        download_export(make_client(api_token='t0k3n'), RUN, str(tmp_path), max_size=100000)
    assert 'larger than max_size (100000 bytes)' in caught.value.msg and os.listdir(str(tmp_path)) == []


def test_short_writes_are_completed(monkeypatch):
    written = []

    def stingy_write(handle, data):
        written.append(bytes(data[:3]))
        return min(3, len(data))
    monkeypatch.setattr(os, 'write', stingy_write)
    write_all(7, b'abcdefgh')
    assert b''.join(written) == b'abcdefgh'


def test_a_disk_that_takes_nothing_fails_and_leaves_no_file(make_client, transport, tmp_path, monkeypatch):
    transport.add('GET', DATA, body='checkId,status\n', headers={'Content-Type': 'application/octet-stream'})
    monkeypatch.setattr(os, 'write', lambda handle, data: 0)
    with pytest.raises(ConfigurationError) as caught:
        download_export(make_client(api_token='t0k3n'), RUN, str(tmp_path))
    assert 'nothing was replaced' in caught.value.msg and os.listdir(str(tmp_path)) == []


def test_an_unwritable_directory_fails_in_one_line(make_client, tmp_path):
    with pytest.raises(ConfigurationError) as caught:
        download_export(make_client(api_token='t0k3n'), RUN, str(tmp_path / 'missing'))
    assert 'cannot create a file in' in caught.value.msg


def test_download_error_answer_is_an_api_error(make_client, transport, tmp_path):
    transport.add('GET', DATA, status=400, json_body={'message': 'Export is not completed'})
    with pytest.raises(ApiError):
        download_export(make_client(api_token='t0k3n'), RUN, str(tmp_path))
    assert os.listdir(str(tmp_path)) == []
