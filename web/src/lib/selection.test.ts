import { describe, expect, it } from 'vitest';
import { checkSetSize, countById, pickFirst, removeAt, toggleAction } from './selection.ts';

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

describe('toggleAction', () => {
  it('appends an absent action at the end', () => {
    expect(toggleAction(['love'], 'hello')).toEqual(['love', 'hello']);
  });

  it('removes every copy of a present action and keeps the rest in order', () => {
    expect(toggleAction(['hello', 'love', 'hello', 'laugh'], 'hello')).toEqual(['love', 'laugh']);
  });

  it('does not add past the maximum', () => {
    expect(toggleAction(['hello', 'love'], 'laugh', 2)).toEqual(['hello', 'love']);
  });
});

describe('removeAt', () => {
  it('removes only the copy at that position', () => {
    expect(removeAt(['hello', 'love', 'hello'], 2)).toEqual(['hello', 'love']);
  });
});

describe('countById', () => {
  it('counts duplicates', () => {
    expect(countById(['hello', 'love', 'hello']).get('hello')).toBe(2);
  });
});

describe('checkSetSize', () => {
  it('accepts sizes within LINE’s 8–40', () => {
    expect(checkSetSize(8, 8, 40)).toBeNull();
    expect(checkSetSize(40, 8, 40)).toBeNull();
  });

  it('reports too few and too many', () => {
    expect(checkSetSize(7, 8, 40)).toEqual({ kind: 'too-few', min: 8 });
    expect(checkSetSize(41, 8, 40)).toEqual({ kind: 'too-many', max: 40 });
  });
});
