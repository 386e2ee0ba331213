import { describe, expect, it } from 'vitest';
import type { SetSizeRules } from './platform-rules.ts';
import { whyNotReady } from './readiness.ts';

/** A platform's set-size rules, as GET /api/config describes them. */
function rules(
  id: string,
  label: string,
  minSetSize: number,
  maxSetSize: number,
  setSizes?: number[],
): SetSizeRules {
  return { id, label, minSetSize, maxSetSize, ...(setSizes ? { setSizes } : {}) };
}

const LINE = rules('line-emoji', 'LINE animated emoji', 8, 40);
const STICKER = rules('line-sticker', 'LINE animated sticker', 8, 24, [8, 16, 24]);
const DISCORD = rules('discord-emoji', 'Discord emoji', 1, 40);
const WHATSAPP = rules('whatsapp-sticker', 'WhatsApp animated sticker', 3, 30);
const KAKAO = rules('kakao-emoticon', 'KakaoTalk emoticon', 24, 24);

const ready = {
  source: 'character' as const,
  hasFile: false,
  characterId: 'blob',
  count: 8,
  platforms: [LINE],
  cap: 40,
};

describe('whyNotReady', () => {
  it('is null when a source is chosen and the set size suits every platform', () => {
    expect(whyNotReady(ready)).toBeNull();
    expect(whyNotReady({ ...ready, platforms: [LINE, DISCORD, STICKER] })).toBeNull();
  });

  it('asks for an image first in upload mode', () => {
    expect(whyNotReady({ ...ready, source: 'upload' })).toMatch(/image/);
  });

  it('asks for a platform when none is chosen', () => {
    expect(whyNotReady({ ...ready, platforms: [] })).toBe('Choose at least one place your set goes.');
  });

  it('says how many more actions the platform needs', () => {
    expect(whyNotReady({ ...ready, count: 5 })).toBe('Pick 3 more actions — LINE emoji needs at least 8.');
    expect(whyNotReady({ ...ready, count: 7 })).toBe('Pick 1 more action — LINE emoji needs at least 8.');
    expect(whyNotReady({ ...ready, count: 0 })).toBe('Pick at least 8 actions.');
  });

  it('says how many to remove above the maximum', () => {
    expect(whyNotReady({ ...ready, count: 42 })).toBe('Remove 2 — LINE emoji allows at most 40.');
  });

  it('names the platform whose bound binds when several are chosen', () => {
    expect(whyNotReady({ ...ready, platforms: [DISCORD, LINE], count: 2 })).toBe(
      'Pick 6 more actions — LINE emoji needs at least 8.',
    );
    expect(whyNotReady({ ...ready, platforms: [LINE, WHATSAPP], count: 35 })).toBe(
      'Remove 5 — WhatsApp allows at most 30.',
    );
  });

  it('puts an exact set size first, with the count you have', () => {
    expect(whyNotReady({ ...ready, platforms: [LINE, KAKAO], count: 9 })).toBe(
      'KakaoTalk needs exactly 24 emojis — you have 9.',
    );
    expect(whyNotReady({ ...ready, platforms: [STICKER, KAKAO, DISCORD], count: 16 })).toBe(
      'KakaoTalk needs exactly 24 emojis — you have 16.',
    );
    expect(whyNotReady({ ...ready, platforms: [KAKAO, LINE], count: 24 })).toBeNull();
  });

  it('lists the sizes a platform allows when it only takes some', () => {
    expect(whyNotReady({ ...ready, platforms: [LINE, STICKER], count: 9 })).toBe(
      'LINE stickers need 8, 16 or 24 emojis — you have 9.',
    );
  });

  it('says when no size suits every chosen platform', () => {
    const tiny = rules('x', 'Tiny', 1, 4);
    expect(whyNotReady({ ...ready, platforms: [KAKAO, tiny], count: 24 })).toBe(
      'No set size suits KakaoTalk and Tiny at once — make them as separate sets.',
    );
  });

  it('honours the server cap above a platform’s own maximum', () => {
    const telegram = rules('telegram-sticker', 'Telegram video sticker', 1, 120);
    expect(whyNotReady({ ...ready, platforms: [telegram], count: 41 })).toBe(
      'Remove 1 — Telegram allows at most 40.',
    );
  });

  it('reports a caption problem once the set size is right', () => {
    const captionProblem = 'Shorten caption 4 (Angry) to 16 characters.';
    expect(whyNotReady({ ...ready, captionProblem })).toBe(captionProblem);
    expect(whyNotReady({ ...ready, count: 3, captionProblem })).toMatch(/Pick 5 more/);
  });
});
