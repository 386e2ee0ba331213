import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeKeyPair } from '../../test/support/token-issuer.ts';
import { HttpCertificateSource, maxAgeSeconds } from './certificate-source.ts';

let pem: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-cert-'));

beforeAll(() => {
  pem = makeKeyPair(dir, 't').certPem;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A fake certificate endpoint whose replies the test scripts. */
function endpoint(replies: (() => Response)[]) {
  let calls = 0;
  const fetchFn = (async () => {
    const reply = replies[Math.min(calls, replies.length - 1)]!;
    calls++;
    return reply();
  }) as unknown as typeof fetch;
  return { fetchFn, calls: () => calls };
}

const certs =
  (map: Record<string, string>, maxAge = 100) =>
  () =>
    new Response(JSON.stringify(map), { headers: { 'cache-control': `public, max-age=${maxAge}` } });

describe('HttpCertificateSource', () => {
  it('reads max-age from Cache-Control', () => {
    expect(maxAgeSeconds('public, max-age=19302, must-revalidate, no-transform')).toBe(19302);
    expect(maxAgeSeconds('no-cache')).toBe(60);
    expect(maxAgeSeconds(null)).toBe(60);
  });

  it('caches the keys for max-age, then fetches again', async () => {
    let now = 0;
    const ep = endpoint([certs({ a: pem }, 100)]);
    const source = new HttpCertificateSource('http://certs', { fetch: ep.fetchFn, clock: () => now });
    expect(await source.key('a')).toBeDefined();
    now = 99_000;
    expect(await source.key('a')).toBeDefined();
    expect(ep.calls()).toBe(1);
    now = 100_000;
    await source.key('a');
    expect(ep.calls()).toBe(2);
  });

  it('refetches for an unknown kid at most every 30 s', async () => {
    let now = 0;
    const ep = endpoint([certs({ a: pem }, 3600), certs({ a: pem, b: pem }, 3600)]);
    const source = new HttpCertificateSource('http://certs', { fetch: ep.fetchFn, clock: () => now });
    expect(await source.key('b')).toBeUndefined();
    expect(await source.key('b')).toBeUndefined();
    expect(ep.calls()).toBe(1);
    now = 30_000;
    expect(await source.key('b')).toBeDefined();
    expect(ep.calls()).toBe(2);
  });

  it('keeps the last good keys when a refresh fails, and answers 503 when it has none', async () => {
    let now = 0;
    const ep = endpoint([certs({ a: pem }, 10), () => new Response('oops', { status: 500 })]);
    const source = new HttpCertificateSource('http://certs', { fetch: ep.fetchFn, clock: () => now });
    await source.key('a');
    now = 20_000;
    expect(await source.key('a')).toBeDefined();

    const down = endpoint([() => new Response('{"a": 1}')]);
    const empty = new HttpCertificateSource('http://certs', { fetch: down.fetchFn, clock: () => now });
    await expect(empty.key('a')).rejects.toMatchObject({ code: 'auth_unavailable', status: 503 });
  });
});
