import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  backoffDelay,
  DEFAULT_RETRY,
  HttpError,
  JsonHttpClient,
  parseRetryAfter,
  TransportError,
} from '../src/ops/http.ts';
import { SteppingClock } from './support/contract-servers/clock.ts';
import { ContractServer } from './support/contract-servers/contract-server.ts';

const Thing = z.object({ ok: z.literal(true) });
let server: ContractServer;

beforeAll(async () => {
  server = await ContractServer.start((req) =>
    req.path === '/thing' ? { status: 200, body: { ok: true } } : { status: 200, body: { unexpected: 1 } },
  );
});
afterAll(() => server.close());

/** A client whose sleeps are recorded (and take no real time). */
function client(timeoutMs = 2000) {
  const clock = new SteppingClock();
  const sleeps: number[] = [];
  const sleep = clock.sleep;
  clock.sleep = async (ms) => {
    sleeps.push(ms);
    await sleep(ms);
  };
  const http = new JsonHttpClient({
    name: 'Test',
    baseUrl: server.url,
    authorization: 'Bearer t',
    clock,
    retry: { ...DEFAULT_RETRY, timeoutMs },
  });
  return { http, sleeps };
}

const get = { method: 'GET' as const, path: '/thing', schema: Thing };

describe('the provider HTTP client', () => {
  it('retries 5xx replies with growing backoff, then succeeds', async () => {
    const { http, sleeps } = client();
    server.fail({ match: /GET \/thing/, status: 503, body: { error: 'busy' }, times: 2 });
    expect((await http.send(get)).data).toEqual({ ok: true });
    expect(sleeps).toEqual([
      backoffDelay(1, DEFAULT_RETRY, () => 0.5),
      backoffDelay(2, DEFAULT_RETRY, () => 0.5),
    ]);
    expect(sleeps[1]).toBeGreaterThan(sleeps[0]!);
  });

  it('waits as long as a 429 Retry-After asks', async () => {
    const { http, sleeps } = client();
    server.fail({
      match: /GET \/thing/,
      status: 429,
      headers: { 'retry-after': '7' },
      body: { error: 'slow down' },
    });
    await http.send(get);
    expect(sleeps).toEqual([7000]);
  });

  it('fails at once when Retry-After is longer than a run can wait', async () => {
    const { http, sleeps } = client();
    server.fail({ match: /GET \/thing/, status: 429, headers: { 'retry-after': '3600' } });
    await expect(http.send(get)).rejects.toMatchObject({ status: 429 });
    expect(sleeps).toEqual([]);
  });

  it('gives up after its attempts with the last error', async () => {
    const { http, sleeps } = client();
    server.fail({
      match: /GET \/thing/,
      status: 500,
      body: { error: 'broken' },
      times: DEFAULT_RETRY.attempts,
    });
    const err = await http.send(get).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 500, body: { error: 'broken' } });
    expect(sleeps).toHaveLength(DEFAULT_RETRY.attempts - 1);
  });

  it.each([400, 401, 404, 409])('does not retry a %i', async (status) => {
    const { http, sleeps } = client();
    server.fail({ match: /GET \/thing/, status, body: { error: 'no' } });
    await expect(http.send(get)).rejects.toMatchObject({ status });
    expect(sleeps).toEqual([]);
  });

  it('abandons a slow reply and retries it', async () => {
    const { http, sleeps } = client(100);
    server.fail({ match: /GET \/thing/, status: 200, body: { ok: true }, delayMs: 600 });
    expect((await http.send(get)).data).toEqual({ ok: true });
    expect(sleeps).toHaveLength(1);
  });

  it('retries a dropped connection', async () => {
    const { http } = client();
    server.fail({ match: /GET \/thing/, status: 200, drop: true });
    expect((await http.send(get)).data).toEqual({ ok: true });
  });

  it('refuses a reply that does not match its schema, without retrying', async () => {
    const { http, sleeps } = client();
    await expect(http.send({ ...get, path: '/other' })).rejects.toBeInstanceOf(TransportError);
    expect(sleeps).toEqual([]);
  });

  it('treats statuses it is told to accept as answers', async () => {
    const { http } = client();
    server.fail({ match: /GET \/thing/, status: 408, body: { ok: true } });
    expect((await http.send({ ...get, accept: [408] })).status).toBe(408);
  });
});

describe('backoff and Retry-After', () => {
  it('caps the backoff and keeps jitter between half and all of it', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 1000, maxDelayMs: 8000 };
    expect(backoffDelay(10, policy, () => 0.999)).toBeLessThanOrEqual(8000);
    expect(backoffDelay(10, policy, () => 0)).toBe(4000);
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-03-02T10:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
