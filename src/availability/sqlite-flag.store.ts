import type { SqliteDatabase } from '../db/sqlite.ts';
import {
  type FlagStore,
  freshReports,
  type OffHoursFlag,
  parseFlag,
  REPORT_FRESH_MS,
  type WorkerReport,
} from './flag.ts';

const FLAG = 'off_hours';

/**
 * The flag in the SQLite database under DATA_DIR (tables from the availability
 * migration): the embedded default, shared by the server, a separate worker
 * process and `popcon availability` on the same machine.
 */
export class SqliteFlagStore implements FlagStore {
  readonly kind = 'sqlite';

  constructor(private readonly db: SqliteDatabase) {}

  async get(now: number): Promise<OffHoursFlag | null> {
    const row = this.db
      .prepare('SELECT value FROM availability_flags WHERE name = ? AND expires_at > ?')
      .get(FLAG, now) as { value: string } | undefined;
    return row ? parseFlag(row.value) : null;
  }

  async set(flag: OffHoursFlag, now: number): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO availability_flags (name, value, expires_at, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at,
           updated_at = excluded.updated_at`,
      )
      .run(FLAG, JSON.stringify(flag), flag.expiresAt, now);
  }

  async clear(): Promise<void> {
    this.db.prepare('DELETE FROM availability_flags WHERE name = ?').run(FLAG);
  }

  async report(r: WorkerReport): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO availability_workers (worker_id, report, reported_at) VALUES (?, ?, ?)
         ON CONFLICT(worker_id) DO UPDATE SET report = excluded.report, reported_at = excluded.reported_at`,
      )
      .run(r.workerId, JSON.stringify(r), r.at);
  }

  async reports(now: number): Promise<WorkerReport[]> {
    this.db.prepare('DELETE FROM availability_workers WHERE reported_at <= ?').run(now - REPORT_FRESH_MS);
    const rows = this.db.prepare('SELECT report FROM availability_workers').all() as { report: string }[];
    return freshReports(
      rows.map((r) => r.report),
      now,
    );
  }

  async close(): Promise<void> {
    // The database belongs to the runtime or command that opened it.
  }
}
