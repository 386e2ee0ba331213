import { describe, expect, it } from 'vitest';
import { newId } from '../runtime/runtime.ts';
import { assertSafeKey } from './asset-storage.ts';

describe('assertSafeKey', () => {
  it('accepts keys made from any generated id, including ones starting with - or _', () => {
    for (const id of ['_1mvUlp45EaxBob-3Akacw', '-abc', ...Array.from({ length: 200 }, newId)]) {
      expect(() => assertSafeKey(`jobs/${id}/cutout.png`)).not.toThrow();
    }
  });

  it.each(['../etc/passwd', 'jobs/../../x', '/abs/path', 'jobs//x', 'jobs/./x', 'a\\b', 'jobs/x y', ''])(
    'refuses %j',
    (key) => {
      expect(() => assertSafeKey(key)).toThrow(/unsafe storage key/);
    },
  );
});
