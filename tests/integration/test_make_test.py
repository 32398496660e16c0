# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""make test's closing summary says what it skipped for want of an optional tool."""

import os
import shutil
import subprocess

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
