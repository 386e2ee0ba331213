import { useEffect } from 'react';
import { JobMeta } from '../components/JobMeta.tsx';
import { Link } from '../components/Link.tsx';
import { RefineView } from '../components/refine/RefineView.tsx';
import { SetLoadError, SetLoading, setPageTitle } from '../components/SetLoadState.tsx';
import { useRefineJob } from '../hooks/use-refine-job.ts';
import { jobPath, SETS_PATH } from '../lib/router.ts';

/** /jobs/:id/refine — approve, re-render, compare versions, scrub frames, touch up the matte, download approved. */
export function RefinePage({ id }: { id: string }) {
  const { state, failed, reload, update } = useRefineJob(id);

  useEffect(() => {
    document.title = 'Refine your set · PopCon';
  }, []);

  const title = setPageTitle(state, 'Refine your set');

  // One heading element across loading, error and ready, so the focus the router puts on it survives.
  return (
    <div className="container">
      <div className="page-intro refine-intro">
        <h1 tabIndex={-1}>{title}</h1>
        {state.status === 'ready' && (
          <div className="refine-intro__meta">
            <JobMeta job={state.job} />
            <Link href={jobPath(id)} className="button button--small button--quiet">
              ← Back to the set
            </Link>
          </div>
        )}
      </div>
      {state.status === 'ready' && state.reconnecting && (
        <p className="notice" role="status">
          Connection lost — reconnecting…
        </p>
      )}
      {state.status === 'loading' && <SetLoading />}
      {state.status === 'error' && (
        <SetLoadError notFound={state.notFound} message={state.message}>
          <Link href={SETS_PATH} className="button button--primary">
            Go to my sets
          </Link>
        </SetLoadError>
      )}
      {state.status === 'ready' &&
        (state.job.refinable ? (
          <RefineView job={state.job} failed={failed} reload={reload} update={update} />
        ) : (
          <div className="stack narrow-block">
            <p className="lead">
              {state.job.status === 'failed'
                ? 'This set stopped before its emojis were made, so there is nothing to refine.'
                : 'This set is still being made. You can refine it once it is finished.'}
            </p>
            <p>
              <Link href={jobPath(id)} className="button button--primary">
                {state.job.status === 'failed' ? 'See what happened' : 'Watch its progress'}
              </Link>
            </p>
          </div>
        ))}
    </div>
  );
}
