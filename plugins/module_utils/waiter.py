# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one poll loop: read something until it finishes, against a monotonic deadline.

What is polled (an export, a pre-check run) is a ``Subject`` (subject.py): how to read it and what
its answers mean; the loop holds the rules every wait shares: at
least one look, stop at the first terminal status, ride out transient faults while
time remains, poll sooner while the subject is young, report progress on change.
Kept free of Ansible so unit tests drive it with a fake clock.
"""

import time
from typing import Optional

from ansible_collections.sddc.manager.plugins.module_utils.errors import SddcManagerError
from ansible_collections.sddc.manager.plugins.module_utils.text import format_duration, plural, progress_phrase

FINISHED = 'finished'
TIMED_OUT = 'timed_out'
MISSING = 'missing'
ERROR = 'error'

FIRST_POLL_DELAY = 1.0


class ProgressEstimate:
    """Time left from the progress rate seen so far (None until progress has moved)."""

    def __init__(self):
        self._first = None

    def remaining(self, now: float, progress) -> Optional[float]:
        if progress is None:
            return None
        if self._first is None or progress < self._first[1]:
            self._first = (now, progress)
            return None
        elapsed, gained = now - self._first[0], progress - self._first[1]
        if elapsed <= 0 or gained <= 0:
            return None
        return max(0.0, (100.0 - progress) * elapsed / gained)


def next_delay(poll_interval: float, elapsed: float, remaining) -> float:
    """Seconds to the next poll: 1 s while young, doubling up to ``poll_interval``; sooner near the estimated end."""
    delay = min(poll_interval, max(FIRST_POLL_DELAY, elapsed))
    if remaining is not None:
        delay = min(delay, max(FIRST_POLL_DELAY, remaining))
    return min(delay, poll_interval)


class WaitOutcome:
    """How a wait ended: the last snapshot read, and how long and how often it looked."""

    def __init__(self, subject, state, snapshot, polls, elapsed, last_fault=None, error=None):
        self.subject = subject
        self.state = state
        self.snapshot = snapshot
        self.polls = polls
        self.elapsed = elapsed
        self.last_fault = last_fault
        self.error = error

    def counts(self) -> str:
        """``after 42s (5 polls)``: how long and how often, for every message."""
        return 'after %s (%s)' % (format_duration(self.elapsed), plural(self.polls, 'poll'))

    def timeout_message(self) -> str:
        """The one line of a wait that ran out of time, with the last status and fault."""
        subject = self.subject
        if self.snapshot is not None:
            last = 'last status %s' % progress_phrase(subject.status(self.snapshot), subject.progress(self.snapshot))
        else:
            last = 'no status was read'
        line = 'Timed out %s waiting for %s: %s.' % (self.counts(), subject.label, last)
        if self.last_fault:
            line += ' Last fault: %s.' % self.last_fault.rstrip('.')
        return line + ' %s may still be running on SDDC Manager: wait again, or raise timeout.' % subject.noun


class Waiter:
    """Polls ``subject.read(client)`` until ``subject.finished`` or ``timeout`` seconds."""

    def __init__(self, client, subject, timeout, poll_interval, clock=None, sleep=None, on_progress=None):
        self.client = client
        self.subject = subject
        self.timeout = float(timeout)
        self.poll_interval = float(poll_interval)
        self.clock = clock or time.monotonic
        self.sleep = sleep or time.sleep
        self.on_progress = on_progress or (lambda line: None)

    def wait(self) -> WaitOutcome:
        start = self.clock()
        deadline = start + self.timeout
        # A poll's own retries, and each request, end at the deadline too; timeout 0 looks once, with a whole request.
        with self.client.deadline(deadline if self.timeout > 0 else None):
            return self._loop(start, deadline)

    def _loop(self, start, deadline):
        subject = self.subject
        estimate = ProgressEstimate()
        snapshot, polls, last_fault, shown, remaining = None, 0, None, None, None
        while True:
            polls += 1
            try:
                current = subject.read(self.client)
            except SddcManagerError as exc:
                if not exc.transient:
                    return WaitOutcome(subject, ERROR, snapshot, polls, self.clock() - start, error=exc)
                if self.clock() < deadline:   # else it is the deadline that cut the request, not a fault
                    last_fault = exc.msg
            else:
                now = self.clock()
                if current is None:
                    return WaitOutcome(subject, MISSING, snapshot, polls, now - start)
                snapshot, last_fault = current, None
                seen = (subject.status(snapshot), subject.progress(snapshot))
                finished = subject.finished(snapshot)
                remaining = estimate.remaining(now, seen[1])
                if seen != shown:
                    shown = seen
                    self.on_progress(self._progress_line(seen, now - start, remaining, finished))
                if finished:
                    return WaitOutcome(subject, FINISHED, snapshot, polls, now - start)
            now = self.clock()
            if now >= deadline:
                return WaitOutcome(subject, TIMED_OUT, snapshot, polls, now - start, last_fault)
            self.sleep(min(next_delay(self.poll_interval, now - start, remaining), deadline - now))

    def _progress_line(self, seen, elapsed, remaining, finished):
        status, progress = seen
        line = '%s: %s, %s elapsed' % (self.subject.label[0].upper() + self.subject.label[1:],
                                       progress_phrase(status, progress), format_duration(elapsed))
        if remaining is not None and not finished:
            line += ', about %s left' % format_duration(remaining)
        return line
