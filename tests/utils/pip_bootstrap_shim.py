# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Make ``ansible-test --venv`` work where its get-pip download host is unreachable.

ansible-test bootstraps pip into each of its virtual environments with a
``get-pip.py`` it downloads from its own CI host and caches under
``~/.ansible/test/cache``. Where only package registries are reachable, this
writes a stand-in to that cache (only if none is there): it installs pip with
``ensurepip`` and then the pinned packages ansible-test asks for, from PyPI.
"""

import os
import re
import sys

STAND_IN = '''\
"""Stand-in for get-pip.py written by sddc.manager's tests/utils/pip_bootstrap_shim.py."""
import subprocess
import sys

args = [arg for arg in sys.argv[1:] if arg not in ('--no-setuptools', '--no-wheel')]
subprocess.check_call([sys.executable, '-m', 'ensurepip', '--default-pip'], stdout=subprocess.DEVNULL)
sys.exit(subprocess.call([sys.executable, '-m', 'pip', 'install', '--quiet'] + args))
'''


def wanted_pip_version():
    """The pip version this ansible-test bootstraps (read from its source, as it varies by release)."""
    import ansible_test._internal.python_requirements as requirements  # pylint: disable=import-outside-toplevel
    with open(requirements.__file__) as handle:
        match = re.search(r"pip='([0-9.]+)'", handle.read())
    if not match:
        raise SystemExit('cannot tell which pip version ansible-test bootstraps')
    return match.group(1)


def main():
    version = wanted_pip_version()
    cache = os.path.expanduser('~/.ansible/test/cache/get_pip_%s.py' % version.replace('.', '_'))
    if os.path.exists(cache):
        return 0
    os.makedirs(os.path.dirname(cache), exist_ok=True)
    with open(cache, 'w') as handle:
        handle.write(STAND_IN)
    sys.stderr.write('wrote a pip bootstrap stand-in for ansible-test at %s\n' % cache)
    return 0


if __name__ == '__main__':
    sys.exit(main())
