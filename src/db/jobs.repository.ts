import type { ActionParams } from '../domain/actions.ts';
import type {
  EmojiOutput,
  EmojiResult,
  EmojiStatus,
  Job,
  JobSource,
  JobStage,
  JobStatus,
} from '../domain/job.ts';
import type { PlatformId } from '../domain/platforms.ts';
import type { SqliteDatabase } from './sqlite.ts';

interface JobRow {
  id: string;
  user_id: string;
  status: JobStatus;
  stage: JobStage;
  source: string;
  platforms: string;
  unavailable: string;
  matte_version: number;
  matte_key: string | null;
  cutout_key: string | null;
  error: string | null;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
}

interface EmojiRow {
  job_id: string;
  idx: number;
  action: string;
  params: string;
  status: EmojiStatus;
  version: number;
  master_key: string | null;
  outputs: string;
  error: string | null;
  completed_at: number | null;
  approved_at: number | null;
}

function toJob(r: JobRow): Job {
  return {
    id: r.id,
    userId: r.user_id,
    status: r.status,
    stage: r.stage,
    source: JSON.parse(r.source) as JobSource,
    platforms: JSON.parse(r.platforms) as PlatformId[],
    unavailable: JSON.parse(r.unavailable) as Partial<Record<PlatformId, string>>,
    matteVersion: r.matte_version,
    matteKey: r.matte_key,
    cutoutKey: r.cutout_key,
    error: r.error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    completedAt: r.completed_at,
  };
}

function toEmoji(r: EmojiRow): EmojiResult {
  return {
    jobId: r.job_id,
    index: r.idx,
    action: r.action,
    params: JSON.parse(r.params) as ActionParams,
    status: r.status,
    version: r.version,
    masterKey: r.master_key,
    outputs: JSON.parse(r.outputs) as Partial<Record<PlatformId, EmojiOutput>>,
    error: r.error,
    completedAt: r.completed_at,
    approvedAt: r.approved_at,
  };
}

/** Jobs and their per-emoji results. Callers wrap multi-step changes in `db.transaction`. */
export class JobsRepository {
  constructor(private readonly db: SqliteDatabase) {}

  /**
   * Inserts a queued job with one pending emoji (and its version 1) per entry. `requestId` is
   * the creating request's id; the job's later events inherit it.
   */
  insert(job: Job, emojis: { action: string; params: ActionParams }[], requestId?: string): void {
    this.db
      .prepare(
        `INSERT INTO jobs (id, user_id, status, stage, source, platforms, error, created_at, updated_at,
           completed_at, request_id)
         VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, ?)`,
      )
      .run(
        job.id,
        job.userId,
        job.status,
        job.stage,
        JSON.stringify(job.source),
        JSON.stringify(job.platforms),
        job.createdAt,
        job.updatedAt,
        requestId ?? null,
      );
    const insertEmoji = this.db.prepare(
      `INSERT INTO emoji_results (job_id, idx, action, params, status, version, updated_at)
       VALUES (?, ?, ?, ?, 'pending', 1, ?)`,
    );
    const insertVersion = this.db.prepare(
      `INSERT INTO emoji_versions (job_id, idx, version, origin, action, params, status, created_at, updated_at)
       VALUES (?, ?, 1, 'initial', ?, ?, 'pending', ?, ?)`,
    );
    emojis.forEach((e, i) => {
      const params = JSON.stringify(e.params);
      insertEmoji.run(job.id, i, e.action, params, job.createdAt);
      insertVersion.run(job.id, i, e.action, params, job.createdAt, job.createdAt);
    });
  }

  /** The job, or undefined. With `userId`, another user's job is undefined too. */
  find(id: string, userId?: string): Job | undefined {
    const row = (
      userId === undefined
        ? this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id)
        : this.db.prepare('SELECT * FROM jobs WHERE id = ? AND user_id = ?').get(id, userId)
    ) as JobRow | undefined;
    return row ? toJob(row) : undefined;
  }

  /** A user's jobs, newest first, optionally only those in `statuses`. */
  listForUser(userId: string, limit = 50, statuses?: readonly JobStatus[]): Job[] {
    const filter = statuses ? `AND status IN (${statuses.map(() => '?').join(',')})` : '';
    const rows = this.db
      .prepare(`SELECT * FROM jobs WHERE user_id = ? ${filter} ORDER BY created_at DESC, rowid DESC LIMIT ?`)
      .all(userId, ...(statuses ?? []), limit) as JobRow[];
    return rows.map(toJob);
  }

  /** Moves a job to a new status and/or stage; returns false when the job is already finished. */
  update(
    id: string,
    change: { status?: JobStatus; stage?: JobStage; error?: string | null },
    now: number,
  ): boolean {
    const job = this.find(id);
    if (!job || job.status === 'completed' || job.status === 'failed') return false;
    const status = change.status ?? job.status;
    const finished = status === 'completed' || status === 'failed';
    this.db
      .prepare(
        `UPDATE jobs SET status = ?, stage = ?, error = ?, updated_at = ?, completed_at = ?
         WHERE id = ?`,
      )
      .run(
        status,
        change.stage ?? job.stage,
        change.error === undefined ? job.error : change.error,
        now,
        finished ? now : null,
        id,
      );
    return true;
  }

  /**
   * Records that `platform` cannot be made for this job; returns true only the first
   * time, so the caller settles the job's emojis once.
   */
  markUnavailable(id: string, platform: PlatformId, reason: string, now: number): boolean {
    const job = this.find(id);
    if (!job || job.unavailable[platform] !== undefined) return false;
    const unavailable = { ...job.unavailable, [platform]: reason };
    this.db
      .prepare('UPDATE jobs SET unavailable = ?, updated_at = ? WHERE id = ?')
      .run(JSON.stringify(unavailable), now, id);
    return true;
  }

  /** All emoji results of a job, in set order. */
  emojis(jobId: string): EmojiResult[] {
    const rows = this.db
      .prepare('SELECT * FROM emoji_results WHERE job_id = ? ORDER BY idx')
      .all(jobId) as EmojiRow[];
    return rows.map(toEmoji);
  }

  /** One emoji result, or undefined. */
  emoji(jobId: string, index: number): EmojiResult | undefined {
    const row = this.db
      .prepare('SELECT * FROM emoji_results WHERE job_id = ? AND idx = ?')
      .get(jobId, index) as EmojiRow | undefined;
    return row ? toEmoji(row) : undefined;
  }

  /**
   * Shows `version` as the emoji: copies its render, status and verdict into the
   * emoji. The approval belongs to the version approved, so it is dropped when the
   * version changes.
   */
  showVersion(jobId: string, index: number, version: number, now: number): void {
    this.copyVersion(jobId, index, version, now, false);
  }

  /** Like `showVersion`, but only when `version` already is the one the emoji shows. */
  refreshIfCurrent(jobId: string, index: number, version: number, now: number): void {
    this.copyVersion(jobId, index, version, now, true);
  }

  private copyVersion(
    jobId: string,
    index: number,
    version: number,
    now: number,
    onlyIfShown: boolean,
  ): void {
    this.db
      .prepare(
        `UPDATE emoji_results SET action = v.action, params = v.params, status = v.status,
           master_key = v.master_key, outputs = v.outputs, error = v.error, completed_at = v.completed_at,
           approved_at = CASE WHEN emoji_results.version = v.version THEN emoji_results.approved_at END,
           version = v.version, updated_at = ?
         FROM emoji_versions v
         WHERE emoji_results.job_id = ? AND emoji_results.idx = ?
           AND v.job_id = emoji_results.job_id AND v.idx = emoji_results.idx AND v.version = ?
           ${onlyIfShown ? 'AND emoji_results.version = v.version' : ''}`,
      )
      .run(now, jobId, index, version);
  }

  /** Approves (a time) or unapproves (null) the emoji's current version; false when the emoji does not exist. */
  setApproved(jobId: string, index: number, approvedAt: number | null, now: number): boolean {
    const res = this.db
      .prepare('UPDATE emoji_results SET approved_at = ?, updated_at = ? WHERE job_id = ? AND idx = ?')
      .run(approvedAt, now, jobId, index);
    return res.changes === 1;
  }

  /** A failed set whose emojis were all fixed afterwards becomes complete; true on that transition. */
  recover(id: string, now: number): boolean {
    const res = this.db
      .prepare(
        `UPDATE jobs SET status = 'completed', stage = 'done', error = NULL, completed_at = ?, updated_at = ?
         WHERE id = ? AND status = 'failed'
           AND NOT EXISTS (SELECT 1 FROM emoji_results WHERE job_id = jobs.id AND status <> 'completed')`,
      )
      .run(now, now, id);
    return res.changes === 1;
  }

  /** Deletes the job and, through the foreign keys, its emojis, versions, tasks, assets and matte edits. */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM jobs WHERE id = ?').run(id).changes === 1;
  }
}
