import type { SqliteDatabase } from './sqlite.ts';

export interface AssetRecord {
  id: string;
  userId: string;
  jobId: string | null;
  storageKey: string;
  contentType: string;
  bytes: number;
}

/**
 * Maps unguessable asset ids (used in URLs) to storage keys and their owner, so
 * an asset is only ever served to its owner and never by file path.
 */
export class AssetsRepository {
  constructor(private readonly db: SqliteDatabase) {}

  /** Records an asset; a second put of the same storage key keeps the first id. */
  upsert(a: AssetRecord, now: number): string {
    this.db
      .prepare(
        `INSERT INTO assets (id, user_id, job_id, storage_key, content_type, bytes, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(storage_key) DO UPDATE SET bytes = excluded.bytes, content_type = excluded.content_type`,
      )
      .run(a.id, a.userId, a.jobId, a.storageKey, a.contentType, a.bytes, now);
    const row = this.db.prepare('SELECT id FROM assets WHERE storage_key = ?').get(a.storageKey) as {
      id: string;
    };
    return row.id;
  }

  /** The asset when it exists and belongs to `userId`. */
  findOwned(id: string, userId: string): AssetRecord | undefined {
    const row = this.db
      .prepare(
        'SELECT id, user_id, job_id, storage_key, content_type, bytes FROM assets WHERE id = ? AND user_id = ?',
      )
      .get(id, userId) as
      | {
          id: string;
          user_id: string;
          job_id: string | null;
          storage_key: string;
          content_type: string;
          bytes: number;
        }
      | undefined;
    return (
      row && {
        id: row.id,
        userId: row.user_id,
        jobId: row.job_id,
        storageKey: row.storage_key,
        contentType: row.content_type,
        bytes: row.bytes,
      }
    );
  }
}
