import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessEngine } from '../gpu/in-process.engine.ts';
import { encodeRgbaPng } from '../gpu/png.codec.ts';
import type { RenderEngine } from '../gpu/render-engine.ts';
import { buildGpuWorkerApp, type WorkerState } from './app.ts';
import { RenderService } from './render.service.ts';

const TOKEN = 'test-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

/** The CPU engine, with every render held until `release()` when a gate is closed. */
function gatedEngine() {
  const inner = createInProcessEngine();
  let gate: Promise<void> | undefined;
  let open = () => {};
  const engine: RenderEngine = {
    ...inner,
    async animate(...args) {
      await gate;
      return inner.animate(...args);
    },
    async animateCharacter(...args) {
      await gate;
      return inner.animateCharacter(...args);
    },
  };
  return {
    engine,
    close() {
      gate = new Promise((r) => {
        open = r;
      });
    },
    release: () => open(),
  };
}

function harness(concurrency = 2) {
  const gated = gatedEngine();
  const service = new RenderService(gated.engine, { concurrency, cacheEntries: 8 });
  let state: WorkerState = 'ready';
  const app = buildGpuWorkerApp({
    service: () => service,
    state: () => state,
    token: TOKEN,
    maxBodyBytes: 256 * 1024,
    logger: pino({ level: 'silent' }),
  });
  const setState = (s: WorkerState) => {
    state = s;
  };
  return { app, service, gated, setState };
}

const animateBody = (taskId: string, extra: Record<string, unknown> = {}) => ({
  taskId,
  character: { id: 'blob', color: '#7cc6fe' },
  action: 'hello',
  size: 32,
  frames: 2,
  durationMs: 1000,
  ...extra,
});

let current: ReturnType<typeof harness> | undefined;
afterEach(async () => {
  current?.gated.release();
  await current?.app.close();
});

async function until(check: () => boolean) {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
}

describe('gpu-worker app', () => {
  it('answers /ready with 503 while warming up or draining, and 200 when ready', async () => {
    current = harness();
    current.setState('warming');
    const warming = await current.app.inject({ url: '/ready' });
    expect([warming.statusCode, warming.json(), warming.headers['retry-after']]).toEqual([
      503,
      { status: 'warming' },
      '1',
    ]);
    const work = await current.app.inject({
      method: 'POST',
      url: '/v1/animate',
      headers: auth,
      payload: animateBody('a'),
    });
    expect([work.statusCode, work.json().error.code]).toEqual([503, 'not_ready']);
    current.setState('ready');
    expect((await current.app.inject({ url: '/ready' })).statusCode).toBe(200);
    current.setState('draining');
    expect((await current.app.inject({ url: '/ready' })).json()).toEqual({ status: 'draining' });
  });

  it('refuses a missing or wrong token with 401 before reading the body', async () => {
    current = harness();
    const attempts = [
      { url: '/v1/animate', headers: {} },
      { url: '/v1/animate', headers: { authorization: 'Bearer not-the-token' } },
      { url: '/v1/animate', headers: { authorization: TOKEN } },
      // Percent-encoded, the path still routes to /v1/animate: the check must follow the route.
      { url: '/%761/animate', headers: {} },
    ];
    for (const { url, headers } of attempts) {
      const res = await current.app.inject({ method: 'POST', url, headers, payload: animateBody('a') });
      expect([res.statusCode, res.json().error.code, res.headers['www-authenticate']]).toEqual([
        401,
        'unauthorized',
        'Bearer',
      ]);
    }
    expect(current.service.renders.animate).toBe(0);
  });

  it('answers a retried task id from its cache without rendering again', async () => {
    current = harness();
    const first = await current.app.inject({
      method: 'POST',
      url: '/v1/animate',
      headers: auth,
      payload: animateBody('emoji:j:0:v1'),
    });
    const again = await current.app.inject({
      method: 'POST',
      url: '/v1/animate',
      headers: auth,
      payload: animateBody('emoji:j:0:v1'),
    });
    expect([first.statusCode, again.statusCode]).toEqual([200, 200]);
    expect([first.headers['x-popcon-cache'], again.headers['x-popcon-cache']]).toEqual(['miss', 'hit']);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(current.service.renders.animate).toBe(1);
  });

  it('lets concurrent duplicates share one render', async () => {
    current = harness();
    current.gated.close();
    const send = () =>
      current!.app.inject({
        method: 'POST',
        url: '/v1/animate',
        headers: auth,
        payload: animateBody('emoji:j:1:v1'),
      });
    const both = Promise.all([send(), send()]);
    await until(() => current!.service.stats().cache.coalesced === 1);
    current.gated.release();
    const replies = await both;
    expect(replies.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(replies.map((r) => r.headers['x-popcon-cache']).sort()).toEqual(['coalesced', 'miss']);
    expect(current.service.renders.animate).toBe(1);
  });

  it('refuses a task id reused for a different request with 409', async () => {
    current = harness();
    await current.app.inject({
      method: 'POST',
      url: '/v1/animate',
      headers: auth,
      payload: animateBody('t'),
    });
    const res = await current.app.inject({
      method: 'POST',
      url: '/v1/animate',
      headers: auth,
      payload: animateBody('t', { action: 'love' }),
    });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'task_conflict']);
  });

  it('answers 429 with Retry-After when every render slot is busy', async () => {
    current = harness(1);
    current.gated.close();
    const held = current.app.inject({
      method: 'POST',
      url: '/v1/animate',
      headers: auth,
      payload: animateBody('a'),
    });
    await until(() => current!.service.stats().inFlight === 1);
    const res = await current.app.inject({
      method: 'POST',
      url: '/v1/animate',
      headers: auth,
      payload: animateBody('b'),
    });
    expect([res.statusCode, res.json().error.code, res.headers['retry-after']]).toEqual([
      429,
      'overloaded',
      '1',
    ]);
    current.gated.release();
    expect((await held).statusCode).toBe(200);
  });

  it('refuses bodies over the limit (413), off-contract requests (400) and pictures without a character (422)', async () => {
    current = harness();
    const big = await current.app.inject({
      method: 'POST',
      url: '/v1/matte',
      headers: auth,
      payload: { taskId: 'm', image: 'A'.repeat(300 * 1024) },
    });
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'payload_too_large']);
    const both = await current.app.inject({
      method: 'POST',
      url: '/v1/animate',
      headers: auth,
      payload: animateBody('x', { cutout: 'AAAA' }),
    });
    expect([both.statusCode, both.json().error.message]).toEqual([
      400,
      'body: send exactly one of cutout or character',
    ]);
    const blank = await encodeRgbaPng({ width: 64, height: 64, data: new Uint8Array(64 * 64 * 4) });
    const empty = await current.app.inject({
      method: 'POST',
      url: '/v1/matte',
      headers: auth,
      payload: { taskId: 'm2', image: blank.toString('base64') },
    });
    expect([empty.statusCode, empty.json().error.code]).toEqual([422, 'invalid_image']);
  });
});
