import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, jobEventsUrl } from '../api.ts';
import { readEventStream } from '../event-stream.ts';
import { createRefetcher, type FailedRender, noteFailedRender, refetchesOn } from '../lib/refine-events.ts';
import { getRefineJob, type RefineJob } from '../refine-api.ts';

export type RefineJobState =
  | { status: 'loading' }
  | { status: 'ready'; job: RefineJob; reconnecting: boolean }
  | { status: 'error'; message: string; notFound: boolean };

export interface RefineJobHandle {
  state: RefineJobState;
  /** Re-renders that failed while an earlier version stays shown, by emoji index. */
  failed: ReadonlyMap<number, FailedRender>;
  /** Fetches the job again soon (after the user changed it). */
  reload: () => void;
  /** Changes the shown job at once, ahead of the fetch that confirms it. */
  update: (change: (job: RefineJob) => RefineJob) => void;
}

/** How long to wait before reopening a dropped stream. */
const RETRY_MS = 3000;
/** Events of one change (approve-all's, a render's) arrive within this; they make one fetch. */
const COALESCE_MS = 150;

/**
 * A set kept current for refining: fetched, then re-fetched whenever its followed
 * event stream (which stays open after the set finished) reports a re-render,
 * approval, version choice or touch-up, from this tab or another. The stream is
 * reopened after a drop, resuming from the last event; a set deleted meanwhile
 * becomes "not found".
 */
export function useRefineJob(id: string): RefineJobHandle {
  const [state, setState] = useState<RefineJobState>({ status: 'loading' });
  const [failed, setFailed] = useState<ReadonlyMap<number, FailedRender>>(new Map());
  const reloadRef = useRef<() => void>(() => {});

  useEffect(() => {
    const abort = new AbortController();
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const setReconnecting = (reconnecting: boolean) =>
      setState((prev) => (prev.status === 'ready' ? { ...prev, reconnecting } : prev));

    const fetchJob = () =>
      getRefineJob(id, abort.signal).then(
        (job) => {
          setState((prev) => ({
            status: 'ready',
            job,
            reconnecting: prev.status === 'ready' && prev.reconnecting,
          }));
          return true;
        },
        (err: unknown) => {
          if (abort.signal.aborted) return false;
          const notFound = err instanceof ApiError && err.status === 404;
          if (notFound) abort.abort();
          // A failed refresh of a shown set keeps it on screen; the stream will bring the change.
          setState((prev) =>
            prev.status === 'ready' && !notFound
              ? prev
              : { status: 'error', message: err instanceof Error ? err.message : String(err), notFound },
          );
          return false;
        },
      );
    const refetcher = createRefetcher(fetchJob, COALESCE_MS);
    reloadRef.current = refetcher.request;

    const listen = async () => {
      let lastEventId: string | null = null;
      while (!abort.signal.aborted) {
        try {
          await readEventStream(`${jobEventsUrl(id)}?follow=1`, {
            lastEventId,
            signal: abort.signal,
            onOpen: () => setReconnecting(false),
            onMessage: (message) => {
              lastEventId = message.id ?? lastEventId;
              setFailed((prev) => noteFailedRender(prev, message.event, message.data));
              if (refetchesOn(message.event)) refetcher.request();
            },
          });
        } catch {
          // Dropped or refused; reconnect below unless the page is gone.
        }
        if (abort.signal.aborted) break;
        setReconnecting(true);
        await new Promise((resolve) => {
          retryTimer = setTimeout(resolve, RETRY_MS);
        });
        refetcher.request();
      }
    };

    setState({ status: 'loading' });
    setFailed(new Map());
    void fetchJob().then((loaded) => {
      if (loaded && !abort.signal.aborted) void listen();
    });
    return () => {
      abort.abort();
      refetcher.cancel();
      clearTimeout(retryTimer);
    };
  }, [id]);

  const reload = useCallback(() => reloadRef.current(), []);
  const update = useCallback(
    (change: (job: RefineJob) => RefineJob) =>
      setState((prev) => (prev.status === 'ready' ? { ...prev, job: change(prev.job) } : prev)),
    [],
  );
  return { state, failed, reload, update };
}
