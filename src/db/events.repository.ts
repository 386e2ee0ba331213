import type { EventType, JobEvent } from '../domain/job.ts';
import type { SqliteDatabase } from './sqlite.ts';

interface EventRow {
  id: number;
  user_id: string;
  job_id: string | null;
  type: EventType;
  payload: string;
  request_id: string;
  created_at: number;
}

function toEvent(r: EventRow): JobEvent {
  return {
    id: r.id,
    userId: r.user_id,
    jobId: r.job_id,
    type: r.type,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    requestId: r.request_id,
    createdAt: r.created_at,
  };
}

/** The request id of events that no request caused and no job carries (for example the CLI). */
export const SYSTEM_REQUEST_ID = 'system';

/** What an audit query may filter on; events come newest first. */
export interface EventQuery {
  userId?: string;
  jobId?: string;
  type?: EventType;
  /** Only events at or after this time (ms since the epoch). */
  since?: number;
  /** Cursor: only events with a smaller id. */
  beforeId?: number;
  limit: number;
}

/** The append-only audit trail. Appends belong in the transaction of the change they record. */
export class EventsRepository {
  private readonly insert;

  constructor(private readonly db: SqliteDatabase) {
    // Without an explicit request id, an event inherits the one stored on its job,
    // so the pipeline's events trace back to the request that created the job.
    this.insert = db.prepare(
      `INSERT INTO events (user_id, job_id, type, payload, request_id, created_at)
       VALUES (?, ?, ?, ?, COALESCE(?, (SELECT request_id FROM jobs WHERE id = ?), '${SYSTEM_REQUEST_ID}'), ?)`,
    );
  }

  /** Appends one event and returns its id. */
  append(e: {
    userId: string;
    jobId: string | null;
    type: EventType;
    payload?: Record<string, unknown>;
    requestId?: string;
    now: number;
  }): number {
    const res = this.insert.run(
      e.userId,
      e.jobId,
      e.type,
      JSON.stringify(e.payload ?? {}),
      e.requestId ?? null,
      e.jobId,
      e.now,
    );
    return Number(res.lastInsertRowid);
  }

  /** A job's events after `afterId`, oldest first. */
  forJob(jobId: string, afterId = 0, limit = 500): JobEvent[] {
    const rows = this.db
      .prepare('SELECT * FROM events WHERE job_id = ? AND id > ? ORDER BY id LIMIT ?')
      .all(jobId, afterId, limit) as EventRow[];
    return rows.map(toEvent);
  }

  /** Events matching every given filter, newest first. */
  query(q: EventQuery): JobEvent[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (clause: string, value: string | number | undefined) => {
      if (value === undefined) return;
      where.push(clause);
      args.push(value);
    };
    add('user_id = ?', q.userId);
    add('job_id = ?', q.jobId);
    add('type = ?', q.type);
    add('created_at >= ?', q.since);
    add('id < ?', q.beforeId);
    const sql = `SELECT * FROM events ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY id DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, q.limit) as EventRow[]).map(toEvent);
  }
}
