import type { SqliteDatabase } from '../db/sqlite.ts';

export type TaskKind = 'prepare' | 'animate' | 'encode' | 'package';

export interface NewTask {
  jobId: string;
  kind: TaskKind;
  emojiIndex?: number;
  platform?: string;
  /** Which render of the emoji (1: the set's first; see emoji_versions). */
  version?: number;
}

export interface Task {
  id: number;
  jobId: string;
  kind: TaskKind;
  emojiIndex: number;
  platform: string;
  version: number;
  attempts: number;
  maxAttempts: number;
  lockedBy: string;
  lockedUntil: number;
}

/** A task set aside while PopCon is closed. */
export interface PausedTask {
  id: number;
  jobId: string;
  kind: TaskKind;
  emojiIndex: number;
}

interface PausedRow {
  id: number;
  job_id: string;
  kind: TaskKind;
  emoji_idx: number;
}

const toPaused = (r: PausedRow): PausedTask => ({
  id: r.id,
  jobId: r.job_id,
  kind: r.kind,
  emojiIndex: r.emoji_idx,
});

interface TaskRow {
  id: number;
  job_id: string;
  kind: TaskKind;
  emoji_idx: number;
  platform: string;
  version: number;
  attempts: number;
  max_attempts: number;
  locked_by: string;
  locked_until: number;
}

const toTask = (r: TaskRow): Task => ({
  id: r.id,
  jobId: r.job_id,
  kind: r.kind,
  emojiIndex: r.emoji_idx,
  platform: r.platform,
  version: r.version,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  lockedBy: r.locked_by,
  lockedUntil: r.locked_until,
});

/**
 * Durable tasks in the database, claimed with a lease. The database is the
 * source of truth: a crashed worker's tasks become claimable again when their
 * lease runs out, and only the lease holder may complete or release a task.
 */
export class TaskQueue {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly options: { leaseMs: number; maxAttempts: number },
  ) {}

  /** Adds tasks; a task that already exists (same job, kind, emoji, platform, version) is left as it is. */
  enqueue(tasks: NewTask[], now: number): void {
    const stmt = this.db.prepare(
      `INSERT OR IGNORE INTO tasks (job_id, kind, emoji_idx, platform, version, status, max_attempts, run_after,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?)`,
    );
    for (const t of tasks) {
      stmt.run(
        t.jobId,
        t.kind,
        t.emojiIndex ?? -1,
        t.platform ?? '',
        t.version ?? 1,
        this.options.maxAttempts,
        now,
        now,
        now,
      );
    }
  }

  /**
   * Claims the next ready task in one statement: a queued task whose time has
   * come, or a running one whose lease expired. Later stages go first so a job's
   * first emoji finishes early and jobs finish in the order they came.
   */
  claim(workerId: string, now: number): Task | undefined {
    const row = this.db
      .prepare(
        `UPDATE tasks SET status = 'running', locked_by = ?, locked_until = ?, attempts = attempts + 1, updated_at = ?
         WHERE id = (
           SELECT id FROM tasks
           WHERE (status = 'queued' AND run_after <= ?) OR (status = 'running' AND locked_until < ?)
           ORDER BY CASE kind WHEN 'package' THEN 0 WHEN 'encode' THEN 1 WHEN 'animate' THEN 2 ELSE 3 END, id
           LIMIT 1)
         RETURNING id, job_id, kind, emoji_idx, platform, version, attempts, max_attempts, locked_by, locked_until`,
      )
      .get(workerId, now + this.options.leaseMs, now, now, now) as TaskRow | undefined;
    return row ? toTask(row) : undefined;
  }

  /** Extends the lease; false when the task is no longer ours. */
  heartbeat(task: Task, now: number): boolean {
    const res = this.db
      .prepare(
        `UPDATE tasks SET locked_until = ?, updated_at = ? WHERE id = ? AND locked_by = ? AND status = 'running'`,
      )
      .run(now + this.options.leaseMs, now, task.id, task.lockedBy);
    return res.changes === 1;
  }

  /** Marks the task done; false when the lease was lost (another worker owns it now). */
  complete(task: Task, now: number): boolean {
    const res = this.db
      .prepare(
        `UPDATE tasks SET status = 'done', locked_by = NULL, locked_until = NULL, last_error = NULL, updated_at = ?
         WHERE id = ? AND locked_by = ? AND status = 'running'`,
      )
      .run(now, task.id, task.lockedBy);
    return res.changes === 1;
  }

  /** Puts the task back for a later attempt, storing the error; false when the lease was lost. */
  retry(task: Task, error: string, runAfter: number, now: number): boolean {
    const res = this.db
      .prepare(
        `UPDATE tasks SET status = 'queued', locked_by = NULL, locked_until = NULL, last_error = ?, run_after = ?,
           updated_at = ? WHERE id = ? AND locked_by = ? AND status = 'running'`,
      )
      .run(error, runAfter, now, task.id, task.lockedBy);
    return res.changes === 1;
  }

  /** Gives the task up for good; false when the lease was lost. */
  fail(task: Task, error: string, now: number): boolean {
    const res = this.db
      .prepare(
        `UPDATE tasks SET status = 'failed', locked_by = NULL, locked_until = NULL, last_error = ?, updated_at = ?
         WHERE id = ? AND locked_by = ? AND status = 'running'`,
      )
      .run(error, now, task.id, task.lockedBy);
    return res.changes === 1;
  }

  /** Drops every unfinished task of a job (used when the job fails). */
  cancelJob(jobId: string, reason: string, now: number): void {
    this.db
      .prepare(
        `UPDATE tasks SET status = 'failed', last_error = ?, locked_by = NULL, locked_until = NULL, updated_at = ?
         WHERE job_id = ? AND status IN ('queued','running','paused')`,
      )
      .run(reason, now, jobId);
  }

  /** How many of the tasks of a job's first render, of the given kinds, are not finished yet. */
  openCount(jobId: string, kinds: TaskKind[]): number {
    const placeholders = kinds.map(() => '?').join(',');
    const row = this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM tasks WHERE job_id = ? AND kind IN (${placeholders}) AND version = 1
         AND status IN ('queued','running','paused')`,
      )
      .get(jobId, ...kinds) as { n: number };
    return row.n;
  }

  /**
   * Off hours: marks every task nobody is working on (queued, or running with an
   * expired lease) as paused, and returns them. Tasks held under a live lease are
   * left to finish; their follow-up tasks are paused by the next call.
   */
  pauseWaiting(now: number): PausedTask[] {
    const rows = this.db
      .prepare(
        `UPDATE tasks SET status = 'paused', locked_by = NULL, locked_until = NULL, updated_at = ?
         WHERE status = 'queued' OR (status = 'running' AND locked_until < ?)
         RETURNING id, job_id, kind, emoji_idx`,
      )
      .all(now, now) as PausedRow[];
    return rows.map(toPaused);
  }

  /** The paused tasks of the given jobs. */
  pausedOf(jobIds: string[]): PausedTask[] {
    if (jobIds.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT id, job_id, kind, emoji_idx FROM tasks WHERE status = 'paused'
         AND job_id IN (${jobIds.map(() => '?').join(',')})`,
      )
      .all(...jobIds) as PausedRow[];
    return rows.map(toPaused);
  }

  /** Wake-up: puts every paused task back in the queue; returns the ids of their jobs. */
  resumePaused(now: number): string[] {
    const rows = this.db
      .prepare(`UPDATE tasks SET status = 'queued', updated_at = ? WHERE status = 'paused' RETURNING job_id`)
      .all(now) as { job_id: string }[];
    return [...new Set(rows.map((r) => r.job_id))];
  }

  /** How many tasks are paused, over all jobs. */
  pausedCount(): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM tasks WHERE status = 'paused'`).get() as { n: number })
      .n;
  }

  /** Tasks held under a live lease right now: work in flight somewhere. */
  inFlightCount(now: number): number {
    const row = this.db
      .prepare(`SELECT COUNT(*) AS n FROM tasks WHERE status = 'running' AND locked_until >= ?`)
      .get(now) as { n: number };
    return row.n;
  }

  /** The earliest time a queued task becomes ready, for the worker's sleep. */
  nextRunAfter(): number | undefined {
    const row = this.db.prepare(`SELECT MIN(run_after) AS t FROM tasks WHERE status = 'queued'`).get() as {
      t: number | null;
    };
    return row.t ?? undefined;
  }
}

/** Capped exponential backoff with jitter: 0.5 s, 1 s, 2 s … up to 30 s. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 500 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}
