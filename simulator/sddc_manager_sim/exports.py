# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Scripted export timelines: what GET /exports answers at each poll or second."""

import time
from datetime import datetime, timezone

STATUS_STYLES = {
    'upper': lambda status: status,                                   # IN_PROGRESS (the spec)
    'title': lambda status: status.replace('_', ' ').title(),         # In Progress
    'lower': lambda status: status.lower(),                           # in_progress
}

DEFAULT_ERROR = {
    'message': 'Export of pre-check results failed: the results store did not answer.',
    'remediationMessage': 'Retry the export; if it fails again, collect the SDDC Manager logs.',
    'referenceToken': 'Q7XK2M',
}


def iso(epoch):
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')


class ExportScript:
    """One pre-check run and the export timelines its export starts will follow.

    Poll mode (default): the n-th status read after a start answers QUEUED for the
    first ``queued`` reads, IN_PROGRESS with rising progress for ``steps`` more,
    then the outcome. Time mode (``duration`` set): the same by elapsed seconds.
    """

    def __init__(self, run_id, outcomes=('COMPLETED',), queued=1, steps=3, duration=None,
                 queued_seconds=0.0, fail_at=64.0, error=None, status_style='upper',
                 started=False, content=None, filename=None, start_error=None, **unknown):
        if unknown:
            raise ValueError('unknown run settings: %s' % ', '.join(sorted(unknown)))
        if status_style not in STATUS_STYLES:
            raise ValueError('status_style must be one of %s' % ', '.join(STATUS_STYLES))
        self.run_id = run_id
        self.outcomes = [str(o).upper() for o in (outcomes if isinstance(outcomes, (list, tuple)) else [outcomes])]
        self.queued = int(queued)
        self.steps = int(steps)
        self.duration = None if duration is None else float(duration)
        self.queued_seconds = float(queued_seconds)
        self.fail_at = float(fail_at)
        self.error = dict(DEFAULT_ERROR if error is None else error)
        self.style = STATUS_STYLES[status_style]
        self.content = content if content is not None else default_csv(run_id)
        self.filename = filename
        self.start_error = start_error
        self.starts = 0
        self.export = None
        if started:
            self.start()

    def start(self):
        """Begin a new export; the n-th start follows the n-th outcome (the last one repeats)."""
        outcome = self.outcomes[min(self.starts, len(self.outcomes) - 1)]
        self.starts += 1
        self.export = dict(outcome=outcome, started=time.time(), polls=0, terminal_at=None)

    def is_running(self):
        return self.export is not None and self._phase(advance=False)[0] in ('QUEUED', 'IN_PROGRESS')

    def is_completed(self):
        return self.export is not None and self._phase(advance=False)[0] == 'COMPLETED'

    def status(self, advance=True):
        """The ExportTaskRest now; a status read (advance=True) moves a poll-mode timeline on."""
        status, progress = self._phase(advance)
        export = self.export
        body = {'status': self.style(status), 'progress': round(progress, 1),
                'startTimestamp': iso(export['started']), 'endTimestamp': None, 'error': None}
        if status in ('COMPLETED', 'FAILED'):
            if export['terminal_at'] is None:
                export['terminal_at'] = time.time()
            body['endTimestamp'] = iso(export['terminal_at'])
            if status == 'FAILED':
                body['error'] = dict(self.error)
        return body

    def _phase(self, advance):
        export = self.export
        outcome = export['outcome']
        top = self.fail_at if outcome == 'FAILED' else 100.0
        if self.duration is not None:
            elapsed = time.time() - export['started']
            if elapsed < self.queued_seconds:
                return 'QUEUED', 0.0
            if elapsed < self.duration:
                span = max(self.duration - self.queued_seconds, 1e-9)
                return 'IN_PROGRESS', min(top, 100.0 * (elapsed - self.queued_seconds) / span)
            if export['terminal_at'] is None:
                export['terminal_at'] = export['started'] + self.duration
            return outcome, top
        if advance:
            export['polls'] += 1
        polls = export['polls']
        if polls <= self.queued:
            return 'QUEUED', 0.0
        if polls <= self.queued + self.steps:
            return 'IN_PROGRESS', top * (polls - self.queued) / (self.steps + 1)
        return outcome, top

    def describe(self):
        """What the control API shows of this run (for tests and the benchmark)."""
        export = self.export or {}
        return {'run_id': self.run_id, 'starts': self.starts, 'polls': export.get('polls'),
                'started': export.get('started'), 'terminal_at': export.get('terminal_at'),
                'outcome': export.get('outcome')}


def default_csv(run_id):
    rows = [
        'checkId,resource,severity,status,message',
        'vcf.precheck.vcenter.version,vcenter-1.example.com,INFO,SUCCEEDED,vCenter version is supported',
        'vcf.precheck.nsx.backup,nsx-1.example.com,WARNING,WARNING,Last NSX backup is older than 24 hours',
        'vcf.precheck.esx.storage,esx-01.example.com,ERROR,FAILED,Datastore usage above 90 percent',
    ]
    return '# pre-check run %s\n%s\n' % (run_id, '\n'.join(rows))
