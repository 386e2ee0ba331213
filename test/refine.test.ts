import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.ts';
import { validateFile } from '../src/encode/index.ts';
import { post, refineCounts, refineFixture, waitForVersion } from './support/refine.ts';
import { tempRuntime, waitForJob } from './support/temp-runtime.ts';

const EIGHT = ['hello', 'love', 'cry', 'angry', 'laugh', 'sleepy', 'surprised', 'thanks'];
const CRY = EIGHT.indexOf('cry');

const t = refineFixture();

async function finishedSet(platforms = ['line-emoji']): Promise<string> {
  const res = await post(t.app, '/api/generate-set', { character: 'cat', actions: EIGHT, platforms });
  expect(res.statusCode, res.body).toBe(202);
  const jobId = res.json().jobId as string;
  await waitForJob(t.ctx.runtime, jobId);
  return jobId;
}

const jobReply = async (jobId: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).json();
const used = async () =>
  (await t.app.inject({ method: 'GET', url: '/api/me' })).json().quota.dailyEmojis.used;
const eventsOf = (jobId: string, type: string) =>
  t.ctx.runtime.deps.events.forJob(jobId, 0).filter((e) => e.type === type);

describe('retry and regenerate', () => {
  let jobId: string;

  beforeAll(async () => {
    jobId = await finishedSet(['line-emoji', 'discord-emoji']);
  });

  it('retries an emoji as a new version with the same knobs and a new seed, and shows it when it is done', async () => {
    const before = await jobReply(jobId);
    const res = await post(t.app, `/api/jobs/${jobId}/emojis/0/retry`);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ jobId, index: 0, version: 2, status: 'pending' });
    const v2 = await waitForVersion(t.ctx.runtime, jobId, 0, 2);
    expect(v2.status).toBe('completed');
    expect(v2.origin).toBe('retry');
    expect(v2.action).toBe('hello');
    expect(v2.params.seed).toEqual(expect.any(Number));

    const after = await jobReply(jobId);
    const emoji = after.emojis[0];
    expect([emoji.version, emoji.versionCount, emoji.status, emoji.rendering]).toEqual([
      2,
      2,
      'completed',
      null,
    ]);
    expect(emoji.assetUrls['line-emoji']).not.toBe(before.emojis[0].assetUrls['line-emoji']);
    const file = async (url: string) => (await t.app.inject({ method: 'GET', url })).rawPayload;
    const [old, fresh] = [await file(before.emojis[0].assetUrl), await file(emoji.assetUrl)];
    expect(Buffer.compare(old, fresh)).not.toBe(0);
    expect((await validateFile(fresh, 'line-emoji')).ok).toBe(true);
    expect((await validateFile(await file(emoji.assetUrls['discord-emoji']), 'discord-emoji')).ok).toBe(true);
    // The set's other emojis are untouched, and the set stays complete.
    expect(after.status).toBe('completed');
    expect(after.emojis.slice(1)).toEqual(before.emojis.slice(1));
    expect(eventsOf(jobId, 'emoji.retried').map((e) => e.payload)).toMatchObject([
      { index: 0, version: 2, from: 1 },
    ]);
  });

  it('regenerates with a new action and caption, and clears a caption with null', async () => {
    const res = await post(t.app, `/api/jobs/${jobId}/emojis/1/regenerate`, {
      action: 'kiss',
      caption: 'Chu♡',
      accent: '#3366FF',
    });
    expect(res.statusCode, res.body).toBe(202);
    const v2 = await waitForVersion(t.ctx.runtime, jobId, 1, res.json().version);
    expect([v2.status, v2.action, v2.params]).toEqual([
      'completed',
      'kiss',
      { caption: 'Chu♡', accent: '#3366ff' },
    ]);
    const shown = (await jobReply(jobId)).emojis[1];
    expect([shown.action, shown.label, shown.params.caption]).toEqual(['kiss', 'Kiss', 'Chu♡']);

    const cleared = await post(t.app, `/api/jobs/${jobId}/emojis/1/regenerate`, {
      caption: null,
      speed: 1.5,
    });
    const v3 = await waitForVersion(t.ctx.runtime, jobId, 1, cleared.json().version);
    expect([v3.action, v3.params]).toEqual(['kiss', { accent: '#3366ff', speed: 1.5 }]);
    expect(eventsOf(jobId, 'emoji.regenerated')).toHaveLength(2);
  });

  it.each([
    ['an unknown action', { action: 'moonwalk' }, 422, 'unknown_action'],
    ['a caption that does not fit', { caption: 'far far far too long here' }, 422, 'invalid_params'],
    ['an unknown field', { colour: 'red' }, 400, 'bad_request'],
    ['a speed that is not a number', { speed: 'fast' }, 400, 'bad_request'],
  ])('refuses %s and leaves nothing behind', async (_name, payload, status, code) => {
    const before = refineCounts(t.ctx.runtime);
    const res = await post(t.app, `/api/jobs/${jobId}/emojis/2/regenerate`, payload);
    expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
    expect(refineCounts(t.ctx.runtime)).toEqual(before);
  });

  it('answers 404 for an emoji or a job that does not exist, and 409 while the set is still being made', async () => {
    expect((await post(t.app, `/api/jobs/${jobId}/emojis/8/retry`)).statusCode).toBe(404);
    expect((await post(t.app, `/api/jobs/${jobId}/emojis/x/retry`)).statusCode).toBe(404);
    expect((await post(t.app, '/api/jobs/nope123/emojis/0/retry')).statusCode).toBe(404);
    const running = await post(t.app, '/api/generate-set', { character: 'frog', actions: EIGHT });
    const early = await post(t.app, `/api/jobs/${running.json().jobId}/emojis/0/retry`);
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'not_ready']);
    await waitForJob(t.ctx.runtime, running.json().jobId);
  });

  it('refuses a second render of an emoji while one is running, without an Idempotency-Key', async () => {
    const [a, b] = await Promise.all([
      post(t.app, `/api/jobs/${jobId}/emojis/3/retry`),
      post(t.app, `/api/jobs/${jobId}/emojis/3/retry`),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([202, 409]);
    const won = a.statusCode === 202 ? a : b;
    await waitForVersion(t.ctx.runtime, jobId, 3, won.json().version);
    expect(t.ctx.runtime.deps.versions.list(jobId, 3)).toHaveLength(2);
  });
});

describe('re-rendering the whole set', () => {
  it('renders every emoji again with its knobs and seed, once per Idempotency-Key', async () => {
    const jobId = await finishedSet();
    const before = await jobReply(jobId);
    const start = await used();
    const headers = { 'idempotency-key': 'rerender-all-1' };
    const res = await post(t.app, `/api/jobs/${jobId}/rerender`, undefined, headers);
    expect(res.statusCode, res.body).toBe(202);
    const body = res.json();
    expect(body).toMatchObject({ jobId, skipped: [], status: 'pending' });
    expect(body.renders).toEqual(EIGHT.map((_, index) => ({ index, version: 2 })));
    const again = await post(t.app, `/api/jobs/${jobId}/rerender`, undefined, headers);
    expect([again.statusCode, again.headers['idempotent-replayed']]).toEqual([202, 'true']);
    expect(again.json()).toEqual(body);

    for (const [index, action] of EIGHT.entries()) {
      const v2 = await waitForVersion(t.ctx.runtime, jobId, index, 2);
      const v1 = t.ctx.runtime.deps.versions.find(jobId, index, 1);
      expect([v2.status, v2.origin, v2.action]).toEqual(['completed', 'regenerate', action]);
      expect(v2.params).toEqual(v1?.params);
    }
    const after = await jobReply(jobId);
    expect(after.emojis.map((e: { version: number }) => e.version)).toEqual(EIGHT.map(() => 2));
    expect(after.status).toBe('completed');
    // Same knobs and seed from the same character: the same pictures, as new files.
    expect(after.emojis[3].assetUrl).not.toBe(before.emojis[3].assetUrl);
    expect(await used()).toBe(start + EIGHT.length);
    expect(eventsOf(jobId, 'emoji.regenerated')).toHaveLength(EIGHT.length);
  });

  it('leaves an emoji that is rendering already to finish, and says so', async () => {
    const jobId = await finishedSet();
    await t.ctx.runtime.worker.stop();
    try {
      expect((await post(t.app, `/api/jobs/${jobId}/emojis/2/retry`)).statusCode).toBe(202);
      const res = await post(t.app, `/api/jobs/${jobId}/rerender`);
      expect(res.statusCode).toBe(202);
      expect(res.json().skipped).toEqual([2]);
      expect(res.json().renders.map((r: { index: number }) => r.index)).toEqual([0, 1, 3, 4, 5, 6, 7]);
    } finally {
      t.ctx.runtime.worker.start();
    }
    await waitForVersion(t.ctx.runtime, jobId, 2, 2);
    await waitForVersion(t.ctx.runtime, jobId, 7, 2);
  });

  it('answers 404 for a job that does not exist and 409 while the set is being made, and queues nothing', async () => {
    const missing = await post(t.app, '/api/jobs/nosuchjob123/rerender');
    expect(missing.statusCode).toBe(404);
    await t.ctx.runtime.worker.stop();
    let jobId = '';
    try {
      const created = await post(t.app, '/api/generate-set', { character: 'bear', actions: EIGHT });
      jobId = created.json().jobId;
      const busy = await post(t.app, `/api/jobs/${jobId}/rerender`);
      expect([busy.statusCode, busy.json().error.code]).toEqual([409, 'not_ready']);
      expect(t.ctx.runtime.deps.versions.unfinished(jobId)).toHaveLength(EIGHT.length);
      expect(eventsOf(jobId, 'emoji.regenerated')).toEqual([]);
    } finally {
      t.ctx.runtime.worker.start();
    }
    await waitForJob(t.ctx.runtime, jobId);
  });
});

describe('versions', () => {
  let jobId: string;

  beforeAll(async () => {
    jobId = await finishedSet();
    const res = await post(t.app, `/api/jobs/${jobId}/emojis/4/retry`);
    await waitForVersion(t.ctx.runtime, jobId, 4, res.json().version);
  });

  it('lists every render with its files and which one is shown, and goes back to an earlier one', async () => {
    const list = (await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}/emojis/4/versions` })).json();
    expect(list.current).toBe(2);
    expect(list.versions.map((v: { version: number; origin: string }) => [v.version, v.origin])).toEqual([
      [1, 'initial'],
      [2, 'retry'],
    ]);
    for (const v of list.versions) expect(v.validation['line-emoji'].ok).toBe(true);

    await post(t.app, `/api/jobs/${jobId}/emojis/4/approve`);
    const res = await post(t.app, `/api/jobs/${jobId}/emojis/4/versions/1/select`);
    expect(res.statusCode).toBe(200);
    expect(res.json().emoji).toMatchObject({ version: 1, approved: false, versionCount: 2, rendering: null });
    const shown = (await jobReply(jobId)).emojis[4];
    expect(shown.assetUrls['line-emoji']).toBe(list.versions[0].assetUrls['line-emoji']);
    expect(eventsOf(jobId, 'emoji.version_selected').map((e) => e.payload)).toEqual([
      { index: 4, version: 1, from: 2 },
    ]);
  });

  it('answers 404 for a version that does not exist and 409 for one that failed', async () => {
    expect((await post(t.app, `/api/jobs/${jobId}/emojis/4/versions/9/select`)).statusCode).toBe(404);
    t.refuse(true);
    try {
      const res = await post(t.app, `/api/jobs/${jobId}/emojis/${CRY}/regenerate`, {
        action: 'cry',
        caption: 'Waah',
      });
      // A regenerate keeps the seed, which is 0 for a first emoji: the test engine refuses it.
      const failed = await waitForVersion(t.ctx.runtime, jobId, CRY, res.json().version);
      expect(failed.status).toBe('failed');
      const select = await post(t.app, `/api/jobs/${jobId}/emojis/${CRY}/versions/${failed.version}/select`);
      expect([select.statusCode, select.json().error.message]).toEqual([
        409,
        expect.stringMatching(/failed/),
      ]);
      const shown = (await jobReply(jobId)).emojis[CRY];
      expect(shown.version).toBe(1);
      // After a reload the page can still say why the re-render did not work.
      expect(shown.lastFailure).toMatchObject({
        version: failed.version,
        error: expect.stringMatching(/refuses cry/),
      });
    } finally {
      t.refuse(false);
    }
  });
});

describe('quota', () => {
  it('charges one emoji per re-render and gives it back when the render fails', async () => {
    const jobId = await finishedSet();
    const start = await used();
    const ok = await post(t.app, `/api/jobs/${jobId}/emojis/0/retry`);
    await waitForVersion(t.ctx.runtime, jobId, 0, ok.json().version);
    expect(await used()).toBe(start + 1);

    t.refuse(true);
    try {
      const bad = await post(t.app, `/api/jobs/${jobId}/emojis/${CRY}/regenerate`, { intensity: 1 });
      expect(bad.statusCode).toBe(202);
      const failed = await waitForVersion(t.ctx.runtime, jobId, CRY, bad.json().version);
      expect(failed.status).toBe('failed');
      expect(await used()).toBe(start + 1);
      expect(eventsOf(jobId, 'emoji.failed').map((e) => e.payload)).toMatchObject([
        { index: CRY, version: failed.version, reason: expect.stringMatching(/refuses cry/) },
      ]);
    } finally {
      t.refuse(false);
    }
  });

  it('refuses a re-render past the daily limit with 429 and Retry-After, and keeps the refusal in the trail', async () => {
    const small = tempRuntime({ QUOTA_DAILY_EMOJIS: '9' });
    const smallApp = await buildApp(small.runtime, {
      logger: false,
      webRoot: path.join(small.dataDir, 'no-web'),
    });
    small.runtime.worker.start();
    try {
      const created = await post(smallApp, '/api/generate-set', { character: 'cat', actions: EIGHT });
      const jobId = created.json().jobId as string;
      await waitForJob(small.runtime, jobId);
      const first = await post(smallApp, `/api/jobs/${jobId}/emojis/0/retry`);
      expect(first.statusCode).toBe(202);
      await waitForVersion(small.runtime, jobId, 0, 2);
      const before = refineCounts(small.runtime);
      const res = await post(smallApp, `/api/jobs/${jobId}/emojis/1/retry`);
      expect([res.statusCode, res.json().error.code]).toEqual([429, 'quota_daily_emojis']);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(refineCounts(small.runtime)).toEqual({ ...before, events: before.events + 1 });
      const refusal = small.runtime.deps.db
        .prepare(`SELECT type FROM events ORDER BY id DESC LIMIT 1`)
        .pluck()
        .get();
      expect(refusal).toBe('quota.exceeded');
      // The whole set again is all of its emojis or none of them.
      const all = await post(smallApp, `/api/jobs/${jobId}/rerender`);
      expect([all.statusCode, all.json().error.code]).toEqual([429, 'quota_daily_emojis']);
      expect(refineCounts(small.runtime)).toEqual({ ...before, events: before.events + 2 });
    } finally {
      await smallApp.close();
      await small.dispose();
    }
  });
});
