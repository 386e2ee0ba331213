/** Where a reply came from: a new render, the cache, or a render already running for the same task. */
export type CacheSource = 'miss' | 'hit' | 'coalesced';

export type Lookup<T> =
  | { kind: 'hit'; value: T }
  | { kind: 'coalesced'; promise: Promise<T> }
  | { kind: 'conflict' }
  | { kind: 'miss' };

interface Entry<T> {
  digest: string;
  value: T;
}

/**
 * Recent results by task id, so a retried request (the client timed out, the
 * connection dropped before the reply arrived) is answered without rendering
 * twice, and concurrent duplicates share one render. Bounded by entry count,
 * least recently used first out: 64 animate masters are ~27 MB. Failures are
 * not kept, so a retry after an error renders again.
 */
export class TaskResults<T> {
  private readonly done = new Map<string, Entry<T>>();
  private readonly running = new Map<string, { digest: string; promise: Promise<T> }>();
  hits = 0;
  coalesced = 0;

  constructor(private readonly maxEntries: number) {}

  /** What is known about `taskId`; a known id with another request digest is a conflict. */
  lookup(taskId: string, digest: string): Lookup<T> {
    const entry = this.done.get(taskId);
    if (entry) {
      if (entry.digest !== digest) return { kind: 'conflict' };
      // Re-insert: Map keeps insertion order, so this makes the entry the most recent.
      this.done.delete(taskId);
      this.done.set(taskId, entry);
      this.hits++;
      return { kind: 'hit', value: entry.value };
    }
    const run = this.running.get(taskId);
    if (run) {
      if (run.digest !== digest) return { kind: 'conflict' };
      this.coalesced++;
      return { kind: 'coalesced', promise: run.promise };
    }
    return { kind: 'miss' };
  }

  /** Registers a render in flight; its result is kept once it succeeds. */
  track(taskId: string, digest: string, promise: Promise<T>): Promise<T> {
    this.running.set(taskId, { digest, promise });
    promise.then(
      (value) => {
        this.running.delete(taskId);
        this.done.set(taskId, { digest, value });
        while (this.done.size > this.maxEntries) this.done.delete(this.done.keys().next().value as string);
      },
      () => {
        this.running.delete(taskId);
      },
    );
    return promise;
  }

  /** Number of results kept. */
  get size(): number {
    return this.done.size;
  }
}

/** At most `capacity` renders at once; a request over that is refused rather than queued (429). */
export class RenderSlots {
  inFlight = 0;

  constructor(readonly capacity: number) {}

  /** Takes a slot and returns its release, or undefined when every slot is busy. */
  tryAcquire(): (() => void) | undefined {
    if (this.inFlight >= this.capacity) return undefined;
    this.inFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
    };
  }
}
