import type { Job } from '../api.ts';
import { useConfig } from '../hooks/use-config.ts';
import { formatRelativeTime } from '../lib/format.ts';
import { shortName } from '../lib/platform-rules.ts';
import { StatusPill } from './StatusPill.tsx';

function sourceText(job: Job): string {
  if (job.source.kind === 'upload') return 'Made from your image';
  const name = job.source.character ?? 'a built-in character';
  return `Made from ${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** Under a job page's title: what the set was made from and where it stands. */
export function JobMeta({ job }: { job: Job }) {
  const config = useConfig();
  // With several platforms the tabs below name them; a lone platform is named here.
  const only = job.platforms.length === 1 ? job.platforms[0] : null;
  const info = config.status === 'ready' ? config.config.platforms.find((p) => p.id === only) : undefined;
  const platform = info ? shortName(info) : only;
  return (
    <p className="job-meta">
      {job.source.kind === 'character' && job.source.color && (
        <span className="swatch__dot swatch__dot--inline" style={{ backgroundColor: job.source.color }} />
      )}
      <span>{sourceText(job)}</span>
      <span aria-hidden="true">·</span>
      <span>
        {job.progress.total} emojis{platform && ` for ${platform}`}
      </span>
      <span aria-hidden="true">·</span>
      <time dateTime={job.createdAt}>{formatRelativeTime(job.createdAt)}</time>
      <StatusPill status={job.status} />
    </p>
  );
}
