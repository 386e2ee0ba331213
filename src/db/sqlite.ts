import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

/**
 * Opens the database file with the settings every PopCon process must share:
 * WAL so readers never block the writer, foreign keys on, and a busy timeout so
 * a second process (web + worker) waits for the write lock instead of failing.
 */
export function openDatabase(file: string): SqliteDatabase {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // 5 s: long enough to ride out another process's largest write transaction
  // (a job insert with 40 emoji rows and tasks takes well under 10 ms).
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  return withStatementCache(db);
}

/** Distinct statements kept; the repositories' SQL is a fixed set of a few dozen texts. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * `db.prepare` keeps the statement for each SQL text and hands it out again: parsing and
 * planning it was the largest share of the pipeline thread's database time in a 24 × 7
 * set (~180 ms), for statements the repositories prepare on every call. Safe because no
 * repository changes a statement's mode (pluck, raw, expand) or holds an open iterator.
 */
function withStatementCache(db: SqliteDatabase): SqliteDatabase {
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
      statement = prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }) as SqliteDatabase['prepare'];
  return db;
}
