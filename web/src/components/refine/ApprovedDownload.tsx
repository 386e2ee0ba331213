import { useId } from 'react';
import type { PlatformInfo } from '../../api.ts';
import { approvedReadiness } from '../../lib/approved-download.ts';
import { type PlatformView, uploadHint } from '../../lib/platform-view.ts';
import type { RefineJob } from '../../refine-api.ts';

interface ApprovedDownloadProps {
  job: RefineJob;
  platform: PlatformView;
  /** The platform's rules from the catalog, for its set sizes; null when the catalog did not load. */
  rules: PlatformInfo | null;
}

/** One platform's ZIP of the approved emojis only, held back (with the reason) until one is approved. */
export function ApprovedDownload({ job, platform, rules }: ApprovedDownloadProps) {
  const titleId = useId();
  const reasonId = useId();
  const approved = job.counts.approved;
  const readiness = approvedReadiness(rules, approved);
  const href = job.approvedDownloads?.[platform.id];
  const all = job.downloads?.[platform.id];
  return (
    <section className="card download" aria-labelledby={titleId}>
      <div className="download__text">
        <h2 id={titleId} className="download__title">
          {approved} of {job.counts.total} approved for {platform.name}
        </h2>
        {readiness.ready ? (
          <p
            id={reasonId}
            className={readiness.note ? 'download__summary download__note' : 'download__summary'}
          >
            {readiness.note ??
              `The ZIP holds the approved ones, numbered 1 to ${approved}. ${uploadHint(platform)}`}
          </p>
        ) : (
          <p id={reasonId} className="muted">
            {readiness.reason}
          </p>
        )}
      </div>
      <div className="download__actions">
        {readiness.ready && href ? (
          <a
            className="button button--primary button--large"
            href={href}
            download
            aria-describedby={reasonId}
          >
            <span aria-hidden="true">⬇</span> Download approved ZIP for {platform.name}
          </a>
        ) : (
          <button
            type="button"
            className="button button--primary button--large"
            disabled
            aria-describedby={reasonId}
          >
            <span aria-hidden="true">⬇</span> Download approved ZIP for {platform.name}
          </button>
        )}
        {all && (
          <a className="button button--ghost" href={all} download>
            All {job.counts.total}
            <span className="visually-hidden"> emojis for {platform.name}</span>
          </a>
        )}
      </div>
    </section>
  );
}
