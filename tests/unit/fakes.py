# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A fake HTTP transport for unit tests: a requests adapter answering from a script."""

import io
import json

import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict


HOST = 'sddc.example.com'
PASSWORD = 'S3cret-Passw0rd!'
ACCESS = 'access-token-0001'
REFRESH = 'refresh-token-0001'


class FakeTransport(BaseAdapter):
    """Answers requests from a script of (method, path) -> answers, and records each one."""

    def __init__(self):
        super().__init__()
        self.script = []
        self.sent = []

    def add(self, method, path, status=200, json_body=None, body=None, headers=None, exc=None, times=1, raw=None):
        for dummy in range(times):
            self.script.append(dict(method=method, path=path, status=status, json_body=json_body,
                                    body=body, headers=headers or {}, exc=exc, raw=raw))
        return self

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        path, dummy, query = request.path_url.partition('?')
        self.sent.append(dict(method=request.method, path=path, query=query, headers=dict(request.headers),
                              body=request.body, verify=verify, timeout=timeout))
        for index, answer in enumerate(self.script):
            if answer['method'] == request.method and answer['path'] == path:
                del self.script[index]
                break
        else:
            raise AssertionError('unexpected request %s %s' % (request.method, path))
        if answer['exc'] is not None:
            raise answer['exc']
        if answer['body'] is not None:
            payload = answer['body'] if isinstance(answer['body'], bytes) else answer['body'].encode('utf-8')
            content_type = 'text/html'
        else:
            payload = json.dumps(answer['json_body']).encode('utf-8') if answer['json_body'] is not None else b''
            content_type = 'application/json'
        response = requests.Response()
        response.status_code = answer['status']
        response.headers = CaseInsensitiveDict({'Content-Type': content_type})
        response.headers.update(answer['headers'])
        response.raw = answer['raw'] if answer['raw'] is not None else io.BytesIO(payload)
        response.url = request.url
        response.request = request
        response.encoding = 'utf-8'
        return response

    def close(self):
        pass

    def paths(self):
        return ['%s %s' % (sent['method'], sent['path']) for sent in self.sent]


def login_answer(access=ACCESS, refresh=REFRESH):
    return {'accessToken': access, 'refreshToken': {'id': refresh}}


class BrokenStream:
    """A response body that yields ``first`` and then breaks, as a reset connection does."""

    def __init__(self, first):
        self.first = first

    def stream(self, chunk_size, decode_content=True):
        from urllib3.exceptions import ProtocolError
        yield self.first
        raise ProtocolError('Connection broken: IncompleteRead')

    def close(self):
        pass

    def release_conn(self):
        pass


class StubFileModule:
    """The parts of AnsibleModule that file-writing modules use, acting on the real file system."""

    def __init__(self, params, check_mode=False, tmpdir=None):
        self.params = dict(mode=None, owner=None, group=None, seuser=None, serole=None, selevel=None, setype=None,
                           attributes=None, unsafe_writes=False)
        self.params.update(params)
        self.check_mode = check_mode
        self.tmpdir = tmpdir
        self.warnings = []

    def warn(self, warning):
        self.warnings.append(warning)

    @staticmethod
    def sha256(path):
        import hashlib
        with open(path, 'rb') as handle:
            return hashlib.sha256(handle.read()).hexdigest()

    @staticmethod
    def atomic_move(source, dest):
        import shutil
        shutil.move(source, dest)

    @staticmethod
    def load_file_common_arguments(params, path=None):
        return dict(path=path)

    @staticmethod
    def set_fs_attributes_if_different(file_args, changed):
        return changed
