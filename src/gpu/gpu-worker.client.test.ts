import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import {
  GpuWorkerClient,
  type GpuWorkerClientOptions,
  GpuWorkerRejectedError,
  GpuWorkerUnavailableError,
  parseRetryAfter,
} from './gpu-worker.client.ts';

type Answer = Response | Error | 'hang';

/** A fetch that answers GET /ready and POSTs from two scripts, and records every call. */
function fakeWorker(ready: Answer[], posts: Answer[]) {
  const calls: string[] = [];
  const next = (script: Answer[], signal?: AbortSignal | null): Promise<Response> => {
    const answer = script.length > 1 ? script.shift()! : script[0];
    if (answer === 'hang') {
      return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    }
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer.clone());
  };
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    const path = new URL(String(url)).pathname;
    calls.push(`${init?.method ?? 'GET'} ${path}`);
    return path === '/ready' ? next(ready, init?.signal) : next(posts, init?.signal);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const error = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  json(status, { error: { code, message } }, headers);
const refused = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
const cut = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });

function client(worker: ReturnType<typeof fakeWorker>, opts: Partial<GpuWorkerClientOptions> = {}) {
  const sleeps: number[] = [];
  let now = 0;
  const c = new GpuWorkerClient({
    url: 'http://worker.test/',
    token: 'secret-token-0123456789',
    timeoutMs: 5000,
    retries: 3,
    readyTimeoutMs: 60_000,
    fetch: worker.fetch,
    random: () => 0.5,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    ...opts,
  });
  return { c, sleeps };
}

describe('gpu-worker client', () => {
  it('retries 5xx and 429 with growing, jittered delays and honours Retry-After', async () => {
    const worker = fakeWorker(
      [json(200, { status: 'ready' })],
      [
        error(500, 'internal', 'boom'),
        error(429, 'overloaded', 'busy', { 'retry-after': '3' }),
        json(200, { ok: 1 }),
      ],
    );
    const { c, sleeps } = client(worker);
    const reply = await c.post('/v1/animate', { a: 1 });
    expect(JSON.parse(reply.body.toString())).toEqual({ ok: 1 });
    // Base 250 ms doubling, half fixed and half random (0.5): 187.5, then Retry-After wins over 375.
    expect(sleeps).toEqual([187.5, 3000]);
    expect(worker.calls).toEqual(['GET /ready', 'POST /v1/animate', 'POST /v1/animate', 'POST /v1/animate']);
  });

  it('waits for /ready while the worker warms up instead of failing', async () => {
    const worker = fakeWorker(
      [refused(), json(503, { status: 'warming' }), json(200, { status: 'ready' })],
      [json(200, {})],
    );
    const { c } = client(worker);
    await c.post('/v1/matte', {});
    expect(worker.calls).toEqual(['GET /ready', 'GET /ready', 'GET /ready', 'POST /v1/matte']);
  });

  it('after a lost connection, waits for the restarted worker to be ready before retrying', async () => {
    const worker = fakeWorker(
      [json(200, { status: 'ready' }), refused(), json(200, { status: 'ready' })],
      [cut(), json(200, {})],
    );
    const { c } = client(worker);
    await c.post('/v1/animate', {});
    expect(worker.calls).toEqual([
      'GET /ready',
      'POST /v1/animate',
      'GET /ready',
      'GET /ready',
      'POST /v1/animate',
    ]);
  });

  it('gives up after its retries with a reason a user can read', async () => {
    const worker = fakeWorker([json(200, { status: 'ready' })], [cut()]);
    const { c } = client(worker, { retries: 2 });
    const err = await c.post('/v1/animate', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GpuWorkerUnavailableError);
    expect((err as Error).message).toBe(
      'the render service did not answer after 3 tries (last: the connection was cut); please try again later',
    );
  });

  it('gives up when the worker never gets ready', async () => {
    const worker = fakeWorker([refused()], [json(200, {})]);
    const { c } = client(worker, { readyTimeoutMs: 10_000 });
    await expect(c.post('/v1/animate', {})).rejects.toThrow(
      /not ready within 10 s \(connection refused\); please try again later/,
    );
    expect(worker.calls.every((call) => call === 'GET /ready')).toBe(true);
  });

  it('retries a reply that takes longer than the timeout', async () => {
    const worker = fakeWorker([json(200, { status: 'ready' })], ['hang']);
    const { c } = client(worker, { timeoutMs: 20, retries: 1 });
    await expect(c.post('/v1/animate', {})).rejects.toThrow(/after 2 tries \(last: no reply within 20 ms\)/);
  });

  it('does not retry a refused picture: a 422 becomes an AppError the job shows as is', async () => {
    const worker = fakeWorker([json(200, {})], [error(422, 'invalid_image', 'no character in the picture')]);
    const { c } = client(worker);
    const err = await c.post('/v1/matte', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('invalid_image');
    expect(worker.calls.filter((call) => call.startsWith('POST'))).toHaveLength(1);
  });

  it('does not retry a refused token, and says which setting to check', async () => {
    const worker = fakeWorker([json(200, {})], [error(401, 'unauthorized', 'missing or wrong bearer token')]);
    const { c } = client(worker);
    const err = await c.post('/v1/matte', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GpuWorkerRejectedError);
    expect((err as Error).message).toMatch(/GPU_WORKER_TOKEN/);
    expect(worker.calls.filter((call) => call.startsWith('POST'))).toHaveLength(1);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2', 0)).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});
