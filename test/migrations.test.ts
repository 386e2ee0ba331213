import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PRE_AUDIT_REQUEST_ID } from '../src/db/migrations/003_events_request_id_not_null.ts';
import { MIGRATIONS } from '../src/db/migrations/index.ts';
import { currentVersion, migrate } from '../src/db/migrator.ts';
import { openDatabase, type SqliteDatabase } from '../src/db/sqlite.ts';
import { runWriters } from './support/spawn-writers.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-migrations-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Row = Record<string, unknown>;
type Snapshot = Record<string, Row[]>;

/** Every row of every table, by rowid, with the columns the table has at this step. */
function snapshot(db: SqliteDatabase): Snapshot {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .all() as { name: string }[];
  const out: Snapshot = {};
  for (const { name } of tables) {
    if (name === 'schema_migrations') continue;
    out[name] = db.prepare(`SELECT * FROM ${name} ORDER BY rowid`).all() as Row[];
  }
  return out;
}

/** Rows a step writes with the schema it leaves behind, as an app at that version would. */
const WRITERS: Record<number, (db: SqliteDatabase, step: number) => void> = {
  1: (db, step) => {
    const t = 1_700_000_000_000 + step;
    db.prepare(`INSERT INTO users VALUES ('u${step}', 'u${step}@example.com', 'U', NULL, ?, ?)`).run(t, t);
    db.prepare(
      `INSERT INTO jobs (id, user_id, status, stage, source, platforms, created_at, updated_at)
       VALUES ('job${step}', 'u${step}', 'running', 'animate', '{"kind":"character"}', '["line-emoji"]', ?, ?)`,
    ).run(t, t);
    db.prepare(
      `INSERT INTO emoji_results (job_id, idx, action, params, status, updated_at)
       VALUES ('job${step}', 0, 'hello', '{}', 'completed', ?), ('job${step}', 1, 'love', '{}', 'pending', ?)`,
    ).run(t, t);
    db.prepare(
      `INSERT INTO tasks (job_id, kind, emoji_idx, status, max_attempts, run_after, created_at, updated_at)
       VALUES ('job${step}', 'animate', 1, 'queued', 5, ?, ?, ?)`,
    ).run(t, t, t);
    db.prepare(
      `INSERT INTO assets VALUES ('asset${step}', 'u${step}', 'job${step}', 'jobs/job${step}/source.png', 'image/png', 10, ?)`,
    ).run(t);
  },
  2: (db, step) => {
    const t = 1_700_000_100_000 + step;
    db.prepare(`INSERT INTO sign_ins VALUES ('u${step}', ?, 'req-login-${step}', ?)`).run(t / 1000, t);
    db.prepare(`UPDATE jobs SET request_id = 'req-job-${step}' WHERE id = 'job${step}'`).run();
  },
  6: (db, step) => {
    const t = 1_700_000_300_000 + step;
    // A re-render of emoji 1: a second version, its charge, and a task that shares the
    // first render's (job, kind, emoji, platform) and differs only by version.
    db.prepare(
      `INSERT INTO emoji_versions (job_id, idx, version, origin, action, params, status, created_at, updated_at)
       VALUES ('job${step}', 1, 2, 'retry', 'love', '{"seed":7}', 'pending', ?, ?)`,
    ).run(t, t);
    db.prepare(
      `INSERT INTO render_charges (user_id, job_id, idx, version, created_at) VALUES ('u${step}', 'job${step}', 1, 2, ?)`,
    ).run(t);
    db.prepare(
      `INSERT INTO tasks (job_id, kind, emoji_idx, version, status, max_attempts, run_after, created_at, updated_at)
       VALUES ('job${step}', 'animate', 1, 2, 'queued', 5, ?, ?, ?)`,
    ).run(t, t, t);
    db.prepare(
      `INSERT INTO idempotency_keys VALUES ('u${step}', 'key-${step}', 'fp', 202, '{"version":2}', ?)`,
    ).run(t);
  },
};

function writeEvents(db: SqliteDatabase, version: number, step: number): void {
  const hasRequestId = version >= 2;
  for (let i = 0; i < 3; i++) {
    const t = 1_700_000_200_000 + step * 10 + i;
    if (hasRequestId) {
      db.prepare(
        `INSERT INTO events (user_id, job_id, type, payload, request_id, created_at)
         VALUES ('u${step}', 'job${step}', 'emoji.completed', '{"i":${i}}', 'req-${step}-${i}', ?)`,
      ).run(t);
    } else {
      db.prepare(
        `INSERT INTO events (user_id, job_id, type, payload, created_at)
         VALUES ('u${step}', 'job${step}', 'emoji.completed', '{"i":${i}}', ?)`,
      ).run(t);
    }
  }
}

/** What a step may change in existing rows on purpose: back-fills of NULL columns. */
function expectedAfter(version: number, table: string, row: Row): Row {
  if (version === 3 && (table === 'events' || table === 'jobs') && row.request_id === null) {
    return { ...row, request_id: PRE_AUDIT_REQUEST_ID };
  }
  return row;
}

describe('upgrading a live database one migration at a time', () => {
  it('keeps every row through every step, and back-fills before tightening to NOT NULL', () => {
    const file = path.join(dir, 'upgrade.sqlite');
    let maxEventId = 0;
    for (let version = 1; version <= MIGRATIONS.length; version++) {
      // Each step is a new process start: open the file, migrate to this version, write as that version would.
      const db = openDatabase(file);
      try {
        const before = snapshot(db);
        const ran = migrate(db, MIGRATIONS.slice(0, version));
        expect(ran.applied.map((m) => m.version)).toEqual([version]);
        expect(currentVersion(db)).toBe(version);

        const after = snapshot(db);
        for (const [table, rows] of Object.entries(before)) {
          const columns = Object.keys(rows[0] ?? {});
          const kept = (after[table] ?? []).map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));
          const expected = rows.map((r) => expectedAfter(version, table, r));
          expect(kept, `${table} after step ${version}`).toEqual(expected);
        }

        for (let v = 1; v <= version; v++) WRITERS[v]?.(db, version);
        writeEvents(db, version, version);
        // The newest event is removed again: ids must never be reused, even after the table rebuild.
        const last = db.prepare('SELECT MAX(id) AS id FROM events').get() as { id: number };
        db.prepare('DELETE FROM events WHERE id = ?').run(last.id);
        maxEventId = last.id;
      } finally {
        db.close();
      }
    }

    // One step per migration, each writing one user, job, … and two surviving events.
    const n = MIGRATIONS.length;
    const db = openDatabase(file);
    try {
      const counts = (table: string) =>
        (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      // Steps before 6 wrote emojis without versions; 6 back-filled theirs, later steps write their own.
      const fromSix = n - 5;
      expect({
        users: counts('users'),
        jobs: counts('jobs'),
        emoji_results: counts('emoji_results'),
        emoji_versions: counts('emoji_versions'),
        render_charges: counts('render_charges'),
        tasks: counts('tasks'),
        assets: counts('assets'),
        events: counts('events'),
        sign_ins: counts('sign_ins'),
      }).toEqual({
        users: n,
        jobs: n,
        emoji_results: 2 * n,
        emoji_versions: 2 * 5 + fromSix,
        render_charges: 2 * 5 + fromSix,
        tasks: n + fromSix,
        assets: n,
        events: 2 * n,
        sign_ins: n - 1,
      });
      // The back-filled versions are the emojis as they were: version 1, same action and status.
      const backfilled = db
        .prepare(`SELECT v.action, v.status, e.status AS shown FROM emoji_versions v
                  JOIN emoji_results e ON e.job_id = v.job_id AND e.idx = v.idx AND v.version = 1
                  WHERE v.job_id = 'job1' ORDER BY v.idx`)
        .all();
      expect(backfilled).toEqual([
        { action: 'hello', status: 'completed', shown: 'completed' },
        { action: 'love', status: 'pending', shown: 'pending' },
      ]);
      // Tasks kept their ids through the rebuild, and the version is part of the unique key.
      expect(() =>
        db
          .prepare(
            `INSERT INTO tasks (job_id, kind, emoji_idx, version, status, max_attempts, run_after, created_at, updated_at)
             VALUES ('job1', 'animate', 1, 1, 'queued', 5, 1, 1, 1)`,
          )
          .run(),
      ).toThrow(/UNIQUE/);
      // Events written before 002 are marked pre-audit; later ones keep their own ids.
      const requestIds = db.prepare('SELECT request_id FROM events ORDER BY id').pluck().all();
      expect(requestIds).toEqual([
        PRE_AUDIT_REQUEST_ID,
        PRE_AUDIT_REQUEST_ID,
        ...Array.from({ length: n - 1 }, (_, i) => [`req-${i + 2}-0`, `req-${i + 2}-1`]).flat(),
      ]);
      const info = db
        .prepare(`SELECT "notnull" FROM pragma_table_info('events') WHERE name = 'request_id'`)
        .get();
      expect(info).toEqual({ notnull: 1 });
      expect(() =>
        db
          .prepare(
            `INSERT INTO events (user_id, type, payload, request_id, created_at) VALUES ('u1', 'x', '{}', NULL, 1)`,
          )
          .run(),
      ).toThrow(/NOT NULL/);
      const next = db
        .prepare(
          `INSERT INTO events (user_id, type, request_id, created_at) VALUES ('u1', 'job.created', 'r', 1)`,
        )
        .run();
      expect(Number(next.lastInsertRowid)).toBeGreaterThan(maxEventId);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      const indexes = db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'`)
        .all();
      expect(indexes.map((i) => (i as { name: string }).name).sort()).toEqual([
        'events_job',
        'events_user',
        'events_user_type',
      ]);
    } finally {
      db.close();
    }
  });

  it('carries the event id counter over the rebuild even when the newest events were deleted', () => {
    const db = openDatabase(path.join(dir, 'counter.sqlite'));
    try {
      migrate(db, MIGRATIONS.slice(0, 2));
      // Five events, the last three deleted: the counter stands at 5, the highest id at 2.
      for (let i = 0; i < 5; i++) {
        db.prepare(`INSERT INTO events (user_id, type, created_at) VALUES ('u', 'job.created', 1)`).run();
      }
      db.prepare('DELETE FROM events WHERE id > 2').run();
      migrate(db, MIGRATIONS);
      const id = db
        .prepare(
          `INSERT INTO events (user_id, type, request_id, created_at) VALUES ('u', 'job.created', 'r', 2)`,
        )
        .run().lastInsertRowid;
      expect(Number(id)).toBe(6);
    } finally {
      db.close();
    }
  });

  it('applies each step once when several processes start on a fresh file at the same moment', async () => {
    const file = path.join(dir, 'racing.sqlite');
    const { results } = await runWriters(file, 6, 20, { MIGRATE_AFTER_GO: '1' });
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    const db = openDatabase(file);
    try {
      const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
      expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
      expect(db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(120);
    } finally {
      db.close();
    }
  }, 60_000);
});
