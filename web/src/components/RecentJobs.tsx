import { useEffect, useState } from 'react';
import { type Job, listJobs } from '../api.ts';
import { formatRelativeTime } from '../lib/format.ts';
import { jobPath } from '../lib/router.ts';
import { Link } from './Link.tsx';
import { StatusPill } from './StatusPill.tsx';

const SHOWN = 6;

function describeSource(job: Job): string {
  if (job.source.kind === 'upload') return 'Your image';
  const name = job.source.character ?? 'Character';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A short list of the latest sets, linking to their job pages. Hidden when there are none. */
export function RecentJobs() {
  const [jobs, setJobs] = useState<Job[] | null>(null);

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
          const thumb = job.emojis.find((e) => e.assetUrl)?.assetUrl;
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
