// node --import tsx bench/audit.bench.ts [events]
// Audit events per second into one SQLite file (WAL, busy timeout), each
// event its own transaction through EventsRepository: 1 writer process, then
// 8 writer processes started together writing the same total.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS } from '../src/db/migrations/index.ts';
import { migrate } from '../src/db/migrator.ts';
import { openDatabase } from '../src/db/sqlite.ts';
import { runWriters } from '../test/support/spawn-writers.ts';

const TOTAL = Number(process.argv[2] ?? 16_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-bench-audit-'));

async function run(writers: number) {
  const file = path.join(dir, `w${writers}.sqlite`);
  const db = openDatabase(file);
  migrate(db, MIGRATIONS);
  db.close();
  const each = Math.floor(TOTAL / writers);
  const { results, wallMs } = await runWriters(file, writers, each);
  const errors = results.flatMap((r) => r.errors);
  const check = openDatabase(file);
  const stored = check.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
  check.close();
  return {
    writers,
    events: each * writers,
    stored,
    errors: errors.length,
    wallMs,
    perSecond: (stored / wallMs) * 1000,
  };
}

try {
  const rows = [await run(1), await run(8)];
  console.log(`audit events, ${TOTAL} in total, one transaction each`);
  console.log('| writers | events | stored | errors | wall s | events/s |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.writers} | ${r.events} | ${r.stored} | ${r.errors} | ${(r.wallMs / 1000).toFixed(2)} | ${Math.round(r.perSecond)} |`,
    );
  }
  console.log(`8 writers / 1 writer throughput: ${(rows[1]!.perSecond / rows[0]!.perSecond).toFixed(2)}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
