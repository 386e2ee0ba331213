import type { OpsClock } from './http.ts';

/**
 * Spaces calls that share a key (Fly: one machine and one action) at least
 * `intervalMs` apart, by sleeping. Fly allows about 1 request/s per machine and
 * action; keeping under it avoids 429s instead of retrying them.
 */
export class KeyedRateLimiter {
  private readonly nextAt = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly clock: OpsClock,
  ) {}

  /** Resolves when a call under `key` may go. */
  async take(key: string): Promise<void> {
    const now = this.clock.now();
    const at = Math.max(now, this.nextAt.get(key) ?? now);
    this.nextAt.set(key, at + this.intervalMs);
    if (at > now) await this.clock.sleep(at - now);
  }
}
