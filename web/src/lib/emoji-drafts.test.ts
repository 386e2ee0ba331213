import { describe, expect, it } from 'vitest';
import {
  actionsOf,
  captionLength,
  captionProblem,
  clampCaption,
  type EmojiDraft,
  emojiNumberIn,
  pickDrafts,
  removeDraft,
  toEmojiRequests,
  toggleDraft,
  updateDraft,
} from './emoji-drafts.ts';

function keys() {
  let n = 0;
  return () => `k${n++}`;
}

const CATALOG = ['hello', 'love', 'laugh'];

describe('captionLength', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(captionLength('Hi!')).toBe(3);
    expect(captionLength('こんにちは')).toBe(5);
    expect(captionLength('🎉🎉')).toBe(2);
    expect('🎉🎉'.length).toBe(4);
  });

  it('counts what the server keeps: trimmed and NFC-normalised', () => {
    expect(captionLength('  Yay  ')).toBe(3);
    // "é" typed as e + combining accent is one character once composed.
    expect(captionLength('Cafe\u0301')).toBe(4);
  });
});

describe('clampCaption', () => {
  it('leaves a caption that fits alone', () => {
    expect(clampCaption('Thank you!', 16)).toBe('Thank you!');
  });

  it('cuts by whole characters, never inside an emoji', () => {
    expect(clampCaption('🎉🎉🎉', 2)).toBe('🎉🎉');
    expect(clampCaption('ありがとうございます!!!!!!!!!', 16)).toBe('ありがとうございます!!!!!!');
  });

  it('keeps trailing spaces that do not count, so words can still be typed', () => {
    expect(clampCaption('Good ', 4)).toBe('Good ');
  });
});

describe('drafts', () => {
  it('picks the first actions as fresh drafts with unique keys', () => {
    const drafts = pickDrafts(CATALOG, 4, 40, keys());
    expect(actionsOf(drafts)).toEqual(['hello', 'love', 'laugh', 'hello']);
    expect(new Set(drafts.map((d) => d.key)).size).toBe(4);
  });

  it('removes one copy and keeps the other copy’s caption', () => {
    const newKey = keys();
    let drafts = pickDrafts(['hello'], 2, 40, newKey);
    drafts = updateDraft(drafts, drafts[1].key, { caption: 'Hi again' });
    const kept = removeDraft(drafts, drafts[0].key);
    expect(kept).toEqual([{ key: drafts[1].key, action: 'hello', caption: 'Hi again', accent: null }]);
  });

  it('toggles an action on at the end and off with all its copies', () => {
    const newKey = keys();
    const drafts = pickDrafts(['hello', 'love', 'hello'], 3, 40, newKey);
    expect(actionsOf(toggleDraft(drafts, 'laugh', 40, newKey))).toEqual(['hello', 'love', 'hello', 'laugh']);
    expect(actionsOf(toggleDraft(drafts, 'hello', 40, newKey))).toEqual(['love']);
    expect(toggleDraft(drafts, 'laugh', 3, newKey)).toHaveLength(3);
  });
});

describe('toEmojiRequests', () => {
  it('sends trimmed captions and chosen colours, and leaves the rest out', () => {
    const drafts: EmojiDraft[] = [
      { key: 'a', action: 'hello', caption: '  Hi!  ', accent: null },
      { key: 'b', action: 'love', caption: '   ', accent: '#ff0000' },
      { key: 'c', action: 'cry', caption: '', accent: null },
    ];
    expect(toEmojiRequests(drafts)).toEqual([
      { action: 'hello', caption: 'Hi!' },
      { action: 'love', accent: '#ff0000' },
      { action: 'cry' },
    ]);
  });
});

describe('captionProblem', () => {
  const rules = (id: string) => ({ label: id.charAt(0).toUpperCase() + id.slice(1), maxLength: 16 });

  it('names the first caption that is too long, by position', () => {
    const drafts: EmojiDraft[] = [
      { key: 'a', action: 'hello', caption: 'ok', accent: null },
      { key: 'b', action: 'angry', caption: 'x'.repeat(18), accent: null },
    ];
    expect(captionProblem(drafts, rules)).toBe('Shorten caption 2 (Angry) by 2 characters — at most 16 fit.');
    expect(captionProblem(drafts.slice(0, 1), rules)).toBeNull();
  });
});

describe('emojiNumberIn', () => {
  it('reads the emoji a server message names', () => {
    expect(emojiNumberIn('emoji 4 (angry): caption has 28 characters; at most 16 fit')).toBe(4);
    expect(emojiNumberIn('KakaoTalk emoticon sets have exactly 24 emojis; this one has 8')).toBeNull();
  });
});
