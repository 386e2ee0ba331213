import { useMemo, useState } from 'react';
import type { Job } from '../api.ts';
import { useConfig } from '../hooks/use-config.ts';
import { usePlatformViews } from '../hooks/use-platform-views.ts';
import { isFinished } from '../lib/job-events.ts';
import { describeProgress, emojiAsset } from '../lib/job-labels.ts';
import type { PlatformView } from '../lib/platform-view.ts';
import { AvailabilityBanner, useAvailability } from './AvailabilityBanner.tsx';
import { EmojiDialog } from './EmojiDialog.tsx';
import { EmojiGrid } from './EmojiGrid.tsx';
import { JobFailure, PlatformDownload, PlatformUnavailable } from './JobOutcome.tsx';
import { PlatformTabs } from './PlatformTabs.tsx';
import { ProgressBar } from './ProgressBar.tsx';

/** When PopCon opens again, for a job that off hours hold; polls only while mounted. */
function PausedBanner() {
  return <AvailabilityBanner availability={useAvailability()} />;
}

/** A job's progress, then one tab per platform with that platform's files and ZIP. */
export function JobView({ job, reconnecting }: { job: Job; reconnecting: boolean }) {
  const { made, views, view, pick } = usePlatformViews(job);
  const finished = isFinished(job);

  return (
    <>
      {reconnecting && (
        <p className="notice" role="status">
          Connection lost — reconnecting…
        </p>
      )}
      {job.status === 'paused' && <PausedBanner />}
      {job.status === 'failed' && <JobFailure job={job} />}
      {!finished && (
        <section className="card" aria-label="Progress">
          <ProgressBar
            done={job.progress.done}
            total={job.progress.total}
            stage={describeProgress(job)}
            paused={job.status === 'paused'}
          />
        </section>
      )}
      {view &&
        (views.length > 1 ? (
          <PlatformTabs
            tabs={views.map((v) => ({
              id: v.id,
              label: v.name,
              note: v.unavailable ? 'not made' : undefined,
            }))}
            selected={view.id}
            onSelect={pick}
          >
            <PlatformSet key={view.id} job={job} view={view} firstPlatform={made[0]} />
          </PlatformTabs>
        ) : (
          <PlatformSet job={job} view={view} firstPlatform={made[0]} />
        ))}
    </>
  );
}

/** One platform's part of the job: its download, its files, and the large preview of one of them. */
function PlatformSet({
  job,
  view,
  firstPlatform,
}: {
  job: Job;
  view: PlatformView;
  firstPlatform: string | undefined;
}) {
  const config = useConfig();
  const [openIndex, setOpenIndex] = useState<number | null>(null);
  const emojis = useMemo(() => [...job.emojis].sort((a, b) => a.index - b.index), [job.emojis]);
  const glyphs = useMemo(
    () => new Map(config.status === 'ready' ? config.config.actions.map((a) => [a.id, a.glyph]) : []),
    [config],
  );
  if (view.unavailable) return <PlatformUnavailable platform={view} />;

  const viewable = emojis.flatMap((e) => {
    const asset = emojiAsset(e, view.id, firstPlatform);
    return asset.url ? [{ emoji: e, url: asset.url, bytes: asset.bytes }] : [];
  });
  const openPos = viewable.findIndex((v) => v.emoji.index === openIndex);
  const open = openPos >= 0 ? viewable[openPos] : undefined;

  return (
    <div className="stack">
      {job.status === 'completed' && <PlatformDownload job={job} platform={view} />}
      <EmojiGrid
        emojis={emojis}
        glyphs={glyphs}
        platform={view}
        firstPlatform={firstPlatform}
        paused={job.status === 'paused'}
        jobFinished={isFinished(job)}
        onOpen={setOpenIndex}
      />
      {open && (
        <EmojiDialog
          emoji={open.emoji}
          total={emojis.length}
          platform={view}
          url={open.url}
          bytes={open.bytes}
          onPrev={openPos > 0 ? () => setOpenIndex(viewable[openPos - 1].emoji.index) : null}
          onNext={
            openPos < viewable.length - 1 ? () => setOpenIndex(viewable[openPos + 1].emoji.index) : null
          }
          onClose={() => setOpenIndex(null)}
        />
      )}
    </div>
  );
}
