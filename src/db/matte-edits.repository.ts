import type { SqliteDatabase } from './sqlite.ts';

/** One touch-up of a matte, as recorded. */
export interface MatteEditRecord {
  op: 'erase' | 'restore';
  x: number;
  y: number;
  tolerance: number;
  pixels: number;
}

/** The touch-ups of each upload's matte, and the job's current matte version. */
export class MatteEditsRepository {
  constructor(private readonly db: SqliteDatabase) {}

  /**
   * Moves the job's matte from version `from` to `from + 1` and points it at the new
   * files; false when another edit moved it first (the caller then refuses, rather
   * than overwrite that edit).
   */
  advance(jobId: string, from: number, files: { matteKey: string; cutoutKey: string }, now: number): boolean {
    const res = this.db
      .prepare(
        `UPDATE jobs SET matte_version = ?, matte_key = ?, cutout_key = ?, updated_at = ?
         WHERE id = ? AND matte_version = ?`,
      )
      .run(from + 1, files.matteKey, files.cutoutKey, now, jobId, from);
    return res.changes === 1;
  }

  /** Records edit number `seq` (1-based) of the job's matte. */
  record(jobId: string, seq: number, edit: MatteEditRecord, now: number): void {
    this.db
      .prepare(
        `INSERT INTO matte_edits (job_id, seq, op, x, y, tolerance, pixels, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(jobId, seq, edit.op, edit.x, edit.y, edit.tolerance, edit.pixels, now);
  }

  /** Every edit of the job's matte, in order. */
  list(jobId: string): (MatteEditRecord & { seq: number; createdAt: number })[] {
    const rows = this.db
      .prepare(
        'SELECT seq, op, x, y, tolerance, pixels, created_at FROM matte_edits WHERE job_id = ? ORDER BY seq',
      )
      .all(jobId) as (MatteEditRecord & { seq: number; created_at: number })[];
    return rows.map(({ created_at, ...r }) => ({ ...r, createdAt: created_at }));
  }
}
