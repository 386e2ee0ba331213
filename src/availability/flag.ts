import type { Logger } from 'pino';
import { z } from 'zod';

/**
 * The off-hours flag: while it is set, PopCon starts no rendering. It always
 * carries an expiry (`expiresAt`, also the store's TTL), so a missed cron run
 * cannot leave PopCon closed for good.
 */
export const OffHoursFlagSchema = z.object({
  closedAt: z.number().int(),
  /** The opening the flag was set for (null: no schedule). */
  opensAt: z.number().int().nullable(),
  expiresAt: z.number().int(),
  /** `schedule`: closed outside the window; `manual`: an operator closed inside it (health leaves it). */
  reason: z.enum(['schedule', 'manual']),
});
export type OffHoursFlag = z.infer<typeof OffHoursFlagSchema>;

/** What a pipeline worker holds while closed, so `down` can wait for work in flight to pause. */
export const WorkerReportSchema = z.object({
  workerId: z.string().min(1),
  inFlight: z.number().int().min(0),
  closed: z.boolean(),
  at: z.number().int(),
});
export type WorkerReport = z.infer<typeof WorkerReportSchema>;

/** A report older than this is from a worker that stopped or died. */
export const REPORT_FRESH_MS = 30_000;

/** Where the flag lives: the SQLite database, Redis, or Upstash over REST. */
export interface FlagStore {
  readonly kind: 'sqlite' | 'redis' | 'upstash';
  /** The flag, or null when it is unset or expired at `now`. */
  get(now: number): Promise<OffHoursFlag | null>;
  /** Sets the flag; the store's TTL ends at `flag.expiresAt`. */
  set(flag: OffHoursFlag, now: number): Promise<void>;
  /** Removes the flag (idempotent). */
  clear(): Promise<void>;
  /** Records one worker's state. */
  report(report: WorkerReport): Promise<void>;
  /** Reports fresher than REPORT_FRESH_MS at `now`. */
  reports(now: number): Promise<WorkerReport[]>;
  close(): Promise<void>;
}

/** Parses a stored flag value; throws on a value this code did not write. */
export function parseFlag(raw: string): OffHoursFlag {
  return OffHoursFlagSchema.parse(JSON.parse(raw));
}

/** Parses stored worker reports, dropping stale or unreadable ones. */
export function freshReports(raws: Iterable<string>, now: number): WorkerReport[] {
  const out: WorkerReport[] = [];
  for (const raw of raws) {
    try {
      const r = WorkerReportSchema.parse(JSON.parse(raw));
      if (r.at > now - REPORT_FRESH_MS) out.push(r);
    } catch {
      // A half-written or foreign value: ignore it, it expires with the hash.
    }
  }
  return out;
}

/**
 * Reads the flag through a short cache, so each API request and worker loop
 * does not cost a store round trip. Concurrent readers share one fetch. When
 * the store cannot be read, the last flag seen holds until its own expiry and
 * then PopCon counts as open: an outage of the store never closes it for good.
 */
export class CachedFlagReader {
  private value: OffHoursFlag | null = null;
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<OffHoursFlag | null> | undefined;
  private failing = false;

  constructor(
    private readonly store: FlagStore,
    private readonly options: { clock: () => number; maxAgeMs: number; logger?: Logger },
  ) {
    if (options.maxAgeMs > 5000) throw new Error('the flag cache may hold a value 5 s at most');
  }

  /** The flag as of at most `maxAgeMs` ago. Never throws. */
  current(): Promise<OffHoursFlag | null> {
    const now = this.options.clock();
    if (now - this.fetchedAt < this.options.maxAgeMs && now >= this.fetchedAt) {
      return Promise.resolve(this.live(now));
    }
    this.pending ??= this.fetch().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forgets the cached value (after this process changed the flag itself). */
  invalidate(): void {
    this.fetchedAt = Number.NEGATIVE_INFINITY;
  }

  private async fetch(): Promise<OffHoursFlag | null> {
    const now = this.options.clock();
    try {
      this.value = await this.store.get(now);
      if (this.failing)
        this.options.logger?.info({ store: this.store.kind }, 'availability flag readable again');
      this.failing = false;
    } catch (err) {
      if (!this.failing) {
        this.options.logger?.warn({ err, store: this.store.kind }, 'cannot read the availability flag');
      }
      this.failing = true;
    }
    this.fetchedAt = now;
    return this.live(now);
  }

  private live(now: number): OffHoursFlag | null {
    return this.value && this.value.expiresAt > now ? this.value : null;
  }
}
