import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../domain/platforms.ts';
import { decodeApng } from './apng.decoder.ts';
import { encodeApng } from './apng.encoder.ts';
import { fitToPlatform } from './budget.ts';
import { emojiFrames, noiseFrames } from './synthetic.fixtures.ts';
import { totalDelay } from './validate.ts';

const LIMIT = PLATFORMS['line-emoji'].maxBytes;

describe('fitToPlatform', () => {
  it('steps a noisy animation down the quality ladder until it fits, with a passing report', async () => {
    const seq = noiseFrames(180, 180, 16, 2000);
    expect((await encodeApng(seq)).length).toBeGreaterThan(LIMIT);
    const { buffer, report, attempts } = await fitToPlatform(seq, 'line-emoji');
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(attempts[0]).toMatchObject({ colors: 256, dither: 0, frames: 16 });
    expect(attempts[0].bytes).toBeGreaterThan(LIMIT);
    expect(attempts.at(-1)?.bytes).toBe(buffer.length);
    expect(buffer.length).toBeLessThanOrEqual(LIMIT);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    // Whatever was dropped, the loop still lasts exactly two seconds, and plays twice (4 s in all).
    const decoded = decodeApng(buffer);
    expect(totalDelay(decoded)).toEqual({ num: 2n, den: 1n });
    expect(decoded.numPlays).toBe(2);
  });

  it('keeps full quality when the first attempt already fits', async () => {
    const { report, attempts } = await fitToPlatform(emojiFrames(), 'line-emoji');
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ colors: 256, dither: 0, frames: 16 });
    expect(report.ok).toBe(true);
  });

  it('returns a failing report as it is rather than hiding it', async () => {
    const { report } = await fitToPlatform(emojiFrames(180, 180, 16, 2500), 'line-emoji');
    expect(report.ok).toBe(false);
    expect(report.checks.filter((c) => !c.ok).map((c) => c.rule)).toEqual(['duration']);
  });

  it('refuses frames that are not at the platform size, and non-APNG platforms', async () => {
    await expect(fitToPlatform(emojiFrames(90, 90), 'line-emoji')).rejects.toThrow(
      /90x90, line-emoji needs 180x180/,
    );
    await expect(fitToPlatform(emojiFrames(128, 128), 'discord-emoji')).rejects.toThrow(/uses gif/);
  });
});
