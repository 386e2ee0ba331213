import type { Job } from '../api.ts';
import { formatRelativeTime } from '../lib/format.ts';
import { StatusPill } from './StatusPill.tsx';

function sourceText(job: Job): string {
  if (job.source.kind === 'upload') return 'Made from your image';
  const name = job.source.character ?? 'a built-in character';
  return `Made from ${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** Under a job page's title: what the set was made from and where it stands. */
export function JobMeta({ job }: { job: Job }) {
  return (
    <p className="job-meta">
      {job.source.kind === 'character' && job.source.color && (
        <span className="swatch__dot swatch__dot--inline" style={{ backgroundColor: job.source.color }} />
      )}
      <span>{sourceText(job)}</span>
      <span aria-hidden="true">·</span>
      <span>{job.progress.total} emojis</span>
      <span aria-hidden="true">·</span>
      <time dateTime={job.createdAt}>{formatRelativeTime(job.createdAt)}</time>
      <StatusPill status={job.status} />
    </p>
  );
}
