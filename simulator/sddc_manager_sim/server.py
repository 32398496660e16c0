# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The HTTP(S) front of the simulator: the API routes, the /sim control routes, and where faults apply."""

import json
import re
import ssl
import sys
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from .checksets import bundle_statuses, silenced_result
from .exports import ExportScript
from .faults import error_body
from .state import SimulatorState

EXPORT_ROUTE = re.compile(r'^/v1/system/check-sets/(?P<run_id>[^/]+)/exports(?P<data>/data)?$')
RUN_ROUTE = re.compile(r'^/v1/system/check-sets/(?P<run_id>[^/]+)$')
DOMAIN_ROUTE = re.compile(r'^/v1/domains/(?P<domain_id>[^/]+)$')
RELEASES_ROUTE = re.compile(r'^/v1/releases/domains/(?P<domain_id>[^/]+)/future-releases$')
RELEASE_VIEW_ROUTE = re.compile(r'^/v1/releases/domains/(?P<domain_id>[^/]+)$')
UPGRADABLES_ROUTE = re.compile(r'^/v1/upgradables/domains/(?P<domain_id>[^/]+)$')
READ_PARAMETERS = frozenset(['includeSummary', 'severity', 'includeOnlySilencedInfo'])   # 9.1 and later
NOT_JSON = object()
CANONICAL_UUID = re.compile(r'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
EXPORT_ROUTES_FROM = (9, 1)
READ_PARAMETERS_FROM = (9, 1)


class SimulatorHandler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'   # keep-alive, so a client can reuse one connection
    disable_nagle_algorithm = True  # headers and body leave at once: no 40 ms delayed-ACK stalls
    server_version = 'SDDCManagerSimulator/1.0'

    # -- plumbing ------------------------------------------------------------------

    def setup(self):
        super().setup()
        self._api_connection = False
        self._shaping = None   # a fault that changes how the normal answer is sent

    def _count_api_connection(self):
        """Count each TCP connection once, at its first API request (control calls do not count)."""
        if not self._api_connection:
            self._api_connection = True
            self.state.count_connection()

    def log_message(self, fmt, *args):  # pylint: disable=arguments-differ
        if self.server.verbose:
            sys.stderr.write('sim: %s\n' % (fmt % args))

    @property
    def state(self):
        return self.server.state

    @property
    def route(self):
        """The request's path without its query."""
        return self.path.partition('?')[0]

    def _body(self):
        length = int(self.headers.get('Content-Length') or 0)
        raw = self.rfile.read(length) if length else b''
        if not raw:
            return None
        try:
            return json.loads(raw.decode('utf-8'))
        except ValueError:
            return NOT_JSON

    def send_answer(self, status, body=None, content_type='application/json', headers=None):
        """Send one answer (recorded in the stats), through the fault that shapes it if there is one."""
        path = self.route
        shaping, self._shaping = self._shaping, None
        if not path.startswith('/sim/'):
            self.state.record(self.command, path, shaping.KIND if shaping is not None else status)
        if body is None:
            payload = b''
        elif isinstance(body, bytes):
            payload = body
        elif content_type == 'application/json':
            payload = json.dumps(body).encode('utf-8')
        else:
            payload = str(body).encode('utf-8')
        if shaping is not None and shaping.shape(self, status, payload, content_type, headers):
            return
        self.send_head(status, payload, content_type, headers)
        if payload:
            self.wfile.write(payload)

    def send_head(self, status, payload, content_type, headers=None):
        """The status line and headers of an answer whose body is ``payload``."""
        self.send_response(status)
        if payload or status != 204:
            self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(payload)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()

    # -- dispatch ------------------------------------------------------------------

    def do_GET(self):  # noqa: N802 (http.server naming)
        self._dispatch()

    def do_POST(self):  # noqa: N802
        self._dispatch()

    def do_PATCH(self):  # noqa: N802
        self._dispatch()

    def do_DELETE(self):  # noqa: N802
        self._dispatch()

    def _dispatch(self):
        path, dummy, query = self.path.partition('?')
        body = self._body()
        if path.startswith('/sim/'):
            return self._control(path, body)
        self.query = parse_qs(query)
        self._count_api_connection()
        fault = self.state.take_fault(self.command, path)
        if fault is not None and self._apply_fault(fault):
            return None
        try:
            return self._api(path, body)
        except Exception as exc:  # pylint: disable=broad-except
            return self.send_answer(500, error_body('INTERNAL_SERVER_ERROR', 'Simulator error: %s' % exc))

    def _apply_fault(self, rule):
        """Apply the fault of ``rule``; True when it answered the request (False: the API answers)."""
        fault = rule.fault
        fault.before(self)
        if fault.answer(self):
            return True
        self._shaping = fault if fault.SHAPES else None
        return False

    # -- the API -------------------------------------------------------------------

    def _api(self, path, body):
        if body is NOT_JSON:
            return self.send_answer(400, error_body('BAD_REQUEST', 'The request body is not JSON.'))
        if path == '/v1/tokens' and self.command == 'POST':
            return self._login(body)
        if path == '/v1/tokens/access-token/refresh' and self.command == 'PATCH':
            token = self.state.refresh(body) if isinstance(body, str) else None
            if token is None:
                return self.send_answer(404, error_body('REFRESH_TOKEN_NOT_FOUND',
                                                        'Refresh token not found or expired.',
                                                        'Log in again to get a new token pair.'))
            return self.send_answer(200, token)
        if path == '/v1/tokens/refresh-token' and self.command == 'DELETE':
            if isinstance(body, str):
                self.state.revoke(body)
            return self.send_answer(204)
        if not self._authorised():
            return self.send_answer(401, error_body('Unauthorized', 'Access token is missing, expired or invalid.',
                                                    'Log in again or refresh the access token.'))
        if path == '/v1/system/appliance-info' and self.command == 'GET':
            return self.send_answer(200, {'role': 'SddcManager', 'version': self.state.version,
                                    'dnsDomain': 'example.com', 'dnsServers': ['192.0.2.53'],
                                          'ntpServers': ['192.0.2.123']})
        match = EXPORT_ROUTE.match(path)
        if match:
            return self._exports(match.group('run_id'), bool(match.group('data')))
        routed = self._check_sets(path, body)
        if routed is not False:
            return routed
        return self.send_answer(404, error_body('NOT_FOUND', 'No such resource: %s %s' % (self.command, path)))

    def _login(self, body):
        if not isinstance(body, dict):
            return self.send_answer(400, error_body('BAD_REQUEST', 'Token creation spec is missing or not JSON.'))
        pair = self.state.login(body.get('username'), body.get('password'))
        if pair is None:
            return self.send_answer(401, error_body('Unauthorized', 'Invalid username or password.',
                                                    'Check the credentials and try again.'))
        return self.send_answer(self.state.login_status, pair)

    def _authorised(self):
        header = self.headers.get('Authorization') or ''
        return header.startswith('Bearer ') and self.state.token_valid(header[len('Bearer '):])

    def _exports(self, run_id, data):
        state = self.state
        if state.version_tuple() < EXPORT_ROUTES_FROM:
            return self.send_answer(404, error_body('NOT_FOUND', 'No handler found for %s %s'
                                                    % (self.command, self.path)))
        if not CANONICAL_UUID.match(run_id):
            return self.send_answer(400, error_body('INVALID_RUN_ID', 'Run id %s is not a valid UUID.' % run_id,
                                                    'Pass the UUID of a completed pre-check run.'))
        with state.lock:
            run = state.exports.get(run_id)
            check_run = state.check_runs.get(run_id)
            if run is None and check_run is not None and self.command == 'POST' and not data:
                if not check_run.finished():
                    return self.send_answer(400, error_body('CHECK_RUN_NOT_COMPLETED',
                                                            'Pre-check run %s is not completed.' % run_id,
                                                            'Wait for the pre-check run to complete, then export it.'))
                run = state.exports[run_id] = ExportScript(run_id)
            if self.command == 'POST' and not data:
                return self._start_export(run_id, run)
            if self.command != 'GET':
                return self.send_answer(405, error_body('METHOD_NOT_ALLOWED', 'Method not allowed.'))
            if run is None or run.export is None:
                return self.send_answer(404, error_body(
                    'EXPORT_TASK_NOT_FOUND', 'Export Task Not Found for run %s.' % run_id,
                    'Start an export with POST /v1/system/check-sets/%s/exports.' % run_id))
            if not data:
                return self.send_answer(200, run.status())
            if not run.is_completed():
                return self.send_answer(400, error_body('EXPORT_NOT_COMPLETED',
                                                        'Export for run %s is not completed.' % run_id,
                                                        'Wait for the export to complete before downloading it.'))
            headers = {}
            if state.content_disposition:
                name = run.filename or 'precheck-export-%s.csv' % run_id
                headers['Content-Disposition'] = 'attachment; filename="%s"' % name
            return self.send_answer(200, run.content.encode('utf-8'), content_type='application/octet-stream',
                                    headers=headers)

    def _start_export(self, run_id, run):
        if run is None:
            return self.send_answer(400, error_body('CHECK_RUN_NOT_FOUND', 'Pre-check run %s not found.' % run_id,
                                                    'Pass the id of a completed pre-check run.'))
        if run.start_error:
            failure = dict(run.start_error)
            status = int(failure.pop('status', 400))
            return self.send_answer(status, error_body(failure.get('errorCode', 'BAD_REQUEST'),
                                                       failure.get('message', 'Export cannot start.'),
                                                       failure.get('remediationMessage')))
        if run.is_running():
            return self.send_answer(429, error_body('TOO_MANY_EXPORT_REQUEST', 'Too Many Export Request',
                                                    'Wait for the running export of this run to finish.'))
        run.start()
        return self.send_answer(202, run.status(advance=False))

    # -- domains, releases and check-set runs ----------------------------------------

    def _check_sets(self, path, body):
        """Serve a domain or check-set route; False when ``path`` is none of them."""
        state, method = self.state, self.command
        with state.lock:
            if path == '/v1/domains' and method == 'GET':
                names = self.query.get('name')
                found = [d.body() for d in state.domains if not names or d.name in names]
                return self.send_answer(200, {'elements': found, 'pageMetadata': {
                    'pageNumber': 0, 'pageSize': len(found), 'totalElements': len(found), 'totalPages': 1}})
            if path == '/v1/releases/domains' and method == 'GET':
                views = [d.release_view() for d in state.domains]
                return self.send_answer(200, {'elements': views, 'pageMetadata': {
                    'pageNumber': 0, 'pageSize': len(views), 'totalElements': len(views), 'totalPages': 1}})
            if path == '/v1/bundles/download-status' and method == 'GET':
                release = (self.query.get('releaseVersion') or [''])[0]
                return self.send_answer(200, bundle_statuses(state.domains, release, state.bundles))
            for route, answer in ((DOMAIN_ROUTE, 'body'), (RELEASES_ROUTE, 'future_releases'),
                                  (RELEASE_VIEW_ROUTE, 'release_view'), (UPGRADABLES_ROUTE, 'upgradables')):
                match = route.match(path)
                if match and method == 'GET':
                    domain = state.domain(match.group('domain_id'))
                    if domain is None:
                        return self.send_answer(404, error_body('DOMAIN_NOT_FOUND',
                                                                'Domain %s not found.' % match.group(1)))
                    if answer == 'upgradables':
                        return self.send_answer(200, domain.upgradables((self.query.get('targetVersion') or [''])[0]))
                    return self.send_answer(200, getattr(domain, answer)())
            if path == '/v1/system/check-sets/queries' and method == 'POST':
                return self._query(body)
            if path == '/v1/system/check-sets' and method == 'POST':
                return self._start_check_run(body)
            if path == '/v1/system/check-sets' and method == 'GET':
                wanted = set(','.join(self.query.get('domainId', [])).split(',')) - {''}
                runs = [run.task_info() for run in state.check_runs.values()
                        if not wanted or wanted & set(d.id for d in run.domains)]
                return self.send_answer(200, runs)
            match = RUN_ROUTE.match(path)
            if match and method == 'GET':
                return self._read_check_run(match.group('run_id'))
        return False

    def _query(self, body):
        state = self.state
        domains = body.get('domains') if isinstance(body, dict) else None
        if not isinstance(body, dict) or not body.get('checkSetType') or not isinstance(domains, list) or not domains:
            return self.send_answer(400, error_body('INVALID_CHECK_SET_QUERY',
                                                    'checkSetType and domains are required.'))
        found = []
        for entry in domains:
            domain = state.domain(entry.get('domainId')) if isinstance(entry, dict) else None
            if domain is None or not CANONICAL_UUID.match(str(entry.get('domainId'))):
                return self.send_answer(400, error_body('DOMAIN_NOT_FOUND', 'Domain %s not found.' % (entry,)))
            found.append(domain)
        query_id = str(uuid.uuid4())
        resources = [r for d in found for r in d.query_resources()]
        state.queries[query_id] = found
        return self.send_answer(200, {'queryId': query_id, 'resources': resources})

    def _start_check_run(self, body):
        state = self.state
        if not isinstance(body, dict) or body.get('queryId') not in state.queries:
            return self.send_answer(400, error_body('INVALID_QUERY_ID', 'queryId is missing or unknown.',
                                                    'Query the check-sets first (POST /v1/system/check-sets/queries).'))
        resources = body.get('resources')
        allowed = set(('resourceId', 'resourceName', 'resourceType', 'domain', 'checkSets'))
        if (not isinstance(resources, list) or not resources
                or any(not isinstance(r, dict) or set(r) - allowed or not r.get('checkSets') for r in resources)):
            return self.send_answer(400, error_body('INVALID_CHECK_SET_SELECTION',
                                                    'Each resource needs resourceId, resourceName, resourceType and '
                                                    'checkSets, and nothing else but domain.'))
        metadata = body.get('metadata') if isinstance(body.get('metadata'), dict) else {}
        run_id = state.add_check_run({'domains': [d.id for d in state.queries[body['queryId']]],
                                      'target_version': metadata.get('targetVersion')})
        return self.send_answer(202, state.check_runs[run_id].task())

    def _read_check_run(self, run_id):
        state = self.state
        if not CANONICAL_UUID.match(run_id):
            return self.send_answer(400, error_body('INVALID_RUN_ID', '%s is not a valid runId.' % run_id))
        asked = set(self.query) & READ_PARAMETERS
        if asked and state.version_tuple() < READ_PARAMETERS_FROM:
            return self.send_answer(400, error_body('UNKNOWN_PARAMETER', 'Unknown query parameter %s.' % ', '.join(
                sorted(asked)), 'This SDDC Manager version takes no query parameter on this operation.'))
        run = state.check_runs.get(run_id)
        if run is not None:
            if (self.query.get('includeOnlySilencedInfo') or [''])[0] == 'true' and run.finished():
                return self.send_answer(200, silenced_result(run))
            return self.send_answer(200, run.result())
        if run_id in state.exports:   # a run scripted only for its export: completed, clean
            return self.send_answer(200, {
                'status': 'COMPLETED_WITH_SUCCESS', 'discoveryProgress': {'percentageComplete': 100},
                'validationResult': {'errorCode': 'BASELINER_TARGET_STATE_VALIDATION.info',
                                     'context': {'severity': 'INFO'}, 'message': 'Target state validation successful'}})
        return self.send_answer(404, error_body('TASK_NOT_FOUND', 'Task Not Found', 'Check the run id.'))

    # -- control routes ------------------------------------------------------------

    def _control(self, path, body):
        """The /sim routes that tests and the demo use: replace the state, add a fault, expire tokens, read
        the stats, read an export's timeline."""
        state = self.state
        try:
            if path == '/sim/scenario' and self.command == 'POST':
                state.load(body or {})
            elif path == '/sim/faults' and self.command == 'POST':
                state.add_fault(body)
            elif path == '/sim/expire-tokens' and self.command == 'POST':
                state.expire_tokens(refresh=bool((body or {}).get('refresh')))
            elif path == '/sim/stats' and self.command == 'GET':
                with state.lock:
                    stats = dict(state.stats, log=list(state.stats['log']),
                                 live_refresh_tokens=len(state.refresh_tokens))
                return self.send_answer(200, stats)
            elif path.startswith('/sim/exports/') and self.command == 'GET':
                export = state.exports.get(path[len('/sim/exports/'):])
                answer = export.describe() if export else {'error': 'no such export'}
                return self.send_answer(200 if export else 404, answer)
            else:
                return self.send_answer(404, {'error': 'no such control route'})
        except (TypeError, ValueError, KeyError) as exc:
            return self.send_answer(400, {'error': str(exc)})
        return self.send_answer(200, {'ok': True})


class SimulatorServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, state=None, verbose=False, certfile=None, keyfile=None):
        super().__init__(address, SimulatorHandler)
        self.state = state or SimulatorState()
        self.verbose = verbose
        self.scheme = 'http'
        if certfile:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(certfile, keyfile)
            # The handshake happens in the request thread, so a client that rejects
            # the certificate cannot block the accept loop.
            self.socket = context.wrap_socket(self.socket, server_side=True, do_handshake_on_connect=False)
            self.scheme = 'https'

    @property
    def url(self):
        host, port = self.server_address[:2]
        return '%s://%s:%d' % (self.scheme, host, port)

    def handle_error(self, request, client_address):
        exc = sys.exc_info()[1]
        if isinstance(exc, (ssl.SSLError, ConnectionError, OSError)):
            if self.verbose:
                sys.stderr.write('sim: connection from %s ended: %s\n' % (client_address[0], exc))
            return
        super().handle_error(request, client_address)
