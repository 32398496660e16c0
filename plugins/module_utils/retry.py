# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""When and how long to wait before retrying a transient fault.

Capped exponential backoff with full jitter (so parallel jobs do not retry in
step), and the server's ``Retry-After`` honoured when it sends one.
"""

import random
import time
from email.utils import parsedate_to_datetime
from typing import Optional

RETRYABLE_STATUS_CODES = frozenset([429, 502, 503, 504])


def parse_retry_after(value, now: float = None) -> Optional[float]:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date).

    Returns None when the header is absent or unreadable; never negative.
    """
    if value is None:
        return None
    value = str(value).strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


class RetryPolicy:
    """How many times to retry, and how long to sleep before each retry."""

    def __init__(self, retries=4, base_delay=0.5, max_delay=8.0, max_retry_after=60.0, rng=None):
        self.retries = retries
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.max_retry_after = max_retry_after
        self._rng = rng or random.Random()

    def delay(self, attempt: int, retry_after: float = None) -> float:
        """Seconds to sleep before retry number ``attempt`` (1 for the first retry).

        Full jitter over a capped exponential; a server-sent ``Retry-After`` is a
        floor, itself capped so that a wild value cannot stall a play for hours.
        """
        ceiling = min(self.max_delay, self.base_delay * (2 ** (attempt - 1)))
        backoff = self._rng.uniform(0, ceiling)
        if retry_after is not None:
            return max(min(retry_after, self.max_retry_after), backoff)
        return backoff
