# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A standalone SDDC Manager simulator (standard library only) for tests, demos and CI.

It serves what sddc.manager uses of the SDDC Manager API (tokens, appliance-info and
the pre-check exports) with scripted export timelines and fault injection.
Run ``python3 -m sddc_manager_sim --help`` from the ``simulator`` folder.
"""
