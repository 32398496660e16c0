# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The make targets' own words: make test's summary names what it skipped for want of an optional tool, and
make docs lets through only the warnings it calls the offline intersphinx ones."""

import os
import shutil
import subprocess
import sys

from sim_harness import REPO

TOOLS = ('bash', 'date', 'dirname', 'mkdir')   # all run-stages.sh needs with no stage to run


def test_the_summary_names_what_a_missing_shellcheck_and_chromium_skip(tmp_path):
    bin_dir = tmp_path / 'bin'
    bin_dir.mkdir()
    for tool in TOOLS:
        os.symlink(shutil.which(tool), str(bin_dir / tool))
    done = subprocess.run([str(bin_dir / 'bash'), os.path.join(REPO, 'tests', 'utils', 'run-stages.sh')],
                          env={'PATH': str(bin_dir)}, capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    summary = done.stdout.split('== make test: one line per stage', 1)[1]
    skipped = next(line for line in summary.splitlines() if line.startswith('skipped'))
    assert 'shellcheck sanity test (no shellcheck)' in skipped
    assert 'browser checks of the HTML reports (no chromium)' in skipped


# Warnings of an offline `make docs` (copied from a real build's warnings.txt): the ones build-docsite.sh says
# are expected without a network.
OFFLINE_WARNINGS = """\
WARNING: failed to reach any of the inventories with the following issues:
intersphinx inventory 'https://docs.ansible.com/projects/ansible/devel/objects.inv' not fetchable due to <class \
'requests.exceptions.ConnectionError'>: HTTPSConnectionPool(host='docs.ansible.com', port=443): Max retries exceeded
intersphinx inventory '../ansible_devel.inv' not readable due to FileNotFoundError: [Errno 2] No such file
/d/rst/session_module.rst:62: WARNING: undefined label: 'action_plugins' [ref.ref]
/d/rst/session_module.rst:801: WARNING: undefined label: 'common_return_values' [ref.ref]
/d/rst/sddc_managers_inventory.rst:362: WARNING: 'envvar' reference target not found: ANSIBLE_CACHE_PLUGIN [ref.envvar]
"""


def check_docsite(tmp_path, warnings):
    """check_docsite.py on a built site that has every page and ``warnings``."""
    sys.path.insert(0, os.path.join(REPO, 'tests', 'utils'))
    try:
        from check_docsite import expected_pages   # pylint: disable=import-outside-toplevel
    finally:
        sys.path.pop(0)
    for page in expected_pages(REPO):
        path = tmp_path / 'build' / 'html' / page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text('<html></html>')
    (tmp_path / 'warnings.txt').write_text(warnings)
    return subprocess.run([sys.executable, os.path.join(REPO, 'tests', 'utils', 'check_docsite.py'), str(tmp_path),
                           REPO], capture_output=True, text=True, check=False, timeout=60)


def test_make_docs_lets_through_the_offline_intersphinx_warnings_it_announces_and_no_other(tmp_path):
    with open(os.path.join(REPO, 'docs', 'build-docsite.sh')) as handle:
        assert 'intersphinx inventory of' in handle.read(), 'make docs says which warnings are expected offline'
    offline = check_docsite(tmp_path, OFFLINE_WARNINGS)
    assert offline.returncode == 0, offline.stdout
    own = '/d/rst/prechecks.rst:40: WARNING: undefined label: \'reading-the-findings\' [ref.ref]\n'
    failed = check_docsite(tmp_path, OFFLINE_WARNINGS + own)
    assert failed.returncode == 1 and failed.stdout == 'warning: ' + own, failed.stdout
