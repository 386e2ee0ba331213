import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.ts';
import { PLATFORMS, type PlatformId } from '../src/domain/platforms.ts';
import { validateFile } from '../src/encode/index.ts';
import { MasterCache } from '../src/pipeline/master-cache.ts';
import { multipart } from './support/multipart.ts';
import { listFiles, rowCounts, tempRuntime, waitForJob } from './support/temp-runtime.ts';

const EIGHT = ['hello', 'love', 'cry', 'angry', 'laugh', 'sleepy', 'surprised', 'thanks'];
/** Every target that takes a set of eight (KakaoTalk takes exactly 24; it has its own test). */
const OF_EIGHT: PlatformId[] = [
  'line-emoji',
  'line-sticker',
  'discord-emoji',
  'slack-emoji',
  'telegram-sticker',
  'whatsapp-sticker',
];

async function start(app: FastifyInstance, payload: Record<string, unknown>): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/generate-set', payload });
  expect(res.statusCode, res.body).toBe(202);
  return res.json().jobId;
}

async function download(app: FastifyInstance, jobId: string, platform: string) {
  const res = await app.inject({ method: 'GET', url: `/api/jobs/${jobId}/download?platform=${platform}` });
  expect(res.statusCode, res.body).toBe(200);
  return unzipSync(res.rawPayload);
}

describe('one set for several platforms', () => {
  let ctx: ReturnType<typeof tempRuntime>;
  let app: FastifyInstance;
  let jobId: string;
  let job: ReturnType<typeof ctx.runtime.jobs.get>;

  beforeAll(async () => {
    ctx = tempRuntime();
    app = await buildApp(ctx.runtime, { logger: false, webRoot: path.join(ctx.dataDir, 'no-web') });
    ctx.runtime.worker.start();
    jobId = await start(app, {
      character: 'bear',
      color: 'honey',
      emojis: EIGHT.map((action, i) => ({ action, ...(i === 0 ? { caption: 'こんにちは' } : {}) })),
      platforms: OF_EIGHT,
    });
    job = await waitForJob(ctx.runtime, jobId, 240_000);
  }, 300_000);

  afterAll(async () => {
    await app.close();
    await ctx.dispose();
  });

  it('completes with a download for every platform and keeps the caption on its emoji', () => {
    expect(job.job.error).toBeNull();
    expect(job.job.status).toBe('completed');
    expect(job.job.unavailable).toEqual({});
    expect(job.emojis[0].params).toEqual({ caption: 'こんにちは' });
    expect(
      job.emojis.every((e) => Object.keys(e.outputs).sort().join() === [...OF_EIGHT].sort().join()),
    ).toBe(true);
  });

  it.each(OF_EIGHT)(
    '%s: the ZIP holds the platform’s file names, still images and files that pass its rules',
    async (platform) => {
      const rules = PLATFORMS[platform];
      const zip = await download(app, jobId, platform);
      const names = EIGHT.map((_, i) => rules.fileName(i));
      const extras = rules.extras.map((e) => e.name);
      expect(Object.keys(zip).sort()).toEqual(
        [...names, ...extras, 'manifest.json', 'validation.json'].sort(),
      );
      for (const name of names) {
        const report = await validateFile(zip[name], platform);
        expect(
          report.checks.filter((c) => !c.ok),
          `${platform}/${name}`,
        ).toEqual([]);
      }
      for (const extra of rules.extras) {
        const meta = await sharp(zip[extra.name]).metadata();
        expect([meta.format, meta.width, meta.height], extra.name).toEqual([
          'png',
          extra.width,
          extra.height,
        ]);
        if (extra.maxBytes !== undefined) expect(zip[extra.name].length).toBeLessThanOrEqual(extra.maxBytes);
      }
      const manifest = JSON.parse(Buffer.from(zip['manifest.json']).toString());
      expect(manifest.platform).toBe(platform);
      expect(manifest.emojis.map((e: { file: string; action: string }) => [e.file, e.action])).toEqual(
        EIGHT.map((a, i) => [rules.fileName(i), a]),
      );
      expect(manifest.extras).toEqual(extras);
    },
  );

  it('keeps one lossless master per emoji, at the largest size the set needs', async () => {
    const masters = listFiles(path.join(ctx.runtime.config.assetsDir, 'jobs', jobId, 'masters'));
    expect(masters.sort()).toEqual(EIGHT.map((_, i) => `00${i}.frames`));
    const { decodeFrames } = await import('../src/pipeline/frames.codec.ts');
    const master = await decodeFrames(await ctx.runtime.deps.storage.get(job.emojis[0].masterKey!));
    expect([master.width, master.height]).toEqual([512, 512]);
  });

  it('reports every platform’s URL, size and validation for each emoji', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/jobs/${jobId}` });
    const body = res.json();
    expect(Object.keys(body.downloads).sort()).toEqual([...OF_EIGHT].sort());
    for (const emoji of body.emojis) {
      expect(Object.keys(emoji.assetUrls).sort()).toEqual([...OF_EIGHT].sort());
      for (const platform of OF_EIGHT) {
        expect(emoji.validation[platform].ok).toBe(true);
        expect(emoji.sizes[platform]).toBeGreaterThan(0);
      }
    }
    const webm = await app.inject({ method: 'GET', url: body.emojis[0].assetUrls['telegram-sticker'] });
    expect(webm.headers['content-type']).toBe('video/webm');
    const webp = await app.inject({ method: 'GET', url: body.emojis[0].assetUrls['whatsapp-sticker'] });
    expect(webp.headers['content-type']).toBe('image/webp');
  });
});

describe('after the drawn sizes were forgotten (a restart between animate and encode)', () => {
  it('resizes the stored master instead, and every file still passes its rules', async () => {
    const ctx = tempRuntime();
    try {
      // One byte of room: each size drawn pushes the one before out, as a restart would lose them all.
      ctx.runtime.deps.masters = new MasterCache(1);
      const app = await buildApp(ctx.runtime, { logger: false, webRoot: path.join(ctx.dataDir, 'no-web') });
      ctx.runtime.worker.start();
      const jobId = await start(app, {
        character: 'cat',
        actions: EIGHT,
        platforms: ['line-emoji', 'slack-emoji', 'whatsapp-sticker'],
      });
      const done = await waitForJob(ctx.runtime, jobId, 120_000);
      expect(done.job.error).toBeNull();
      for (const platform of ['line-emoji', 'slack-emoji', 'whatsapp-sticker'] as const) {
        const zip = await download(app, jobId, platform);
        for (let i = 0; i < 8; i++) {
          const report = await validateFile(zip[PLATFORMS[platform].fileName(i)], platform);
          expect(report.ok, `${platform} ${i}`).toBe(true);
        }
      }
      await app.close();
    } finally {
      await ctx.dispose();
    }
  }, 180_000);
});

describe('KakaoTalk', () => {
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

  it('makes a set of exactly 24 GIFs of 360×360 that pass its rules', async () => {
    const actions = [
      'hello',
      'bye',
      'love',
      'kiss',
      'laugh',
      'cry',
      'sad',
      'angry',
      'surprised',
      'shock',
      'sleepy',
      'goodnight',
      'thanks',
      'sorry',
      'yes',
      'no',
      'ok',
      'jump',
      'dance',
      'spin',
      'party',
      'celebrate',
      'thinking',
      'shy',
    ];
    const jobId = await start(app, { character: 'frog', actions, platforms: ['kakao-emoticon'] });
    const done = await waitForJob(ctx.runtime, jobId, 240_000);
    expect(done.job.error).toBeNull();
    const zip = await download(app, jobId, 'kakao-emoticon');
    const rules = PLATFORMS['kakao-emoticon'];
    for (let i = 0; i < 24; i++) {
      const report = await validateFile(zip[rules.fileName(i)], 'kakao-emoticon');
      expect(report.ok, rules.fileName(i)).toBe(true);
    }
  }, 300_000);

  it.each([
    [['kakao-emoticon'], 8, /KakaoTalk emoticon sets have exactly 24 emojis; this one has 8/],
    [['line-sticker'], 10, /LINE animated sticker sets have 8, 16 or 24 emojis; this one has 10/],
    [['line-emoji', 'whatsapp-sticker'], 2, /LINE animated emoji sets have 8 to 40 emojis; this one has 2/],
  ])(
    'refuses %j for a set of %i, saying which sizes the platform takes',
    async (platforms, size, message) => {
      const before = rowCounts(ctx.runtime);
      const res = await app.inject({
        method: 'POST',
        url: '/api/generate-set',
        payload: { character: 'cat', actions: EIGHT.concat(EIGHT).slice(0, size), platforms },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('invalid_actions');
      expect(res.json().error.message).toMatch(message);
      expect(rowCounts(ctx.runtime)).toEqual(before);
    },
  );
});

describe('per-emoji knobs', () => {
  let ctx: ReturnType<typeof tempRuntime>;
  let app: FastifyInstance;

  beforeAll(async () => {
    ctx = tempRuntime();
    app = await buildApp(ctx.runtime, { logger: false, webRoot: path.join(ctx.dataDir, 'no-web') });
  });

  afterAll(async () => {
    await app.close();
    await ctx.dispose();
  });

  const eight = (overrides: Record<string, unknown>) =>
    EIGHT.map((action, i) => (i === 3 ? { action, ...overrides } : { action }));

  it.each([
    [
      'a caption longer than 16 characters',
      { caption: 'This caption is far too long' },
      /emoji 4 \(angry\): caption has 28 characters; at most 16 fit/,
    ],
    ['a caption on two lines', { caption: 'one\ntwo' }, /emoji 4 \(angry\): caption must be one line/],
    ['an accent that is not a colour', { accent: 'red' }, /emoji 4 \(angry\): accent must be a colour/],
    ['a speed out of range', { speed: 5 }, /emoji 4 \(angry\): speed must be a number from 0.5 to 2/],
    [
      'an intensity out of range',
      { intensity: -1 },
      /emoji 4 \(angry\): intensity must be a number from 0 to 1/,
    ],
  ])('refuses %s with 422, naming the emoji, and writes nothing', async (_name, overrides, message) => {
    const before = rowCounts(ctx.runtime);
    const res = await app.inject({
      method: 'POST',
      url: '/api/generate-set',
      payload: { character: 'cat', emojis: eight(overrides) },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'invalid_params' });
    expect(res.json().error.message).toMatch(message);
    expect(rowCounts(ctx.runtime)).toEqual(before);
  });

  it('stores captions, accents, speed and intensity from a multipart form, and repeats stay variants', async () => {
    const emojis = [
      { action: 'hello', caption: ' Hi, you! ', accent: '#FF0000', speed: 1.5, intensity: 0.2 },
      { action: 'hello', caption: '안녕' },
      ...EIGHT.slice(1, 7).map((action) => ({ action })),
    ];
    const res = await app.inject({
      method: 'POST',
      url: '/api/generate-set',
      ...multipart({ character: 'cat', emojis: JSON.stringify(emojis) }, []),
    });
    expect(res.statusCode, res.body).toBe(202);
    const { emojis: stored } = ctx.runtime.jobs.get(res.json().jobId, 'local');
    expect(stored[0].params).toEqual({ caption: 'Hi, you!', accent: '#ff0000', speed: 1.5, intensity: 0.2 });
    expect(stored[1].params).toEqual({ caption: '안녕', seed: 1 });
    expect(stored.map((e) => e.action)).toEqual(emojis.map((e) => e.action));
  });

  it('refuses both actions and emojis, and an emojis field that is not JSON', async () => {
    const both = await app.inject({
      method: 'POST',
      url: '/api/generate-set',
      payload: { character: 'cat', actions: EIGHT, emojis: eight({}) },
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.message).toMatch(/either actions or emojis/);
    const notJson = await app.inject({
      method: 'POST',
      url: '/api/generate-set',
      ...multipart({ character: 'cat', emojis: 'hello,love' }, []),
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.message).toMatch(/JSON array/);
  });
});

describe('without ffmpeg', () => {
  let ctx: ReturnType<typeof tempRuntime>;
  let app: FastifyInstance;

  beforeAll(async () => {
    ctx = tempRuntime({ FFMPEG_PATH: path.join('/nonexistent', 'ffmpeg') });
    app = await buildApp(ctx.runtime, { logger: false, webRoot: path.join(ctx.dataDir, 'no-web') });
    ctx.runtime.worker.start();
  });

  afterAll(async () => {
    await app.close();
    await ctx.dispose();
  });

  it('says in the config that Telegram stickers are unavailable, and why', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/config' });
    const telegram = res.json().platforms.find((p: { id: string }) => p.id === 'telegram-sticker');
    expect(telegram.available).toBe(false);
    expect(telegram.unavailableReason).toMatch(/is not installed.*ffmpeg/);
    const line = res.json().platforms.find((p: { id: string }) => p.id === 'line-emoji');
    expect(line.available).toBe(true);
  });

  it('makes the other platforms and names the one it left out, instead of failing the job', async () => {
    const jobId = await start(app, {
      character: 'chick',
      actions: EIGHT,
      platforms: ['line-emoji', 'telegram-sticker'],
    });
    const done = await waitForJob(ctx.runtime, jobId, 120_000);
    expect(done.job.status).toBe('completed');
    expect(done.job.unavailable['telegram-sticker']).toMatch(/is not installed/);
    expect(
      done.emojis.every(
        (e) => e.status === 'completed' && e.outputs['line-emoji'] && !e.outputs['telegram-sticker'],
      ),
    ).toBe(true);
    const body = (await app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).json();
    expect(Object.keys(body.downloads)).toEqual(['line-emoji']);
    expect(body.unavailable['telegram-sticker']).toMatch(/ffmpeg/);
    await download(app, jobId, 'line-emoji');
    const telegram = await app.inject({
      method: 'GET',
      url: `/api/jobs/${jobId}/download?platform=telegram-sticker`,
    });
    expect(telegram.statusCode).toBe(404);
    expect(telegram.json().error.message).toMatch(
      /Telegram video sticker files were not made: .*not installed/,
    );
  });

  it('fails a job whose only platform cannot be made, with the reason', async () => {
    const jobId = await start(app, { character: 'chick', actions: EIGHT, platforms: ['telegram-sticker'] });
    const done = await waitForJob(ctx.runtime, jobId, 120_000);
    expect(done.job.status).toBe('failed');
    expect(done.job.error).toMatch(/none of the chosen platforms can be made here \(.*not installed/);
  });
});
