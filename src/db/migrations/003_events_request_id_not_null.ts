import type { Migration } from '../migrator.ts';

/** Marks events written before request ids existed. */
export const PRE_AUDIT_REQUEST_ID = 'pre-audit';

/**
 * Back-fills `events.request_id` and makes it NOT NULL. SQLite cannot alter a
 * column's constraints, so the table is rebuilt: copied with its ids, dropped,
 * renamed. Nothing references `events`, so the drop cascades nowhere. The
 * AUTOINCREMENT counter is carried over, so new ids stay above every id a
 * progress stream may already hold as its Last-Event-ID.
 */
export const eventsRequestIdNotNull: Migration = {
  version: 3,
  name: 'events_request_id_not_null',
  sql: `
    UPDATE events SET request_id = '${PRE_AUDIT_REQUEST_ID}' WHERE request_id IS NULL;
    UPDATE jobs SET request_id = '${PRE_AUDIT_REQUEST_ID}' WHERE request_id IS NULL;

    CREATE TEMP TABLE events_seq_before AS SELECT seq FROM sqlite_sequence WHERE name = 'events';

    CREATE TABLE events_rebuilt (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      user_id       TEXT NOT NULL,
      job_id        TEXT,
      type          TEXT NOT NULL,
      payload       TEXT NOT NULL DEFAULT '{}',
      request_id    TEXT NOT NULL CHECK (request_id <> ''),
      created_at    INTEGER NOT NULL
    );
    INSERT INTO events_rebuilt (id, user_id, job_id, type, payload, request_id, created_at)
      SELECT id, user_id, job_id, type, payload, request_id, created_at FROM events ORDER BY id;
    DROP TABLE events;
    ALTER TABLE events_rebuilt RENAME TO events;
    UPDATE sqlite_sequence
      SET seq = MAX(seq, COALESCE((SELECT seq FROM events_seq_before), 0))
      WHERE name = 'events';
    DROP TABLE events_seq_before;

    CREATE INDEX events_job ON events(job_id, id);
    CREATE INDEX events_user ON events(user_id, id);
    CREATE INDEX events_user_type ON events(user_id, type, id);
  `,
};
