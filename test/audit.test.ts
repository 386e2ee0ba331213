import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firebaseApp } from './support/firebase-app.ts';
import { waitForJob } from './support/temp-runtime.ts';
import { bearer, startTokenIssuer, type TokenIssuer, validClaims } from './support/token-issuer.ts';

const EIGHT = 'hello,love,cry,angry,laugh,sleepy,surprised,thanks';
let issuer: TokenIssuer;
let fb: Awaited<ReturnType<typeof firebaseApp>>;
let alice: Record<string, string>;
let jobId: string;
let createRequestId: string;

interface AuditEvent {
  id: number;
  type: string;
  jobId: string | null;
  requestId: string;
  at: string;
  payload: Record<string, unknown>;
}

beforeAll(async () => {
  issuer = await startTokenIssuer('popcon-audit');
  fb = await firebaseApp(issuer, { QUOTA_MAX_RUNNING_JOBS: 'off' });
  alice = bearer(await issuer.token({ claims: validClaims(issuer.projectId, 'alice') }));
  fb.ctx.runtime.worker.start();
  const res = await fb.app.inject({
    method: 'POST',
    url: '/api/generate-set',
    headers: alice,
    payload: { character: 'blob', actions: EIGHT },
  });
  expect(res.statusCode).toBe(202);
  jobId = res.json().jobId;
  createRequestId = res.headers['x-request-id'] as string;
  const done = await waitForJob(fb.ctx.runtime, jobId, 120_000, 'alice');
  expect(done.job.status).toBe('completed');
}, 180_000);

afterAll(async () => {
  await fb?.dispose();
  await issuer?.close();
});

const trail = async (query = '', headers = alice) => {
  const res = await fb.app.inject({ method: 'GET', url: `/api/me/events${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { events: AuditEvent[]; nextCursor: string | null };
};

describe('request ids in the audit trail', () => {
  it('carries the creating request id from job.created through every pipeline event of the job', async () => {
    expect(createRequestId).toMatch(/^[\w-]{12}$/);
    const { events } = await trail(`?job=${jobId}&limit=200`);
    const types = new Set(events.map((e) => e.type));
    expect(types).toEqual(
      new Set(['job.created', 'job.stage_completed', 'emoji.completed', 'job.completed']),
    );
    expect(events.filter((e) => e.type === 'emoji.completed')).toHaveLength(8);
    expect(new Set(events.map((e) => e.requestId))).toEqual(new Set([createRequestId]));
  });

  it('records the sign-in with the request that carried it (here, the one that created the job)', async () => {
    const { events } = await trail('?type=auth.login');
    expect(events).toHaveLength(1);
    expect(events[0]!.requestId).toBe(createRequestId);
    expect(events[0]!.jobId).toBeNull();
  });
});

describe('GET /api/me/events', () => {
  it('pages through the whole trail newest first, each event once', async () => {
    const all = (await trail('?limit=200')).events;
    expect(all.length).toBeGreaterThan(12);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a));
    const paged: AuditEvent[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof trail>> = await trail(
        `?limit=5${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.events.length).toBeLessThanOrEqual(5);
      paged.push(...page.events);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it('filters by job and type', async () => {
    const { events } = await trail(`?job=${jobId}&type=job.stage_completed`);
    expect(events.map((e) => e.payload.stage)).toEqual(['package', 'encode', 'animate', 'prepare']);
  });

  it("shows nothing of another user's trail, even when asked for their job", async () => {
    const mallory = bearer(await issuer.token({ claims: validClaims(issuer.projectId, 'mallory') }));
    const { events } = await trail(`?job=${jobId}`, mallory);
    expect(events).toEqual([]);
    expect((await trail('', mallory)).events.map((e) => e.type)).toEqual(['auth.login']);
  });

  it('refuses an unknown type, a bad cursor and an unknown parameter with 400', async () => {
    for (const q of ['?type=job.exploded', '?cursor=abc', '?user=bob', '?limit=0']) {
      const res = await fb.app.inject({ method: 'GET', url: `/api/me/events${q}`, headers: alice });
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('bad_request');
    }
  });
});

describe('signed file URLs in job replies', () => {
  it('hands out asset and download URLs that work without a token', async () => {
    const job = (await fb.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: alice })).json();
    const assetUrl = job.emojis[0].assetUrl as string;
    expect(assetUrl).toMatch(/^\/api\/assets\/[\w-]+\?uid=alice&exp=\d+&sig=[\w-]+$/);
    const asset = await fb.app.inject({ method: 'GET', url: assetUrl });
    expect([asset.statusCode, asset.headers['content-type']]).toEqual([200, 'image/png']);
    const zip = await fb.app.inject({ method: 'GET', url: job.downloads['line-emoji'] });
    expect([zip.statusCode, zip.headers['content-type']]).toEqual([200, 'application/zip']);
  });
});

describe('popcon audit', () => {
  const popcon = (...args: string[]) => {
    const res = spawnSync(process.execPath, ['bin/popcon.mjs', 'audit', ...args], {
      env: { ...process.env, DATA_DIR: fb.ctx.dataDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: res.status, stdout: res.stdout, stderr: res.stderr };
  };

  it('prints a user found by email, oldest first, as JSON with the request ids', async () => {
    const res = popcon('--user', 'alice@example.com', '--job', jobId, '--json');
    expect(res.code, res.stderr).toBe(0);
    const events = JSON.parse(res.stdout) as AuditEvent[];
    expect(events[0]!.type).toBe('job.created');
    expect(events.at(-1)!.type).toBe('job.completed');
    expect(events.every((e) => e.requestId === createRequestId && e.jobId === jobId)).toBe(true);
    const api = (await trail(`?job=${jobId}&limit=200`)).events;
    expect(events.map((e) => e.id)).toEqual(api.map((e) => e.id).reverse());
  });

  it('filters by uid, type and time, one event per line', () => {
    const res = popcon('--user', 'alice', '--type', 'job.completed', '--since', '2000-01-01T00:00:00Z');
    expect(res.code, res.stderr).toBe(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`job\\.completed\\s+job=${jobId} req=${createRequestId}`));
    expect(popcon('--user', 'alice', '--since', '2999-01-01T00:00:00Z').stdout).toMatch(
      /^no events for alice/,
    );
  });

  it('exits 2 with a one-line reason for an unknown user or a bad time', () => {
    const unknown = popcon('--user', 'nobody@example.com');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no user nobody@example.com/);
    expect(popcon('--job', jobId, '--since', 'yesterday').stderr).toMatch(/--user/);
  });
});
