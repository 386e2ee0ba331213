import { beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../db/migrations/index.ts';
import { migrate } from '../db/migrator.ts';
import { openDatabase, type SqliteDatabase } from '../db/sqlite.ts';
import { backoffMs, TaskQueue } from './task-queue.ts';

let db: SqliteDatabase;
let queue: TaskQueue;
const LEASE = 10_000;

beforeEach(() => {
  db = openDatabase(':memory:');
  migrate(db, MIGRATIONS);
  db.prepare(`INSERT INTO users (id, created_at, last_seen_at) VALUES ('u', 0, 0)`).run();
  db.prepare(
    `INSERT INTO jobs (id, user_id, status, stage, source, platforms, created_at, updated_at)
     VALUES ('j', 'u', 'queued', 'prepare', '{}', '[]', 0, 0)`,
  ).run();
  queue = new TaskQueue(db, { leaseMs: LEASE, maxAttempts: 3 });
});

describe('TaskQueue', () => {
  it('hands each task to one worker only', () => {
    queue.enqueue([{ jobId: 'j', kind: 'animate', emojiIndex: 0 }], 0);
    const a = queue.claim('worker-a', 1);
    const b = queue.claim('worker-b', 1);
    expect(a?.lockedBy).toBe('worker-a');
    expect(a?.attempts).toBe(1);
    expect(b).toBeUndefined();
  });

  it('ignores a task enqueued twice', () => {
    queue.enqueue([{ jobId: 'j', kind: 'animate', emojiIndex: 0 }], 0);
    queue.enqueue([{ jobId: 'j', kind: 'animate', emojiIndex: 0 }], 5);
    expect(queue.openCount('j', ['animate'])).toBe(1);
  });

  it('gives an expired lease to another worker, and then only the new owner may complete', () => {
    queue.enqueue([{ jobId: 'j', kind: 'prepare' }], 0);
    const first = queue.claim('crashed', 0)!;
    expect(queue.claim('other', LEASE - 1)).toBeUndefined();
    const second = queue.claim('other', LEASE + 1)!;
    expect(second.id).toBe(first.id);
    expect(second.attempts).toBe(2);
    expect(queue.complete(first, LEASE + 2)).toBe(false);
    expect(queue.complete(second, LEASE + 2)).toBe(true);
    expect(queue.openCount('j', ['prepare'])).toBe(0);
  });

  it('keeps a lease alive with heartbeats', () => {
    queue.enqueue([{ jobId: 'j', kind: 'prepare' }], 0);
    const task = queue.claim('w', 0)!;
    expect(queue.heartbeat(task, LEASE - 10)).toBe(true);
    expect(queue.claim('thief', LEASE + 1)).toBeUndefined();
  });

  it('runs later stages first so a job finishes before the next one starts new work', () => {
    queue.enqueue([{ jobId: 'j', kind: 'animate', emojiIndex: 0 }], 0);
    queue.enqueue([{ jobId: 'j', kind: 'encode', emojiIndex: 0, platform: 'line-emoji' }], 0);
    expect(queue.claim('w', 1)?.kind).toBe('encode');
    expect(queue.claim('w', 1)?.kind).toBe('animate');
  });

  it('delays a retried task until its backoff has passed and stores the error', () => {
    queue.enqueue([{ jobId: 'j', kind: 'prepare' }], 0);
    const task = queue.claim('w', 0)!;
    expect(queue.retry(task, 'worker busy', 1000, 0)).toBe(true);
    expect(queue.claim('w', 999)).toBeUndefined();
    const again = queue.claim('w', 1000)!;
    expect(again.attempts).toBe(2);
    const row = db.prepare('SELECT last_error FROM tasks WHERE id = ?').get(again.id) as {
      last_error: string;
    };
    expect(row.last_error).toBe('worker busy');
  });

  it('drops every unfinished task of a cancelled job', () => {
    queue.enqueue(
      [0, 1, 2].map((i) => ({ jobId: 'j', kind: 'animate' as const, emojiIndex: i })),
      0,
    );
    queue.claim('w', 0);
    queue.cancelJob('j', 'job failed', 1);
    expect(queue.openCount('j', ['animate'])).toBe(0);
    expect(queue.claim('w', 2)).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('grows exponentially and stops at 30 s', () => {
    const mid = () => 0.5;
    expect(backoffMs(1, mid)).toBe(500);
    expect(backoffMs(2, mid)).toBe(1000);
    expect(backoffMs(3, mid)).toBe(2000);
    expect(backoffMs(20, mid)).toBe(30_000);
  });

  it('spreads retries with jitter of ±25 %', () => {
    expect(backoffMs(2, () => 0)).toBe(750);
    expect(backoffMs(2, () => 1)).toBe(1250);
  });
});
