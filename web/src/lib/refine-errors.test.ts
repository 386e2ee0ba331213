import { describe, expect, it } from 'vitest';
import { describeRefusal, inWords, sentence } from './refine-errors.ts';

describe('describeRefusal', () => {
  it('says when the daily limit lets the user render again', () => {
    const err = {
      code: 'quota_daily_emojis',
      message: 'daily emoji limit: 120 …',
      retry: { afterSeconds: 3 * 3600 },
    };
    expect(describeRefusal(err)).toBe('You’ve used all of today’s emojis. You can render again in 3 h.');
    expect(describeRefusal({ ...err, retry: {} })).toBe(
      'You’ve used all of today’s emojis. The limit resets tomorrow.',
    );
  });

  it('names the opening time in off hours', () => {
    const now = Date.parse('2026-05-01T06:00:00Z');
    const text = describeRefusal(
      { code: 'off_hours', message: 'closed', retry: { opensAt: '2026-05-01T08:00:00Z' } },
      now,
    );
    expect(text).toMatch(/^PopCon is closed right now\. It opens again at .+ \(in 2 h\)\.$/);
    expect(describeRefusal({ code: 'off_hours', message: 'closed' })).toBe(
      'PopCon is closed right now. Try again when it opens.',
    );
  });

  it('explains a second render of an emoji that is still rendering', () => {
    const err = { code: 'conflict', message: 'emoji 3 is already being rendered (version 4)' };
    expect(describeRefusal(err)).toBe(
      'This emoji is already being re-rendered. Wait for that version to finish, then try again.',
    );
  });

  it('asks for the touch-up again after a race', () => {
    const err = {
      code: 'conflict',
      message: 'the matte changed meanwhile; look at it again and repeat the edit',
    };
    expect(describeRefusal(err)).toBe(
      'The cut-out changed meanwhile. Look at it again and repeat your touch-up.',
    );
  });

  it('passes other refusals on as sentences', () => {
    expect(
      describeRefusal({ code: 'invalid_params', message: 'emoji 1: speed must be a number from 0.5 to 2' }),
    ).toBe('Emoji 1: speed must be a number from 0.5 to 2.');
  });
});

describe('inWords', () => {
  it('rounds to minutes, hours and days', () => {
    expect(inWords(30)).toBe('in about a minute');
    expect(inWords(600)).toBe('in 10 min');
    expect(inWords(5 * 3600)).toBe('in 5 h');
    expect(inWords(3 * 86400)).toBe('in 3 days');
  });
});

describe('sentence', () => {
  it('keeps a full stop that is there and adds one that is not', () => {
    expect(sentence('nothing to erase here.')).toBe('Nothing to erase here.');
    expect(sentence('  ')).toBe('That didn’t work. Please try again.');
  });
});
