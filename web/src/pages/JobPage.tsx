import { useEffect } from 'react';
import { JobMeta } from '../components/JobMeta.tsx';
import { JobView } from '../components/JobView.tsx';
import { Link } from '../components/Link.tsx';
import { SetLoadError, SetLoading, setPageTitle } from '../components/SetLoadState.tsx';
import { useJob } from '../hooks/use-job.ts';
import { refinePath } from '../lib/router.ts';

/** /jobs/:id — live progress, then the finished set per platform with its downloads. */
export function JobPage({ id }: { id: string }) {
  const state = useJob(id);

  useEffect(() => {
    document.title = 'Your emoji set · PopCon';
  }, []);

  const title = setPageTitle(
    state,
    state.status === 'ready' && state.job.status === 'completed'
      ? 'Your emoji set is ready'
      : 'Your emoji set',
  );

  // One heading element across loading, error and ready, so the focus the
  // router puts on it after navigation survives the data arriving.
  return (
    <div className="container">
      <div className="page-intro">
        <h1 tabIndex={-1}>{title}</h1>
        {state.status === 'ready' && <JobMeta job={state.job} />}
        {state.status === 'ready' && state.job.refinable && (
          <p className="job-refine">
            <Link href={refinePath(id)} className="button button--small">
              Refine this set <span aria-hidden="true">→</span>
            </Link>
            <span className="muted">Approve, re-render or touch up single emojis.</span>
          </p>
        )}
      </div>
      {state.status === 'loading' && <SetLoading />}
      {state.status === 'error' && (
        <SetLoadError notFound={state.notFound} message={state.message}>
          <Link href="/create" className="button button--primary">
            Create a new set
          </Link>
        </SetLoadError>
      )}
      {state.status === 'ready' && <JobView job={state.job} reconnecting={state.reconnecting} />}
    </div>
  );
}
