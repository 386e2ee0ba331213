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
  return db;
}
