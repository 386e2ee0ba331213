import type { Migration } from '../migrator.ts';

/**
 * Refining a set after it is made.
 *
 * - `emoji_versions`: every render of an emoji, kept. `emoji_results` stays the
 *   emoji as the set shows it: a copy of its current version (`version`), plus
 *   whether the user approved that version. Existing emojis become version 1.
 * - `tasks` gets a `version`, part of its unique key, so re-rendering an emoji
 *   queues new tasks instead of colliding with the first render's. SQLite cannot
 *   change a table's constraints, so the table is rebuilt with its ids and its
 *   AUTOINCREMENT counter (as 003 did for events).
 * - `render_charges`: one row per render a user was charged for, kept when a job
 *   is deleted (deleting a job must not give its quota back); a failed render is
 *   refunded. Back-filled from the existing emojis with 004's rule: a failed emoji
 *   or a failed job does not count.
 * - `idempotency_keys`: the first answer to a request with an Idempotency-Key.
 * - `matte_edits`, and on `jobs` the matte's edit count and where the current matte
 *   and cut-out files are (NULL: the prepare stage's own files).
 */
export const refine: Migration = {
  version: 6,
  name: 'refine',
  sql: `
    CREATE TABLE emoji_versions (
      job_id        TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
      idx           INTEGER NOT NULL,
      version       INTEGER NOT NULL CHECK (version >= 1),
      origin        TEXT NOT NULL CHECK (origin IN ('initial','retry','regenerate')),
      action        TEXT NOT NULL,
      params        TEXT NOT NULL,
      status        TEXT NOT NULL CHECK (status IN ('pending','running','completed','failed')),
      master_key    TEXT,
      outputs       TEXT NOT NULL DEFAULT '{}',
      error         TEXT,
      created_at    INTEGER NOT NULL,
      updated_at    INTEGER NOT NULL,
      completed_at  INTEGER,
      PRIMARY KEY (job_id, idx, version)
    );
    INSERT INTO emoji_versions (job_id, idx, version, origin, action, params, status, master_key, outputs,
        error, created_at, updated_at, completed_at)
      SELECT e.job_id, e.idx, e.version, 'initial', e.action, e.params, e.status, e.master_key, e.outputs,
        e.error, j.created_at, e.updated_at, e.completed_at
      FROM emoji_results e JOIN jobs j ON j.id = e.job_id;

    ALTER TABLE emoji_results ADD COLUMN approved_at INTEGER;

    CREATE TEMP TABLE tasks_seq_before AS SELECT seq FROM sqlite_sequence WHERE name = 'tasks';
    CREATE TABLE tasks_rebuilt (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      job_id        TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
      kind          TEXT NOT NULL,
      emoji_idx     INTEGER NOT NULL DEFAULT -1,
      platform      TEXT NOT NULL DEFAULT '',
      version       INTEGER NOT NULL DEFAULT 1,
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
      UNIQUE (job_id, kind, emoji_idx, platform, version)
    );
    INSERT INTO tasks_rebuilt (id, job_id, kind, emoji_idx, platform, version, payload, status, attempts,
        max_attempts, run_after, locked_by, locked_until, last_error, created_at, updated_at)
      SELECT id, job_id, kind, emoji_idx, platform, 1, payload, status, attempts, max_attempts, run_after,
        locked_by, locked_until, last_error, created_at, updated_at FROM tasks ORDER BY id;
    DROP TABLE tasks;
    ALTER TABLE tasks_rebuilt RENAME TO tasks;
    UPDATE sqlite_sequence
      SET seq = MAX(seq, COALESCE((SELECT seq FROM tasks_seq_before), 0))
      WHERE name = 'tasks';
    DROP TABLE tasks_seq_before;
    CREATE INDEX tasks_ready ON tasks(status, run_after, id);
    CREATE INDEX tasks_job ON tasks(job_id, kind, status);

    CREATE TABLE render_charges (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      user_id       TEXT NOT NULL,
      job_id        TEXT NOT NULL,
      idx           INTEGER NOT NULL,
      version       INTEGER NOT NULL,
      created_at    INTEGER NOT NULL,
      refunded_at   INTEGER,
      UNIQUE (job_id, idx, version)
    );
    CREATE INDEX render_charges_user ON render_charges(user_id, created_at);
    INSERT INTO render_charges (user_id, job_id, idx, version, created_at, refunded_at)
      SELECT j.user_id, e.job_id, e.idx, e.version, j.created_at,
        CASE WHEN j.status = 'failed' OR e.status = 'failed' THEN e.updated_at END
      FROM emoji_results e JOIN jobs j ON j.id = e.job_id;

    CREATE TABLE idempotency_keys (
      user_id       TEXT NOT NULL,
      key           TEXT NOT NULL,
      fingerprint   TEXT NOT NULL,
      status_code   INTEGER NOT NULL,
      body          TEXT NOT NULL,
      created_at    INTEGER NOT NULL,
      PRIMARY KEY (user_id, key)
    );
    CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at);

    ALTER TABLE jobs ADD COLUMN matte_version INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE jobs ADD COLUMN matte_key TEXT;
    ALTER TABLE jobs ADD COLUMN cutout_key TEXT;
    CREATE TABLE matte_edits (
      job_id        TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
      seq           INTEGER NOT NULL,
      op            TEXT NOT NULL CHECK (op IN ('erase','restore')),
      x             INTEGER NOT NULL,
      y             INTEGER NOT NULL,
      tolerance     INTEGER NOT NULL,
      pixels        INTEGER NOT NULL,
      created_at    INTEGER NOT NULL,
      PRIMARY KEY (job_id, seq)
    );
  `,
};
