// One OS process appending audit events to a shared database file, for the
// concurrency test and the audit benchmark. Usage:
//   node --import tsx test/support/events-writer.ts <db file> <writer index> <count>
// It opens (and migrates) the database, prints "ready", waits for a line on
// stdin so that every writer starts at the same moment, appends <count> events
// through EventsRepository, one transaction each, then prints one JSON line:
// { writer, written, errors: [codes], ms }. With MIGRATE_AFTER_GO=1 the
// migration too waits for the go line, so every writer migrates at once.
import { createInterface } from 'node:readline';
import { EventsRepository } from '../../src/db/events.repository.ts';
import { MIGRATIONS } from '../../src/db/migrations/index.ts';
import { migrate } from '../../src/db/migrator.ts';
import { openDatabase } from '../../src/db/sqlite.ts';

const [file, index, count] = process.argv.slice(2);
const writer = Number(index);
const migrateLate = process.env.MIGRATE_AFTER_GO === '1';
const db = openDatabase(file!);
if (!migrateLate) migrate(db, MIGRATIONS);
process.stdout.write('ready\n');

const lines = createInterface({ input: process.stdin });
lines.once('line', () => {
  const errors: string[] = [];
  if (migrateLate) {
    try {
      migrate(db, MIGRATIONS);
    } catch (err) {
      errors.push(`migrate: ${(err as { code?: string }).code ?? String(err)}`);
    }
  }
  const events = new EventsRepository(db);
  let written = 0;
  const started = performance.now();
  for (let seq = 0; seq < Number(count); seq++) {
    try {
      events.append({
        userId: `writer-${writer}`,
        jobId: null,
        type: 'auth.login',
        payload: { writer, seq, key: `${writer}:${seq}` },
        requestId: `w${writer}-${seq}`,
        now: Date.now(),
      });
      written++;
    } catch (err) {
      errors.push((err as { code?: string }).code ?? String(err));
    }
  }
  const ms = performance.now() - started;
  db.close();
  process.stdout.write(`${JSON.stringify({ writer, written, errors, ms })}\n`);
  lines.close();
});
