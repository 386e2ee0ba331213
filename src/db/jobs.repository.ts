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
  };
}

/** Jobs and their per-emoji results. Callers wrap multi-step changes in `db.transaction`. */
export class JobsRepository {
  constructor(private readonly db: SqliteDatabase) {}

  /**
   * Inserts a queued job with one pending result row per emoji. `requestId` is
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
      `INSERT INTO emoji_results (job_id, idx, action, params, status, updated_at)
       VALUES (?, ?, ?, ?, 'pending', ?)`,
    );
    emojis.forEach((e, i) => {
      insertEmoji.run(job.id, i, e.action, JSON.stringify(e.params), job.createdAt);
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

  /** A user's jobs, newest first. */
  listForUser(userId: string, limit = 50): Job[] {
    const rows = this.db
      .prepare('SELECT * FROM jobs WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?')
      .all(userId, limit) as JobRow[];
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

  /** Records where an emoji's lossless master frames live and marks it running. */
  setMaster(jobId: string, index: number, masterKey: string, now: number): void {
    this.db
      .prepare(
        `UPDATE emoji_results SET master_key = ?, status = 'running', updated_at = ?
         WHERE job_id = ? AND idx = ? AND status IN ('pending','running')`,
      )
      .run(masterKey, now, jobId, index);
  }

  /** Stores one platform's output of an emoji. */
  setOutput(jobId: string, index: number, platform: PlatformId, output: EmojiOutput, now: number): void {
    const emoji = this.emoji(jobId, index);
    if (!emoji) return;
    const outputs = { ...emoji.outputs, [platform]: output };
    this.db
      .prepare('UPDATE emoji_results SET outputs = ?, updated_at = ? WHERE job_id = ? AND idx = ?')
      .run(JSON.stringify(outputs), now, jobId, index);
  }

  /**
   * Finishes an emoji. Returns true only on the transition itself, so the caller
   * records its event exactly once even when a retried task gets here again.
   */
  finishEmoji(
    jobId: string,
    index: number,
    status: 'completed' | 'failed',
    error: string | null,
    now: number,
  ) {
    const res = this.db
      .prepare(
        `UPDATE emoji_results SET status = ?, error = ?, completed_at = ?, updated_at = ?
         WHERE job_id = ? AND idx = ? AND status IN ('pending','running')`,
      )
      .run(status, error, now, now, jobId, index);
    return res.changes === 1;
  }
}
