import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations/index.ts';
import { currentVersion, type Migration, migrate } from './migrator.ts';
import { openDatabase } from './sqlite.ts';

describe('migrate', () => {
  it('applies every migration in order on a new database and records each', () => {
    const db = openDatabase(':memory:');
    const result = migrate(db, MIGRATIONS);
    expect(result.applied.map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(currentVersion(db)).toBe(MIGRATIONS.length);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as {
      name: string;
    }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['users', 'jobs', 'emoji_results', 'events', 'tasks', 'assets']),
    );
  });

  it('applies nothing the second time', () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS);
    expect(migrate(db, MIGRATIONS).applied).toEqual([]);
  });

  it('applies only the steps newer than the database, keeping existing rows', () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS);
    db.prepare(`INSERT INTO users (id, created_at, last_seen_at) VALUES ('u1', 1, 1)`).run();
    const next: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'add_nickname',
      sql: 'ALTER TABLE users ADD nickname TEXT',
    };
    const result = migrate(db, [...MIGRATIONS, next]);
    expect(result.applied).toEqual([next]);
    expect(db.prepare('SELECT id, nickname FROM users').all()).toEqual([{ id: 'u1', nickname: null }]);
  });

  it('rolls back a failing step entirely and leaves the version where it was', () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS);
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      sql: 'CREATE TABLE half_done (x INTEGER); SELECT * FROM no_such_table;',
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/no_such_table/);
    expect(currentVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'half_done'`).get()).toBeUndefined();
  });

  it('refuses a database newer than the code', () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS);
    expect(() => migrate(db, MIGRATIONS.slice(0, 0))).toThrow(/newer than this PopCon knows/);
  });

  it('refuses migrations out of order', () => {
    const db = openDatabase(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'skipped', sql: '' }])).toThrow(/expected 1/);
  });
});
