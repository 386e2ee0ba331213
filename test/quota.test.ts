import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failVersion } from '../src/pipeline/emoji-settlement.ts';
import { failJob } from '../src/pipeline/progress.ts';
import { quotaDay } from '../src/quota/quota.service.ts';
import { RateLimiter } from '../src/quota/rate-limiter.ts';
import { firebaseApp } from './support/firebase-app.ts';
import { rowCounts } from './support/temp-runtime.ts';
import { bearer, startTokenIssuer, type TokenIssuer, validClaims } from './support/token-issuer.ts';

const EIGHT = 'hello,love,cry,angry,laugh,sleepy,surprised,thanks';
let issuer: TokenIssuer;
let fb: Awaited<ReturnType<typeof firebaseApp>> | undefined;

beforeAll(async () => {
  issuer = await startTokenIssuer('popcon-quota');
});
afterAll(() => issuer?.close());
afterEach(async () => {
  await fb?.dispose();
  fb = undefined;
});

const headersFor = async (uid: string) =>
  bearer(await issuer.token({ claims: validClaims(issuer.projectId, uid) }));

async function generate(headers: Record<string, string>) {
  return fb!.app.inject({
    method: 'POST',
    url: '/api/generate-set',
    headers,
    payload: { character: 'cat', actions: EIGHT },
  });
}

const me = async (headers: Record<string, string>) =>
  (await fb!.app.inject({ method: 'GET', url: '/api/me', headers })).json();

describe('running jobs', () => {
  it('refuses a second unfinished job with 429, Retry-After and the limit named, leaving nothing behind', async () => {
    fb = await firebaseApp(issuer);
    const alice = await headersFor('alice');
    expect((await generate(alice)).statusCode).toBe(202);
    expect((await me(alice)).quota.runningJobs).toEqual({ used: 1, limit: 1 });

    const before = rowCounts(fb.ctx.runtime);
    const res = await generate(alice);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('quota_running_jobs');
    expect(res.json().error.message).toMatch(/running job limit: at most 1 unfinished job/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    const after = rowCounts(fb.ctx.runtime);
    expect({ ...after, events: before.events }).toEqual(before);
    // The refusal itself is in the audit trail.
    const trail = (
      await fb.app.inject({ method: 'GET', url: '/api/me/events?type=quota.exceeded', headers: alice })
    ).json();
    expect(trail.events[0].payload).toMatchObject({ limit: 'running_jobs' });

    // Limits are per user.
    expect((await generate(await headersFor('bob'))).statusCode).toBe(202);
  });
});

describe('daily emojis', () => {
  it('counts the emojis of today, refuses past the limit until the reset, and refunds failed renders', async () => {
    fb = await firebaseApp(issuer, { QUOTA_MAX_RUNNING_JOBS: 'off', QUOTA_DAILY_EMOJIS: '20' });
    const carol = await headersFor('carol');
    const first = (await generate(carol)).json().jobId as string;
    expect((await generate(carol)).statusCode).toBe(202);
    expect((await me(carol)).quota.dailyEmojis).toMatchObject({ used: 16, limit: 20 });

    const res = await generate(carol);
    expect(res.statusCode).toBe(429);
    const body = res.json();
    expect(body.error.code).toBe('quota_daily_emojis');
    const resetsAt = (await me(carol)).quota.dailyEmojis.resetsAt as string;
    expect(body.error.message).toContain(`resets at ${resetsAt}`);
    const retryAfter = Number(res.headers['retry-after']);
    expect(Math.abs(Date.now() + retryAfter * 1000 - Date.parse(resetsAt))).toBeLessThan(5_000);

    // One emoji of the first job fails: it stops counting, but 17 + 8 is still over 20.
    const { runtime } = fb.ctx;
    runtime.deps.db.transaction(() => {
      failVersion(runtime.deps, runtime.deps.jobs.find(first)!, 0, 1, 'boom', Date.now());
    })();
    expect((await me(carol)).quota.dailyEmojis.used).toBe(15);
    expect((await generate(carol)).statusCode).toBe(429);

    // The whole job fails: all of its emojis are refunded.
    runtime.deps.db.transaction(() => {
      failJob(runtime.deps, runtime.deps.jobs.find(first)!, 'render failed', Date.now());
    })();
    expect((await me(carol)).quota.dailyEmojis.used).toBe(8);
    expect((await generate(carol)).statusCode).toBe(202);
  });

  it('starts the quota day at the configured offset from UTC', () => {
    const at = Date.parse('2026-03-10T20:00:00Z');
    expect(quotaDay(at, 0)).toEqual({
      start: Date.parse('2026-03-10T00:00:00Z'),
      end: Date.parse('2026-03-11T00:00:00Z'),
    });
    // 05:00 on the 11th in Tokyo: the day began at 15:00 UTC on the 10th.
    expect(new Date(quotaDay(at, 540).start).toISOString()).toBe('2026-03-10T15:00:00.000Z');
    expect(new Date(quotaDay(at, -300).end).toISOString()).toBe('2026-03-11T05:00:00.000Z');
  });
});

describe('request rate', () => {
  it('answers 429 rate_limited with Retry-After past the per-minute limit, per user', async () => {
    fb = await firebaseApp(issuer, { QUOTA_REQUESTS_PER_MINUTE: '5' });
    const dave = await headersFor('dave');
    for (let i = 0; i < 5; i++) {
      expect((await fb.app.inject({ method: 'GET', url: '/api/jobs', headers: dave })).statusCode).toBe(200);
    }
    const res = await fb.app.inject({ method: 'GET', url: '/api/jobs', headers: dave });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('rate_limited');
    expect(res.json().error.message).toMatch(/at most 5 requests a minute; try again in \d+ s/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(
      (await fb.app.inject({ method: 'GET', url: '/api/jobs', headers: await headersFor('erin') }))
        .statusCode,
    ).toBe(200);
    // Health and config are not counted.
    expect((await fb.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('refills a token bucket at the per-minute rate', () => {
    let now = 0;
    const limiter = new RateLimiter(6, () => now);
    for (let i = 0; i < 6; i++) expect(limiter.take('u').ok).toBe(true);
    expect(limiter.take('u')).toEqual({ ok: false, retryAfterSeconds: 10 });
    now += 10_000;
    expect(limiter.take('u').ok).toBe(true);
    expect(limiter.take('u').ok).toBe(false);
    expect(limiter.take('v').ok).toBe(true);
  });
});

describe('local mode', () => {
  it('has no limits by default and reports them as null', async () => {
    const { tempRuntime } = await import('./support/temp-runtime.ts');
    const ctx = tempRuntime();
    try {
      expect(ctx.runtime.quota.usage('local', Date.now())).toMatchObject({
        runningJobs: { used: 0, limit: null },
        dailyEmojis: { used: 0, limit: null },
        requestsPerMinute: { limit: null },
      });
    } finally {
      await ctx.dispose();
    }
  });
});
