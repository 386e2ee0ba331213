import { describe, expect, it } from 'vitest';
import { whyNotReady } from './readiness.ts';

const ready = {
  source: 'character' as const,
  hasFile: false,
  characterId: 'blob',
  count: 8,
  min: 8,
  max: 40,
};

describe('whyNotReady', () => {
  it('is null when a source is chosen and the set size is valid', () => {
    expect(whyNotReady(ready)).toBeNull();
  });

  it('asks for an image first in upload mode', () => {
    expect(whyNotReady({ ...ready, source: 'upload' })).toMatch(/image/);
  });

  it('says how many more actions LINE needs', () => {
    expect(whyNotReady({ ...ready, count: 5 })).toBe('Pick 3 more actions — LINE needs at least 8.');
    expect(whyNotReady({ ...ready, count: 7 })).toBe('Pick 1 more action — LINE needs at least 8.');
  });

  it('says how many to remove above the maximum', () => {
    expect(whyNotReady({ ...ready, count: 42 })).toBe('Remove 2 — LINE allows at most 40.');
  });
});
