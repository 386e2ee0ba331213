import { AuditService, parseEventType, presentAuditEvent } from '../audit/audit.service.ts';
import type { Config } from '../config/config.ts';
import { EventsRepository } from '../db/events.repository.ts';
import { MIGRATIONS } from '../db/migrations/index.ts';
import { currentVersion } from '../db/migrator.ts';
import { openDatabase } from '../db/sqlite.ts';
import { UsersRepository } from '../db/users.repository.ts';
import { AppError } from '../domain/errors.ts';
import type { JobEvent } from '../domain/job.ts';

/** The command's flags, in node:util parseArgs form. */
export const AUDIT_OPTIONS = {
  user: { type: 'string' },
  job: { type: 'string' },
  type: { type: 'string' },
  since: { type: 'string' },
  limit: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export interface AuditOptions {
  user?: string;
  job?: string;
  type?: string;
  since?: string;
  limit?: string;
  json?: boolean;
}

/**
 * `popcon audit`: a user's audit trail for operators, read from the same
 * database the server writes. Prints the newest `limit` matching events,
 * oldest first (as a log reads); `--json` prints the same list as JSON.
 * Read-only: it never migrates, and refuses a database older than the code.
 */
export function auditCommand(config: Config, opts: AuditOptions, out: (text: string) => void): number {
  if (!opts.user) throw new AppError('bad_request', '--user <uid|email> is required');
  const since = opts.since === undefined ? undefined : Date.parse(opts.since);
  if (since !== undefined && Number.isNaN(since))
    throw new AppError('bad_request', `--since must be an ISO time, like 2026-01-31T09:00:00Z`);
  const limit = opts.limit === undefined ? 1000 : Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1)
    throw new AppError('bad_request', '--limit must be a positive integer');
  const type = opts.type === undefined ? undefined : parseEventType(opts.type);

  const db = openDatabase(config.databaseFile);
  try {
    const version = currentVersion(db);
    if (version < MIGRATIONS.length) {
      throw new AppError(
        'conflict',
        `the database is at schema version ${version}; run "popcon migrate" first (this PopCon needs ${MIGRATIONS.length})`,
      );
    }
    const audit = new AuditService(new EventsRepository(db), new UsersRepository(db));
    const user = audit.findUser(opts.user);
    const { events } = audit.trail({ userId: user.id, jobId: opts.job, type, since, limit });
    const chronological = events.reverse();
    if (opts.json) {
      out(`${JSON.stringify(chronological.map(presentAuditEvent), null, 2)}\n`);
    } else if (chronological.length === 0) {
      out(`no events for ${user.id}${user.email ? ` (${user.email})` : ''}\n`);
    } else {
      out(`${chronological.map(line).join('\n')}\n`);
    }
    return 0;
  } finally {
    db.close();
  }
}

/** One event per line: time, type, job, request, then the payload as compact JSON. */
function line(e: JobEvent): string {
  const at = new Date(e.createdAt).toISOString();
  const payload = Object.keys(e.payload).length > 0 ? ` ${JSON.stringify(e.payload)}` : '';
  return `${at}  ${e.type.padEnd(19)} job=${e.jobId ?? '-'} req=${e.requestId}${payload}`;
}
