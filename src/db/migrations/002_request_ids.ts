import type { Migration } from '../migrator.ts';

/**
 * Request ids for the audit trail, and sign-in sessions. Both new columns start
 * nullable: rows written before this step have no request id (003 back-fills
 * and tightens `events.request_id`). A job remembers the request that created
 * it so the pipeline's later events carry that id too.
 */
export const requestIds: Migration = {
  version: 2,
  name: 'request_ids',
  sql: `
    ALTER TABLE jobs ADD COLUMN request_id TEXT;
    ALTER TABLE events ADD COLUMN request_id TEXT;

    -- One row per (user, Firebase auth_time): the first verified request of a
    -- sign-in session inserts it and records auth.login; token refreshes keep auth_time.
    CREATE TABLE sign_ins (
      user_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      auth_time     INTEGER NOT NULL,
      request_id    TEXT NOT NULL,
      created_at    INTEGER NOT NULL,
      PRIMARY KEY (user_id, auth_time)
    );

    CREATE INDEX users_email ON users(email);
    CREATE INDEX events_user_type ON events(user_id, type, id);
  `,
};
