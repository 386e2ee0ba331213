import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlatformFormat } from '../api.ts';
import { Alert } from '../components/Alert.tsx';
import { SetRow } from '../components/archive/SetRow.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Link } from '../components/Link.tsx';
import { useAction } from '../hooks/use-action.ts';
import { useConfig } from '../hooks/use-config.ts';
import { emptyText, isSetFilter, SET_FILTERS, sourceName, withoutSet } from '../lib/archive.ts';
import { navigate, useSearch } from '../lib/history.ts';
import { shortName } from '../lib/platform-rules.ts';
import { deleteSet, listSets, type RefineJob, type SetFilter } from '../refine-api.ts';

type ListState =
  | { status: 'loading' }
  | { status: 'ready'; sets: RefineJob[] }
  | { status: 'error'; message: string };

/** The filter a URL asks for: `/sets?status=failed`; anything else shows all. */
function filterOf(search: string): SetFilter {
  const status = new URLSearchParams(search).get('status');
  return isSetFilter(status) ? status : 'all';
}

/**
 * /sets — the user's past sets: filter by status, reopen one where it stopped, or delete
 * it. The filter lives in the URL, so a reload, a shared link or Back keeps it.
 */
export function ArchivePage() {
  const filter = filterOf(useSearch());
  const setFilter = (f: SetFilter) =>
    navigate(f === 'all' ? '/sets' : `/sets?status=${f}`, { replace: true });
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [deleting, setDeleting] = useState<RefineJob | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const removal = useAction();
  const links = useRef(new Map<string, HTMLAnchorElement>());
  const heading = useRef<HTMLHeadingElement>(null);
  const config = useConfig();
  const catalog = config.status === 'ready' ? config.config.platforms : [];
  const info = (id: string) => catalog.find((p) => p.id === id);

  useEffect(() => {
    document.title = 'My sets · PopCon';
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger of Try again.
  useEffect(() => {
    const abort = new AbortController();
    setList({ status: 'loading' });
    listSets(filter, abort.signal).then(
      (sets) => setList({ status: 'ready', sets }),
      (err: unknown) => {
        if (!abort.signal.aborted)
          setList({ status: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => abort.abort();
  }, [filter, attempt]);

  const confirmDelete = useCallback(async () => {
    const job = deleting;
    if (!job) return;
    const ok = await removal.run('delete', () => deleteSet(job.id));
    if (!ok) return;
    setDeleting(null);
    setNotice(`Deleted “${sourceName(job)}”.`);
    if (list.status !== 'ready') return;
    const { sets, focus } = withoutSet(list.sets, job.id);
    setList({ status: 'ready', sets });
    // The dialog gives focus back to the row's Delete button, which is gone: move it to a neighbour.
    requestAnimationFrame(() => (focus ? links.current.get(focus) : heading.current)?.focus());
  }, [deleting, removal, list]);

  return (
    <div className="container">
      <div className="page-intro archive-intro">
        <h1 ref={heading} tabIndex={-1}>
          My sets
        </h1>
        <p className="lead">Your sets, newest first. Reopen one where it stopped, or delete it.</p>
      </div>
      <fieldset className="archive-filter">
        <legend className="visually-hidden">Show</legend>
        <div className="segmented segmented--compact segmented--four">
          {SET_FILTERS.map((f) => (
            <label key={f.value} className={`segmented__option${filter === f.value ? ' is-selected' : ''}`}>
              <input
                type="radio"
                name="set-filter"
                className="visually-hidden"
                checked={filter === f.value}
                onChange={() => setFilter(f.value)}
              />
              <span className="segmented__label">{f.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {list.status === 'loading' && (
        <div aria-busy="true">
          <div className="card skeleton-block" />
          <span className="visually-hidden">Loading your sets…</span>
        </div>
      )}
      {list.status === 'error' && (
        <Alert title="Couldn’t load your sets">
          <p>{list.message}</p>
          <button type="button" className="button button--small" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </Alert>
      )}
      {list.status === 'ready' && list.sets.length === 0 && (
        <div className="card archive-empty">
          <p className="lead">{emptyText(filter)}</p>
          <Link href="/create" className="button button--primary">
            Create a set
          </Link>
        </div>
      )}
      {list.status === 'ready' && list.sets.length > 0 && (
        <ul className="set-list" aria-label="Your sets">
          {list.sets.map((job) => (
            <SetRow
              key={job.id}
              job={job}
              nameOf={(id) => {
                const p = info(id);
                return p ? shortName(p) : id;
              }}
              formatOf={(id): PlatformFormat => info(id)?.format ?? 'apng'}
              linkRef={(el) => {
                if (el) links.current.set(job.id, el);
                else links.current.delete(job.id);
              }}
              onDelete={() => {
                removal.clearError();
                setDeleting(job);
              }}
            />
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete “${sourceName(deleting)}”?`}
          confirmLabel="Delete set"
          busy={removal.busy !== null}
          error={removal.error && <Alert>{removal.error}</Alert>}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setDeleting(null)}
        >
          <p>
            Its {deleting.counts.total} emojis, every version and the downloads go for good. Emojis it used
            from today’s limit are not given back.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
