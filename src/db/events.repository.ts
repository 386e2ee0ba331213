import type { EventType, JobEvent } from '../domain/job.ts';
import type { SqliteDatabase } from './sqlite.ts';

interface EventRow {
  id: number;
  user_id: string;
  job_id: string | null;
  type: EventType;
  payload: string;
  created_at: number;
}

function toEvent(r: EventRow): JobEvent {
  return {
    id: r.id,
    userId: r.user_id,
    jobId: r.job_id,
    type: r.type,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    createdAt: r.created_at,
  };
}

/** The append-only audit trail. Appends belong in the transaction of the change they record. */
export class EventsRepository {
  constructor(private readonly db: SqliteDatabase) {}

  /** Appends one event and returns its id. */
  append(e: {
    userId: string;
    jobId: string | null;
    type: EventType;
    payload?: Record<string, unknown>;
    now: number;
  }): number {
    const res = this.db
      .prepare('INSERT INTO events (user_id, job_id, type, payload, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(e.userId, e.jobId, e.type, JSON.stringify(e.payload ?? {}), e.now);
    return Number(res.lastInsertRowid);
  }

  /** A job's events after `afterId`, oldest first. */
  forJob(jobId: string, afterId = 0, limit = 500): JobEvent[] {
    const rows = this.db
      .prepare('SELECT * FROM events WHERE job_id = ? AND id > ? ORDER BY id LIMIT ?')
      .all(jobId, afterId, limit) as EventRow[];
    return rows.map(toEvent);
  }
}
