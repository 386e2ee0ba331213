import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from './sqlite.ts';

describe('openDatabase', () => {
  let db: SqliteDatabase;
  afterEach(() => db.close());

  it('prepares each SQL text once and reuses the statement with fresh parameters', () => {
    db = openDatabase(':memory:');
    db.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)');
    const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    expect(db.prepare('INSERT INTO t (k, v) VALUES (?, ?)')).toBe(insert);
    db.prepare('INSERT INTO t (k, v) VALUES (?, ?)').run(1, 'a');
    db.prepare('INSERT INTO t (k, v) VALUES (?, ?)').run(2, 'b');
    expect(db.prepare('SELECT v FROM t WHERE k = ?').get(2)).toEqual({ v: 'b' });
    expect(db.prepare('SELECT v FROM t WHERE k = ?').get(1)).toEqual({ v: 'a' });
    expect(db.prepare('SELECT v FROM t ORDER BY k').all()).toEqual([{ v: 'a' }, { v: 'b' }]);
  });

  it('still reports a bad statement as an error, every time', () => {
    db = openDatabase(':memory:');
    expect(() => db.prepare('SELECT * FROM missing')).toThrow(/no such table/);
    expect(() => db.prepare('SELECT * FROM missing')).toThrow(/no such table/);
  });

  it('sees a table created after a statement on the same text failed', () => {
    db = openDatabase(':memory:');
    expect(() => db.prepare('SELECT count(*) AS n FROM later')).toThrow(/no such table/);
    db.exec('CREATE TABLE later (x)');
    expect(db.prepare('SELECT count(*) AS n FROM later').get()).toEqual({ n: 0 });
  });
});
