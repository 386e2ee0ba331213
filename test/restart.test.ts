import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_USER } from '../src/runtime/runtime.ts';
import { tempRuntime, waitForJob } from './support/temp-runtime.ts';

const LEASE_MS = '1500';
const ACTIONS = [
  'hello',
  'love',
  'laugh',
  'cry',
  'angry',
  'surprised',
  'sleepy',
  'thanks',
  'yes',
  'no',
  'jump',
  'party',
  'hello',
  'love',
  'laugh',
  'cry',
];

let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
});

describe('a worker killed mid-job', () => {
  it('leaves work that a new worker finishes, with every emoji exactly once', async () => {
    const ctx = tempRuntime({ TASK_LEASE_MS: LEASE_MS });
    const { runtime } = ctx;
    try {
      const job = await runtime.jobs.create({
        userId: LOCAL_USER.id,
        character: { id: 'blob' },
        actions: ACTIONS,
      });

      child = spawn(process.execPath, ['--import', 'tsx', 'test/support/worker-process.ts'], {
        env: { ...process.env, DATA_DIR: ctx.dataDir, TASK_LEASE_MS: LEASE_MS, LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const completed = () => runtime.deps.jobs.emojis(job.id).filter((e) => e.status === 'completed').length;
      // Kill it once some emojis are done and others are not: a crash in the middle of the set.
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (completed() >= 3) {
            clearInterval(timer);
            resolve();
          }
        }, 10);
        child!.once('exit', () => {
          clearInterval(timer);
          reject(new Error('worker exited before it was killed'));
        });
      });
      child.kill('SIGKILL');
      await once(child, 'exit');
      // What the dead process held: rows it can no longer finish or release.
      const inFlight = runtime.deps.db
        .prepare(`SELECT id FROM tasks WHERE job_id = ? AND status = 'running'`)
        .all(job.id) as { id: number }[];
      const doneAtKill = completed();
      expect(doneAtKill).toBeLessThan(ACTIONS.length);

      runtime.worker.start();
      const finished = await waitForJob(runtime, job.id);
      expect(finished.job.status).toBe('completed');
      expect(finished.emojis.every((e) => e.status === 'completed')).toBe(true);

      const events = runtime.deps.events.forJob(job.id);
      const emojiIndexes = events
        .filter((e) => e.type === 'emoji.completed')
        .map((e) => e.payload.index as number);
      expect(emojiIndexes.sort((a, b) => a - b)).toEqual(ACTIONS.map((_, i) => i));
      expect(events.filter((e) => e.type === 'job.completed')).toHaveLength(1);
      const stages = events.filter((e) => e.type === 'job.stage_completed').map((e) => e.payload.stage);
      expect(stages).toEqual(['prepare', 'animate', 'encode', 'package']);

      // Tasks that were running when the process died were claimed again after their lease ran out.
      for (const { id } of inFlight) {
        const row = runtime.deps.db.prepare('SELECT status, attempts FROM tasks WHERE id = ?').get(id) as {
          status: string;
          attempts: number;
        };
        expect(row.status).toBe('done');
        expect(row.attempts).toBeGreaterThanOrEqual(2);
      }
      const assets = runtime.deps.db
        .prepare(`SELECT COUNT(*) AS n FROM assets WHERE job_id = ? AND content_type = 'image/png'`)
        .get(job.id) as { n: number };
      // One file per emoji plus nothing duplicated by the retries.
      expect(assets.n).toBe(ACTIONS.length);
    } finally {
      await ctx.dispose();
    }
  });
});
