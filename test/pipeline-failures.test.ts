import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessEngine } from '../src/gpu/in-process.engine.ts';
import type { RenderEngine } from '../src/gpu/render-engine.ts';
import { keys } from '../src/pipeline/deps.ts';
import { LOCAL_USER } from '../src/runtime/runtime.ts';
import { listFiles, tempRuntime, waitForJob } from './support/temp-runtime.ts';

const EIGHT = ['hello', 'love', 'cry', 'angry', 'laugh', 'sleepy', 'surprised', 'thanks'];
let ctx: ReturnType<typeof tempRuntime> | undefined;

afterEach(async () => {
  await ctx?.dispose();
  ctx = undefined;
});

function engineWith(change: Partial<RenderEngine>): RenderEngine {
  return { ...createInProcessEngine(), ...change };
}

describe('pipeline failures', () => {
  it('never packages a file that breaks the platform rules: the emoji and the job fail with the rule', async () => {
    const real = createInProcessEngine();
    ctx = tempRuntime(
      {},
      {
        engine: engineWith({
          // A broken render for "cry": its first frame is filled edge to edge, so the character looks clipped.
          async animateCharacter(character, action, params, opts) {
            const seq = await real.animateCharacter(character, action, params, opts);
            if (action === 'cry') seq.frames[0].fill(255);
            return seq;
          },
        }),
      },
    );
    const { runtime } = ctx;
    const job = await runtime.jobs.create({
      userId: LOCAL_USER.id,
      character: { id: 'cat' },
      actions: EIGHT,
    });
    runtime.worker.start();
    const done = await waitForJob(runtime, job.id);

    expect(done.job.status).toBe('failed');
    expect(done.job.error).toMatch(/#3 cry/);
    const cry = done.emojis[2];
    expect(cry.status).toBe('failed');
    expect(cry.error).toMatch(/first frame/i);
    expect(cry.outputs['line-emoji']?.validation.ok).toBe(false);
    expect(done.emojis.filter((e) => e.status === 'completed')).toHaveLength(7);
    expect(await runtime.deps.storage.exists(keys.zip(job.id, 'line-emoji'))).toBe(false);
    const types = runtime.deps.events.forJob(job.id).map((e) => e.type);
    expect(types.filter((t) => t === 'emoji.failed')).toHaveLength(1);
    expect(types.at(-1)).toBe('job.failed');
    expect(types).not.toContain('job.completed');
  });

  it('retries a task that failed for a passing reason, and the set completes', async () => {
    const real = createInProcessEngine();
    let failures = 0;
    ctx = tempRuntime(
      {},
      {
        engine: engineWith({
          async animateCharacter(character, action, params, opts) {
            if (action === 'love' && failures === 0) {
              failures++;
              throw new Error('engine hiccup');
            }
            return real.animateCharacter(character, action, params, opts);
          },
        }),
      },
    );
    const { runtime } = ctx;
    const job = await runtime.jobs.create({
      userId: LOCAL_USER.id,
      character: { id: 'bear' },
      actions: EIGHT,
    });
    runtime.worker.start();
    const done = await waitForJob(runtime, job.id);
    expect(done.job.error).toBeNull();
    expect(done.job.status).toBe('completed');
    const task = runtime.deps.db
      .prepare(`SELECT attempts, status FROM tasks WHERE job_id = ? AND kind = 'animate' AND emoji_idx = 1`)
      .get(job.id);
    expect(task).toEqual({ attempts: 2, status: 'done' });
  });

  it('fails the job with a readable reason when an upload has no character in it', async () => {
    ctx = tempRuntime();
    const { runtime } = ctx;
    const blank = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    const job = await runtime.jobs.create({
      userId: LOCAL_USER.id,
      upload: { bytes: blank, fileName: 'blank.png' },
      actions: EIGHT,
    });
    runtime.worker.start();
    const done = await waitForJob(runtime, job.id);
    expect(done.job.status).toBe('failed');
    expect(done.job.error).toMatch(/no visible character/);
    const failed = runtime.deps.events.forJob(job.id).filter((e) => e.type === 'job.failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].payload.reason).toMatch(/no visible character/);
    // The failed job's unstarted tasks were dropped, not left to run.
    const open = runtime.deps.queue.openCount(job.id, ['prepare', 'animate', 'encode', 'package']);
    expect(open).toBe(0);
    expect(listFiles(runtime.config.assetsDir).filter((f) => f.includes('masters'))).toEqual([]);
  });
});
