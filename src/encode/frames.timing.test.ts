import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../domain/platforms.ts';
import { fitFrameRate, keepFrames, platformDuration, platformPlays, unitDelays } from './frames.timing.ts';
import { emojiFrames } from './synthetic.fixtures.ts';

describe('frame timing', () => {
  it('keeps frames evenly spread, frame 0 first, and the loop time unchanged', () => {
    const seq = emojiFrames(8, 8, 16, 2000);
    const kept = keepFrames(seq, 5);
    expect(kept.frames.map((f) => seq.frames.indexOf(f))).toEqual([0, 3, 6, 9, 12]);
    expect(kept.durationMs).toBe(2000);
    expect(keepFrames(seq, 30)).toBe(seq);
  });

  it('spreads a loop over whole units that add up to it', () => {
    expect(unitDelays(2000, 16, 10)).toEqual([
      12, 13, 12, 13, 12, 13, 12, 13, 12, 13, 12, 13, 12, 13, 12, 13,
    ]);
    expect(unitDelays(1000, 3, 1)).toEqual([333, 333, 334]);
  });

  it('retimes loops longer than the platform allows and keeps shorter ones', () => {
    expect(platformDuration(4000, PLATFORMS['telegram-sticker'])).toBe(3000);
    expect(platformDuration(2000, PLATFORMS['telegram-sticker'])).toBe(2000);
    expect(platformDuration(4000, PLATFORMS['discord-emoji'])).toBe(4000);
  });

  it('drops frames until the frame rate and the shortest frame fit', () => {
    const fast = emojiFrames(8, 8, 40, 1000);
    expect(fitFrameRate(fast, PLATFORMS['telegram-sticker']).frames).toHaveLength(30);
    expect(fitFrameRate(emojiFrames(8, 8, 20, 200), PLATFORMS['discord-emoji']).frames).toHaveLength(10);
  });

  it('plays LINE loops as often as fit in 4 s, and everything else forever', () => {
    const line = PLATFORMS['line-sticker'];
    expect([1000, 2000, 3000, 4000].map((ms) => platformPlays(ms, line))).toEqual([4, 2, 1, 1]);
    expect(platformPlays(2000, PLATFORMS['whatsapp-sticker'])).toBe(0);
    expect(platformPlays(2000, PLATFORMS['telegram-sticker'])).toBe(0);
  });
});
