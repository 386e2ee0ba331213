import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.ts';
import { decodeApng } from '../src/encode/index.ts';
import { multipart } from './support/multipart.ts';
import { post, waitForVersion } from './support/refine.ts';
import { tempRuntime, waitForJob } from './support/temp-runtime.ts';

const EIGHT = ['hello', 'love', 'cry', 'angry', 'laugh', 'sleepy', 'surprised', 'thanks'];
const HOLE = { x: 200, y: 210 };

/**
 * A red ring on a cream background whose hole holds a slightly darker cream: the
 * matte keeps that hole (it is enclosed and not quite the background), which is the
 * leftover background a user erases by hand.
 */
async function ringOnBackground(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">
    <rect width="400" height="400" fill="#f0e6d2"/>
    <circle cx="200" cy="210" r="120" fill="#e0523f" stroke="#3a2a2a" stroke-width="8"/>
    <circle cx="200" cy="210" r="22" fill="#e6dac2" stroke="#3a2a2a" stroke-width="6"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

let ctx: ReturnType<typeof tempRuntime>;
let app: FastifyInstance;
let jobId: string;

beforeAll(async () => {
  ctx = tempRuntime();
  app = await buildApp(ctx.runtime, { logger: false, webRoot: path.join(ctx.dataDir, 'no-web') });
  ctx.runtime.worker.start();
  const form = multipart({ actions: EIGHT.join(',') }, [
    { field: 'image', fileName: 'ring.png', contentType: 'image/png', data: await ringOnBackground() },
  ]);
  const res = await app.inject({ method: 'POST', url: '/api/generate-set', ...form });
  jobId = res.json().jobId;
  await waitForJob(ctx.runtime, jobId);
});

afterAll(async () => {
  await app.close();
  await ctx.dispose();
});

async function alphaOf(url: string, x: number, y: number): Promise<number> {
  const png = (await app.inject({ method: 'GET', url })).rawPayload;
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return data[(y * info.width + x) * 4 + 3];
}

const matte = (payload: Record<string, unknown>) => post(app, `/api/jobs/${jobId}/matte`, payload);
const edits = () =>
  ctx.runtime.deps.db.prepare('SELECT COUNT(*) FROM matte_edits WHERE job_id = ?').pluck().get(jobId);

/** Opaque pixels of the first frame of an emoji version's LINE file. */
async function opaqueInFirstFrame(assetUrl: string): Promise<number> {
  const apng = decodeApng((await app.inject({ method: 'GET', url: assetUrl })).rawPayload);
  return apng.frames[0].rgba.filter((v, i) => i % 4 === 3 && v > 128).length;
}

describe('touching up the matte of an upload', () => {
  it('shows the picture and its matte at the picture’s size, leftover background included', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/jobs/${jobId}/matte` });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ width: 400, height: 400, edits: 0 });
    expect(await alphaOf(view.matteUrl, HOLE.x, HOLE.y)).toBe(255);
    expect(await alphaOf(view.matteUrl, 5, 5)).toBe(0);
    expect(await alphaOf(view.sourceUrl, 5, 5)).toBe(255);
  });

  it('erases the leftover region with a flood fill and re-renders emojis from the new cut-out', async () => {
    const before = (await app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).json().emojis[0];
    const res = await matte({ op: 'erase', ...HOLE, tolerance: 12 });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    // The hole's inside (radius ~19 inside its stroke): about π·19² pixels.
    expect(view.pixels).toBeGreaterThan(900);
    expect(view.pixels).toBeLessThan(1500);
    expect(view.edits).toBe(1);
    expect(await alphaOf(view.matteUrl, HOLE.x, HOLE.y)).toBe(0);
    expect(await alphaOf(view.matteUrl, 200, 130)).toBe(255);

    // A regenerate with no changes keeps the seed: the only difference is the cut-out.
    const again = await post(app, `/api/jobs/${jobId}/emojis/0/regenerate`, {});
    const v2 = await waitForVersion(ctx.runtime, jobId, 0, again.json().version);
    expect(v2.status).toBe('completed');
    const after = (await app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).json().emojis[0];
    const [opaqueBefore, opaqueAfter] = [
      await opaqueInFirstFrame(before.assetUrl),
      await opaqueInFirstFrame(after.assetUrl),
    ];
    expect(opaqueAfter).toBeLessThan(opaqueBefore - 50);
    const event = ctx.runtime.deps.events.forJob(jobId, 0).find((e) => e.type === 'matte.edited');
    expect(event?.payload).toMatchObject({ op: 'erase', x: HOLE.x, y: HOLE.y, tolerance: 12, edits: 1 });
  });

  it('restores what was removed, from the original picture', async () => {
    const res = await matte({ op: 'restore', ...HOLE, tolerance: 12 });
    expect(res.statusCode).toBe(200);
    expect(res.json().edits).toBe(2);
    expect(await alphaOf(res.json().matteUrl, HOLE.x, HOLE.y)).toBe(255);
  });

  it('re-renders the whole set from the touched-up cut-out in one request', async () => {
    expect((await matte({ op: 'erase', ...HOLE, tolerance: 12 })).statusCode).toBe(200);
    const before = (await app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).json().emojis;
    const res = await post(app, `/api/jobs/${jobId}/rerender`);
    expect(res.statusCode, res.body).toBe(202);
    const { renders } = res.json() as { renders: { index: number; version: number }[] };
    expect(renders.map((r) => r.index)).toEqual(EIGHT.map((_, i) => i));
    for (const r of renders)
      expect((await waitForVersion(ctx.runtime, jobId, r.index, r.version)).status).toBe('completed');
    const after = (await app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).json().emojis;
    // Emoji 0 was re-rendered after the first erase already; every other one loses the hole now.
    for (const i of [1, 4, 7]) {
      expect(after[i].version).toBe(before[i].version + 1);
      expect(await opaqueInFirstFrame(after[i].assetUrl)).toBeLessThan(
        (await opaqueInFirstFrame(before[i].assetUrl)) - 50,
      );
    }
    // The hole back, as the tests below expect it.
    expect((await matte({ op: 'restore', ...HOLE, tolerance: 12 })).statusCode).toBe(200);
  });

  it.each([
    [
      'erasing where it is already clear',
      { op: 'erase', x: 5, y: 5, tolerance: 10 },
      422,
      /already transparent/,
    ],
    [
      'a point outside the picture',
      { op: 'erase', x: 400, y: 10 },
      422,
      /x must be a whole number of pixels from 0 to 399/,
    ],
    ['a fractional point', { op: 'erase', x: 10.5, y: 10 }, 422, /x must be a whole number/],
    ['a tolerance out of range', { op: 'erase', x: 200, y: 130, tolerance: 300 }, 422, /tolerance/],
    ['an unknown operation', { op: 'blur', x: 1, y: 1 }, 400, /op/],
    ['erasing the whole character', { op: 'erase', x: 200, y: 130, tolerance: 255 }, 422, /whole character/],
  ])('refuses %s, and records nothing', async (_name, payload, status, message) => {
    const count = edits();
    const res = await matte(payload);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.message).toMatch(message);
    expect(edits()).toBe(count);
  });

  it('refuses a touch-up of a built-in character, which has no background', async () => {
    const res = await post(app, '/api/generate-set', { character: 'cat', actions: EIGHT });
    const id = res.json().jobId;
    await waitForJob(ctx.runtime, id);
    const edit = await post(app, `/api/jobs/${id}/matte`, { op: 'erase', x: 1, y: 1 });
    expect([edit.statusCode, edit.json().error.code]).toEqual([409, 'conflict']);
  });

  it('lets one of two racing edits through and refuses the other, leaving no stray files', async () => {
    const [a, b] = await Promise.all([
      matte({ op: 'erase', ...HOLE, tolerance: 12 }),
      matte({ op: 'erase', x: 200, y: 200, tolerance: 12 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const job = ctx.runtime.deps.jobs.find(jobId)!;
    const files = await import('./support/temp-runtime.ts').then((m) =>
      m.listFiles(path.join(ctx.runtime.config.assetsDir, 'jobs', jobId, 'matte')),
    );
    // The first matte, two earlier edits and the winner: each with its cut-out (but the first).
    expect(files).toHaveLength(1 + 2 * job.matteVersion);
    expect(files).toContain(path.basename(job.matteKey!));
  });
});
