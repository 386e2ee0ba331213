import { describe, expect, it } from 'vitest';
import type { FrameSequence } from '../domain/image.ts';
import { PLATFORM_IDS, PLATFORMS, type PlatformId } from '../domain/platforms.ts';
import { decodeApng } from './apng.decoder.ts';
import { EncoderUnavailableError, ffmpegStatus } from './ffmpeg.ts';
import { decodeGif } from './gif.decoder.ts';
import { encodeForPlatform, platformTiming } from './platform.encode.ts';
import { emojiFrames, noiseFrames } from './synthetic.fixtures.ts';
import { totalDelay } from './validate.ts';
import { parseWebm } from './webm.parser.ts';
import { parseWebp } from './webp.parser.ts';

const hasFfmpeg = (await ffmpegStatus()).available;
/** A 512 px master, the size the pipeline renders at for a job with WhatsApp or Telegram. */
const master = (frames = 16, durationMs = 2000): FrameSequence => emojiFrames(512, 512, frames, durationMs);
const shared = master();

const EXPECTED: Record<PlatformId, { size: string; extension: string; contentType: string; name: string }> = {
  'line-emoji': { size: '180x180', extension: '.png', contentType: 'image/png', name: '003.png' },
  'line-sticker': { size: '270x270', extension: '.png', contentType: 'image/png', name: '03.png' },
  'discord-emoji': { size: '128x128', extension: '.gif', contentType: 'image/gif', name: '003.gif' },
  'slack-emoji': { size: '128x128', extension: '.gif', contentType: 'image/gif', name: '003.gif' },
  'telegram-sticker': { size: '512x512', extension: '.webm', contentType: 'video/webm', name: '003.webm' },
  'whatsapp-sticker': { size: '512x512', extension: '.webp', contentType: 'image/webp', name: '003.webp' },
  'kakao-emoticon': { size: '360x360', extension: '.gif', contentType: 'image/gif', name: '003.gif' },
};

describe('encodeForPlatform', () => {
  for (const platform of PLATFORM_IDS) {
    it.skipIf(platform === 'telegram-sticker' && !hasFfmpeg)(
      `makes a ${platform} file from a 512 px master that passes every rule`,
      { timeout: 60_000 },
      async () => {
        const file = await encodeForPlatform(shared, platform, { index: 2 });
        expect(file.report.checks.filter((c) => !c.ok)).toEqual([]);
        expect(file.report.ok).toBe(true);
        const want = EXPECTED[platform];
        expect({
          size: `${file.width}x${file.height}`,
          extension: file.extension,
          contentType: file.contentType,
          name: file.fileName,
        }).toEqual(want);
        expect(file.attempts.at(-1)?.bytes).toBe(file.buffer.length);
        expect(file.buffer.length).toBeLessThanOrEqual(PLATFORMS[platform].maxBytes);
      },
    );
  }

  it('plays LINE files as often as 4 s allow: a 1 s loop four times, a 3 s loop once', async () => {
    const oneSecond = decodeApng((await encodeForPlatform(master(10, 1000), 'line-emoji')).buffer);
    expect(oneSecond.numPlays).toBe(4);
    const threeSeconds = decodeApng((await encodeForPlatform(master(18, 3000), 'line-sticker')).buffer);
    expect(threeSeconds.numPlays).toBe(1);
    expect(totalDelay(threeSeconds)).toEqual({ num: 3n, den: 1n });
  });

  it('keeps the loop time in GIF centiseconds and loops forever', async () => {
    const gif = decodeGif((await encodeForPlatform(master(16, 2000), 'discord-emoji')).buffer);
    expect(gif.frames.reduce((sum, f) => sum + f.delayCs, 0)).toBe(200);
    expect(gif.loopCount).toBe(0);
  });

  it('keeps the loop time in WebP milliseconds and loops forever', async () => {
    const webp = parseWebp((await encodeForPlatform(master(6, 1000), 'whatsapp-sticker')).buffer);
    expect(webp.frames.reduce((sum, f) => sum + f.durationMs, 0)).toBe(1000);
    expect(webp.loopCount).toBe(0);
  });

  it('plays a 4 s loop in 3 s for Telegram instead of cutting it', () => {
    const timed = platformTiming(master(20, 4000), 'telegram-sticker');
    expect(timed.durationMs).toBe(3000);
    expect(timed.frames).toHaveLength(20);
  });

  it.skipIf(!hasFfmpeg)(
    'writes that retimed loop as a 3 s WebM at the retimed frame rate',
    { timeout: 60_000 },
    async () => {
      const file = await encodeForPlatform(master(20, 4000), 'telegram-sticker');
      const info = parseWebm(file.buffer);
      expect(info.durationMs).toBe(3000);
      expect(info.blocks).toHaveLength(20);
      expect(info.blocks[1].timeMs).toBe(150);
      expect(file.report.ok).toBe(true);
    },
  );

  it('drops frames evenly, keeping the first, where a platform allows fewer', () => {
    const many = emojiFrames(16, 16, 40, 4000);
    const kakao = platformTiming(many, 'kakao-emoticon');
    expect(kakao.frames).toHaveLength(24);
    expect(kakao.frames[0]).toBe(many.frames[0]);
    expect(kakao.durationMs).toBe(4000);
  });

  it('walks the byte-budget ladder for a noisy master and still passes', { timeout: 120_000 }, async () => {
    const noisy = noiseFrames(512, 512, 12, 2000, 40);
    const file = await encodeForPlatform(noisy, 'slack-emoji');
    expect(file.attempts.length).toBeGreaterThan(1);
    expect(file.attempts[0]).toMatchObject({ colors: 256, tolerance: 0, frames: 12 });
    expect(file.report.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('says clearly that Telegram needs ffmpeg when it is missing, without touching other platforms', async () => {
    const missing = { ffmpeg: '/nonexistent/ffmpeg' };
    const failure = encodeForPlatform(master(6, 1000), 'telegram-sticker', missing);
    await expect(failure).rejects.toBeInstanceOf(EncoderUnavailableError);
    await expect(failure).rejects.toThrow(
      'Telegram video sticker is not available: /nonexistent/ffmpeg is not installed (Telegram video stickers need ffmpeg with libvpx-vp9, e.g. apt-get install ffmpeg)',
    );
    expect((await encodeForPlatform(master(6, 1000), 'discord-emoji', missing)).report.ok).toBe(true);
  });

  it('refuses an empty or inconsistent master', async () => {
    await expect(encodeForPlatform({ ...shared, frames: [] }, 'line-emoji')).rejects.toThrow(/no frames/);
    await expect(encodeForPlatform({ ...shared, width: 100 }, 'line-emoji')).rejects.toThrow(
      /not 100x512 RGBA/,
    );
  });
});
