import type { Ref } from 'react';
import type { PlatformFormat } from '../../api.ts';
import { countsText, reopenTarget, sourceName, stepText } from '../../lib/archive.ts';
import { formatRelativeTime } from '../../lib/format.ts';
import { madePlatforms } from '../../lib/job-events.ts';
import { listAnd } from '../../lib/platform-rules.ts';
import type { RefineJob } from '../../refine-api.ts';
import { EmojiMedia } from '../EmojiMedia.tsx';
import { Link } from '../Link.tsx';
import { StatusPill } from '../StatusPill.tsx';

const THUMB = 64;

interface SetRowProps {
  job: RefineJob;
  /** Names a platform in a sentence ("LINE emoji"). */
  nameOf: (platform: string) => string;
  /** The file format of a platform, so a WebM thumbnail plays as video. */
  formatOf: (platform: string) => PlatformFormat;
  /** The reopen link, for focus after a neighbour was deleted. */
  linkRef?: Ref<HTMLAnchorElement>;
  onDelete: () => void;
}

/** One past set: its first emoji, where it stopped, its counts and platforms, and the ways to reopen or delete it. */
export function SetRow({ job, nameOf, formatOf, linkRef, onDelete }: SetRowProps) {
  const open = reopenTarget(job);
  const name = sourceName(job);
  const first = madePlatforms(job)[0] ?? job.platforms[0];
  const titleId = `set-${job.id}`;
  return (
    <li className="set-row" aria-labelledby={titleId}>
      <span className="set-row__thumb checker" aria-hidden="true">
        {job.thumbnailUrl && first && (
          <EmojiMedia
            url={job.thumbnailUrl}
            format={formatOf(first)}
            display={{ size: THUMB, pixelated: false }}
            alt=""
          />
        )}
      </span>
      <div className="set-row__text">
        <h2 id={titleId} className="set-row__title">
          {name} <StatusPill status={job.status} />
        </h2>
        <p className="set-row__step">{stepText(job)}</p>
        <p className="muted set-row__details">
          {countsText(job)} · {listAnd(job.platforms.map(nameOf))} ·{' '}
          <time dateTime={job.createdAt}>{formatRelativeTime(job.createdAt)}</time>
        </p>
      </div>
      <div className="set-row__actions">
        <Link ref={linkRef} href={open.href} className="button button--small">
          {open.label}
          <span className="visually-hidden"> {name}</span>
        </Link>
        <button
          type="button"
          className="button button--small button--quiet set-row__delete"
          onClick={onDelete}
        >
          Delete<span className="visually-hidden"> {name}</span>
        </button>
      </div>
    </li>
  );
}
