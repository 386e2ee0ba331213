import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import type { FrameSequence } from '../domain/image.ts';
import { PLATFORM_IDS } from '../domain/platforms.ts';
import { animate, animateCharacter, drawCharacter, normalizeCutout } from '../engine/index.ts';
import { createEncodePool, shareFrames, wireFrames } from './encode.pool.ts';
import { EncoderUnavailableError, ffmpegStatus } from './ffmpeg.ts';
import { encodeForPlatform } from './platform.encode.ts';
import { emojiFrames } from './synthetic.fixtures.ts';

const hasFfmpeg = (await ffmpegStatus()).available;
const master = (): FrameSequence => emojiFrames(256, 256, 8, 1000);
const pool = createEncodePool({ size: 2 });
afterAll(() => pool.close());

describe('createEncodePool', () => {
  for (const platform of PLATFORM_IDS) {
    it.skipIf(platform === 'telegram-sticker' && !hasFfmpeg)(
      `returns the very file encodeForPlatform makes for ${platform}`,
      { timeout: 60_000 },
      async () => {
        const [pooled, local] = await Promise.all([
          pool.encode(master(), platform, { index: 4 }),
          encodeForPlatform(master(), platform, { index: 4 }),
        ]);
        expect(Buffer.isBuffer(pooled.buffer)).toBe(true);
        expect(pooled.buffer.equals(local.buffer)).toBe(true);
        expect({ ...pooled, buffer: null }).toEqual({ ...local, buffer: null });
      },
    );
  }

  it('runs encodes on as many threads as it has', async () => {
    const files = await Promise.all([0, 1, 2, 3].map(() => pool.encode(master(), 'discord-emoji')));
    expect(files.every((f) => f.report.ok)).toBe(true);
    expect(pool.threads()).toHaveLength(2);
    expect(new Set(pool.threads().map((w) => w.threadId)).size).toBe(2);
  });

  it('keeps the error class and code of a failed encode', async () => {
    const bad = { ...master(), durationMs: 0 };
    const err = await pool.encode(bad, 'line-emoji').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('bad_request');
    expect((err as AppError).message).toMatch(/invalid durationMs 0/);
    const missing = await pool
      .encode(master(), 'telegram-sticker', { ffmpeg: '/nonexistent/ffmpeg' })
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(EncoderUnavailableError);
    expect((missing as EncoderUnavailableError).code).toBe('unknown_platform');
    expect((missing as Error).message).toMatch(/not installed/);
  });

  it('fails the encode of a thread that dies and gives the next call a fresh thread', async () => {
    const own = createEncodePool({ size: 1 });
    try {
      await own.encode(master(), 'discord-emoji');
      const [first] = own.threads();
      const running = own.encode(master(), 'kakao-emoticon');
      await first.terminate();
      const err = await running.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('internal');
      expect((err as Error).message).toMatch(/encode worker stopped/);
      const next = await own.encode(master(), 'line-emoji');
      expect(next.report.ok).toBe(true);
      expect(own.threads()).toHaveLength(1);
      expect(own.threads()[0].threadId).not.toBe(first.threadId);
    } finally {
      await own.close();
    }
  });

  it('moves the frames instead of copying them when asked to', async () => {
    const given = master();
    const local = await encodeForPlatform(master(), 'line-emoji');
    const file = await pool.encode(given, 'line-emoji', { transfer: true });
    expect(file.buffer.equals(local.buffer)).toBe(true);
    expect(given.frames.every((f) => f.byteLength === 0)).toBe(true);
  });

  it('sends frames that are already shared without copying them', async () => {
    const shared = shareFrames(master());
    expect(shared.frames.every((f) => f.buffer instanceof SharedArrayBuffer)).toBe(true);
    const wired = wireFrames(shared.frames, false);
    expect(wired.frames.every((f, i) => f === shared.frames[i])).toBe(true);
    const [pooled, local] = await Promise.all([
      pool.encode(shared, 'whatsapp-sticker'),
      encodeForPlatform(master(), 'whatsapp-sticker'),
    ]);
    expect(pooled.buffer.equals(local.buffer)).toBe(true);
  });

  it('copies frames that share memory with other data rather than moving it', () => {
    const memory = new Uint8Array(64);
    const frames = [memory.subarray(0, 16), memory.subarray(16, 32)];
    const wired = wireFrames(frames, true);
    expect(wired.transferList).toEqual([]);
    expect(wired.frames[0].buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...wired.frames[1]]).toEqual([...frames[1]]);
  });

  it('refuses encodes and renders after close', async () => {
    const own = createEncodePool({ size: 1 });
    await own.close();
    await expect(own.encode(master(), 'line-emoji')).rejects.toMatchObject({ code: 'conflict' });
    const call = { kind: 'character', character: { id: 'cat', color: '#ffb347' } } as const;
    await expect(
      own.render({ ...call, action: 'love', params: {}, opts: { size: 64, frames: 4, durationMs: 1000 } }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('EncodePool.render', () => {
  const opts = { size: 128, frames: 6, durationMs: 1000 };
  const same = (a: FrameSequence, b: FrameSequence) => {
    expect({ ...a, frames: a.frames.length }).toEqual({ ...b, frames: b.frames.length });
    for (const [i, f] of a.frames.entries())
      expect(Buffer.from(f).equals(Buffer.from(b.frames[i]))).toBe(true);
  };

  it('draws a built-in character on a thread: the frames drawn here, in shared memory', async () => {
    const character = { id: 'frog', color: '#7ccf6a' };
    const params = { caption: 'やった', seed: 3 };
    const pooled = await pool.render({ kind: 'character', character, action: 'party', params, opts });
    same(pooled, animateCharacter(character, 'party', params, opts));
    expect(pooled.frames.every((f) => f.buffer instanceof SharedArrayBuffer)).toBe(true);
    // Every frame in one block, so keeping them for the encodes (shareFrames) copies nothing.
    expect(new Set(pooled.frames.map((f) => f.buffer)).size).toBe(1);
    expect(shareFrames(pooled).frames[2]).toBe(pooled.frames[2]);
  });

  it('animates a cut-out on a thread exactly as here', async () => {
    const cutout = normalizeCutout(drawCharacter('bear', '#a0522d', 512));
    const pooled = await pool.render({
      kind: 'cutout',
      cutout,
      action: 'cry',
      params: { speed: 1.5 },
      opts,
    });
    same(pooled, animate(cutout, 'cry', { speed: 1.5 }, opts));
  });

  it("rejects a render the engine refuses with the engine's own error, and the thread lives on", async () => {
    const bad = { kind: 'character', character: { id: 'dragon', color: '#ffffff' } } as const;
    const refused = pool.render({ ...bad, action: 'love', params: {}, opts });
    await expect(refused).rejects.toThrow(/dragon/);
    const ok = await pool.render({
      kind: 'character',
      character: { id: 'cat', color: '#ffb347' },
      action: 'hello',
      params: {},
      opts,
    });
    expect(ok.frames).toHaveLength(6);
  });
});
