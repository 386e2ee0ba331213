import type { Job } from '../api.ts';
import { summarizeVerdicts } from '../lib/job-labels.ts';
import { type PlatformView, uploadHint, zipContents } from '../lib/platform-view.ts';
import { Alert } from './Alert.tsx';
import { Link } from './Link.tsx';

/** A job that stopped: the reason and a way back. */
export function JobFailure({ job }: { job: Job }) {
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

/** A finished set for one platform: what passed, where it goes, and its ZIP. */
export function PlatformDownload({ job, platform }: { job: Job; platform: PlatformView }) {
  const download = job.downloads?.[platform.id];
  const { pass, problems } = summarizeVerdicts(job.emojis, platform.id);
  const contents = zipContents(platform);
  return (
    <section className="card download" aria-labelledby={`download-title-${platform.id}`}>
      <div className="download__text">
        <h2 id={`download-title-${platform.id}`} className="download__title">
          {job.emojis.length} emojis, ready for {platform.name}
        </h2>
        <p className={problems > 0 ? 'download__summary is-warning' : 'download__summary'}>
          {problems === 0
            ? `All ${pass} pass ${platform.name}’s rules. ${uploadHint(platform)}`
            : `${problems} ${problems === 1 ? 'needs' : 'need'} attention before you submit — see the notes under each emoji.`}
        </p>
        {contents && <p className="muted download__contents">{contents}</p>}
      </div>
      <div className="download__actions">
        {download ? (
          <a className="button button--primary button--large" href={download} download>
            <span aria-hidden="true">⬇</span> Download ZIP for {platform.name}
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

/** A platform this server could not make for the job, with the reason, in place of its files. */
export function PlatformUnavailable({ platform }: { platform: PlatformView }) {
  return (
    <section className="card unavailable" aria-labelledby={`unavailable-title-${platform.id}`}>
      <h2 id={`unavailable-title-${platform.id}`} className="unavailable__title">
        No {platform.name} files in this set
      </h2>
      <p>{platform.unavailable}</p>
      <p className="muted">
        The other platforms were made as usual. Once this server can make {platform.name} files, start the set
        again with {platform.name} chosen.
      </p>
    </section>
  );
}
