/**
 * Which events of a followed job stream make the refine page fetch the job
 * again, and a coalescing refetcher: the page re-reads the whole job rather than
 * folding each event in, so a burst (the replay of a set's history when the stream
 * opens, or approve-all's eight events) becomes one request.
 */

/** Events after which the job reply differs: renders, approvals, versions, the matte, the set's end. */
const REFETCH_ON: ReadonlySet<string> = new Set([
  'emoji.completed',
  'emoji.failed',
  'emoji.retried',
  'emoji.regenerated',
  'emoji.approved',
  'emoji.unapproved',
  'emoji.version_selected',
  'emoji.paused',
  'matte.edited',
  'job.stage_completed',
  'job.completed',
  'job.failed',
]);

/** True when an event of this type means the shown job is out of date. */
export function refetchesOn(type: string): boolean {
  return REFETCH_ON.has(type);
}

/** Timers, passed in so tests can drive them. */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Refetcher {
  /** Asks for a fetch `delayMs` from now; asks made meanwhile join it. */
  request(): void;
  /** Drops a waiting fetch (on unmount). */
  cancel(): void;
}

/**
 * Runs `fetch` once per burst of requests: `delayMs` after the first, never two at
 * a time, and once more after a run if requests arrived during it (its reply may
 * have been read before their change).
 */
export function createRefetcher(
  fetch: () => Promise<unknown>,
  delayMs: number,
  timers: Timers = realTimers,
): Refetcher {
  let timer: unknown = null;
  let running = false;
  let again = false;
  let cancelled = false;
  const run = () => {
    timer = null;
    running = true;
    void fetch()
      .catch(() => undefined)
      .finally(() => {
        running = false;
        if (again && !cancelled) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = () => {
    if (cancelled) return;
    if (running) {
      again = true;
      return;
    }
    if (timer === null) timer = timers.set(run, delayMs);
  };
  return {
    request: schedule,
    cancel() {
      cancelled = true;
      if (timer !== null) timers.clear(timer);
      timer = null;
    },
  };
}

/** A re-render that did not work: the emoji still shows an earlier version, so the card says why. */
export interface FailedRender {
  version: number;
  reason: string;
}

const SETTLING = new Set(['emoji.completed', 'emoji.retried', 'emoji.regenerated', 'emoji.version_selected']);

/**
 * Folds one event into the failed renders per emoji index: a failure is noted,
 * and the next render, success or choice of version for that emoji clears it.
 * Returns the same map when nothing changed.
 */
export function noteFailedRender(
  notes: ReadonlyMap<number, FailedRender>,
  type: string,
  data: string,
): ReadonlyMap<number, FailedRender> {
  if (type !== 'emoji.failed' && !SETTLING.has(type)) return notes;
  let body: { index?: unknown; version?: unknown; reason?: unknown };
  try {
    body = JSON.parse(data) as typeof body;
  } catch {
    return notes;
  }
  if (typeof body?.index !== 'number') return notes;
  const next = new Map(notes);
  if (type === 'emoji.failed' && typeof body.version === 'number') {
    const reason = typeof body.reason === 'string' ? body.reason : 'no reason was given';
    next.set(body.index, { version: body.version, reason });
  } else if (!next.delete(body.index)) {
    return notes;
  }
  return next;
}

/** The failed re-render the job reply reports for an emoji (it survives a reload), as a note. */
export function failureFromReply(emoji: {
  lastFailure?: { version: number; error: string | null } | null;
}): FailedRender | undefined {
  const failure = emoji.lastFailure;
  return failure ? { version: failure.version, reason: failure.error ?? 'no reason was given' } : undefined;
}
