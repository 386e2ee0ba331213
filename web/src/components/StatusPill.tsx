import type { JobStatus } from '../api.ts';

const LABELS: Record<JobStatus, string> = {
  queued: 'Queued',
  running: 'Making',
  paused: 'Paused',
  completed: 'Ready',
  failed: 'Failed',
};

/** A job's status as a small coloured label. */
export function StatusPill({ status }: { status: JobStatus }) {
  return <span className={`pill pill--${status}`}>{LABELS[status] ?? status}</span>;
}
