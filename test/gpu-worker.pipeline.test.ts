import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../src/domain/platforms.ts';
import { keys } from '../src/pipeline/deps.ts';
import { LOCAL_USER, type Runtime } from '../src/runtime/runtime.ts';
import { freePort, type GpuWorkerProcess, spawnGpuWorker, waitFor } from './support/gpu-worker.harness.ts';
import { characterOnFlatBackground } from './support/images.ts';
import { tempRuntime, waitForJob } from './support/temp-runtime.ts';

// LINE sets have at least 8 emojis.
const EIGHT = ['hello', 'love', 'cry', 'angry', 'laugh', 'sleepy', 'surprised', 'thanks'];
const TOKEN = 'pipeline-test-token-0123456789';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-gpu-pipeline-'));
const children: GpuWorkerProcess[] = [];
afterAll(() => {
  for (const c of children) c.child.kill('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
});

function spawn(opts: Parameters<typeof spawnGpuWorker>[0]) {
  const worker = spawnGpuWorker(opts);
  children.push(worker);
  return worker;
}

const viaWorker = (url: string, extra: Record<string, string> = {}) => ({
  GPU_WORKER_URL: url,
  GPU_WORKER_TOKEN: TOKEN,
  ...extra,
});

/** Every file a job produced that depends on rendering: cut-out, masters, platform files. */
async function renderedFiles(runtime: Runtime, jobId: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const { storage } = runtime.deps;
  files.set('cutout', Buffer.from(await storage.get(keys.cutout(jobId))));
  for (const e of runtime.deps.jobs.emojis(jobId)) {
    files.set(`master ${e.index}`, Buffer.from(await storage.get(e.masterKey!)));
    const name = PLATFORMS['line-emoji'].fileName(e.index);
    files.set(`line-emoji ${name}`, Buffer.from(await storage.get(keys.output(jobId, 'line-emoji', name))));
  }
  return files;
}

async function runJob(env: Record<string, string>, input: { upload?: Buffer; character?: string }) {
  const ctx = tempRuntime(env);
  try {
    const job = await ctx.runtime.jobs.create({
      userId: LOCAL_USER.id,
      actions: EIGHT,
      ...(input.upload
        ? { upload: { bytes: input.upload, fileName: 'cat.png' } }
        : { character: { id: input.character! } }),
    });
    ctx.runtime.worker.start();
    const finished = await waitForJob(ctx.runtime, job.id, 120_000);
    return { ctx, job: finished.job, emojis: finished.emojis };
  } catch (err) {
    await ctx.dispose();
    throw err;
  }
}

describe('the pipeline through a gpu-worker process', () => {
  it('renders the same set in-process and through the worker, byte for byte', async () => {
    const worker = spawn({ port: await freePort(), env: { GPU_WORKER_TOKEN: TOKEN } });
    const upload = await characterOnFlatBackground(320);
    await worker.ready();
    const local = await runJob({}, { upload });
    const remote = await runJob(viaWorker(worker.url), { upload });
    try {
      expect([local.job.status, remote.job.status]).toEqual(['completed', 'completed']);
      const a = await renderedFiles(local.ctx.runtime, local.job.id);
      const b = await renderedFiles(remote.ctx.runtime, remote.job.id);
      expect([...b.keys()]).toEqual([...a.keys()]);
      const differing = [...a].filter(([name, bytes]) => !bytes.equals(b.get(name)!)).map(([name]) => name);
      expect(differing).toEqual([]);
      // The remote run really went through the worker: one matte, one render per emoji.
      expect((await worker.health()).renders).toEqual({ matte: 1, animate: EIGHT.length });
    } finally {
      await local.ctx.dispose();
      await remote.ctx.dispose();
    }
  });

  it('survives kill -9 of the worker mid-task: retried, and every emoji made exactly once', async () => {
    const port = await freePort();
    const gate = path.join(tmp, 'never-opened');
    const doomed = spawn({ port, gateFile: gate, env: { GPU_WORKER_TOKEN: TOKEN } });
    await doomed.ready();
    const ctx = tempRuntime(viaWorker(doomed.url));
    try {
      const job = await ctx.runtime.jobs.create({
        userId: LOCAL_USER.id,
        character: { id: 'cat' },
        actions: EIGHT,
      });
      ctx.runtime.worker.start();
      // Renders are held on the worker: kill it while the pipeline waits for them.
      await waitFor('renders in flight', async () =>
        (await doomed.health()).inFlight > 0 ? true : undefined,
      );
      doomed.child.kill('SIGKILL');
      await doomed.exited;
      const successor = spawn({ port, env: { GPU_WORKER_TOKEN: TOKEN } });

      const finished = await waitForJob(ctx.runtime, job.id, 120_000);
      expect(finished.job.status).toBe('completed');
      expect(finished.emojis.every((e) => e.status === 'completed')).toBe(true);
      const events = ctx.runtime.deps.events.forJob(job.id);
      const done = events.filter((e) => e.type === 'emoji.completed').map((e) => e.payload.index as number);
      expect(done.sort((x, y) => x - y)).toEqual(EIGHT.map((_, i) => i));
      expect(events.filter((e) => e.type === 'job.completed')).toHaveLength(1);
      const files = ctx.runtime.deps.db
        .prepare(`SELECT COUNT(*) AS n FROM assets WHERE job_id = ? AND content_type = 'image/png'`)
        .get(job.id) as { n: number };
      expect(files.n).toBe(EIGHT.length);
      // The surviving worker rendered each emoji once, retries included.
      expect((await successor.health()).renders.animate).toBe(EIGHT.length);
    } finally {
      await ctx.dispose();
    }
  });

  it('when the worker stays away, fails each emoji with a reason a user can read, and the job reports it', async () => {
    const nobody = `http://127.0.0.1:${await freePort()}`;
    const env = viaWorker(nobody, {
      GPU_WORKER_RETRIES: '1',
      GPU_WORKER_READY_TIMEOUT_MS: '300',
      TASK_MAX_ATTEMPTS: '1',
    });
    const { ctx, job, emojis } = await runJob(env, { character: 'blob' });
    try {
      const reason =
        'the render service was not ready within 300 ms (connection refused); please try again later';
      expect(job.status).toBe('failed');
      expect(emojis.map((e) => [e.status, e.error])).toEqual(EIGHT.map(() => ['failed', reason]));
      expect(job.error).toContain(`#1 hello: ${reason}`);
      const failed = ctx.runtime.deps.events.forJob(job.id).filter((e) => e.type === 'emoji.failed');
      expect(failed).toHaveLength(EIGHT.length);
    } finally {
      await ctx.dispose();
    }
  });
});
