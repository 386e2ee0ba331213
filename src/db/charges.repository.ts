import type { SqliteDatabase } from './sqlite.ts';

/**
 * The renders each user was charged for, one row per emoji version. Rows are kept
 * when a job is deleted, so deleting a set never gives its quota back; a render
 * that fails is refunded (the row stays, marked).
 */
export class RenderChargesRepository {
  constructor(private readonly db: SqliteDatabase) {}

  /** Charges one render; a second charge of the same version is ignored. */
  charge(userId: string, jobId: string, index: number, version: number, now: number): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO render_charges (user_id, job_id, idx, version, created_at) VALUES (?, ?, ?, ?, ?)`,
      )
      .run(userId, jobId, index, version, now);
  }

  /** Refunds one render (once). */
  refund(jobId: string, index: number, version: number, now: number): void {
    this.db
      .prepare(
        `UPDATE render_charges SET refunded_at = ? WHERE job_id = ? AND idx = ? AND version = ? AND refunded_at IS NULL`,
      )
      .run(now, jobId, index, version);
  }

  /** Refunds the first render of every emoji of a job that failed as a whole. */
  refundJob(jobId: string, now: number): void {
    this.db
      .prepare(
        `UPDATE render_charges SET refunded_at = ? WHERE job_id = ? AND version = 1 AND refunded_at IS NULL`,
      )
      .run(now, jobId);
  }
}
