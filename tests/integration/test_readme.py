# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The README's "try it against the simulator" blocks run as written, where ansible-galaxy installed the collection.

The simulator's block runs in a terminal of its own (in the foreground: Ctrl-C stops it); the examples' block
runs in another. Replaced, as a reader would not need to: the install folder (the test's), port 8080 (a free one)
and /tmp/prechecks (the test's folder).
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time

from sim_harness import REPO, Ansible, installed_collections


def readme_block(after):
    """The first ```bash block after the line starting with ``after``."""
    with open(os.path.join(REPO, 'README.md')) as handle:
        text = handle.read()
    start = text.index('\n' + after)
    return re.search(r'```bash\n(.*?)```', text[start:], re.S).group(1)


def free_port():
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        return probe.getsockname()[1]


def as_written(block, port, tmp_path):
    return (block.replace('~/.ansible/collections', installed_collections()).replace('8080', str(port))
            .replace('/tmp/prechecks', str(tmp_path / 'prechecks')))


def wait_until_listening(port, process):
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and process.poll() is None:
        with socket.socket() as probe:
            if probe.connect_ex(('127.0.0.1', port)) == 0:
                return True
        time.sleep(0.1)
    return False


def test_the_readmes_simulator_and_examples_run_as_written_and_ctrl_c_stops_the_simulator(tmp_path):
    port = free_port()
    simulator_block = readme_block('In one terminal, start it')
    assert not any(line.rstrip().endswith('&') for line in simulator_block.splitlines()), 'in the foreground'
    env = dict(Ansible(str(tmp_path)).base_env)
    env['PATH'] = os.path.dirname(sys.executable) + os.pathsep + env.get('PATH', '')
    simulator = subprocess.Popen(['bash', '-ec', as_written(simulator_block, port, tmp_path)], env=env,
                                 stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 start_new_session=True)   # a terminal of its own: Ctrl-C reaches its group
    try:
        assert wait_until_listening(port, simulator), simulator.communicate(timeout=10)
        examples = subprocess.run(['bash', '-ec', as_written(readme_block('In another, run the examples'), port,
                                                             tmp_path)],
                                  env=env, cwd=str(tmp_path), stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                  timeout=300, check=False)
    finally:
        os.killpg(simulator.pid, signal.SIGINT)   # Ctrl-C, as the README says
        out, err = simulator.communicate(timeout=10)
    assert examples.returncode == 0, examples.stdout[-3000:] + examples.stderr[-3000:]
    assert 'READY WITH WARNINGS' in examples.stdout and 'localhost | SUCCESS' in examples.stdout
    assert [name for name in os.listdir(str(tmp_path / 'prechecks')) if name.endswith('.html')]
    assert 'No inventory was parsed' not in examples.stderr, "the examples' ansible.cfg is read"
    assert simulator.returncode == 0 and 'Traceback' not in err, 'Ctrl-C stops the simulator cleanly: ' + err
    assert 'SDDC Manager simulator listening on http://127.0.0.1:%d' % port in err
