// Drives a virtual clock for a simulation: time only moves when every actor is
// waiting on it (a virtual sleep), never while a request is on the wire.
import { VirtualClock } from './clock.ts';

/** Scheduled work at a virtual time (a user's request, a cron run). */
interface Due {
  at: number;
  seq: number;
  run: () => void | Promise<void>;
}

export class VirtualDriver {
  readonly clock: VirtualClock;
  private readonly due: Due[] = [];
  private seq = 0;
  private io = 0;
  private readonly realFetch = globalThis.fetch;

  constructor(start: number) {
    this.clock = new VirtualClock(start);
    // Count requests on the wire, bodies included, so time does not jump under them.
    globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
      this.io++;
      try {
        const res = await this.realFetch(input, init);
        const body = await res.arrayBuffer();
        return new Response(body.byteLength === 0 ? null : body, {
          status: res.status,
          statusText: res.statusText,
          headers: res.headers,
        });
      } finally {
        this.io--;
      }
    }) as typeof fetch;
  }

  /** Runs `run` at virtual time `at` (awaited before time moves on, unless it returns at once). */
  at(at: number, run: () => void | Promise<void>): void {
    this.due.push({ at, seq: this.seq++, run });
    this.due.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  /** Lets every actor run until it waits on the virtual clock (or nothing is on the wire). */
  async settle(): Promise<void> {
    for (let quiet = 0; quiet < 3; ) {
      await new Promise((r) => setImmediate(r));
      if (this.io > 0) {
        quiet = 0;
        await new Promise((r) => setTimeout(r, 1));
      } else {
        quiet++;
      }
    }
  }

  /**
   * Moves time to `until`, in steps of at most `maxStep()` (small while work is
   * under way, so workers see the flag in time), firing timers and scheduled work.
   */
  async runUntil(until: number, maxStep: () => number, onStep: () => void | Promise<void>): Promise<void> {
    while (this.clock.now() < until) {
      await this.settle();
      await onStep();
      const next = Math.min(
        until,
        this.due[0]?.at ?? Number.POSITIVE_INFINITY,
        this.clock.nextTimer() ?? Number.POSITIVE_INFINITY,
        this.clock.now() + maxStep(),
      );
      await this.clock.advanceTo(Math.max(next, this.clock.now()), () => this.settle());
      while (this.due[0] && this.due[0].at <= this.clock.now()) await this.due.shift()!.run();
    }
  }

  /** Puts the real fetch back. */
  restore(): void {
    globalThis.fetch = this.realFetch;
  }
}
