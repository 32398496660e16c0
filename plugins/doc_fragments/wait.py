# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)


class ModuleDocFragment:
    # How every wait behaves as a task: an action on the controller that bounds itself by its timeout.
    DOCUMENTATION = r'''
attributes:
  action:
    support: full
  async:
    support: none
    details: The action waits itself; use O(timeout) instead of C(async).
  bypass_host_loop:
    support: none
  check_mode:
    support: full
    details: It only reads, so it waits the same in check mode.
  diff_mode:
    support: none
  platform:
    platforms: all
    details: Talks to SDDC Manager from the controller, whatever the target host.
'''

    # The wait options, one attribute per kind of wait. They must stay string literals (ansible-test's
    # yamllint reads them without running this file), so the two differ only in their defaults, which are
    # those of module_utils/options.py (EXPORT_WAIT, RUN_WAIT); tests/unit/plugins/test_documentation.py
    # holds them together.
    EXPORT = r'''
options:
  timeout:
    description:
      - Seconds to wait, measured on a monotonic clock (0 to 604800). A request in flight when the time is up is cut
        off.
      - V(0) looks once and fails unless it has already finished.
    type: float
    default: 1800
  poll_interval:
    description:
      - Longest pause, in seconds, between two reads of the status (0.05 to 3600).
      - The first reads come sooner (after 1 s, 2 s, 4 s...) so that a short task is seen within about a second.
    type: float
    default: 10
'''

    RUN = r'''
options:
  timeout:
    description:
      - Seconds to wait, measured on a monotonic clock (0 to 604800). A request in flight when the time is up is cut
        off.
      - V(0) looks once and fails unless it has already finished.
    type: float
    default: 3600
  poll_interval:
    description:
      - Longest pause, in seconds, between two reads of the status (0.05 to 3600).
      - The first reads come sooner (after 1 s, 2 s, 4 s...) so that a short task is seen within about a second.
    type: float
    default: 15
'''
