import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.ts';
import { findAction } from '../src/domain/actions.ts';
import { decodeApng } from '../src/encode/index.ts';
import { characterOnFlatBackground, pngClaiming } from './support/images.ts';
import { multipart } from './support/multipart.ts';
import { listFiles, rowCounts, tempRuntime } from './support/temp-runtime.ts';

const EIGHT = 'hello,love,cry,angry,laugh,sleepy,surprised,thanks';
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

describe('meta routes', () => {
  it('answers health', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('publishes the runtime config: auth mode, catalog, characters and platforms', async () => {
    const body = (await app.inject({ method: 'GET', url: '/api/config' })).json();
    expect(body.authMode).toBe('local');
    expect(body.actions.length).toBeGreaterThanOrEqual(12);
    expect(body.characters.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(['blob', 'cat', 'bear']),
    );
    expect(body.platforms.map((p: { id: string }) => p.id)).toContain('line-emoji');
  });

  it('renders a built-in character preview as PNG', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/characters/cat/preview.png?color=%23ff8800' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    const meta = await sharp(res.rawPayload).metadata();
    expect([meta.width, meta.height, meta.hasAlpha]).toEqual([256, 256, true]);
  });

  it('shows a built-in character doing an action as a looping 96 px APNG, in preset colours', async () => {
    const love = findAction('love')!;
    const res = await app.inject({
      method: 'GET',
      url: '/api/actions/love/preview.png?character=cat&color=grey',
    });
    expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'image/png']);
    expect(res.headers['cache-control']).toContain('max-age');
    const anim = decodeApng(res.rawPayload);
    expect([anim.animated, anim.width, anim.height, anim.numPlays]).toEqual([true, 96, 96, 0]);
    expect(anim.frames).toHaveLength(love.defaultFrames);
    const loopMs = anim.frames.reduce((ms, f) => ms + (1000 * f.delayNum) / f.delayDen, 0);
    expect(Math.round(loopMs)).toBe(love.defaultDurationMs);
    // Drawn, not blank: the character covers a good part of the frame, and it moves.
    const opaque = (rgba: Uint8Array) => rgba.filter((_, i) => i % 4 === 3 && rgba[i] === 255).length;
    expect(opaque(anim.frames[0].rgba)).toBeGreaterThan(96 * 96 * 0.2);
    expect(Buffer.from(anim.frames[0].rgba).equals(Buffer.from(anim.frames[4].rgba))).toBe(false);
    // The grey cat is not the ginger one.
    const ginger = await app.inject({ method: 'GET', url: '/api/actions/love/preview.png?character=cat' });
    expect(ginger.statusCode).toBe(200);
    expect(ginger.rawPayload.equals(res.rawPayload)).toBe(false);
    // Asked again: the same picture.
    const again = await app.inject({
      method: 'GET',
      url: '/api/actions/love/preview.png?character=cat&color=grey',
    });
    expect(again.rawPayload.equals(res.rawPayload)).toBe(true);
  });

  it('refuses action previews it would have to invent: unknown names 404, custom colours 400', async () => {
    const ask = async (url: string) => {
      const res = await app.inject({ method: 'GET', url });
      return [res.statusCode, res.json().error.code];
    };
    expect(await ask('/api/actions/moonwalk/preview.png')).toEqual([404, 'not_found']);
    expect(await ask('/api/actions/love/preview.png?character=dragon')).toEqual([404, 'not_found']);
    expect(await ask('/api/actions/love/preview.png?character=cat&color=%23123456')).toEqual([
      400,
      'bad_request',
    ]);
    expect(await ask('/api/actions/love/preview.png?character=cat&character=bear')).toEqual([
      400,
      'bad_request',
    ]);
  });

  it('answers unknown API routes with the error shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('sets security headers on every response', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('POST /api/generate-set', () => {
  it('queues a job for a built-in character from JSON', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/generate-set',
      payload: { character: 'bear', color: 'honey', actions: EIGHT },
    });
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json();
    const job = (await app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).json();
    expect(job.status).toBe('queued');
    expect(job.source).toEqual({ kind: 'character', character: 'bear', color: '#e0a75e' });
    expect(job.emojis.map((e: { action: string }) => e.action)).toEqual(EIGHT.split(','));
    expect(job.platforms).toEqual(['line-emoji']);
    expect(job.downloads).toEqual({});
  });

  it('queues a job for an uploaded image from multipart, storing a metadata-free copy', async () => {
    const png = await characterOnFlatBackground(300);
    const body = multipart({ actions: EIGHT }, [
      { field: 'image', fileName: 'me.png', contentType: 'image/png', data: png },
    ]);
    const res = await app.inject({ method: 'POST', url: '/api/generate-set', ...body });
    expect(res.statusCode).toBe(202);
    const job = (await app.inject({ method: 'GET', url: `/api/jobs/${res.json().jobId}` })).json();
    expect(job.source).toEqual({ kind: 'upload', fileName: 'me.png' });
    expect(listFiles(ctx.runtime.config.assetsDir)).toContain(`jobs/${job.id}/source.png`);
  });

  it('lists jobs newest first', async () => {
    const a = (
      await app.inject({
        method: 'POST',
        url: '/api/generate-set',
        payload: { character: 'cat', actions: EIGHT },
      })
    ).json();
    const b = (
      await app.inject({
        method: 'POST',
        url: '/api/generate-set',
        payload: { character: 'blob', actions: EIGHT },
      })
    ).json();
    const { jobs } = (await app.inject({ method: 'GET', url: '/api/jobs' })).json();
    const ids = jobs.map((j: { id: string }) => j.id);
    expect(ids.indexOf(b.jobId)).toBeLessThan(ids.indexOf(a.jobId));
  });

  it('answers 404 for a job that does not exist, and for a malformed id', async () => {
    for (const url of [
      '/api/jobs/doesnotexist',
      '/api/jobs/..%2F..%2Fetc',
      '/api/assets/nope',
      '/api/jobs/nope/events',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
  });

  it('answers 409 for the download of a set that is not finished', async () => {
    const { jobId } = (
      await app.inject({
        method: 'POST',
        url: '/api/generate-set',
        payload: { character: 'cat', actions: EIGHT },
      })
    ).json();
    const res = await app.inject({ method: 'GET', url: `/api/jobs/${jobId}/download?platform=line-emoji` });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('not_ready');
  });
});

describe('bad input leaves nothing behind', () => {
  const image = (data: Uint8Array, fileName = 'x.png', contentType = 'image/png') =>
    multipart({ actions: EIGHT }, [{ field: 'image', fileName, contentType, data }]);

  const cases: {
    name: string;
    status: number;
    code: string;
    request: () => Promise<Record<string, unknown>>;
  }[] = [
    {
      name: 'not an image',
      status: 422,
      code: 'invalid_image',
      request: async () => image(Buffer.from('just text'), 'a.txt', 'text/plain'),
    },
    {
      name: 'a corrupt image',
      status: 422,
      code: 'invalid_image',
      request: async () => {
        const png = await characterOnFlatBackground(300);
        return image(png.subarray(0, Math.floor(png.length / 2)));
      },
    },
    {
      name: 'a file over 10 MB',
      status: 413,
      code: 'payload_too_large',
      request: async () => image(Buffer.alloc(10 * 1024 * 1024 + 1, 1)),
    },
    {
      name: 'dimensions over 4096 px',
      status: 422,
      code: 'image_too_large',
      request: async () => image(await pngClaiming(4097, 64)),
    },
    {
      name: 'a decompression bomb',
      status: 422,
      code: 'image_too_large',
      request: async () => image(await pngClaiming(65000, 65000)),
    },
    {
      name: 'an unknown action',
      status: 422,
      code: 'unknown_action',
      request: async () => ({ payload: { character: 'cat', actions: 'hello,moonwalk' } }),
    },
    {
      name: 'no actions',
      status: 422,
      code: 'invalid_actions',
      request: async () => ({ payload: { character: 'cat', actions: '' } }),
    },
    {
      name: 'more than 40 actions',
      status: 422,
      code: 'invalid_actions',
      request: async () => ({ payload: { character: 'cat', actions: Array(41).fill('hello').join(',') } }),
    },
    {
      name: 'fewer than LINE allows',
      status: 422,
      code: 'invalid_actions',
      request: async () => ({ payload: { character: 'cat', actions: 'hello,love' } }),
    },
    {
      name: 'an unknown platform',
      status: 422,
      code: 'unknown_platform',
      request: async () => ({ payload: { character: 'cat', actions: EIGHT, platforms: 'myspace' } }),
    },
    {
      name: 'an unknown character',
      status: 422,
      code: 'unknown_character',
      request: async () => ({ payload: { character: 'dragon', actions: EIGHT } }),
    },
    {
      name: 'a bad colour',
      status: 400,
      code: 'bad_request',
      request: async () => ({ payload: { character: 'cat', color: 'blue-ish', actions: EIGHT } }),
    },
    {
      name: 'an unknown JSON field',
      status: 400,
      code: 'bad_request',
      request: async () => ({ payload: { character: 'cat', actions: EIGHT, admin: true } }),
    },
    {
      name: 'malformed JSON',
      status: 400,
      code: 'bad_request',
      request: async () => ({
        payload: '{"character": "cat", "actions": ',
        headers: { 'content-type': 'application/json' },
      }),
    },
    {
      name: 'malformed multipart',
      status: 400,
      code: 'bad_request',
      request: async () => ({
        payload: '--xyz\r\nContent-Disposition: form-data; name="actions"\r\n\r\nhello',
        headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      }),
    },
    {
      name: 'both an image and a character',
      status: 400,
      code: 'bad_request',
      request: async () =>
        multipart({ actions: EIGHT, character: 'cat' }, [
          {
            field: 'image',
            fileName: 'a.png',
            contentType: 'image/png',
            data: await characterOnFlatBackground(100),
          },
        ]),
    },
    {
      name: 'neither an image nor a character',
      status: 400,
      code: 'bad_request',
      request: async () => ({ payload: { actions: EIGHT } }),
    },
  ];

  it.each(cases)('rejects $name with $status $code', async ({ status, code, request }) => {
    const before = rowCounts(ctx.runtime);
    const filesBefore = listFiles(ctx.runtime.config.assetsDir);
    const res = await app.inject({ method: 'POST', url: '/api/generate-set', ...(await request()) });
    expect(res.statusCode).toBe(status);
    const body = res.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(5);
    expect(rowCounts(ctx.runtime)).toEqual(before);
    expect(listFiles(ctx.runtime.config.assetsDir)).toEqual(filesBefore);
  });
});
