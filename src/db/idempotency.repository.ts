import type { SqliteDatabase } from './sqlite.ts';

/** The first answer given to a request that carried an Idempotency-Key. */
export interface StoredAnswer {
  fingerprint: string;
  statusCode: number;
  body: unknown;
}

/**
 * Idempotency keys per user. A key is remembered with the request it came with (a
 * fingerprint) and the answer it got; keys older than the retention are ignored, and
 * deleted when the next key is saved.
 */
export class IdempotencyRepository {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly retentionMs: number,
  ) {}

  /** The stored answer for the user's key, unless it expired. */
  find(userId: string, key: string, now: number): StoredAnswer | undefined {
    const row = this.db
      .prepare(
        'SELECT fingerprint, status_code, body FROM idempotency_keys WHERE user_id = ? AND key = ? AND created_at > ?',
      )
      .get(userId, key, now - this.retentionMs) as
      | { fingerprint: string; status_code: number; body: string }
      | undefined;
    return row && { fingerprint: row.fingerprint, statusCode: row.status_code, body: JSON.parse(row.body) };
  }

  /** Stores the first answer for a key (replacing an expired one); call inside the transaction that did the work. */
  save(userId: string, key: string, answer: StoredAnswer, now: number): void {
    // Expired keys go as new ones come (an index range delete), so the table holds about a day of keys.
    this.db.prepare('DELETE FROM idempotency_keys WHERE created_at <= ?').run(now - this.retentionMs);
    this.db
      .prepare(
        `INSERT INTO idempotency_keys (user_id, key, fingerprint, status_code, body, created_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (user_id, key) DO UPDATE SET fingerprint = excluded.fingerprint,
           status_code = excluded.status_code, body = excluded.body, created_at = excluded.created_at`,
      )
      .run(userId, key, answer.fingerprint, answer.statusCode, JSON.stringify(answer.body), now);
  }
}
