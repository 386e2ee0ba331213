import { useEffect } from 'react';
import { Alert } from '../components/Alert.tsx';
import { JobMeta } from '../components/JobMeta.tsx';
import { JobView } from '../components/JobView.tsx';
import { Link } from '../components/Link.tsx';
import { useJob } from '../hooks/use-job.ts';
import { refinePath } from '../lib/router.ts';

/** /jobs/:id — live progress, then the finished set per platform with its downloads. */
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
        {state.status === 'ready' && state.job.refinable && (
          <p className="job-refine">
            <Link href={refinePath(id)} className="button button--small">
              Refine this set <span aria-hidden="true">→</span>
            </Link>
            <span className="muted">Approve, re-render or touch up single emojis.</span>
          </p>
        )}
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
