import { describe, expect, it } from 'vitest';
import { checkUpload } from './upload.ts';

const MB = 1024 * 1024;

describe('checkUpload', () => {
  it('accepts each supported image type under the limit', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/bmp', 'image/tiff']) {
      expect(checkUpload({ name: 'c', type, size: 1000 }, 10 * MB)).toBeNull();
    }
  });

  it('accepts a BMP or TIFF the browser gave no or an odd type, by extension', () => {
    expect(checkUpload({ name: 'c.tif', type: '', size: 1000 }, 10 * MB)).toBeNull();
    expect(checkUpload({ name: 'c.bmp', type: 'image/x-ms-bmp', size: 1000 }, 10 * MB)).toBeNull();
  });

  it('rejects other file types by name', () => {
    expect(checkUpload({ name: 'notes.pdf', type: 'application/pdf', size: 1000 }, 10 * MB)).toMatch(
      /notes\.pdf.*isn’t a supported image/,
    );
  });

  it('rejects a file over the limit, saying both sizes', () => {
    expect(checkUpload({ name: 'big.png', type: 'image/png', size: 12.4 * MB }, 10 * MB)).toBe(
      '“big.png” is 12 MB — the limit is 10 MB. Try a smaller or compressed image.',
    );
  });

  it('accepts a file of exactly the limit', () => {
    expect(checkUpload({ name: 'edge.png', type: 'image/png', size: 10 * MB }, 10 * MB)).toBeNull();
  });

  it('rejects an empty file', () => {
    expect(checkUpload({ name: 'e.png', type: 'image/png', size: 0 }, 10 * MB)).toMatch(/empty/);
  });
});
