import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.ts';
import { type ControllerHandle, createController } from '../src/ops/controller.factory.ts';
import type { RunResult } from '../src/ops/controller.ts';
import { DEFAULT_RETRY } from '../src/ops/http.ts';
import { SteppingClock } from './support/contract-servers/clock.ts';
import { FlyContract } from './support/contract-servers/fly.server.ts';
import { type PodSeed, RunPodContract } from './support/contract-servers/runpod.server.ts';
import { UpstashContract } from './support/contract-servers/upstash.server.ts';

const at = (iso: string) => Date.parse(iso);
const statuses = (r: RunResult) => r.steps.map((s) => `${s.step}:${s.status}`);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The controller against local Fly, RunPod and Upstash contract servers, on a clock that skips waiting. */
async function setup(options: {
  now: string;
  pod?: Partial<PodSeed>;
  warmMs?: number;
  machines?: 'stopped' | 'started';
  env?: Record<string, string>;
}) {
  const clock = new SteppingClock(at(options.now));
  const fly = await FlyContract.start({
    token: 'fm2_test',
    app: 'popcon',
    clock: clock.now,
    machines: [
      { id: 'w1', group: 'worker', state: options.machines ?? 'stopped' },
      { id: 'w2', group: 'worker', state: options.machines ?? 'stopped' },
    ],
  });
  const runpod = await RunPodContract.start({
    apiKey: 'rp-key',
    clock: clock.now,
    warmMs: options.warmMs ?? 45_000,
    pods: [{ id: 'pod1', status: 'EXITED', ...options.pod }],
  });
  const upstash = await UpstashContract.start({ token: 'up-token', clock: clock.now });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-ops-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    AVAILABILITY_WINDOWS: 'Mon-Sun 19:00-24:00',
    AVAILABILITY_TIMEZONE: 'Asia/Tokyo',
    AVAILABILITY_READY_URL: runpod.readyUrl,
    UPSTASH_REDIS_REST_URL: upstash.url,
    UPSTASH_REDIS_REST_TOKEN: 'up-token',
    FLY_API_URL: fly.url,
    FLY_API_TOKEN: 'fm2_test',
    FLY_APP: 'popcon',
    RUNPOD_API_URL: runpod.url,
    RUNPOD_API_KEY: 'rp-key',
    RUNPOD_POD_ID: 'pod1',
    ...options.env,
  });
  const handle: ControllerHandle = createController(config, {
    clock,
    retry: { ...DEFAULT_RETRY, timeoutMs: 2000 },
  });
  cleanups.push(
    () => fly.close(),
    () => runpod.close(),
    () => upstash.close(),
    () => fs.rmSync(dataDir, { recursive: true, force: true }),
    () => handle.close(),
  );
  const posts = () => fly.server.count(/^POST /) + runpod.server.count(/^POST /);
  return { clock, fly, runpod, upstash, ...handle, posts };
}

describe('availability up', () => {
  it('resumes the pod, waits for /ready, starts the machines, clears the flag; a second run changes nothing', async () => {
    const t = await setup({ now: '2026-03-02T09:59:00Z' }); // 18:59 in Tokyo
    await t.availability.close();
    const first = await t.controller.up();
    expect(statuses(first)).toEqual([
      'pod:changed',
      'ready:ok',
      'machines:changed',
      'flag:changed',
      'drain:ok',
    ]);
    expect(first.ok).toBe(true);
    expect(t.fly.stateOf('w1')).toBe('started');
    expect(await t.availability.store.get(t.clock.now())).toBeNull();
    const posts = t.posts();
    const second = await t.controller.up();
    expect(statuses(second)).toEqual(['pod:ok', 'ready:ok', 'machines:ok', 'flag:ok', 'drain:ok']);
    expect(t.posts()).toBe(posts);
  });

  it('does nothing when run late, outside the window, unless forced', async () => {
    const t = await setup({ now: '2026-03-02T03:00:00Z' }); // noon in Tokyo
    const late = await t.controller.up();
    expect(statuses(late)).toEqual(['window:skipped']);
    expect(late.ok).toBe(true);
    expect(t.posts()).toBe(0);
    expect((await t.controller.up({ force: true })).ok).toBe(true);
    expect(t.runpod.pods.get('pod1')?.status).toBe('RUNNING');
  });

  it('waits for the opening less the warm-up lead with --align', async () => {
    const t = await setup({ now: '2026-03-02T09:40:00Z' });
    const result = await t.controller.up({ align: true });
    expect(result.steps[0]).toMatchObject({ step: 'align', status: 'ok' });
    // The pod was resumed no earlier than 2 minutes before 19:00 in Tokyo.
    expect(t.runpod.pods.get('pod1')!.lastStatusChange).toBeGreaterThanOrEqual(at('2026-03-02T09:58:00Z'));
  });

  it('changes nothing in a dry run and says what it would do', async () => {
    const t = await setup({ now: '2026-03-02T11:00:00Z' });
    await t.availability.close();
    const result = await t.controller.up({ dryRun: true });
    expect(result.dryRun).toBe(true);
    expect(statuses(result)).toEqual([
      'pod:planned',
      'ready:planned',
      'machines:planned',
      'flag:planned',
      'drain:ok',
    ]);
    expect(t.posts()).toBe(0);
    expect(await t.availability.store.get(t.clock.now())).not.toBeNull();
  });

  it('fails clearly and stays closed when the pod has no free GPU on its host', async () => {
    const t = await setup({ now: '2026-03-02T09:59:00Z', pod: { noGpuOnHost: true } });
    await t.availability.close();
    const result = await t.controller.up();
    expect(result.ok).toBe(false);
    expect(result.steps).toEqual([
      expect.objectContaining({
        step: 'pod',
        status: 'failed',
        data: { code: 'no_gpu' },
        detail: expect.stringMatching(/no free GPU/),
      }),
    ]);
    expect(await t.availability.store.get(t.clock.now())).not.toBeNull();
    expect(t.fly.server.count(/^POST /)).toBe(0);
  });

  it('stops before starting machines when the GPU worker never gets ready', async () => {
    const t = await setup({ now: '2026-03-02T09:59:00Z', warmMs: 24 * 3_600_000 });
    const result = await t.controller.up();
    expect(statuses(result)).toEqual(['pod:changed', 'ready:failed']);
    expect(result.ok).toBe(false);
    expect(t.fly.stateOf('w1')).toBe('stopped');
  });
});

describe('availability down', () => {
  it('sets the flag until the next opening, waits for work to pause, stops the pod and the machines', async () => {
    const t = await setup({ now: '2026-03-02T15:02:00Z', pod: { status: 'RUNNING' }, machines: 'started' }); // 00:02
    const first = await t.controller.down();
    expect(statuses(first)).toEqual(['flag:changed', 'pause:ok', 'pod:changed', 'machines:changed']);
    const flag = await t.availability.store.get(t.clock.now());
    expect(flag).toMatchObject({ reason: 'schedule', opensAt: at('2026-03-03T10:00:00Z') });
    expect(flag!.expiresAt).toBe(at('2026-03-03T10:30:00Z')); // the opening plus 30 min of grace
    expect(t.runpod.pods.get('pod1')?.status).toBe('EXITED');
    expect(t.fly.stateOf('w2')).toBe('stopped');
    const posts = t.posts();
    expect(statuses(await t.controller.down())).toEqual(['flag:ok', 'pause:ok', 'pod:ok', 'machines:ok']);
    expect(t.posts()).toBe(posts);
  });

  it('waits for work in flight reported by workers before stopping the pod', async () => {
    const t = await setup({ now: '2026-03-02T15:02:00Z', pod: { status: 'RUNNING' } });
    const store = t.availability.store;
    await store.report({ workerId: 'fly-w1', inFlight: 1, closed: true, at: t.clock.now() });
    // The worker finishes its task after the controller's second look, and says so.
    const read = store.reports.bind(store);
    let looks = 0;
    store.reports = async (now) => {
      if (++looks === 2) await store.report({ workerId: 'fly-w1', inFlight: 0, closed: true, at: now });
      return read(now);
    };
    const result = await t.controller.down();
    expect(result.steps[1]).toMatchObject({ step: 'pause', status: 'ok' });
    expect(looks).toBe(2);
    expect(t.runpod.pods.get('pod1')?.status).toBe('EXITED');
  });

  it('gives up waiting after its bound, says so, and still stops the pod', async () => {
    const t = await setup({
      now: '2026-03-02T15:02:00Z',
      pod: { status: 'RUNNING' },
      env: { AVAILABILITY_DRAIN_TIMEOUT_SECONDS: '20' },
    });
    const store = t.availability.store;
    const read = store.reports.bind(store);
    store.reports = async (now) => {
      await store.report({ workerId: 'stuck', inFlight: 1, closed: true, at: now });
      return read(now);
    };
    const result = await t.controller.down();
    expect(statuses(result)).toEqual(['flag:changed', 'pause:warning', 'pod:changed', 'machines:ok']);
    expect(result.ok).toBe(true);
  });

  it('does not close inside the window unless aligned to its end or forced', async () => {
    const t = await setup({ now: '2026-03-02T12:00:00Z' }); // 21:00 in Tokyo
    expect(statuses(await t.controller.down())).toEqual(['window:skipped']);
    expect(await t.availability.store.get(t.clock.now())).toBeNull();
    const forced = await t.controller.down({ force: true });
    expect(forced.ok).toBe(true);
    expect(await t.availability.store.get(t.clock.now())).toMatchObject({ reason: 'manual' });
  });

  it('waits for the closing time with --align', async () => {
    const t = await setup({ now: '2026-03-02T14:45:00Z' });
    const result = await t.controller.down({ align: true });
    expect(result.steps[0]).toMatchObject({ step: 'align', status: 'ok' });
    expect((await t.availability.store.get(t.clock.now()))?.closedAt).toBeGreaterThanOrEqual(
      at('2026-03-02T15:00:00Z'),
    );
  });
});

describe('availability health and status', () => {
  it('repairs a stopped machine inside the window and leaves healthy parts alone', async () => {
    const t = await setup({ now: '2026-03-02T11:00:00Z', pod: { status: 'RUNNING' } });
    t.clock.t += 60_000; // the pod has warmed up; both machines are stopped
    const result = await t.controller.health();
    expect(statuses(result)).toEqual(['pod:ok', 'ready:ok', 'machines:changed', 'flag:ok', 'drain:ok']);
    expect(result.ok).toBe(true);
  });

  it('leaves an operator’s close alone, and does nothing outside the window', async () => {
    const t = await setup({ now: '2026-03-02T12:00:00Z' });
    await t.controller.down({ force: true });
    expect(statuses(await t.controller.health())).toEqual(['flag:ok']);
    t.clock.t = at('2026-03-02T20:00:00Z');
    expect(statuses(await t.controller.health())).toEqual(['window:skipped']);
  });

  it('reports every part', async () => {
    const t = await setup({ now: '2026-03-02T12:00:00Z' });
    const result = await t.controller.status();
    expect(result.steps.map((s) => s.step)).toEqual(['schedule', 'flag', 'pod', 'ready', 'machines', 'work']);
    expect(result.steps.find((s) => s.step === 'pod')?.detail).toBe('EXITED');
    expect(result.steps.find((s) => s.step === 'ready')?.detail).toBe('not ready (502)');
    expect(result.ok).toBe(true);
  });
});
