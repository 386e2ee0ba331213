import { useEffect } from 'react';
import { Alert } from '../components/Alert.tsx';
import { EditorForm } from '../components/EditorForm.tsx';
import { RecentJobs } from '../components/RecentJobs.tsx';
import { useConfig } from '../hooks/use-config.ts';

/** /create: choose a character, platforms and actions, then start a set. */
export function EditorPage() {
  const config = useConfig();

  useEffect(() => {
    document.title = 'Create a set · PopCon';
  }, []);

  return (
    <div className="container editor-layout">
      <div className="editor-main">
        <div className="page-intro">
          <h1 tabIndex={-1}>Create your emoji set</h1>
          <p className="lead">
            Give us one character, pick where the set goes and what it should do. We’ll animate every emoji.
          </p>
        </div>
        {config.status === 'loading' && <EditorSkeleton />}
        {config.status === 'error' && (
          <Alert title="Couldn’t load the editor">
            <p>{config.message}</p>
            <button type="button" className="button button--small" onClick={config.retry}>
              Try again
            </button>
          </Alert>
        )}
        {config.status === 'ready' && <EditorForm config={config.config} />}
      </div>
      <aside className="editor-aside" aria-label="Recent sets">
        <RecentJobs />
      </aside>
    </div>
  );
}

function EditorSkeleton() {
  return (
    <div className="stack" aria-busy="true">
      <div className="card skeleton-block" />
      <div className="card skeleton-block" />
      <span className="visually-hidden">Loading…</span>
    </div>
  );
}
