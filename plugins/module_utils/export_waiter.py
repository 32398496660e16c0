# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Poll a pre-check export until it finishes, against a monotonic deadline.

Kept apart from the action plugin so unit tests can drive it with a fake clock,
and so any caller gets the same rules: at least one look, stop at the first
terminal status, ride out transient faults while time remains.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import time

from ansible_collections.sddc.manager.plugins.module_utils.errors import (
    ApiError,
    InvalidResponseError,
    SddcManagerError,
    TransportError,
)
from ansible_collections.sddc.manager.plugins.module_utils.export_task import (
    export_progress,
    export_status,
    failure_message,
    is_finished,
    read_export,
)
from ansible_collections.sddc.manager.plugins.module_utils.retry import RETRYABLE_STATUS_CODES

COMPLETED = 'completed'
FAILED = 'failed'
TIMED_OUT = 'timed_out'
MISSING = 'missing'
ERROR = 'error'


def _is_transient(exc):
    """Faults worth another poll: no answer, a garbled answer, or a retryable status."""
    if isinstance(exc, (TransportError, InvalidResponseError)):
        return True
    return isinstance(exc, ApiError) and exc.status_code in RETRYABLE_STATUS_CODES


def format_duration(seconds):
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return '%ds' % seconds
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return '%dm%02ds' % (minutes, seconds)
    hours, minutes = divmod(minutes, 60)
    return '%dh%02dm' % (hours, minutes)


class ProgressEstimate:
    """Time left from the progress rate seen so far (None until progress has moved)."""

    def __init__(self):
        self._first = None

    def remaining(self, now, progress):
        if progress is None:
            return None
        if self._first is None or progress < self._first[1]:
            self._first = (now, progress)
            return None
        elapsed, gained = now - self._first[0], progress - self._first[1]
        if elapsed <= 0 or gained <= 0:
            return None
        return max(0.0, (100.0 - progress) * elapsed / gained)


class WaitOutcome:
    """How a wait ended, and the result keys every exit path returns."""

    def __init__(self, state, run_id, export, polls, elapsed, last_fault=None, hostname=None, error=None):
        self.state = state
        self.error = error
        self.run_id = run_id
        self.export = export
        self.polls = polls
        self.elapsed = elapsed
        self.last_fault = last_fault
        self.hostname = hostname

    @property
    def failed(self):
        return self.state != COMPLETED

    def message(self):
        if self.state == ERROR:
            return self.error.msg
        if self.state == COMPLETED:
            return 'Pre-check export for run %s: COMPLETED after %s (%d polls).' % (
                self.run_id, format_duration(self.elapsed), self.polls)
        if self.state == FAILED:
            return failure_message(self.run_id, self.export)
        if self.state == MISSING:
            return ('Pre-check run %s has no export on SDDC Manager at %s: start one with sddc.manager.precheck_export '
                    '(POST /v1/system/check-sets/%s/exports), then wait for it.'
                    % (self.run_id, self.hostname, self.run_id))
        if self.export is not None:
            last = 'last status %s' % export_status(self.export)
            progress = export_progress(self.export)
            if progress is not None:
                last += ' at %.1f%%' % progress
        else:
            last = 'no status was read'
        line = 'Timed out after %s waiting for the pre-check export of run %s: %s.' % (
            format_duration(self.elapsed), self.run_id, last)
        if self.last_fault:
            line += ' Last fault: %s' % self.last_fault.rstrip('.') + '.'
        return line + ' The export may still be running on SDDC Manager: wait again, or raise timeout.'

    def to_result(self):
        result = self.error.to_result() if self.error is not None else {}
        result.update(changed=False, export=self.export, elapsed=round(self.elapsed, 1), polls=self.polls,
                      run_id=self.run_id, msg=self.message())
        if self.failed:
            result['failed'] = True
            error = (self.export or {}).get('error')
            if error and self.state == FAILED:
                result['error'] = error
        return result


class ExportWaiter:
    """Polls ``read_export`` every ``poll_interval`` seconds until a terminal status or ``timeout``."""

    def __init__(self, client, run_id, timeout, poll_interval, clock=time.monotonic, sleep=time.sleep,
                 on_progress=None):
        self.client = client
        self.run_id = run_id
        self.timeout = float(timeout)
        self.poll_interval = float(poll_interval)
        self.clock = clock
        self.sleep = sleep
        self.on_progress = on_progress or (lambda line: None)

    def wait(self):
        start = self.clock()
        deadline = start + self.timeout
        self.client.retry_until(deadline, self.clock)   # a poll's own retries stop at the deadline too
        estimate = ProgressEstimate()
        export, polls, last_fault, shown = None, 0, None, None
        while True:
            polls += 1
            try:
                current = read_export(self.client, self.run_id)
            except SddcManagerError as exc:
                if not _is_transient(exc):
                    return self._outcome(ERROR, export, polls, self.clock() - start, error=exc)
                last_fault = exc.msg
            else:
                now = self.clock()
                if current is None:
                    return self._outcome(MISSING, export, polls, now - start)
                export, last_fault = current, None
                seen = (export_status(export), export_progress(export))
                if seen != shown:
                    shown = seen
                    self.on_progress(self._progress_line(seen, now - start, estimate.remaining(now, seen[1])))
                if is_finished(export):
                    state = COMPLETED if seen[0] == 'COMPLETED' else FAILED
                    return self._outcome(state, export, polls, now - start)
            now = self.clock()
            if now >= deadline:
                return self._outcome(TIMED_OUT, export, polls, now - start, last_fault)
            self.sleep(min(self.poll_interval, deadline - now))

    def _outcome(self, state, export, polls, elapsed, last_fault=None, error=None):
        return WaitOutcome(state, self.run_id, export, polls, elapsed, last_fault, self.client.base_url, error)

    def _progress_line(self, seen, elapsed, remaining):
        status, progress = seen
        line = 'Pre-check export for run %s: %s' % (self.run_id, status)
        if progress is not None:
            line += ' %.1f%%' % progress
        line += ', %s elapsed' % format_duration(elapsed)
        if remaining is not None and status not in ('COMPLETED', 'FAILED'):
            line += ', about %s left' % format_duration(remaining)
        return line
