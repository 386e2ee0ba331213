// Clocks for tests and the simulation: hours of waiting take no real time.
import type { OpsClock } from '../../../src/ops/http.ts';

/** Every sleep moves time forward at once: for sequential code under test. */
export class SteppingClock implements OpsClock {
  constructor(public t = Date.UTC(2026, 0, 5, 12)) {}
  now = (): number => this.t;
  sleep = async (ms: number): Promise<void> => {
    this.t += Math.max(0, ms);
    await new Promise((r) => setImmediate(r));
  };
  random = (): number => 0.5;
}

/**
 * A virtual clock with timers: sleeps resolve only when the driver advances
 * time past them, in order, so concurrent actors (controller, workers, users)
 * keep one consistent timeline.
 */
export class VirtualClock implements OpsClock {
  private timers: { at: number; seq: number; resolve: () => void }[] = [];
  private seq = 0;
  constructor(public t: number) {}
  now = (): number => this.t;
  random = (): number => Math.random();
  sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.timers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, resolve });
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    });

  /** The next timer's time, if any. */
  nextTimer(): number | undefined {
    return this.timers[0]?.at;
  }

  /** Moves to `to`, firing due timers one at a time and letting `settle` run after each. */
  async advanceTo(to: number, settle: () => Promise<void>): Promise<void> {
    for (;;) {
      const next = this.timers[0];
      if (!next || next.at > to) break;
      this.timers.shift();
      this.t = Math.max(this.t, next.at);
      next.resolve();
      await settle();
    }
    this.t = Math.max(this.t, to);
  }
}
