import type { EventsRepository } from '../db/events.repository.ts';
import type { User, UsersRepository } from '../db/users.repository.ts';
import { AppError } from '../domain/errors.ts';
import type { EventType, JobEvent } from '../domain/job.ts';

/** Every event type; a Record so that a new EventType does not compile until it is listed here. */
const TYPES: Record<EventType, true> = {
  'job.created': true,
  'job.stage_completed': true,
  'emoji.completed': true,
  'emoji.failed': true,
  'emoji.paused': true,
  'job.completed': true,
  'job.failed': true,
  'auth.login': true,
  'quota.exceeded': true,
  'emoji.retried': true,
  'emoji.regenerated': true,
  'emoji.approved': true,
  'emoji.unapproved': true,
  'emoji.version_selected': true,
  'matte.edited': true,
  'job.deleted': true,
};

/** The event types an audit query may filter on. */
export const EVENT_TYPES = Object.keys(TYPES) as EventType[];

/** Checks an event type from user input. */
export function parseEventType(type: string): EventType {
  if (!(type in TYPES)) {
    throw new AppError('bad_request', `unknown event type ${type}; one of ${EVENT_TYPES.join(', ')}`);
  }
  return type as EventType;
}

export interface TrailQuery {
  userId: string;
  jobId?: string;
  type?: EventType;
  /** ms since the epoch */
  since?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  limit: number;
}

/** An event as audit readers see it (API and CLI alike). */
export function presentAuditEvent(e: JobEvent) {
  return {
    id: e.id,
    at: new Date(e.createdAt).toISOString(),
    type: e.type,
    userId: e.userId,
    jobId: e.jobId,
    requestId: e.requestId,
    payload: e.payload,
  };
}

/** The audit trail, read by users (their own) and operators (anyone's), newest first. */
export class AuditService {
  constructor(
    private readonly events: EventsRepository,
    private readonly users: UsersRepository,
  ) {}

  /** One page of a user's events, newest first; `nextCursor` is null on the last page. */
  trail(q: TrailQuery): { events: JobEvent[]; nextCursor: string | null } {
    let beforeId: number | undefined;
    if (q.cursor !== undefined) {
      beforeId = Number(q.cursor);
      if (!Number.isSafeInteger(beforeId) || beforeId < 1)
        throw new AppError('bad_request', 'invalid cursor');
    }
    // One extra row says whether another page exists, so the last page never points at an empty one.
    const rows = this.events.query({
      userId: q.userId,
      jobId: q.jobId,
      type: q.type,
      since: q.since,
      beforeId,
      limit: q.limit + 1,
    });
    const events = rows.slice(0, q.limit);
    const more = rows.length > q.limit;
    return { events, nextCursor: more ? String(events.at(-1)!.id) : null };
  }

  /** The user with this uid or email, for operators; an AppError when none or several match. */
  findUser(uidOrEmail: string): User {
    const byId = this.users.find(uidOrEmail);
    if (byId) return byId;
    const byEmail = uidOrEmail.includes('@') ? this.users.findByEmail(uidOrEmail) : [];
    if (byEmail.length === 1) return byEmail[0]!;
    if (byEmail.length > 1) {
      throw new AppError(
        'conflict',
        `${byEmail.length} users have the email ${uidOrEmail}: ${byEmail.map((u) => u.id).join(', ')}; use a uid`,
      );
    }
    throw new AppError('not_found', `no user ${uidOrEmail}`);
  }
}
