import type { Logger } from 'pino';
import type { WorkGate } from '../pipeline/worker.ts';
import { CachedFlagReader, type FlagStore, type OffHoursFlag } from './flag.ts';
import type { Schedule } from './schedule.ts';

/** What GET /api/availability answers; instants are ISO 8601 in UTC. */
export interface AvailabilityStatus {
  open: boolean;
  opensAt: string | null;
  closesAt: string | null;
  timezone: string;
}

export interface AvailabilityOptions {
  schedule: Schedule;
  store: FlagStore;
  clock: () => number;
  /** How long a read flag is reused (at most 5 s). */
  cacheMs: number;
  /** How long a flag outlives the opening it was set for. */
  flagGraceMs: number;
  /** Lifetime of a flag set while no schedule says when to open. */
  flagTtlMs: number;
  logger?: Logger;
}

/** No flag lives longer than this, whatever the schedule (a weekly window plus slack). */
export const MAX_FLAG_TTL_MS = 8 * 86_400_000;

/**
 * Open or closed: the flag decides, the schedule says when the next edges are.
 * The API and the workers read the flag through one short cache.
 */
export class Availability {
  readonly reader: CachedFlagReader;

  constructor(private readonly options: AvailabilityOptions) {
    this.reader = new CachedFlagReader(options.store, {
      clock: options.clock,
      maxAgeMs: options.cacheMs,
      logger: options.logger,
    });
  }

  get schedule(): Schedule {
    return this.options.schedule;
  }

  get store(): FlagStore {
    return this.options.store;
  }

  /** The flag through the cache (null: open). */
  flag(): Promise<OffHoursFlag | null> {
    return this.reader.current();
  }

  /** The public state: open or not, the next opening and closing, and the schedule's zone. */
  async status(): Promise<AvailabilityStatus> {
    const flag = await this.flag();
    return this.describe(flag, this.options.clock());
  }

  /** The status for a given flag at `now` (no store access). */
  describe(flag: OffHoursFlag | null, now: number): AvailabilityStatus {
    const { schedule } = this.options;
    const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
    if (!flag) {
      const s = schedule.state(now);
      // Open while the schedule says closed means an operator opened early; the close time is theirs.
      return {
        open: true,
        opensAt: null,
        closesAt: iso(s.open ? s.closesAt : null),
        timezone: schedule.timeZone,
      };
    }
    const opensAt = flag.opensAt !== null && flag.opensAt > now ? flag.opensAt : flag.expiresAt;
    return {
      open: false,
      opensAt: iso(opensAt),
      closesAt: iso(schedule.state(opensAt).closesAt),
      timezone: schedule.timeZone,
    };
  }

  /** The flag `down` sets at `now`: until the next opening plus a grace, or the plain TTL without a schedule. */
  flagFor(now: number): OffHoursFlag {
    const { schedule, flagGraceMs, flagTtlMs } = this.options;
    const s = schedule.state(now);
    const opensAt = schedule.alwaysOpen ? null : s.opensAt;
    const expiresAt = Math.min(
      now + MAX_FLAG_TTL_MS,
      opensAt !== null ? opensAt + flagGraceMs : now + flagTtlMs,
    );
    return {
      closedAt: now,
      opensAt,
      expiresAt,
      reason: !schedule.alwaysOpen && !s.open ? 'schedule' : 'manual',
    };
  }

  /** Sets the flag (closing) and returns it. */
  async close(): Promise<OffHoursFlag> {
    const now = this.options.clock();
    const flag = this.flagFor(now);
    await this.options.store.set(flag, now);
    this.reader.invalidate();
    return flag;
  }

  /** Clears the flag (opening). */
  async open(): Promise<void> {
    await this.options.store.clear();
    this.reader.invalidate();
  }

  /** The gate a pipeline worker reads; reports are written in the background and never block it. */
  workGate(): WorkGate {
    const { store, clock, logger } = this.options;
    return {
      isClosed: async () => (await this.reader.current()) !== null,
      report: (state) => {
        store.report({ ...state, at: clock() }).catch((err: unknown) => {
          logger?.warn({ err, store: store.kind }, 'cannot report worker state to the flag store');
        });
      },
    };
  }
}
