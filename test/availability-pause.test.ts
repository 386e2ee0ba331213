import { afterEach, describe, expect, it } from 'vitest';
import type { Job, JobEvent } from '../src/domain/job.ts';
import { seededRandom } from '../src/domain/random.ts';
import { drainPausedWork, pauseWaitingWork } from '../src/pipeline/pause.ts';
import { PipelineWorker } from '../src/pipeline/worker.ts';
import { LOCAL_USER } from '../src/runtime/runtime.ts';
import { tempRuntime, waitForJob } from './support/temp-runtime.ts';

const EIGHT = ['hello', 'love', 'cry', 'angry', 'laugh', 'sleepy', 'surprised', 'thanks'];
// The workers read the flag without a cache here, so a flip takes effect at the next loop.
const ENV = { AVAILABILITY_CACHE_MS: '0', WORKER_CONCURRENCY: '2' };
let ctx: ReturnType<typeof tempRuntime> | undefined;

afterEach(async () => {
  await ctx?.dispose();
  ctx = undefined;
});

/** Checks one finished job's event log: each emoji completed exactly once, pauses before completions, stages in order. */
function expectConsistentLog(events: JobEvent[], emojis: number) {
  const types = events.map((e) => e.type);
  expect(types[0]).toBe('job.created');
  expect(types.at(-1)).toBe('job.completed');
  expect(types.filter((t) => t === 'job.completed')).toHaveLength(1);
  expect(types).not.toContain('emoji.failed');
  expect(types).not.toContain('job.failed');
  const stages = events.filter((e) => e.type === 'job.stage_completed').map((e) => e.payload.stage);
  expect(stages).toEqual(['prepare', 'animate', 'encode', 'package']);
  const completedAt = new Map<number, number>();
  for (const e of events.filter((x) => x.type === 'emoji.completed')) {
    expect(completedAt.has(e.payload.index as number)).toBe(false);
    completedAt.set(e.payload.index as number, e.id);
  }
  expect([...completedAt.keys()].sort((a, b) => a - b)).toEqual([...Array(emojis).keys()]);
  for (const e of events.filter((x) => x.type === 'emoji.paused')) {
    expect(e.id).toBeLessThan(completedAt.get(e.payload.index as number)!);
  }
}

describe('pausing at task boundaries', () => {
  it('pauses a waiting job with one emoji.paused per emoji, however often the sweep runs, and drains it once', async () => {
    ctx = tempRuntime(ENV);
    const { runtime } = ctx;
    const job = await runtime.jobs.create({
      userId: LOCAL_USER.id,
      character: { id: 'cat' },
      actions: EIGHT,
    });
    const now = runtime.deps.clock();
    expect(pauseWaitingWork(runtime.deps, now)).toEqual([job.id]);
    expect(pauseWaitingWork(runtime.deps, now)).toEqual([]);
    expect(runtime.deps.jobs.find(job.id)?.status).toBe('paused');
    const paused = runtime.deps.events.forJob(job.id).filter((e) => e.type === 'emoji.paused');
    expect(paused.map((e) => e.payload.index)).toEqual([...EIGHT.keys()]);
    expect(paused.every((e) => e.payload.stage === 'prepare')).toBe(true);

    expect(drainPausedWork(runtime.deps, now)).toEqual([job.id]);
    expect(drainPausedWork(runtime.deps, now)).toEqual([]);
    expect(runtime.deps.jobs.find(job.id)?.status).toBe('queued');
    expect(runtime.deps.queue.pausedCount()).toBe(0);
  });

  it('lets work in flight finish, pauses what it enqueues, and completes after the reopening', async () => {
    ctx = tempRuntime(ENV);
    const { runtime } = ctx;
    const job = await runtime.jobs.create({
      userId: LOCAL_USER.id,
      character: { id: 'bear' },
      actions: EIGHT,
    });
    runtime.worker.start();
    // Close as soon as the first animation is committed: encodes and later animations wait.
    await new Promise<void>((resolve) => {
      const off = runtime.deps.bus.subscribe(job.id, () => {
        if (runtime.deps.jobs.emojis(job.id).some((e) => e.masterKey)) {
          off();
          resolve();
        }
      });
    });
    await runtime.availability.close();
    await runtime.worker.idle();
    expect(runtime.deps.queue.inFlightCount(runtime.deps.clock())).toBe(0);
    expect(runtime.deps.jobs.find(job.id)?.status).toBe('paused');
    expect(runtime.deps.queue.pausedCount()).toBeGreaterThan(0);
    expect(await runtime.availability.status()).toMatchObject({ open: false });

    await runtime.availability.open();
    runtime.worker.wake();
    const done = await waitForJob(runtime, job.id);
    expect(done.job.status).toBe('completed');
    expectConsistentLog(runtime.deps.events.forJob(job.id), EIGHT.length);
  });

  it('loses and repeats nothing when the flag flips at random moments during several jobs', async () => {
    ctx = tempRuntime(ENV);
    const { runtime } = ctx;
    // A second worker sharing the database, as a separate worker process would.
    const second = new PipelineWorker(runtime.deps, {
      workerId: 'second-worker',
      concurrency: 1,
      leaseMs: runtime.config.worker.leaseMs,
      gate: runtime.availability.workGate(),
    });
    const characters = ['cat', 'bear', 'blob'];
    const jobs: Job[] = [];
    for (const id of characters) {
      jobs.push(await runtime.jobs.create({ userId: LOCAL_USER.id, character: { id }, actions: EIGHT }));
    }
    runtime.worker.start();
    second.start();
    const random = seededRandom(20260308);
    const finished = () => jobs.every((j) => runtime.deps.jobs.find(j.id)?.status === 'completed');
    let flips = 0;
    while (!finished() && flips < 24) {
      await new Promise((r) => setTimeout(r, 20 + random() * 180));
      if (flips % 2 === 0) await runtime.availability.close();
      else await runtime.availability.open();
      runtime.worker.wake();
      second.wake();
      flips++;
    }
    await runtime.availability.open();
    runtime.worker.wake();
    second.wake();
    for (const job of jobs) {
      const done = await waitForJob(runtime, job.id);
      expect(done.job.status).toBe('completed');
      expect(done.emojis.every((e) => e.status === 'completed')).toBe(true);
      expectConsistentLog(runtime.deps.events.forJob(job.id), EIGHT.length);
      const files = runtime.deps.db
        .prepare(`SELECT COUNT(*) AS n FROM assets WHERE job_id = ? AND content_type = 'image/png'`)
        .get(job.id) as { n: number };
      expect(files.n).toBe(EIGHT.length);
    }
    await second.stop();
    const open = runtime.deps.db.prepare(`SELECT COUNT(*) AS n FROM tasks WHERE status != 'done'`).get() as {
      n: number;
    };
    expect(open.n).toBe(0);
    // Some flips landed while work was under way: the test exercised pausing, not just a quiet queue.
    const pausedEvents = jobs
      .flatMap((j) => runtime.deps.events.forJob(j.id))
      .filter((e) => e.type === 'emoji.paused');
    expect(pausedEvents.length).toBeGreaterThan(0);
  });
});
