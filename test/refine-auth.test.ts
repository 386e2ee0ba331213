import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firebaseApp } from './support/firebase-app.ts';
import { characterOnFlatBackground } from './support/images.ts';
import { multipart } from './support/multipart.ts';
import { refineCounts, waitForVersion } from './support/refine.ts';
import { waitForJob } from './support/temp-runtime.ts';
import { bearer, startTokenIssuer, type TokenIssuer, validClaims } from './support/token-issuer.ts';

const EIGHT = ['hello', 'love', 'cry', 'angry', 'laugh', 'sleepy', 'surprised', 'thanks'];
let issuer: TokenIssuer;
let fb: Awaited<ReturnType<typeof firebaseApp>>;
let base: string;
let alice: Record<string, string>;
let mallory: Record<string, string>;
let jobId: string;

const headersFor = async (uid: string) =>
  bearer(await issuer.token({ claims: validClaims(issuer.projectId, uid) }));

beforeAll(async () => {
  issuer = await startTokenIssuer('popcon-refine');
  fb = await firebaseApp(issuer, { QUOTA_MAX_RUNNING_JOBS: 'off', QUOTA_REQUESTS_PER_MINUTE: 'off' });
  fb.ctx.runtime.worker.start();
  await fb.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(fb.app.server.address() as AddressInfo).port}`;
  alice = await headersFor('alice');
  mallory = await headersFor('mallory');
  const body = multipart({ actions: EIGHT.join(',') }, [
    {
      field: 'image',
      fileName: 'a.png',
      contentType: 'image/png',
      data: await characterOnFlatBackground(240),
    },
  ]);
  const res = await fb.app.inject({
    method: 'POST',
    url: '/api/generate-set',
    payload: body.payload,
    headers: { ...body.headers, ...alice },
  });
  jobId = res.json().jobId;
  await waitForJob(fb.ctx.runtime, jobId, 60_000, 'alice');
});

afterAll(async () => {
  await fb?.dispose();
  await issuer?.close();
});

function send(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  return fetch(`${base}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe("another user's set", () => {
  it('answers every refine route exactly like a set that does not exist', async () => {
    const routes: [string, string, unknown?][] = [
      ['POST', 'emojis/0/retry'],
      ['POST', 'emojis/0/regenerate', { caption: 'hi' }],
      ['POST', 'emojis/0/approve'],
      ['DELETE', 'emojis/0/approve'],
      ['POST', 'approve-all'],
      ['GET', 'emojis/0/versions'],
      ['POST', 'emojis/0/versions/1/select'],
      ['GET', 'emojis/0/frames?platform=line-emoji'],
      ['GET', 'matte'],
      ['POST', 'matte', { op: 'erase', x: 1, y: 1, tolerance: 10 }],
      ['GET', 'download?platform=line-emoji&approved=1'],
      ['DELETE', ''],
    ];
    // Mallory's first request records her sign-in; after that, nothing she does may write anything.
    await send('GET', '/api/me', mallory);
    const before = refineCounts(fb.ctx.runtime);
    for (const [method, tail, body] of routes) {
      const theirs = await send(method, `/api/jobs/${jobId}/${tail}`.replace(/\/$/, ''), mallory, body);
      const absent = await send(method, `/api/jobs/noSuchJob123/${tail}`.replace(/\/$/, ''), mallory, body);
      expect(theirs.status, `${method} ${tail}`).toBe(404);
      expect(await theirs.json()).toEqual(await absent.json());
    }
    expect(refineCounts(fb.ctx.runtime)).toEqual(before);
    // Alice's set is untouched.
    const own = await send('GET', `/api/jobs/${jobId}`, alice);
    expect((await own.json()).status).toBe('completed');
  });
});

describe('Idempotency-Key', () => {
  it('answers six identical retries racing over HTTP with one render, one charge and one event', async () => {
    const before = refineCounts(fb.ctx.runtime);
    const headers = { ...alice, 'idempotency-key': 'double-click-1' };
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => send('POST', `/api/jobs/${jobId}/emojis/2/retry`, headers)),
    );
    const bodies = await Promise.all(replies.map((r) => r.json()));
    expect(replies.map((r) => r.status)).toEqual(Array(6).fill(202));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(replies.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(5);
    const after = refineCounts(fb.ctx.runtime);
    expect(after.versions - before.versions).toBe(1);
    expect(after.charges - before.charges).toBe(1);
    expect(after.tasks - before.tasks).toBe(1);
    await waitForVersion(fb.ctx.runtime, jobId, 2, bodies[0].version);
    // Even after the render finished, the key keeps answering the first answer and starts nothing.
    const later = await send('POST', `/api/jobs/${jobId}/emojis/2/retry`, headers);
    expect([later.status, await later.json()]).toEqual([202, bodies[0]]);
    const retried = fb.ctx.runtime.deps.events.forJob(jobId, 0).filter((e) => e.type === 'emoji.retried');
    expect(retried).toHaveLength(1);
  });

  it('refuses a key reused for a different request, and keeps keys apart per user', async () => {
    const headers = { ...alice, 'idempotency-key': 'double-click-1' };
    const other = await send('POST', `/api/jobs/${jobId}/emojis/3/retry`, headers);
    expect([other.status, (await other.json()).error.code]).toEqual([422, 'idempotency_key_reused']);
    const malloryKey = await send('POST', `/api/jobs/${jobId}/emojis/2/retry`, {
      ...mallory,
      'idempotency-key': 'double-click-1',
    });
    expect(malloryKey.status).toBe(404);
    const bad = await send('POST', `/api/jobs/${jobId}/emojis/2/retry`, {
      ...alice,
      'idempotency-key': 'has spaces',
    });
    expect(bad.status).toBe(400);
  });

  it('makes one set from a double-submitted upload, however the two requests interleave', async () => {
    const image = await characterOnFlatBackground(300);
    const form = () => {
      const data = new FormData();
      data.append('actions', EIGHT.join(','));
      data.append('image', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'twice.png');
      return data;
    };
    const jobsBefore = fb.ctx.runtime.deps.db.prepare('SELECT COUNT(*) FROM jobs').pluck().get() as number;
    const headers = { ...alice, 'idempotency-key': 'upload-twice' };
    const replies = await Promise.all(
      [0, 1, 2].map(() => fetch(`${base}/api/generate-set`, { method: 'POST', headers, body: form() })),
    );
    const bodies = await Promise.all(replies.map((r) => r.json()));
    expect(replies.map((r) => r.status)).toEqual([202, 202, 202]);
    expect(new Set(bodies.map((b) => b.jobId)).size).toBe(1);
    expect(fb.ctx.runtime.deps.db.prepare('SELECT COUNT(*) FROM jobs').pluck().get()).toBe(jobsBefore + 1);
    const charges = fb.ctx.runtime.deps.db
      .prepare('SELECT COUNT(*) FROM render_charges WHERE job_id = ?')
      .pluck()
      .get(bodies[0].jobId);
    expect(charges).toBe(8);
    // No stray files of the requests that lost the race.
    const dirs = fb.ctx.runtime.deps.db.prepare('SELECT id FROM jobs').pluck().all() as string[];
    const { listFiles } = await import('./support/temp-runtime.ts');
    const onDisk = new Set(listFiles(`${fb.ctx.runtime.config.assetsDir}/jobs`).map((f) => f.split('/')[0]));
    for (const dir of onDisk) expect(dirs).toContain(dir);
    await waitForJob(fb.ctx.runtime, bodies[0].jobId, 60_000, 'alice');

    const { payload, headers: mh } = multipart({ actions: EIGHT.slice(0, 8).reverse().join(',') }, [
      { field: 'image', fileName: 'twice.png', contentType: 'image/png', data: image },
    ]);
    const changed = await fb.app.inject({
      method: 'POST',
      url: '/api/generate-set',
      payload,
      headers: { ...mh, ...headers },
    });
    expect([changed.statusCode, changed.json().error.code]).toEqual([422, 'idempotency_key_reused']);
  });
});
