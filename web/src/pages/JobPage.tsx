import { useEffect, useMemo, useState } from 'react';
import { DEFAULT_PLATFORM, type Job } from '../api.ts';
import { Alert } from '../components/Alert.tsx';
import { EmojiDialog } from '../components/EmojiDialog.tsx';
import { EmojiGrid } from '../components/EmojiGrid.tsx';
import { JobMeta } from '../components/JobMeta.tsx';
import { JobOutcome } from '../components/JobOutcome.tsx';
import { Link } from '../components/Link.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { useConfig } from '../hooks/use-config.ts';
import { useJob } from '../hooks/use-job.ts';
import { isFinished } from '../lib/job-events.ts';
import { describeProgress } from '../lib/job-labels.ts';

/** /jobs/:id — live progress, then the finished set and its download. */
export function JobPage({ id }: { id: string }) {
  const state = useJob(id);

  useEffect(() => {
    document.title = 'Your emoji set · PopCon';
  }, []);

  const title =
    state.status === 'error'
      ? state.notFound
        ? 'We couldn’t find that set'
        : 'Couldn’t load this set'
      : state.status === 'ready' && state.job.status === 'completed'
        ? 'Your emoji set is ready'
        : 'Your emoji set';

  // One heading element across loading, error and ready, so the focus the
  // router puts on it after navigation survives the data arriving.
  return (
    <div className="container">
      <div className="page-intro">
        <h1 tabIndex={-1}>{title}</h1>
        {state.status === 'ready' && <JobMeta job={state.job} />}
      </div>
      {state.status === 'loading' && (
        <div aria-busy="true">
          <div className="card skeleton-block" />
          <span className="visually-hidden">Loading…</span>
        </div>
      )}
      {state.status === 'error' && (
        <div className="stack narrow-block">
          {state.notFound ? (
            <p className="lead">It may have been removed, or the link is mistyped.</p>
          ) : (
            <Alert>{state.message}</Alert>
          )}
          <p>
            <Link href="/create" className="button button--primary">
              Create a new set
            </Link>
          </p>
        </div>
      )}
      {state.status === 'ready' && <JobView job={state.job} reconnecting={state.reconnecting} />}
    </div>
  );
}

function JobView({ job, reconnecting }: { job: Job; reconnecting: boolean }) {
  const config = useConfig();
  const [openIndex, setOpenIndex] = useState<number | null>(null);
  const platform = job.platforms.includes(DEFAULT_PLATFORM)
    ? DEFAULT_PLATFORM
    : (job.platforms[0] ?? DEFAULT_PLATFORM);

  const emojis = useMemo(() => [...job.emojis].sort((a, b) => a.index - b.index), [job.emojis]);
  const glyphs = useMemo(
    () => new Map(config.status === 'ready' ? config.config.actions.map((a) => [a.id, a.glyph]) : []),
    [config],
  );
  const maxBytes =
    config.status === 'ready' ? config.config.platforms.find((p) => p.id === platform)?.maxBytes : undefined;

  const viewable = emojis.filter((e) => e.status === 'completed' && e.assetUrl);
  const openPos = viewable.findIndex((e) => e.index === openIndex);
  const open = openPos >= 0 ? viewable[openPos] : undefined;

  return (
    <>
      {reconnecting && (
        <p className="notice" role="status">
          Connection lost — reconnecting…
        </p>
      )}
      {isFinished(job) ? (
        <JobOutcome job={job} platform={platform} />
      ) : (
        <section className="card" aria-label="Progress">
          <ProgressBar done={job.progress.done} total={job.progress.total} stage={describeProgress(job)} />
        </section>
      )}
      <EmojiGrid
        emojis={emojis}
        glyphs={glyphs}
        platform={platform}
        jobFinished={isFinished(job)}
        onOpen={setOpenIndex}
      />
      {open && (
        <EmojiDialog
          emoji={open}
          total={emojis.length}
          platform={platform}
          maxBytes={maxBytes}
          onPrev={openPos > 0 ? () => setOpenIndex(viewable[openPos - 1].index) : null}
          onNext={openPos < viewable.length - 1 ? () => setOpenIndex(viewable[openPos + 1].index) : null}
          onClose={() => setOpenIndex(null)}
        />
      )}
    </>
  );
}
