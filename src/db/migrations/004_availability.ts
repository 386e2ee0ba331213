import type { Migration } from '../migrator.ts';

/**
 * The embedded availability store: the off-hours flag (with its expiry, so a
 * missed `availability up` cannot keep PopCon closed) and what each pipeline
 * worker reports while closed (so `availability down` can wait for work in
 * flight). Used when neither REDIS_URL nor Upstash is configured.
 */
export const availability: Migration = {
  version: 4,
  name: 'availability',
  sql: `
    CREATE TABLE availability_flags (
      name          TEXT PRIMARY KEY,
      value         TEXT NOT NULL,
      expires_at    INTEGER NOT NULL,
      updated_at    INTEGER NOT NULL
    );

    CREATE TABLE availability_workers (
      worker_id     TEXT PRIMARY KEY,
      report        TEXT NOT NULL,
      reported_at   INTEGER NOT NULL
    );
  `,
};
