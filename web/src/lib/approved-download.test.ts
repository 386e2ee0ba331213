import { describe, expect, it } from 'vitest';
import { approvedReadiness } from './approved-download.ts';
import type { SetSizeRules } from './platform-rules.ts';

const lineEmoji: SetSizeRules = {
  id: 'line-emoji',
  label: 'LINE animated emoji',
  minSetSize: 8,
  maxSetSize: 40,
};
const lineSticker: SetSizeRules = {
  id: 'line-sticker',
  label: 'LINE animated sticker',
  minSetSize: 8,
  maxSetSize: 24,
  setSizes: [8, 16, 24],
};
const kakao: SetSizeRules = {
  id: 'kakao-emoticon',
  label: 'KakaoTalk emoticon',
  minSetSize: 24,
  maxSetSize: 24,
};
const discord: SetSizeRules = { id: 'discord-emoji', label: 'Discord emoji', minSetSize: 1, maxSetSize: 40 };

describe('approvedReadiness', () => {
  it('holds the download back, with the reason, until an emoji is approved', () => {
    expect(approvedReadiness(discord, 0)).toEqual({
      ready: false,
      reason: 'Approve at least one emoji to download the approved ones.',
    });
  });

  it('is ready without a note when the approved count suits the platform', () => {
    expect(approvedReadiness(discord, 1)).toEqual({ ready: true, note: null });
    expect(approvedReadiness(lineEmoji, 8)).toEqual({ ready: true, note: null });
    expect(approvedReadiness(lineSticker, 16)).toEqual({ ready: true, note: null });
  });

  it('notes how many more a range-limited platform needs', () => {
    expect(approvedReadiness(lineEmoji, 5)).toEqual({
      ready: true,
      note: 'LINE emoji needs 8–40 emojis per set — you have 5 emojis approved. Approve 3 more to make 8.',
    });
  });

  it('points LINE stickers to the next allowed size', () => {
    expect(approvedReadiness(lineSticker, 10)).toMatchObject({
      note: 'LINE stickers need 8, 16 or 24 emojis per set — you have 10 emojis approved. Approve 6 more to make 16.',
    });
  });

  it('says how many to leave out past the largest size', () => {
    expect(approvedReadiness({ ...lineSticker, maxSetSize: 40 }, 30)).toMatchObject({
      note: expect.stringMatching(/Leave out 6 to make 24\.$/),
    });
    expect(approvedReadiness(kakao, 1)).toMatchObject({
      note: 'KakaoTalk needs exactly 24 emojis per set — you have 1 emoji approved. Approve 23 more to make 24.',
    });
  });

  it('has no note without the platform’s rules', () => {
    expect(approvedReadiness(null, 3)).toEqual({ ready: true, note: null });
  });
});
