import { describe, expect, it } from 'vitest';
import {
  createRefetcher,
  failureFromReply,
  noteFailedRender,
  refetchesOn,
  type Timers,
} from './refine-events.ts';

/** Timers that run only when the test says so. */
function manualTimers() {
  const waiting = new Map<number, () => void>();
  let next = 0;
  const timers: Timers = {
    set(run) {
      waiting.set(++next, run);
      return next;
    },
    clear(handle) {
      waiting.delete(handle as number);
    },
  };
  return {
    timers,
    pending: () => waiting.size,
    fire() {
      const runs = [...waiting.values()];
      waiting.clear();
      for (const run of runs) run();
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('refetchesOn', () => {
  it('refetches after re-renders, approvals, version choices, touch-ups and the set’s end', () => {
    for (const type of [
      'emoji.completed',
      'emoji.failed',
      'emoji.retried',
      'emoji.regenerated',
      'emoji.approved',
      'emoji.unapproved',
      'emoji.version_selected',
      'matte.edited',
      'job.completed',
      'job.failed',
    ])
      expect(refetchesOn(type), type).toBe(true);
  });

  it('ignores events that change nothing shown', () => {
    expect(refetchesOn('job.created')).toBe(false);
    expect(refetchesOn('quota.exceeded')).toBe(false);
    expect(refetchesOn('message')).toBe(false);
  });
});

describe('createRefetcher', () => {
  it('turns a burst of events into one fetch', async () => {
    const clock = manualTimers();
    let fetches = 0;
    const refetch = createRefetcher(async () => void fetches++, 200, clock.timers);
    for (let i = 0; i < 8; i++) refetch.request();
    expect(clock.pending()).toBe(1);
    clock.fire();
    await flush();
    expect(fetches).toBe(1);
  });

  it('fetches once more after a run when events arrived during it', async () => {
    const clock = manualTimers();
    let release = () => {};
    let fetches = 0;
    const refetch = createRefetcher(
      () => {
        fetches++;
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      200,
      clock.timers,
    );
    refetch.request();
    clock.fire();
    refetch.request();
    refetch.request();
    expect(clock.pending()).toBe(0);
    release();
    await flush();
    expect(clock.pending()).toBe(1);
    clock.fire();
    expect(fetches).toBe(2);
  });

  it('keeps going after a failed fetch, and stops when cancelled', async () => {
    const clock = manualTimers();
    let fetches = 0;
    const refetch = createRefetcher(
      async () => {
        fetches++;
        throw new Error('offline');
      },
      200,
      clock.timers,
    );
    refetch.request();
    clock.fire();
    await flush();
    refetch.request();
    expect(clock.pending()).toBe(1);
    refetch.cancel();
    expect(clock.pending()).toBe(0);
    refetch.request();
    expect(clock.pending()).toBe(0);
    expect(fetches).toBe(1);
  });
});

describe('noteFailedRender', () => {
  const event = (payload: Record<string, unknown>) => JSON.stringify(payload);

  it('notes a failed re-render and clears it with the next render of that emoji', () => {
    let notes = noteFailedRender(
      new Map(),
      'emoji.failed',
      event({ index: 2, version: 3, reason: 'too big' }),
    );
    expect(notes.get(2)).toEqual({ version: 3, reason: 'too big' });
    notes = noteFailedRender(notes, 'emoji.completed', event({ index: 1, version: 2 }));
    expect(notes.get(2)).toEqual({ version: 3, reason: 'too big' });
    notes = noteFailedRender(notes, 'emoji.retried', event({ index: 2, version: 4 }));
    expect(notes.has(2)).toBe(false);
  });

  it('keeps the same map for events that change nothing', () => {
    const notes = new Map();
    expect(noteFailedRender(notes, 'emoji.approved', event({ index: 0 }))).toBe(notes);
    expect(noteFailedRender(notes, 'emoji.completed', event({ index: 0, version: 2 }))).toBe(notes);
    expect(noteFailedRender(notes, 'emoji.failed', 'not json')).toBe(notes);
  });
});

describe('failureFromReply', () => {
  it('turns the reply’s last failed re-render into the card’s note, and nothing into nothing', () => {
    expect(failureFromReply({ lastFailure: { version: 3, error: 'the engine refused it' } })).toEqual({
      version: 3,
      reason: 'the engine refused it',
    });
    expect(failureFromReply({ lastFailure: { version: 2, error: null } })?.reason).toBe(
      'no reason was given',
    );
    expect(failureFromReply({ lastFailure: null })).toBeUndefined();
    expect(failureFromReply({})).toBeUndefined();
  });
});
