import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.ts';
import { tempRuntime } from './support/temp-runtime.ts';
import { bearer, startTokenIssuer, type TokenIssuer } from './support/token-issuer.ts';

const ALLOWED = 'https://popcon.example';
/** Every API route that may answer without a user. The off-hours status is shown before sign-in. */
// Action previews are built-in art in preset colours only: a bounded, cached set.
const PUBLIC_API = ['/api/health', '/api/config', '/api/availability', '/api/actions/:id/preview.png'];
let issuer: TokenIssuer;
let ctx: ReturnType<typeof tempRuntime>;
let app: FastifyInstance;

beforeAll(async () => {
  issuer = await startTokenIssuer('popcon-routes');
  ctx = tempRuntime({
    AUTH_MODE: 'firebase',
    FIREBASE_PROJECT_ID: issuer.projectId,
    AUTH_CERTS_URL: issuer.certsUrl,
    CORS_ORIGINS: ALLOWED,
  });
  // A small built SPA, so the static routes are registered too.
  const webRoot = path.join(ctx.dataDir, 'web');
  fs.mkdirSync(path.join(webRoot, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>PopCon</title>');
  fs.writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log(1)');
  app = await buildApp(ctx.runtime, { logger: false, webRoot });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
  await issuer?.close();
});

/** A concrete URL for a route pattern: params become plausible ids, wildcards a file name. */
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, 'abcDEF123').replace('*', 'x.js');

describe('the route table', () => {
  it('lists health and config as the public API routes (and nothing outside the agreed list)', () => {
    const publicApi = new Set(
      app.routeTable.filter((r) => r.public && r.url.startsWith('/api')).map((r) => r.url),
    );
    expect(publicApi).toContain('/api/health');
    expect(publicApi).toContain('/api/config');
    for (const url of publicApi) expect(PUBLIC_API, url).toContain(url);
  });

  it('has every other API route refuse a request without a token', async () => {
    const guarded = app.routeTable.filter((r) => !r.public);
    expect(guarded.length).toBeGreaterThanOrEqual(8);
    for (const route of guarded) {
      const res = await app.inject({ method: route.method as 'GET', url: concrete(route.url) });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      if (route.method !== 'HEAD') expect(res.json().error.code).toBe('token_missing');
    }
  });

  it('serves every public route without a token', async () => {
    for (const route of app.routeTable.filter((r) => r.public && r.method === 'GET')) {
      const res = await app.inject({ method: 'GET', url: concrete(route.url) });
      expect(res.statusCode, route.url).not.toBe(401);
    }
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const preview = await app.inject({ method: 'GET', url: '/api/actions/hello/preview.png?character=frog' });
    expect(preview.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/jobs/some-id' })).statusCode).toBe(200);
  });

  it('serves built-in character previews in preset colours to anyone, custom colours only to users', async () => {
    const conditional = app.routeTable.filter((r) => r.conditional).map((r) => r.url);
    expect([...new Set(conditional)]).toEqual(['/api/characters/:id/preview.png']);
    for (const color of ['', '?color=ginger', '?color=%23a7adba']) {
      const res = await app.inject({ method: 'GET', url: `/api/characters/cat/preview.png${color}` });
      expect(res.statusCode, color).toBe(200);
    }
    const custom = await app.inject({
      method: 'GET',
      url: '/api/characters/cat/preview.png?color=%23123456',
    });
    expect([custom.statusCode, custom.json().error.code]).toEqual([401, 'token_missing']);
    const withToken = await app.inject({
      method: 'GET',
      url: '/api/characters/cat/preview.png?color=%23123456',
      headers: bearer(await issuer.token()),
    });
    expect(withToken.statusCode).toBe(200);
  });

  it('refuses unknown API paths without a token too, so they reveal nothing', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/admin' })).statusCode).toBe(401);
  });

  it('checks a request by the route it reaches, however its path is spelled', async () => {
    for (const url of ['/%61pi/jobs', '/api/jobs/', '/api/%2e%2e/api/jobs', '/api/jobs;x']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
    }
  });
});

describe('security headers', () => {
  const expectHeaders = (headers: Record<string, unknown>, what: string) => {
    expect(headers['content-security-policy'], what).toContain("default-src 'self'");
    expect(headers['x-content-type-options'], what).toBe('nosniff');
    expect(headers['x-frame-options'], what).toBe('DENY');
    expect(headers['referrer-policy'], what).toBe('no-referrer');
    expect(headers['x-request-id'], what).toMatch(/^[\w-]{12}$/);
  };

  it('are on API replies, errors, static files and the SPA shell', async () => {
    for (const url of ['/api/health', '/api/jobs', '/api/nope', '/', '/assets/app.js', '/create']) {
      expectHeaders((await app.inject({ method: 'GET', url })).headers, url);
    }
  });

  it('are on the progress stream, which writes its own head', async () => {
    const token = await issuer.token();
    const { jobId } = (
      await app.inject({
        method: 'POST',
        url: '/api/generate-set',
        headers: bearer(token),
        payload: { character: 'cat', actions: 'hello,love,cry,angry,laugh,sleepy,surprised,thanks' },
      })
    ).json();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const abort = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/jobs/${jobId}/events`, {
      headers: { ...bearer(token), origin: ALLOWED },
      signal: abort.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expectHeaders(Object.fromEntries(res.headers), 'event stream');
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    abort.abort();
  });

  it('allow Firebase sign-in and blob images in the CSP, and nothing else from outside', async () => {
    const csp = (await app.inject({ method: 'GET', url: '/' })).headers['content-security-policy'] as string;
    const directive = (name: string) => csp.split(';').find((d) => d.trim().startsWith(`${name} `)) ?? '';
    expect(directive('img-src')).toContain('blob:');
    expect(directive('script-src')).toContain('https://apis.google.com');
    expect(directive('connect-src')).toContain('https://identitytoolkit.googleapis.com');
    expect(directive('connect-src')).toContain('https://securetoken.googleapis.com');
    expect(directive('frame-src')).toContain('https://popcon-routes.firebaseapp.com');
    expect(directive('frame-ancestors')).toContain("'none'");
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('CORS', () => {
  it('answers only origins on the allow-list', async () => {
    const allowed = await app.inject({ method: 'GET', url: '/api/health', headers: { origin: ALLOWED } });
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED);
    const other = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a preflight from an allowed origin without asking for a token', async () => {
    const res = await app.inject({
      method: 'OPTIONS',
      url: '/api/generate-set',
      headers: {
        origin: ALLOWED,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-allow-headers']).toContain('authorization');
  });
});
