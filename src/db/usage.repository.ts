import type { SqliteDatabase } from './sqlite.ts';

/** The counts that per-user cost limits are checked against. */
export class UsageRepository {
  private readonly running;
  private readonly emojis;

  constructor(db: SqliteDatabase) {
    this.running = db.prepare(
      `SELECT COUNT(*) AS n FROM jobs WHERE user_id = ? AND status IN ('queued','running','paused')`,
    );
    // Every render charged (first renders and re-renders) that was not refunded: a
    // failed render, or the emojis of a failed job, do not count (render_charges).
    this.emojis = db.prepare(
      `SELECT COUNT(*) AS n FROM render_charges WHERE user_id = ? AND created_at >= ? AND refunded_at IS NULL`,
    );
  }

  /** Jobs of the user that are not finished (queued, running or paused). */
  runningJobs(userId: string): number {
    return (this.running.get(userId) as { n: number }).n;
  }

  /** Emoji renders charged to the user at or after `since` that were not refunded. */
  emojisSince(userId: string, since: number): number {
    return (this.emojis.get(userId, since) as { n: number }).n;
  }
}
