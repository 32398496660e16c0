# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Keep a run's task result small enough to print, register and send to AWX.

A run may report thousands of distinct findings (a hostile one, tens of MB of them). A task
result keeps the first LIST_ITEMS of each list, most severe first, within LIST_BYTES of JSON;
``findings_total`` and ``omitted`` say what was left out, and precheck_report reads the run
again to write every finding.
"""

import json

LIST_ITEMS = 500
LIST_BYTES = 512 * 1024
SINCE_LISTS = ('new', 'resolved', 'persisting', 'severity_changed')


def first_items(items: list) -> list:
    """The leading items of ``items`` that fit LIST_ITEMS and LIST_BYTES of JSON."""
    kept, size = [], 0
    for item in items[:LIST_ITEMS]:
        size += len(json.dumps(item, ensure_ascii=False, default=str)) + 2
        if size > LIST_BYTES:
            break
        kept.append(item)
    return kept


def bound_result(result: dict) -> dict:
    """``result`` with each findings list cut to fit, plus ``findings_total`` and ``omitted`` (list: count cut)."""
    omitted = {}

    def cut(holder: dict, key: str, label: str) -> None:
        items = holder.get(key)
        if isinstance(items, list):
            kept = first_items(items)
            if len(kept) < len(items):
                omitted[label] = len(items) - len(kept)
                holder[key] = kept

    bounded = dict(result, findings_total=len(result.get('findings') or []))
    for key in ('findings', 'failing', 'silenced'):
        cut(bounded, key, key)
    if isinstance(bounded.get('since_baseline'), dict):
        bounded['since_baseline'] = dict(bounded['since_baseline'])
        for key in SINCE_LISTS:
            cut(bounded['since_baseline'], key, 'since_baseline.' + key)
    bounded['omitted'] = omitted
    if omitted.get('findings'):
        bounded['warnings'] = list(bounded.get('warnings') or []) + [
            'Pre-check run %s: %d findings read; this result holds the first %d, most severe first. '
            'sddc.manager.precheck_report writes them all.'
            % (result.get('run_id'), bounded['findings_total'], len(bounded['findings']))]
    return bounded


def is_cut(result: dict) -> bool:
    """True when ``result`` (a wait's or precheck_info's) holds fewer findings than the run reported."""
    omitted = result.get('omitted')
    return bool(omitted) if isinstance(omitted, dict) else False
