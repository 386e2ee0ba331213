import { useEffect, useState } from 'react';
import { ApiError, getJob, type Job, jobEventsUrl } from '../api.ts';
import { applyJobEvent, isFinished, JOB_EVENT_TYPES, parseJobEvent } from '../lib/job-events.ts';

export type JobState =
  | { status: 'loading' }
  | { status: 'ready'; job: Job; reconnecting: boolean }
  | { status: 'error'; message: string; notFound: boolean };

/** How long to wait before reopening a stream the server closed for good. */
const RETRY_MS = 3000;

/**
 * A job kept current: fetched once, then updated from its event stream until it
 * finishes. EventSource reconnects by itself (sending Last-Event-ID); after a
 * reconnect, and on the final events, the job is re-fetched so nothing missed
 * while offline lingers and the download links arrive.
 */
export function useJob(id: string): JobState {
  const [state, setState] = useState<JobState>({ status: 'loading' });

  useEffect(() => {
    const abort = new AbortController();
    let source: EventSource | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let hadError = false;

    const setReconnecting = (reconnecting: boolean) =>
      setState((prev) => (prev.status === 'ready' ? { ...prev, reconnecting } : prev));

    const setJob = (job: Job) => {
      setState((prev) => ({
        status: 'ready',
        job,
        reconnecting: prev.status === 'ready' && !isFinished(job) ? prev.reconnecting : false,
      }));
      if (isFinished(job)) source?.close();
    };

    const refetch = () =>
      getJob(id, abort.signal).then(
        (job) => {
          setJob(job);
          return job;
        },
        () => undefined, // The stream may still deliver; a failed refresh is not worth an error screen.
      );

    const listen = () => {
      const es = new EventSource(jobEventsUrl(id));
      source = es;
      es.addEventListener('open', () => {
        setReconnecting(false);
        if (hadError) {
          hadError = false;
          void refetch();
        }
      });
      es.addEventListener('error', () => {
        hadError = true;
        setReconnecting(true);
        // CLOSED means the browser gave up (e.g. a non-200 reply); retry ourselves.
        if (es.readyState === EventSource.CLOSED && !abort.signal.aborted) {
          retryTimer = setTimeout(async () => {
            const job = await refetch();
            if (!abort.signal.aborted && job && !isFinished(job)) listen();
          }, RETRY_MS);
        }
      });
      for (const type of JOB_EVENT_TYPES) {
        es.addEventListener(type, (message) => {
          const event = parseJobEvent(type, (message as MessageEvent<string>).data);
          if (!event) return;
          setState((prev) => {
            if (prev.status !== 'ready') return prev;
            return { ...prev, job: applyJobEvent(prev.job, event) };
          });
          if (event.type === 'job.completed' || event.type === 'job.failed') {
            es.close();
            void refetch();
          }
        });
      }
    };

    setState({ status: 'loading' });
    getJob(id, abort.signal).then(
      (job) => {
        setJob(job);
        if (!isFinished(job)) listen();
      },
      (err: unknown) => {
        if (abort.signal.aborted) return;
        setState({
          status: 'error',
          message: err instanceof Error ? err.message : String(err),
          notFound: err instanceof ApiError && err.status === 404,
        });
      },
    );

    return () => {
      abort.abort();
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [id]);

  return state;
}
