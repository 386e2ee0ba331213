import type { SqliteDatabase } from './sqlite.ts';

/** The counts that per-user cost limits are checked against. */
export class UsageRepository {
  private readonly running;
  private readonly emojis;

  constructor(db: SqliteDatabase) {
    this.running = db.prepare(
      `SELECT COUNT(*) AS n FROM jobs WHERE user_id = ? AND status IN ('queued','running','paused')`,
    );
    // A failed job or a failed emoji does not count: a render that fails is refunded.
    this.emojis = db.prepare(
      `SELECT COUNT(*) AS n FROM emoji_results e JOIN jobs j ON j.id = e.job_id
       WHERE j.user_id = ? AND j.created_at >= ? AND j.status <> 'failed' AND e.status <> 'failed'`,
    );
  }

  /** Jobs of the user that are not finished (queued, running or paused). */
  runningJobs(userId: string): number {
    return (this.running.get(userId) as { n: number }).n;
  }

  /** Emojis of the user's jobs created at or after `since` that have not failed. */
  emojisSince(userId: string, since: number): number {
    return (this.emojis.get(userId, since) as { n: number }).n;
  }
}
