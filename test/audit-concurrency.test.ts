import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/db/migrations/index.ts';
import { migrate } from '../src/db/migrator.ts';
import { openDatabase } from '../src/db/sqlite.ts';
import { runWriters } from './support/spawn-writers.ts';

const WRITERS = 8;
const EACH = 300;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-concurrency-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('audit events from many processes at once', () => {
  it(`keeps every event of ${WRITERS} processes × ${EACH} exactly once, with no SQLITE_BUSY`, async () => {
    const file = path.join(dir, 'events.sqlite');
    const setup = openDatabase(file);
    migrate(setup, MIGRATIONS);
    setup.close();

    const { results } = await runWriters(file, WRITERS, EACH);

    expect(results.map((r) => r.errors)).toEqual(Array(WRITERS).fill([]));
    expect(results.map((r) => r.written)).toEqual(Array(WRITERS).fill(EACH));
    const db = openDatabase(file);
    try {
      const total = db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number };
      expect(total.n).toBe(WRITERS * EACH);
      const distinct = db
        .prepare(`SELECT COUNT(DISTINCT json_extract(payload, '$.key')) AS n FROM events`)
        .get() as { n: number };
      expect(distinct.n).toBe(WRITERS * EACH);
      const perWriter = db
        .prepare(`SELECT user_id, COUNT(*) AS n, MIN(json_extract(payload, '$.seq')) AS lo,
                    MAX(json_extract(payload, '$.seq')) AS hi FROM events GROUP BY user_id ORDER BY user_id`)
        .all();
      expect(perWriter).toEqual(
        Array.from({ length: WRITERS }, (_, i) => ({ user_id: `writer-${i}`, n: EACH, lo: 0, hi: EACH - 1 })),
      );
      // The writers really overlapped: some writer's events are interleaved with another's.
      const switches = db
        .prepare(
          `SELECT COUNT(*) AS n FROM (SELECT user_id, LAG(user_id) OVER (ORDER BY id) AS prev FROM events)
           WHERE prev IS NOT NULL AND prev <> user_id`,
        )
        .get() as { n: number };
      expect(switches.n).toBeGreaterThan(WRITERS - 1);
    } finally {
      db.close();
    }
  }, 120_000);
});
