import type { SqliteDatabase } from './sqlite.ts';

/** One forward-only schema step. Landed migrations are never edited; add a new one. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface MigrationResult {
  applied: Migration[];
  current: number;
}

/** Applies, in order and each in its own transaction, every migration newer than the database. */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[]): MigrationResult {
  assertOrdered(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const current = currentVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `the database is at schema version ${current}, newer than this PopCon knows (${latest}); upgrade PopCon`,
    );
  }
  const applied: Migration[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    // IMMEDIATE takes the write lock before the version is re-read: a web and a
    // worker process starting together on one file apply each step once, and
    // the second waits (busy timeout) and then skips it instead of failing.
    const ran = db
      .transaction(() => {
        if (currentVersion(db) >= m.version) return false;
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          m.version,
          m.name,
          Date.now(),
        );
        return true;
      })
      .immediate();
    if (ran) applied.push(m);
  }
  return { applied, current: currentVersion(db) };
}

/** The highest applied migration version, 0 for a new database. */
export function currentVersion(db: SqliteDatabase): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}
