import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.ts';
import { createRuntime, LOCAL_USER } from '../src/runtime/runtime.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-availability-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The environment without any availability or provider setting the machine may carry (CI sets REDIS_URL). */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(AVAILABILITY_|REDIS_URL|UPSTASH_|FLY_|RUNPOD_|GPU_WORKER_)/.test(k)) env[k] = v;
  }
  return { ...env, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...extra };
}

function popcon(dataDir: string, args: string[], extra: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, ['bin/popcon.mjs', 'availability', ...args], {
    env: cleanEnv({ DATA_DIR: dataDir, ...extra }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** Opens the same database as the server would, to look at (or create) jobs. */
function withRuntime<T>(dataDir: string, fn: (r: ReturnType<typeof createRuntime>) => T | Promise<T>) {
  const runtime = createRuntime(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' }), {
    logger: pino({ level: 'silent' }),
  });
  return Promise.resolve(fn(runtime)).finally(() => runtime.close());
}

describe('npx popcon availability, with no cloud provider (embedded store)', () => {
  const dataDir = path.join(dir, 'single-machine');

  it('closes by setting the flag in the database under DATA_DIR and pausing queued work', async () => {
    const jobId = await withRuntime(dataDir, async (r) => {
      const job = await r.jobs.create({
        userId: LOCAL_USER.id,
        character: { id: 'cat' },
        actions: ['hello', 'love', 'cry', 'angry', 'laugh', 'sleepy', 'surprised', 'thanks'],
      });
      return job.id;
    });
    const res = popcon(dataDir, ['down', '--json']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const result = JSON.parse(res.stdout);
    expect(result).toMatchObject({ command: 'down', ok: true, dryRun: false });
    expect(result.steps.map((s: { step: string; status: string }) => `${s.step}:${s.status}`)).toEqual([
      'flag:changed',
      'pause:ok',
      'pod:skipped',
      'machines:skipped',
    ]);
    await withRuntime(dataDir, async (r) => {
      expect(await r.availability.status()).toMatchObject({ open: false });
      expect(r.deps.jobs.find(jobId)?.status).toBe('paused');
    });
  });

  it('opens by clearing the flag and draining the paused work; a second run changes nothing', async () => {
    const res = popcon(dataDir, ['up']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^popcon availability up: ok\n/);
    expect(res.stdout).toMatch(/flag\s+changed/);
    expect(res.stdout).toMatch(/drain\s+changed\s+resumed the paused work of 1 job/);
    await withRuntime(dataDir, async (r) => {
      expect(await r.availability.status()).toMatchObject({ open: true });
      expect(r.deps.queue.pausedCount()).toBe(0);
    });
    const again = JSON.parse(popcon(dataDir, ['up', '--json']).stdout);
    expect(again.steps.map((s: { status: string }) => s.status)).toEqual([
      'skipped',
      'skipped',
      'skipped',
      'ok',
      'ok',
    ]);
  });

  it('reports each part with status', () => {
    const res = popcon(dataDir, ['status', '--json']);
    expect(res.code).toBe(0);
    const steps = JSON.parse(res.stdout).steps;
    expect(steps.find((s: { step: string }) => s.step === 'flag').detail).toBe('clear in sqlite');
  });

  it('does no harm when run at the wrong time of a schedule', () => {
    const env = { AVAILABILITY_WINDOWS: 'daily 00:00-24:00' };
    const res = popcon(path.join(dir, 'always-open'), ['down', '--json'], env);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).steps).toEqual([
      expect.objectContaining({ step: 'window', status: 'skipped' }),
    ]);
  });

  it('exits 2 with the usage for an unknown action, and lists bad settings', () => {
    const bad = popcon(dataDir, ['sideways']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected one of up, down, status, health/);
    const config = popcon(dataDir, ['status'], { AVAILABILITY_TIMEZONE: 'Mars/Olympus', FLY_API_TOKEN: 'x' });
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/AVAILABILITY_TIMEZONE/);
    expect(config.stderr).toMatch(/FLY_API_TOKEN, FLY_APP/);
  });
});
