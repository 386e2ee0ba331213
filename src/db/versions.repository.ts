import type { ActionParams } from '../domain/actions.ts';
import type { EmojiOutput, EmojiStatus, EmojiVersion, VersionOrigin } from '../domain/job.ts';
import type { PlatformId } from '../domain/platforms.ts';
import type { SqliteDatabase } from './sqlite.ts';

interface VersionRow {
  job_id: string;
  idx: number;
  version: number;
  origin: VersionOrigin;
  action: string;
  params: string;
  status: EmojiStatus;
  master_key: string | null;
  outputs: string;
  error: string | null;
  created_at: number;
  completed_at: number | null;
}

function toVersion(r: VersionRow): EmojiVersion {
  return {
    jobId: r.job_id,
    index: r.idx,
    version: r.version,
    origin: r.origin,
    action: r.action,
    params: JSON.parse(r.params) as ActionParams,
    status: r.status,
    masterKey: r.master_key,
    outputs: JSON.parse(r.outputs) as Partial<Record<PlatformId, EmojiOutput>>,
    error: r.error,
    createdAt: r.created_at,
    completedAt: r.completed_at,
  };
}

/** What a new version starts from. */
export interface NewVersion {
  jobId: string;
  index: number;
  version: number;
  origin: VersionOrigin;
  action: string;
  params: ActionParams;
}

/**
 * Every render of every emoji. The pipeline writes a version's frames, files and
 * verdict here; `JobsRepository.showVersion` copies the current one into the emoji.
 */
export class EmojiVersionsRepository {
  constructor(private readonly db: SqliteDatabase) {}

  /** Adds a pending version. */
  insert(v: NewVersion, now: number): void {
    this.db
      .prepare(
        `INSERT INTO emoji_versions (job_id, idx, version, origin, action, params, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
      )
      .run(v.jobId, v.index, v.version, v.origin, v.action, JSON.stringify(v.params), now, now);
  }

  /** One version, or undefined. */
  find(jobId: string, index: number, version: number): EmojiVersion | undefined {
    const row = this.db
      .prepare('SELECT * FROM emoji_versions WHERE job_id = ? AND idx = ? AND version = ?')
      .get(jobId, index, version) as VersionRow | undefined;
    return row ? toVersion(row) : undefined;
  }

  /** Every version of an emoji, oldest first. */
  list(jobId: string, index: number): EmojiVersion[] {
    const rows = this.db
      .prepare('SELECT * FROM emoji_versions WHERE job_id = ? AND idx = ? ORDER BY version')
      .all(jobId, index) as VersionRow[];
    return rows.map(toVersion);
  }

  /** Every version of a job whose render has not finished, in set order. */
  unfinished(jobId: string): EmojiVersion[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM emoji_versions WHERE job_id = ? AND status IN ('pending','running') ORDER BY idx, version`,
      )
      .all(jobId) as VersionRow[];
    return rows.map(toVersion);
  }

  /**
   * Per emoji, its newest version when that one failed and came after the one shown:
   * a re-render the user asked for that did not work (the emoji still shows the old one).
   */
  failedRerenders(jobId: string): EmojiVersion[] {
    const rows = this.db
      .prepare(
        `SELECT v.* FROM emoji_versions v JOIN emoji_results e ON e.job_id = v.job_id AND e.idx = v.idx
         WHERE v.job_id = ? AND v.status = 'failed' AND v.version > e.version
           AND v.version = (SELECT MAX(version) FROM emoji_versions w WHERE w.job_id = v.job_id AND w.idx = v.idx)
         ORDER BY v.idx`,
      )
      .all(jobId) as VersionRow[];
    return rows.map(toVersion);
  }

  /** How many versions each emoji of the job has, by emoji index. */
  counts(jobId: string): Map<number, number> {
    const rows = this.db
      .prepare('SELECT idx, COUNT(*) AS n FROM emoji_versions WHERE job_id = ? GROUP BY idx')
      .all(jobId) as { idx: number; n: number }[];
    return new Map(rows.map((r) => [r.idx, r.n]));
  }

  /** The number the emoji's next version gets. */
  nextVersion(jobId: string, index: number): number {
    const row = this.db
      .prepare('SELECT MAX(version) AS v FROM emoji_versions WHERE job_id = ? AND idx = ?')
      .get(jobId, index) as { v: number | null };
    return (row.v ?? 0) + 1;
  }

  /** Records where a version's master frames are and marks it running. */
  setMaster(jobId: string, index: number, version: number, masterKey: string, now: number): void {
    this.db
      .prepare(
        `UPDATE emoji_versions SET master_key = ?, status = 'running', updated_at = ?
         WHERE job_id = ? AND idx = ? AND version = ? AND status IN ('pending','running')`,
      )
      .run(masterKey, now, jobId, index, version);
  }

  /** Stores one platform's file of a version. */
  setOutput(
    jobId: string,
    index: number,
    version: number,
    platform: PlatformId,
    output: EmojiOutput,
    now: number,
  ): void {
    const v = this.find(jobId, index, version);
    if (!v) return;
    this.db
      .prepare(
        'UPDATE emoji_versions SET outputs = ?, updated_at = ? WHERE job_id = ? AND idx = ? AND version = ?',
      )
      .run(JSON.stringify({ ...v.outputs, [platform]: output }), now, jobId, index, version);
  }

  /**
   * Finishes a version's render. True only on the transition itself, so the caller
   * records its event exactly once even when a retried task gets here again.
   */
  finish(
    jobId: string,
    index: number,
    version: number,
    status: 'completed' | 'failed',
    error: string | null,
    now: number,
  ): boolean {
    const res = this.db
      .prepare(
        `UPDATE emoji_versions SET status = ?, error = ?, completed_at = ?, updated_at = ?
         WHERE job_id = ? AND idx = ? AND version = ? AND status IN ('pending','running')`,
      )
      .run(status, error, now, now, jobId, index, version);
    return res.changes === 1;
  }
}
