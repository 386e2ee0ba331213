import type { Job } from '../api.ts';
import { summarizeVerdicts } from '../lib/job-labels.ts';
import { Alert } from './Alert.tsx';
import { Link } from './Link.tsx';

/** The end of a job: the ZIP download when it worked, the reason and a way back when it didn't. */
export function JobOutcome({ job, platform }: { job: Job; platform: string }) {
  if (job.status === 'failed') {
    return (
      <div className="stack">
        <Alert title="This set couldn’t be finished">
          {job.error ?? 'Something went wrong while making it.'}
        </Alert>
        <p>
          <Link href="/create" className="button button--primary">
            Start over
          </Link>
        </p>
      </div>
    );
  }

  const download = job.downloads?.[platform];
  const { pass, problems } = summarizeVerdicts(job.emojis, platform);
  return (
    <section className="card download" aria-labelledby="download-title">
      <div className="download__text">
        <h2 id="download-title" className="download__title">
          {job.emojis.length} emojis, ready for LINE
        </h2>
        <p className={problems > 0 ? 'download__summary is-warning' : 'download__summary'}>
          {problems === 0
            ? `All ${pass} pass LINE’s rules. Upload the ZIP to LINE Creators Market as-is.`
            : `${problems} ${problems === 1 ? 'needs' : 'need'} attention before you submit — see the notes under each emoji.`}
        </p>
      </div>
      <div className="download__actions">
        {download ? (
          <a className="button button--primary button--large" href={download} download>
            <span aria-hidden="true">⬇</span> Download ZIP
          </a>
        ) : (
          <p className="muted">Preparing the download link…</p>
        )}
        <Link href="/create" className="button button--ghost">
          Make another set
        </Link>
      </div>
    </section>
  );
}
