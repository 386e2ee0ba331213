import { useEffect, useState } from 'react';
import { ApiError, authorizedFetch, getJob, type Job, jobEventsUrl } from '../api.ts';
import { applyJobEvent, isFinished, JOB_EVENT_TYPES, parseJobEvent } from '../lib/job-events.ts';
import { createSseParser } from '../lib/sse-parser.ts';

export type JobState =
  | { status: 'loading' }
  | { status: 'ready'; job: Job; reconnecting: boolean }
  | { status: 'error'; message: string; notFound: boolean };

/** How long to wait before reopening a stream the server closed for good. */
const RETRY_MS = 3000;

/**
 * A job kept current: fetched once, then updated from its event stream until it
 * finishes. The stream is read with fetch and resumed with Last-Event-ID after
 * a drop; after a reconnect, and on the final events, the job is re-fetched so
 * nothing missed while offline lingers and the download links arrive.
 */
export function useJob(id: string): JobState {
  const [state, setState] = useState<JobState>({ status: 'loading' });

  useEffect(() => {
    const abort = new AbortController();
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
    };

    const refetch = () =>
      getJob(id, abort.signal).then(
        (job) => {
          setJob(job);
          return job;
        },
        () => undefined, // The stream may still deliver; a failed refresh is not worth an error screen.
      );

    let lastEventId: string | null = null;
    let streaming = false;

    // Reads the stream with fetch (so the ID token travels in a header), resuming
    // from the last event id after a drop, until the job finishes.
    const listen = async () => {
      if (streaming) return;
      streaming = true;
      let finished = false;
      const feed = createSseParser((message) => {
        lastEventId = message.id ?? lastEventId;
        if (!JOB_EVENT_TYPES.includes(message.event as (typeof JOB_EVENT_TYPES)[number])) return;
        const event = parseJobEvent(message.event as (typeof JOB_EVENT_TYPES)[number], message.data);
        if (!event) return;
        setState((prev) =>
          prev.status === 'ready' ? { ...prev, job: applyJobEvent(prev.job, event) } : prev,
        );
        if (event.type === 'job.completed' || event.type === 'job.failed') {
          finished = true;
          void refetch();
        }
      });
      while (!abort.signal.aborted && !finished) {
        try {
          const headers: Record<string, string> = { accept: 'text/event-stream' };
          if (lastEventId) headers['last-event-id'] = lastEventId;
          const res = await authorizedFetch(jobEventsUrl(id), { headers, signal: abort.signal });
          if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
          setReconnecting(false);
          if (hadError) {
            hadError = false;
            void refetch();
          }
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            feed(value);
          }
        } catch {
          if (abort.signal.aborted) break;
        }
        if (finished || abort.signal.aborted) break;
        hadError = true;
        setReconnecting(true);
        await new Promise((resolve) => {
          retryTimer = setTimeout(resolve, RETRY_MS);
        });
        const job = await refetch();
        if (job && isFinished(job)) break;
      }
      streaming = false;
    };

    setState({ status: 'loading' });
    getJob(id, abort.signal).then(
      (job) => {
        setJob(job);
        if (!isFinished(job)) void listen();
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
    };
  }, [id]);

  return state;
}
