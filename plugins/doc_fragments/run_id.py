# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)


class ModuleDocFragment:
    # The run_id option (module_utils/options.py run_id_option).

    DOCUMENTATION = r'''
options:
  run_id:
    description:
      - The UUID of a pre-check (check-set) run, as RV(sddc.manager.precheck#module:run_id) returns it
        (the C(id) of the task C(POST /v1/system/check-sets) answered).
      - Any casing, with or without hyphens; it is sent canonical (lower case, hyphenated).
        A value that is not a UUID fails before anything is sent.
    type: str
    required: true
'''
