import { describe, expect, it } from 'vitest';
import type { PlatformInfo } from '../api.ts';
import {
  combinedRuleText,
  combinedSetRule,
  describePlatform,
  fitsRule,
  nativeSize,
  shortName,
} from './platform-rules.ts';

const base = {
  transparency: true,
  extras: [],
  fileNames: '001.png, 002.png, …',
  available: true,
  unavailableReason: null,
} satisfies Partial<PlatformInfo>;

/** The texts keep dimensions on one line with no-break spaces; compare them as plain spaces. */
const plain = (text: string) => text.replaceAll('\u00a0', ' ');

const LINE: PlatformInfo = {
  ...base,
  id: 'line-emoji',
  label: 'LINE animated emoji',
  format: 'apng',
  width: 180,
  height: 180,
  maxBytes: 300 * 1024,
  minFrames: 5,
  maxFrames: 20,
  minDurationMs: 1000,
  maxDurationMs: 4000,
  wholeSeconds: true,
  loop: { kind: 'plays', min: 1, max: 4, maxTotalMs: 4000 },
  minSetSize: 8,
  maxSetSize: 40,
  extras: [{ name: 'tab.png', width: 96, height: 74 }],
};
const STICKER: PlatformInfo = {
  ...LINE,
  id: 'line-sticker',
  label: 'LINE animated sticker',
  width: 320,
  height: 270,
  minSide: 270,
  maxSetSize: 24,
  setSizes: [8, 16, 24],
};
const TELEGRAM: PlatformInfo = {
  ...base,
  id: 'telegram-sticker',
  label: 'Telegram video sticker',
  format: 'webm',
  width: 512,
  height: 512,
  minSide: 512,
  maxBytes: 256 * 1024,
  maxDurationMs: 3000,
  maxFps: 30,
  minSetSize: 1,
  maxSetSize: 120,
};
const KAKAO = { id: 'kakao-emoticon', label: 'KakaoTalk emoticon', minSetSize: 24, maxSetSize: 24 };

describe('describePlatform', () => {
  it('puts format, size and byte cap in one line', () => {
    expect(plain(describePlatform(LINE).summary)).toBe('Animated PNG · 180 × 180 px · up to 300 KB');
    expect(plain(describePlatform(STICKER).summary)).toBe('Animated PNG · up to 320 × 270 px · up to 300 KB');
  });

  it('spells out frames, time, plays, set sizes and extra images', () => {
    expect(describePlatform(LINE).rules.map(plain)).toEqual([
      '5–20 frames, 1–4 s in whole seconds',
      'Plays 1–4 times, 4 s in all',
      '8–40 per set',
      'Plus tab.png (96 × 74)',
    ]);
    expect(describePlatform(STICKER).rules).toContain('8, 16 or 24 per set');
  });

  it('caps a platform’s set size at the server’s limit', () => {
    expect(describePlatform(TELEGRAM, 40).rules).toEqual(['Up to 3 s, up to 30 fps', '1–40 per set']);
  });
});

describe('nativeSize', () => {
  it('is the exact size, or the largest square within the maxima', () => {
    expect(nativeSize(LINE)).toBe(180);
    expect(nativeSize(STICKER)).toBe(270);
    expect(nativeSize(TELEGRAM)).toBe(512);
  });
});

describe('combinedSetRule', () => {
  it('intersects ranges and lists, capped by the server', () => {
    expect(combinedSetRule([LINE, TELEGRAM], 40)).toEqual({ min: 8, max: 40, sizes: null });
    expect(combinedSetRule([LINE, STICKER], 40)).toEqual({ min: 8, max: 24, sizes: [8, 16, 24] });
    expect(combinedSetRule([STICKER, KAKAO], 40).sizes).toEqual([24]);
  });

  it('is empty when no size suits every platform', () => {
    const tiny = { id: 'x', label: 'Tiny', minSetSize: 1, maxSetSize: 4 };
    expect(combinedSetRule([KAKAO, tiny], 40).sizes).toEqual([]);
    expect(combinedSetRule([STICKER, tiny], 40).sizes).toEqual([]);
  });

  it('says what fits, in words', () => {
    const withKakao = combinedSetRule([LINE, KAKAO], 40);
    expect(fitsRule(withKakao, 24)).toBe(true);
    expect(fitsRule(withKakao, 8)).toBe(false);
    expect(combinedRuleText(withKakao)).toBe('exactly 24');
    expect(combinedRuleText(combinedSetRule([STICKER], 40))).toBe('8, 16 or 24');
    expect(combinedRuleText(combinedSetRule([LINE], 40))).toBe('8–40');
  });
});

describe('shortName', () => {
  it('shortens known platforms and keeps the label of others', () => {
    expect(shortName(KAKAO)).toBe('KakaoTalk');
    expect(shortName({ id: 'new-thing', label: 'New Thing' })).toBe('New Thing');
  });
});
