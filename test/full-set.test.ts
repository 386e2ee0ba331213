import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.ts';
import { decodeApng, validateAnimatedFile } from '../src/encode/index.ts';
import { characterOnFlatBackground } from './support/images.ts';
import { multipart } from './support/multipart.ts';
import { tempRuntime, waitForJob } from './support/temp-runtime.ts';

const ACTIONS = ['hello', 'love', 'cry', 'angry', 'laugh', 'sleepy', 'surprised', 'thanks'];
let ctx: ReturnType<typeof tempRuntime>;
let app: FastifyInstance;

beforeAll(async () => {
  ctx = tempRuntime();
  app = await buildApp(ctx.runtime, { logger: false, webRoot: path.join(ctx.dataDir, 'no-web') });
  ctx.runtime.worker.start();
});

afterAll(async () => {
  await app.close();
  await ctx.dispose();
});

const sources = {
  'a built-in character': async () => ({
    payload: { character: 'cat', color: 'ginger', actions: ACTIONS.join(',') },
  }),
  'a PNG with a flat background': async () =>
    multipart({ actions: ACTIONS.join(',') }, [
      {
        field: 'image',
        fileName: 'tomato.png',
        contentType: 'image/png',
        data: await characterOnFlatBackground(400),
      },
    ]),
};

describe.each(Object.entries(sources))('a full LINE emoji set from %s', (_name, request) => {
  let jobId: string;
  let zip: Record<string, Uint8Array>;

  beforeAll(async () => {
    const res = await app.inject({ method: 'POST', url: '/api/generate-set', ...(await request()) });
    expect(res.statusCode).toBe(202);
    jobId = res.json().jobId;
    const done = await waitForJob(ctx.runtime, jobId);
    expect(done.job.error).toBeNull();
    const download = await app.inject({
      method: 'GET',
      url: `/api/jobs/${jobId}/download?platform=line-emoji`,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    zip = unzipSync(download.rawPayload);
  });

  it('completes with every emoji done, validated and reachable by URL', async () => {
    const job = (await app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).json();
    expect(job.status).toBe('completed');
    expect(job.progress).toEqual({ done: 8, total: 8 });
    expect(job.downloads['line-emoji']).toMatch(/\/download\?platform=line-emoji$/);
    for (const emoji of job.emojis) {
      expect(emoji.status).toBe('completed');
      expect(emoji.validation['line-emoji'].ok).toBe(true);
      const asset = await app.inject({ method: 'GET', url: emoji.assetUrl });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['content-type']).toBe('image/png');
    }
  });

  it('packages LINE file names, the tab image, a manifest and the validation report', () => {
    expect(Object.keys(zip).sort()).toEqual([
      '001.png',
      '002.png',
      '003.png',
      '004.png',
      '005.png',
      '006.png',
      '007.png',
      '008.png',
      'manifest.json',
      'tab.png',
      'validation.json',
    ]);
    const manifest = JSON.parse(Buffer.from(zip['manifest.json']).toString());
    expect(manifest.emojis.map((e: { action: string }) => e.action)).toEqual(ACTIONS);
  });

  it('passes every LINE rule in every file, checked by decoding', () => {
    for (let i = 1; i <= 8; i++) {
      const file = zip[`00${i}.png`];
      const report = validateAnimatedFile(file, 'line-emoji');
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      const anim = decodeApng(file);
      expect([anim.width, anim.height]).toEqual([180, 180]);
      // LINE: 1–4 plays whose total playback stays within 4 s (creator.line.me animated emoji guideline).
      const loopMs = anim.frames.reduce((sum, f) => sum + (1000 * f.delayNum) / f.delayDen, 0);
      expect(anim.numPlays).toBeGreaterThanOrEqual(1);
      expect(anim.numPlays * loopMs).toBeLessThanOrEqual(4000);
      expect(anim.frames.length).toBeGreaterThanOrEqual(5);
      expect(anim.frames.length).toBeLessThanOrEqual(20);
      // The background is cut away: the corners are transparent.
      expect(anim.frames[0].rgba[3]).toBe(0);
      expect(anim.frames[0].rgba[(180 * 180 - 1) * 4 + 3]).toBe(0);
    }
  });

  it('makes a 96×74 tab image', async () => {
    const meta = await sharp(zip['tab.png']).metadata();
    expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['png', 96, 74, true]);
  });

  it('records each event exactly once, in order, and streams them over SSE', async () => {
    const events = ctx.runtime.deps.events.forJob(jobId);
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('job.created');
    expect(types.at(-1)).toBe('job.completed');
    expect(types.filter((t) => t === 'job.completed')).toHaveLength(1);
    const stages = events.filter((e) => e.type === 'job.stage_completed').map((e) => e.payload.stage);
    expect(stages).toEqual(['prepare', 'animate', 'encode', 'package']);
    const emojiEvents = events.filter((e) => e.type === 'emoji.completed').map((e) => e.payload.index);
    expect([...emojiEvents].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);

    const sse = await app.inject({ method: 'GET', url: `/api/jobs/${jobId}/events` });
    expect(sse.headers['content-type']).toMatch(/^text\/event-stream/);
    const ids = [...sse.body.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(ids).toEqual(events.map((e) => e.id));
    const emojiData = [...sse.body.matchAll(/^event: emoji\.completed\ndata: (.*)$/gm)].map((m) =>
      JSON.parse(m[1]),
    );
    expect(emojiData).toHaveLength(8);
    expect(emojiData[0].assetUrl).toMatch(/^\/api\/assets\//);

    const resumed = await app.inject({
      method: 'GET',
      url: `/api/jobs/${jobId}/events`,
      headers: { 'last-event-id': String(ids[ids.length - 2]) },
    });
    expect([...resumed.body.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))).toEqual([ids.at(-1)]);
  });
});
