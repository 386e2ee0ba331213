import path from 'node:path';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.ts';
import { registerAvailability } from '../src/availability/availability.plugin.ts';
import { tempRuntime } from './support/temp-runtime.ts';

const EIGHT = 'hello,love,cry,angry,laugh,sleepy,surprised,thanks';
const TOKYO = { AVAILABILITY_WINDOWS: 'Mon-Sun 19:00-24:00', AVAILABILITY_TIMEZONE: 'Asia/Tokyo' };
let ctx: ReturnType<typeof tempRuntime> | undefined;

afterEach(async () => {
  await ctx?.dispose();
  ctx = undefined;
});

/** The real app, which registers the availability plugin itself (src/api/app.ts). */
async function appAt(clock: { now: number }, env: Record<string, string> = TOKYO) {
  ctx = tempRuntime(env, { clock: () => clock.now });
  const { runtime } = ctx;
  const app = await buildApp(runtime, { logger: false, webRoot: path.join(ctx.dataDir, 'no-web') });
  return { app, runtime };
}

const generate = {
  method: 'POST' as const,
  url: '/api/generate-set',
  payload: { character: 'cat', actions: EIGHT },
};

describe('GET /api/availability', () => {
  it('says always open when no schedule is configured', async () => {
    const { app } = await appAt({ now: Date.parse('2026-03-02T01:00:00Z') }, {});
    const res = await app.inject({ method: 'GET', url: '/api/availability' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ open: true, opensAt: null, closesAt: null, timezone: 'UTC' });
  });

  it('gives the opening and closing of the next window while closed', async () => {
    const clock = { now: Date.parse('2026-03-02T01:00:00Z') }; // 10:00 in Tokyo
    const { app, runtime } = await appAt(clock);
    await runtime.availability.close();
    expect((await app.inject({ method: 'GET', url: '/api/availability' })).json()).toEqual({
      open: false,
      opensAt: '2026-03-02T10:00:00.000Z',
      closesAt: '2026-03-02T15:00:00.000Z',
      timezone: 'Asia/Tokyo',
    });
  });
});

describe('the off-hours gate', () => {
  it('answers 503 off_hours with Retry-After and the opening time, and starts nothing', async () => {
    const clock = { now: Date.parse('2026-03-02T01:00:00Z') };
    const { app, runtime } = await appAt(clock);
    await runtime.availability.close();
    const res = await app.inject(generate);
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe(String(9 * 3600)); // 10:00 → 19:00 Tokyo
    expect(res.json()).toEqual({
      error: {
        code: 'off_hours',
        message: expect.stringContaining('2026-03-02T10:00:00.000Z'),
        opensAt: '2026-03-02T10:00:00.000Z',
      },
    });
    expect(runtime.deps.jobs.listForUser('local')).toEqual([]);
  });

  it('keeps reads working while closed', async () => {
    const clock = { now: Date.parse('2026-03-02T11:00:00Z') };
    const { app, runtime } = await appAt(clock);
    const created = await app.inject(generate);
    expect(created.statusCode).toBe(202);
    await runtime.availability.close();
    const { jobId } = created.json();
    expect((await app.inject({ method: 'GET', url: '/api/jobs' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/config' })).statusCode).toBe(200);
  });

  it('sees a flag set elsewhere within 5 s (the cache), and lets work in again once cleared', async () => {
    const clock = { now: Date.parse('2026-03-02T11:00:00Z') };
    const { app, runtime } = await appAt(clock);
    expect((await app.inject(generate)).statusCode).toBe(202);
    // Another process (the controller) sets the flag straight in the store.
    await runtime.availability.store.set(runtime.availability.flagFor(clock.now), clock.now);
    clock.now += 5000;
    expect((await app.inject(generate)).statusCode).toBe(503);
    await runtime.availability.store.clear();
    clock.now += 5000;
    expect((await app.inject(generate)).statusCode).toBe(202);
  });

  it('gates other rendering routes it is told about, and only those', async () => {
    const clock = { now: Date.parse('2026-03-02T01:00:00Z') };
    ctx = tempRuntime(TOKYO, { clock: () => clock.now });
    const app = Fastify();
    registerAvailability(app, {
      availability: ctx.runtime.availability,
      clock: () => clock.now,
      gatedRoutes: ['POST /api/jobs/:id/emojis/:index/refine'],
    });
    app.post('/api/jobs/:id/emojis/:index/refine', async () => ({ ok: true }));
    app.post('/api/jobs/:id/cancel', async () => ({ ok: true }));
    await ctx.runtime.availability.close();
    expect((await app.inject({ method: 'POST', url: '/api/jobs/j1/emojis/2/refine' })).statusCode).toBe(503);
    expect((await app.inject({ method: 'POST', url: '/api/jobs/j1/cancel' })).statusCode).toBe(200);
    await app.close();
  });
});
