import { describe, expect, it } from 'vitest';
import { countById, pickFirst } from './selection.ts';

const CATALOG = ['hello', 'love', 'laugh'];

describe('pickFirst', () => {
  it('takes the first n actions in catalog order', () => {
    expect(pickFirst(CATALOG, 2)).toEqual(['hello', 'love']);
  });

  it('repeats the catalog when n exceeds its size', () => {
    expect(pickFirst(CATALOG, 8)).toEqual([
      'hello',
      'love',
      'laugh',
      'hello',
      'love',
      'laugh',
      'hello',
      'love',
    ]);
  });

  it('never goes past the maximum set size', () => {
    expect(pickFirst(CATALOG, 50, 40)).toHaveLength(40);
  });

  it('returns nothing for an empty catalog or a non-positive n', () => {
    expect(pickFirst([], 8)).toEqual([]);
    expect(pickFirst(CATALOG, 0)).toEqual([]);
    expect(pickFirst(CATALOG, -3)).toEqual([]);
  });
});

describe('countById', () => {
  it('counts duplicates', () => {
    expect(countById(['hello', 'love', 'hello']).get('hello')).toBe(2);
  });
});
