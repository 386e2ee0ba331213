import { useEffect, useState } from 'react';
import { type Job, listJobs } from '../api.ts';
import { useConfig } from '../hooks/use-config.ts';
import { formatRelativeTime } from '../lib/format.ts';
import { jobPath } from '../lib/router.ts';
import { Link } from './Link.tsx';
import { StatusPill } from './StatusPill.tsx';

const SHOWN = 6;

/** The first finished emoji's file for the first platform whose files an <img> shows (not WebM video). */
function thumbnailOf(job: Job, isVideo: (platform: string) => boolean): string | undefined {
  const first = job.emojis.find((e) => e.status === 'completed');
  if (!first) return undefined;
  const still = job.platforms.find((p) => !isVideo(p) && first.assetUrls?.[p]);
  if (still) return first.assetUrls?.[still] ?? undefined;
  // Replies from before per-platform URLs carry the first platform's file only.
  return first.assetUrls || isVideo(job.platforms[0] ?? '') ? undefined : (first.assetUrl ?? undefined);
}

function describeSource(job: Job): string {
  if (job.source.kind === 'upload') return 'Your image';
  const name = job.source.character ?? 'Character';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A short list of the latest sets, linking to their job pages. Hidden when there are none. */
export function RecentJobs() {
  const [jobs, setJobs] = useState<Job[] | null>(null);
  const config = useConfig();
  const videos = new Set(
    config.status === 'ready'
      ? config.config.platforms.filter((p) => p.format === 'webm').map((p) => p.id)
      : [],
  );

  useEffect(() => {
    const abort = new AbortController();
    // A failed list is not worth an error on the editor; the section simply stays hidden.
    listJobs(abort.signal).then(setJobs, () => setJobs([]));
    return () => abort.abort();
  }, []);

  if (!jobs || jobs.length === 0) return null;

  return (
    <section className="card recent" aria-labelledby="recent-title">
      <h2 id="recent-title" className="recent__title">
        Recent sets
      </h2>
      <ul className="recent__list">
        {jobs.slice(0, SHOWN).map((job) => {
          const thumb = thumbnailOf(job, (p) => videos.has(p));
          return (
            <li key={job.id}>
              <Link href={jobPath(job.id)} className="recent__item">
                <span className="recent__thumb checker" aria-hidden="true">
                  {thumb && <img src={thumb} alt="" width={40} height={40} loading="lazy" />}
                </span>
                <span className="recent__text">
                  <span className="recent__name">{describeSource(job)}</span>
                  <span className="muted recent__time">
                    {job.progress.total} emojis · {formatRelativeTime(job.createdAt)}
                  </span>
                </span>
                <StatusPill status={job.status} />
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
