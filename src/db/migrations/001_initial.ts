import type { Migration } from '../migrator.ts';

/** The first schema: users, jobs, per-emoji results, durable tasks, assets and the audit trail. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE users (
      id            TEXT PRIMARY KEY,
      email         TEXT,
      name          TEXT,
      photo_url     TEXT,
      created_at    INTEGER NOT NULL,
      last_seen_at  INTEGER NOT NULL
    );

    CREATE TABLE jobs (
      id            TEXT PRIMARY KEY,
      user_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      status        TEXT NOT NULL CHECK (status IN ('queued','running','paused','completed','failed')),
      stage         TEXT NOT NULL CHECK (stage IN ('prepare','animate','encode','package','done')),
      source        TEXT NOT NULL,
      platforms     TEXT NOT NULL,
      error         TEXT,
      created_at    INTEGER NOT NULL,
      updated_at    INTEGER NOT NULL,
      completed_at  INTEGER
    );
    CREATE INDEX jobs_user_created ON jobs(user_id, created_at DESC);

    CREATE TABLE emoji_results (
      job_id        TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
      idx           INTEGER NOT NULL,
      action        TEXT NOT NULL,
      params        TEXT NOT NULL,
      status        TEXT NOT NULL CHECK (status IN ('pending','running','completed','failed')),
      version       INTEGER NOT NULL DEFAULT 1,
      master_key    TEXT,
      outputs       TEXT NOT NULL DEFAULT '{}',
      error         TEXT,
      completed_at  INTEGER,
      updated_at    INTEGER NOT NULL,
      PRIMARY KEY (job_id, idx)
    );

    CREATE TABLE tasks (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      job_id        TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
      kind          TEXT NOT NULL,
      emoji_idx     INTEGER NOT NULL DEFAULT -1,
      platform      TEXT NOT NULL DEFAULT '',
      payload       TEXT NOT NULL DEFAULT '{}',
      status        TEXT NOT NULL CHECK (status IN ('queued','running','done','failed','paused')),
      attempts      INTEGER NOT NULL DEFAULT 0,
      max_attempts  INTEGER NOT NULL,
      run_after     INTEGER NOT NULL,
      locked_by     TEXT,
      locked_until  INTEGER,
      last_error    TEXT,
      created_at    INTEGER NOT NULL,
      updated_at    INTEGER NOT NULL,
      UNIQUE (job_id, kind, emoji_idx, platform)
    );
    CREATE INDEX tasks_ready ON tasks(status, run_after, id);

    CREATE TABLE assets (
      id            TEXT PRIMARY KEY,
      user_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      job_id        TEXT REFERENCES jobs(id) ON DELETE CASCADE,
      storage_key   TEXT NOT NULL UNIQUE,
      content_type  TEXT NOT NULL,
      bytes         INTEGER NOT NULL,
      created_at    INTEGER NOT NULL
    );
    CREATE INDEX assets_job ON assets(job_id);

    CREATE TABLE events (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      user_id       TEXT NOT NULL,
      job_id        TEXT,
      type          TEXT NOT NULL,
      payload       TEXT NOT NULL DEFAULT '{}',
      created_at    INTEGER NOT NULL
    );
    CREATE INDEX events_job ON events(job_id, id);
    CREATE INDEX events_user ON events(user_id, id);
  `,
};
