import { describe, expect, it } from 'vitest';
import { filterRows, unfilterRows } from './png.filters.ts';
import { seededRandom } from './synthetic.fixtures.ts';

function smoothRows(height: number, rowBytes: number): Uint8Array {
  const rand = seededRandom(7);
  const raw = new Uint8Array(height * rowBytes);
  for (let i = 0; i < raw.length; i++)
    raw[i] = ((i % rowBytes) * 3 + Math.floor(i / rowBytes) * 5 + rand() * 8) & 0xff;
  return raw;
}

describe('PNG filters', () => {
  for (const bpp of [1, 3, 4]) {
    for (const mode of [0, 1, 2, 3, 4, 'adaptive'] as const) {
      it(`unfilter reverses filter type ${mode} at ${bpp} bytes per pixel`, () => {
        const rowBytes = bpp * 13;
        const raw = smoothRows(9, rowBytes);
        const filtered = filterRows(raw, 9, rowBytes, bpp, mode);
        expect(filtered.length).toBe(9 * (rowBytes + 1));
        if (mode !== 'adaptive') expect(filtered[0]).toBe(mode);
        expect(unfilterRows(filtered, 9, rowBytes, bpp)).toEqual(raw);
      });
    }
  }

  it('adaptive filtering picks a predicting filter for smooth gradients', () => {
    const filtered = filterRows(smoothRows(8, 64), 8, 64, 4, 'adaptive');
    const types = Array.from({ length: 8 }, (_, y) => filtered[y * 65]);
    expect(types.some((t) => t !== 0)).toBe(true);
  });

  it('rejects an unknown filter type and short data', () => {
    const filtered = filterRows(smoothRows(2, 4), 2, 4, 1, 0);
    filtered[5] = 9;
    expect(() => unfilterRows(filtered, 2, 4, 1)).toThrow(/unknown filter type 9 on row 1/);
    expect(() => unfilterRows(filtered.subarray(0, 7), 2, 4, 1)).toThrow(/too short/);
  });
});
