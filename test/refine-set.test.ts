import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../src/domain/platforms.ts';
import { decodeApng, validateFile } from '../src/encode/index.ts';
import { post, refineFixture, waitForVersion } from './support/refine.ts';
import { listFiles, waitForJob } from './support/temp-runtime.ts';

const EIGHT = ['hello', 'love', 'cry', 'angry', 'laugh', 'sleepy', 'surprised', 'thanks'];
const CRY = EIGHT.indexOf('cry');

const t = refineFixture();

async function finishedSet(platforms = ['line-emoji']) {
  const res = await post(t.app, '/api/generate-set', { character: 'chick', actions: EIGHT, platforms });
  expect(res.statusCode, res.body).toBe(202);
  const jobId = res.json().jobId as string;
  return { jobId, done: await waitForJob(t.ctx.runtime, jobId) };
}

const jobReply = async (jobId: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).json();
const eventTypes = (jobId: string) => t.ctx.runtime.deps.events.forJob(jobId, 0).map((e) => e.type);

describe('approving and downloading the approved emojis', () => {
  let jobId: string;

  beforeAll(async () => {
    ({ jobId } = await finishedSet(['line-emoji', 'slack-emoji']));
  });

  it('approves and unapproves one emoji, recording each change once', async () => {
    const first = await post(t.app, `/api/jobs/${jobId}/emojis/5/approve`);
    expect([first.statusCode, first.json().emoji.approved]).toEqual([200, true]);
    expect((await post(t.app, `/api/jobs/${jobId}/emojis/5/approve`)).json().emoji.approved).toBe(true);
    const undo = await t.app.inject({ method: 'DELETE', url: `/api/jobs/${jobId}/emojis/5/approve` });
    expect(undo.json().emoji.approved).toBe(false);
    const types = eventTypes(jobId);
    expect(types.filter((t) => t === 'emoji.approved')).toHaveLength(1);
    expect(types.filter((t) => t === 'emoji.unapproved')).toHaveLength(1);
  });

  it('downloads only the approved emojis, numbered from 1 as the platform requires', async () => {
    for (const index of [2, 5, 6]) await post(t.app, `/api/jobs/${jobId}/emojis/${index}/approve`);
    const body = await jobReply(jobId);
    expect(body.counts).toMatchObject({ total: 8, completed: 8, approved: 3, failed: 0 });
    for (const platform of ['line-emoji', 'slack-emoji']) {
      const res = await t.app.inject({ method: 'GET', url: body.approvedDownloads[platform] });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/-approved\.zip"$/);
      const zip = unzipSync(res.rawPayload);
      const rules = PLATFORMS[platform as 'line-emoji' | 'slack-emoji'];
      const names = [0, 1, 2].map((i) => rules.fileName(i));
      expect(
        Object.keys(zip)
          .filter((n) => names.includes(n))
          .sort(),
      ).toEqual(names);
      expect(Object.keys(zip)).not.toContain(rules.fileName(3));
      const manifest = JSON.parse(Buffer.from(zip['manifest.json']).toString());
      expect(manifest.emojis.map((e: { index: number; action: string }) => [e.index, e.action])).toEqual([
        [2, 'cry'],
        [5, 'sleepy'],
        [6, 'surprised'],
      ]);
      // Each file in the ZIP is the emoji it says it is: the same bytes as that emoji's asset.
      const asset = await t.app.inject({ method: 'GET', url: body.emojis[5].assetUrls[platform] });
      expect(Buffer.compare(Buffer.from(zip[rules.fileName(1)]), asset.rawPayload)).toBe(0);
      for (const name of names)
        expect((await validateFile(zip[name], platform as 'line-emoji')).ok).toBe(true);
    }
  });

  it('approves every finished emoji at once', async () => {
    const res = await post(t.app, `/api/jobs/${jobId}/approve-all`);
    expect(res.json()).toEqual({ approved: 5, total: 8 });
    expect((await jobReply(jobId)).counts.approved).toBe(8);
    expect((await post(t.app, `/api/jobs/${jobId}/approve-all`)).json()).toEqual({ approved: 0, total: 8 });
  });

  it('drops the approval when the emoji is re-rendered, since the new version was never looked at', async () => {
    const res = await post(t.app, `/api/jobs/${jobId}/emojis/0/retry`);
    await waitForVersion(t.ctx.runtime, jobId, 0, res.json().version);
    const emoji = (await jobReply(jobId)).emojis[0];
    expect([emoji.version, emoji.approved]).toEqual([2, false]);
  });

  it('refuses an approved-only ZIP when nothing is approved', async () => {
    const { jobId: fresh } = await finishedSet();
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/jobs/${fresh}/download?platform=line-emoji&approved=1`,
    });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'not_ready']);
  });
});

describe('the frame scrubber', () => {
  it('decodes the exact file each platform receives into a strip of frames with their delays', async () => {
    const { jobId } = await finishedSet(['line-emoji', 'discord-emoji']);
    const body = await jobReply(jobId);
    const apng = decodeApng(
      (await t.app.inject({ method: 'GET', url: body.emojis[1].assetUrls['line-emoji'] })).rawPayload,
    );
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/jobs/${jobId}/emojis/1/frames?platform=line-emoji`,
    });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ platform: 'line-emoji', index: 1, version: 1, width: 180, height: 180 });
    expect(view.count).toBe(apng.frames.length);
    expect(view.delaysMs.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(
      apng.frames.reduce((t, f) => t + (1000 * f.delayNum) / f.delayDen, 0),
    );
    const strip = await sharp(
      (await t.app.inject({ method: 'GET', url: view.stripUrl })).rawPayload,
    ).metadata();
    expect([strip.width, strip.height]).toEqual([view.frameWidth * view.count, view.frameHeight]);
    const gif = (
      await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}/emojis/1/frames?platform=discord-emoji` })
    ).json();
    expect([gif.width, gif.frameWidth]).toEqual([128, 128]);
    const missing = await t.app.inject({
      method: 'GET',
      url: `/api/jobs/${jobId}/emojis/1/frames?platform=slack-emoji`,
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('a set that failed because of one emoji', () => {
  it('becomes complete once that emoji is retried and works', async () => {
    t.refuse(true);
    let jobId: string;
    try {
      const made = await finishedSet();
      jobId = made.jobId;
      expect(made.done.job.status).toBe('failed');
      expect(made.done.job.error).toMatch(/cry/);
    } finally {
      t.refuse(false);
    }
    const stillFailed = await t.app.inject({
      method: 'GET',
      url: `/api/jobs/${jobId}/download?platform=line-emoji`,
    });
    expect(stillFailed.statusCode).toBe(409);
    // A retry has a new seed, which the test engine renders.
    t.refuse(true);
    try {
      const res = await post(t.app, `/api/jobs/${jobId}/emojis/${CRY}/retry`);
      expect(res.statusCode).toBe(202);
      expect((await waitForVersion(t.ctx.runtime, jobId, CRY, 2)).status).toBe('completed');
    } finally {
      t.refuse(false);
    }
    const body = await jobReply(jobId);
    expect([body.status, body.error, body.counts.failed]).toEqual(['completed', null, 0]);
    expect(eventTypes(jobId).slice(-2)).toEqual(['emoji.completed', 'job.completed']);
    const zip = await t.app.inject({ method: 'GET', url: body.downloads['line-emoji'] });
    expect(zip.statusCode).toBe(200);
    expect(Object.keys(unzipSync(zip.rawPayload))).toContain('008.png');
  });
});

describe('deleting a set', () => {
  it('removes its files and rows, keeps its audit trail and the quota it used, and answers 404 afterwards', async () => {
    const { jobId } = await finishedSet();
    const usedBefore = (await t.app.inject({ method: 'GET', url: '/api/me' })).json().quota.dailyEmojis.used;
    const assetsDir = t.ctx.runtime.config.assetsDir;
    expect(listFiles(path.join(assetsDir, 'jobs', jobId)).length).toBeGreaterThan(8);
    const res = await t.app.inject({ method: 'DELETE', url: `/api/jobs/${jobId}` });
    expect(res.statusCode).toBe(204);
    expect(fs.existsSync(path.join(assetsDir, 'jobs', jobId))).toBe(false);
    const count = (table: string) =>
      t.ctx.runtime.deps.db.prepare(`SELECT COUNT(*) FROM ${table} WHERE job_id = ?`).pluck().get(jobId);
    for (const table of ['emoji_results', 'emoji_versions', 'tasks', 'assets'])
      expect(count(table), table).toBe(0);
    expect(t.ctx.runtime.deps.jobs.find(jobId)).toBeUndefined();
    const trail = eventTypes(jobId);
    expect(trail[0]).toBe('job.created');
    expect(trail.at(-1)).toBe('job.deleted');
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).json().quota.dailyEmojis.used).toBe(
      usedBefore,
    );
    expect((await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/jobs/${jobId}` })).statusCode).toBe(404);
  });
});

describe('the archive list', () => {
  it('filters by status and reports the last step, counts and a thumbnail', async () => {
    const { jobId } = await finishedSet();
    const list = async (status: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/jobs?status=${status}` })).json().jobs as {
        id: string;
        status: string;
        lastStep: string;
        thumbnailUrl: string | null;
        counts: { total: number };
      }[];
    const completed = await list('completed');
    const mine = completed.find((j) => j.id === jobId)!;
    expect(mine).toMatchObject({ status: 'completed', lastStep: 'package', counts: { total: 8 } });
    const thumb = await t.app.inject({ method: 'GET', url: mine.thumbnailUrl! });
    expect(thumb.headers['content-type']).toBe('image/png');
    expect(completed.every((j) => j.status === 'completed')).toBe(true);
    expect((await list('failed')).every((j) => j.status === 'failed')).toBe(true);
    expect((await list('all')).length).toBeGreaterThanOrEqual(completed.length);
    const bad = await t.app.inject({ method: 'GET', url: '/api/jobs?status=weird' });
    expect(bad.statusCode).toBe(400);
  });
});
