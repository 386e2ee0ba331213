import { useEffect, useState } from 'react';
import { ApiError, getJob, type Job, jobEventsUrl } from '../api.ts';
import { readEventStream } from '../event-stream.ts';
import { applyJobEvent, isFinished, isJobEventType, parseJobEvent } from '../lib/job-events.ts';
import type { SseMessage } from '../lib/sse-parser.ts';

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
 * nothing missed while offline lingers and the download links arrive. An
 * emoji's event carries only its first platform's file, so with several
 * platforms each finished emoji also asks for a re-fetch (see `refresh`).
 */
export function useJob(id: string): JobState {
  const [state, setState] = useState<JobState>({ status: 'loading' });

  useEffect(() => {
    const abort = new AbortController();
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let hadError = false;

    const setReconnecting = (reconnecting: boolean) =>
      setState((prev) => (prev.status === 'ready' ? { ...prev, reconnecting } : prev));

    // Read here rather than in a state updater, which runs later. A job's platforms never
    // change; `held` is whether off hours may hold it, which only a re-fetch can end
    // (the server sends no event when a paused job resumes).
    let platformCount = 0;
    let held = false;
    const setJob = (job: Job) => {
      platformCount = job.platforms.length;
      held = job.status === 'paused';
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

    // At most one re-fetch in flight; events that arrive meanwhile ask for one more
    // after it, so a reply read before an event can never hide that event for good.
    let inFlight = false;
    let again = false;
    const refresh = () => {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      void refetch().finally(() => {
        inFlight = false;
        if (again && !abort.signal.aborted) {
          again = false;
          refresh();
        }
      });
    };

    let lastEventId: string | null = null;
    let streaming = false;

    // Reads the stream with fetch (so the ID token travels in a header), resuming
    // from the last event id after a drop, until the job finishes.
    const listen = async () => {
      if (streaming) return;
      streaming = true;
      let finished = false;
      const onMessage = (message: SseMessage) => {
        lastEventId = message.id ?? lastEventId;
        if (!isJobEventType(message.event)) return;
        const event = parseJobEvent(message.event, message.data);
        if (!event) return;
        setState((prev) =>
          prev.status === 'ready' ? { ...prev, job: applyJobEvent(prev.job, event) } : prev,
        );
        if (event.type === 'emoji.paused') held = true;
        const progressed = event.type === 'emoji.completed' || event.type === 'job.stage_completed';
        if (event.type === 'job.completed' || event.type === 'job.failed') {
          finished = true;
          refresh();
        } else if (
          inFlight ||
          (progressed && held) ||
          (event.type === 'emoji.completed' && platformCount > 1)
        ) {
          refresh();
        }
      };
      const onOpen = () => {
        setReconnecting(false);
        if (hadError) {
          hadError = false;
          void refetch();
        }
      };
      while (!abort.signal.aborted && !finished) {
        try {
          await readEventStream(jobEventsUrl(id), { lastEventId, signal: abort.signal, onOpen, onMessage });
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
