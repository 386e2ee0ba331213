import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnGpuWorker, waitFor } from './support/gpu-worker.harness.ts';

const EIGHT = ['hello', 'love', 'cry', 'angry', 'laugh', 'sleepy', 'surprised', 'thanks'];
const TOKEN = 'web-worker-test-token-0123456789';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-web-worker-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** `popcon <args>` in its own process, on the shared DATA_DIR. */
function popcon(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['bin/popcon.mjs', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  children.push(child);
  return Object.assign(child, { stderrText: () => stderr });
}

describe('production topology on one machine', () => {
  it('finishes in the worker process a job submitted to the web process, rendering on the gpu-worker', async () => {
    const gpu = spawnGpuWorker({ port: await freePort(), env: { GPU_WORKER_TOKEN: TOKEN } });
    children.push(gpu.child);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const web = popcon(['serve', '--no-worker'], { PORT: String(port), HOST: '127.0.0.1' });
    popcon(['worker'], { GPU_WORKER_URL: gpu.url, GPU_WORKER_TOKEN: TOKEN });
    await waitFor('the web process', async () => {
      if (web.exitCode !== null) throw new Error(`web exited with ${web.exitCode}: ${web.stderrText()}`);
      return (await fetch(`${base}/api/health`).catch(() => undefined))?.ok || undefined;
    });

    const created = await fetch(`${base}/api/generate-set`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ character: 'bear', actions: EIGHT }),
    });
    expect(created.status).toBe(202);
    const { jobId } = (await created.json()) as { jobId: string };
    const job = await waitFor(
      'the job to finish',
      async () => {
        const j = await (await fetch(`${base}/api/jobs/${jobId}`)).json();
        return j.status === 'completed' || j.status === 'failed' ? j : undefined;
      },
      120_000,
    );
    expect(job.status).toBe('completed');
    expect((await gpu.health()).renders.animate).toBe(EIGHT.length);

    // Files are reached through the API by URL; no reply hands out a path inside the container.
    const text = JSON.stringify(job);
    expect(text).not.toContain(dataDir);
    const urls: string[] = [
      ...job.emojis.map((e: { assetUrl: string }) => e.assetUrl),
      job.downloads['line-emoji'],
    ];
    expect(urls.every((u) => u.startsWith('/api/'))).toBe(true);
    const first = await fetch(`${base}${urls[0]}`);
    expect([first.status, first.headers.get('content-type')]).toEqual([200, 'image/png']);
    const zip = await fetch(`${base}${job.downloads['line-emoji']}`);
    expect([
      zip.status,
      Buffer.from(await zip.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ]).toEqual([200, 'PK']);

    // Both processes wrote through one database file in WAL mode.
    const db = new Database(path.join(dataDir, 'popcon.sqlite'), { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });
});
