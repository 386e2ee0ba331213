import { describe, expect, it } from 'vitest';
import type { Emoji } from '../api.ts';
import { describeProgress, emojiAsset, emojiFileName, emojiVerdict, PAUSED_TEXT } from './job-labels.ts';

function emoji(overrides: Partial<Emoji> = {}): Emoji {
  return {
    index: 0,
    action: 'hello',
    label: 'Hello',
    status: 'completed',
    assetUrl: '/a/line.png',
    assetUrls: { 'line-emoji': '/a/line.png', 'discord-emoji': '/a/discord.gif' },
    bytes: 100,
    sizes: { 'line-emoji': 100, 'discord-emoji': 80 },
    validation: null,
    error: null,
    ...overrides,
  };
}

describe('describeProgress', () => {
  it('says a paused job waits for PopCon to open', () => {
    expect(describeProgress({ status: 'paused', stage: 'animate' })).toBe(PAUSED_TEXT);
    expect(PAUSED_TEXT).toBe('Paused until PopCon opens');
  });
});

describe('emojiAsset', () => {
  it('gives each platform its own file and size', () => {
    expect(emojiAsset(emoji(), 'discord-emoji', 'line-emoji')).toEqual({ url: '/a/discord.gif', bytes: 80 });
    expect(emojiAsset(emoji(), 'line-emoji', 'line-emoji')).toEqual({ url: '/a/line.png', bytes: 100 });
  });

  it('has nothing for a platform without a file, or an emoji not made yet', () => {
    expect(emojiAsset(emoji(), 'slack-emoji', 'line-emoji')).toEqual({ url: null, bytes: null });
    expect(emojiAsset(emoji({ status: 'running' }), 'line-emoji', 'line-emoji')).toEqual({
      url: null,
      bytes: null,
    });
  });

  it('falls back to the first platform’s fields in replies without per-platform URLs', () => {
    const old = emoji({ assetUrls: undefined, sizes: undefined });
    expect(emojiAsset(old, 'line-emoji', 'line-emoji')).toEqual({ url: '/a/line.png', bytes: 100 });
    expect(emojiAsset(old, 'discord-emoji', 'line-emoji')).toEqual({ url: null, bytes: null });
  });
});

describe('emojiFileName', () => {
  it('numbers like the ZIP and ends like the format', () => {
    expect(emojiFileName({ index: 2, action: 'love' })).toBe('003-love.png');
    expect(emojiFileName({ index: 2, action: 'love' }, 'gif')).toBe('003-love.gif');
    expect(emojiFileName({ index: 11, action: 'cry' }, 'webm')).toBe('012-cry.webm');
  });
});

describe('emojiVerdict', () => {
  it('judges an emoji by the platform asked about', () => {
    const report = (ok: boolean) => ({
      ok,
      bytes: 1,
      checks: [{ rule: 'bytes', ok, message: ok ? 'fits' : 'too big' }],
    });
    const e = emoji({ validation: { 'line-emoji': report(true), 'discord-emoji': report(false) } });
    expect(emojiVerdict(e, 'line-emoji')).toEqual({ kind: 'pass' });
    expect(emojiVerdict(e, 'discord-emoji')).toEqual({ kind: 'fail', messages: ['too big'] });
  });
});
