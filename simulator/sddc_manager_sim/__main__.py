# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""``python3 -m sddc_manager_sim``: serve a simulated SDDC Manager until interrupted."""

import argparse
import json
import os
import sys
import threading

from .server import SimulatorServer
from .state import DEFAULT_VERSION, SimulatorState


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog='python3 -m sddc_manager_sim',
        description='A simulated SDDC Manager for tests and demos: tokens, appliance-info, workload domains, '
                    'releases, bundles, upgradables, pre-check (check-set) runs and their exports, and scripted '
                    'faults. Stop it with Ctrl-C, or kill its process (see docs/docsite/rst/simulator.rst).')
    parser.add_argument('--host', default='127.0.0.1', help='address to listen on (default: 127.0.0.1)')
    parser.add_argument('--port', type=int, default=8080, help='port (default: 8080; 0 picks a free one)')
    parser.add_argument('--certfile', help='PEM certificate (chain): serve HTTPS instead of HTTP')
    parser.add_argument('--keyfile', help='PEM private key of --certfile (if not inside it)')
    parser.add_argument('--scenario', help='JSON file: version, users, token_lifetime, api_tokens, domains, precheck, '
                                           'check_runs, exports, faults')
    parser.add_argument('--version', dest='appliance_version',
                        help='appliance version to report (default %s; 9.0.x has no export operations and '
                             'no 9.1 query parameters on a run read)' % DEFAULT_VERSION)
    parser.add_argument('--token-lifetime', type=float, help='access-token lifetime in seconds (default 3600)')
    parser.add_argument('--managers', type=int, default=1,
                        help='serve this many independent SDDC Managers, each with its own state, on ports --port, '
                             '--port + 1, ... (free ports with --port 0): a fleet in one process (default: 1)')
    parser.add_argument('--url-file', help='write the URL the simulator listens on to this file once ready (one '
                                           'line per manager)')
    parser.add_argument('--verbose', action='store_true', help='log every request to stderr')
    return parser.parse_args(argv)


def load_scenario(args):
    scenario = {}
    if args.scenario:
        with open(args.scenario) as handle:
            scenario = json.load(handle)
    if args.appliance_version:
        scenario['version'] = args.appliance_version
    if args.token_lifetime is not None:
        scenario['token_lifetime'] = args.token_lifetime
    return scenario


def start_servers(args):
    """One server per simulated manager, each with its own state, the first on --port and the others after it."""
    servers = []
    try:
        for index in range(args.managers):
            port = args.port + index if args.port else 0
            servers.append(SimulatorServer((args.host, port), SimulatorState(load_scenario(args)),
                                           verbose=args.verbose, certfile=args.certfile, keyfile=args.keyfile))
    except BaseException:
        for server in servers:
            server.server_close()
        raise
    return servers


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if not 1 <= args.managers <= 500:
        sys.stderr.write('sddc_manager_sim: --managers must be from 1 to 500.\n')
        return 2
    try:
        servers = start_servers(args)
    except OSError as exc:
        sys.stderr.write('sddc_manager_sim: cannot listen on %s port %d: %s. Choose another with --port, or '
                         '--port 0 for a free one.\n' % (args.host, args.port, exc.strerror or exc))
        return 2
    except ValueError as exc:
        sys.stderr.write('sddc_manager_sim: the scenario is not valid: %s\n' % exc)
        return 2
    if args.url_file:
        tmp = args.url_file + '.tmp'
        with open(tmp, 'w') as handle:
            handle.write(''.join(server.url + '\n' for server in servers))
        os.replace(tmp, args.url_file)
    for server in servers[1:]:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stderr.write('SDDC Manager simulator listening on %s\n' % ', '.join(server.url for server in servers))
    try:
        servers[0].serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        for server in servers:
            server.server_close()
    return 0


if __name__ == '__main__':
    sys.exit(main())
