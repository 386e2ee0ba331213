import type { Logger } from 'pino';
import type { AvailabilityConfig } from '../config/config.ts';
import type { SqliteDatabase } from '../db/sqlite.ts';
import { Availability } from './availability.service.ts';
import type { FlagStore } from './flag.ts';
import { RedisFlagStore } from './redis-flag.store.ts';
import { Schedule } from './schedule.ts';
import { SqliteFlagStore } from './sqlite-flag.store.ts';
import { UpstashFlagStore } from './upstash-flag.store.ts';

/** The flag store the configuration chooses; the embedded one uses `db` (the database under DATA_DIR). */
export function createFlagStore(config: AvailabilityConfig, db: SqliteDatabase | null): FlagStore {
  switch (config.store.kind) {
    case 'redis':
      return new RedisFlagStore(config.store.url, config.keyPrefix);
    case 'upstash':
      return new UpstashFlagStore({
        url: config.store.url,
        token: config.store.token,
        prefix: config.keyPrefix,
      });
    case 'sqlite':
      if (!db) throw new Error('the embedded flag store needs the database');
      return new SqliteFlagStore(db);
  }
}

/** Availability as configured: schedule, flag store (or `store`), cache. */
export function createAvailability(
  config: AvailabilityConfig,
  db: SqliteDatabase | null,
  options: { clock: () => number; logger?: Logger; store?: FlagStore },
): Availability {
  return new Availability({
    schedule: Schedule.parse(config.windows, config.timezone),
    store: options.store ?? createFlagStore(config, db),
    clock: options.clock,
    cacheMs: config.cacheMs,
    flagGraceMs: config.flagGraceMs,
    flagTtlMs: config.flagTtlMs,
    logger: options.logger,
  });
}
