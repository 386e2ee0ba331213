import { describe, expect, it } from 'vitest';
import { CHARACTERS } from '../domain/characters.ts';
import { animate } from '../engine/animate.ts';
import { drawCharacter } from '../engine/characters/index.ts';
import { normalizeCutout } from '../engine/cutout.ts';
import { medianCut, quantizeFrames, refinePalette } from './palette.quantize.ts';
import { nearestEntries, type Palette, remapFrames } from './palette.remap.ts';
import { emojiFrames, fillRect } from './synthetic.fixtures.ts';

describe('quantizeFrames', () => {
  it('keeps every colour exactly when there are few, with the transparent entry first', async () => {
    const img = new Uint8Array(4 * 4 * 4);
    fillRect(img, 4, 0, 0, 2, 2, [255, 0, 0, 255]);
    fillRect(img, 4, 2, 2, 2, 2, [0, 0, 255, 100]);
    const q = quantizeFrames([img], 4, 4, 256, 1);
    expect(q.count).toBe(3);
    expect(q.transparentIndex).toBe(0);
    expect(q.alphaCount).toBe(2);
    expect(Array.from(q.palette.subarray(0, 8))).toEqual([0, 0, 0, 0, 0, 0, 255, 100]);
    expect(Array.from(q.frames[0])).toEqual([2, 2, 0, 0, 2, 2, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1]);
  });

  it('uses at most the requested number of colours and maps opaque pixels to opaque entries', async () => {
    const seq = emojiFrames(90, 90, 4);
    for (const colors of [256, 64, 16, 2]) {
      const q = quantizeFrames(seq.frames, 90, 90, colors, 1);
      expect(q.count).toBeLessThanOrEqual(colors);
      const translucentOpaque = seq.frames.some((src, f) =>
        q.frames[f].some((idx, p) => src[p * 4 + 3] === 255 && q.palette[idx * 4 + 3] !== 255),
      );
      expect(translucentOpaque).toBe(false);
      const visibleTransparent = seq.frames.some((src, f) =>
        q.frames[f].some((idx, p) => (src[p * 4 + 3] === 0) !== (idx === q.transparentIndex)),
      );
      expect(visibleTransparent).toBe(false);
    }
  });

  it('gives unchanged pixels the same index in every frame, even when dithering', async () => {
    const seq = emojiFrames(90, 90, 2);
    const still = [seq.frames[0], seq.frames[0].slice()];
    fillRect(still[1], 90, 0, 0, 3, 3, [255, 255, 255, 255]);
    const q = quantizeFrames(still, 90, 90, 32, 1);
    let changed = 0;
    for (let p = 0; p < 90 * 90; p++) if (q.frames[0][p] !== q.frames[1][p]) changed++;
    expect(changed).toBeLessThanOrEqual(9);
  });

  it('without dithering maps each pixel as the pixel-by-pixel mapping would, over 20K colours', async () => {
    // A gradient of 20,736 distinct colours, some translucent, with transparent corners:
    // the histogram's tables grow several times before the palette is chosen.
    const w = 144;
    const frames = [0, 1].map((shift) => {
      const img = new Uint8Array(w * w * 4);
      for (let y = 0; y < w; y++) {
        for (let x = 0; x < w; x++) {
          const s = (y * w + x) * 4;
          const corner = x < 8 && y < 8;
          img.set([x + shift, y, (x * 7 + y * 3) & 0xff, corner ? 0 : y > 130 ? 128 : 255], s);
        }
      }
      return img;
    });
    // Without the rate rounds, whose bias the pixel-by-pixel mapping does not take.
    const q = quantizeFrames(frames, w, w, 256, 0, undefined, false);
    const palette = { rgba: q.palette, count: q.count };
    const expected = remapFrames(frames, w, w, palette, q.transparentIndex, 0);
    expect(q.frames.map((f) => Array.from(f))).toEqual(expected.map((f) => Array.from(f)));
    expect(q.frames[0][0]).toBe(q.transparentIndex);
  });

  // On this frame: 6.36 → 6.07 bits a pixel, mean squared error +2.4%.
  it('with its rate rounds puts the pixels on fewer, commoner entries for a small rise in error', async () => {
    // A drawn character at 180 px: a shaded body, an outline and a face, as LINE gets them.
    const w = 180;
    const cut = normalizeCutout(drawCharacter(CHARACTERS[0].id, CHARACTERS[0].defaultColor, w));
    const img = animate(cut, 'hello', { seed: 1 }, { size: w, frames: 1, durationMs: 1000 }).frames[0];
    /** Bits a pixel of the index plane, by its histogram, and the mean squared RGB error. */
    const measure = (rate: boolean) => {
      const q = quantizeFrames([img], w, w, 256, 0, undefined, rate);
      const used = new Float64Array(256);
      let se = 0;
      let n = 0;
      q.frames[0].forEach((idx, p) => {
        if (img[p * 4 + 3] !== 255) return;
        n++;
        used[idx]++;
        for (let c = 0; c < 3; c++) se += (q.palette[idx * 4 + c] - img[p * 4 + c]) ** 2;
      });
      let bits = 0;
      for (const u of used) if (u > 0) bits -= (u / n) * Math.log2(u / n);
      return { bits, mse: se / n / 3 };
    };
    const plain = measure(false);
    const rated = measure(true);
    expect(rated.bits).toBeLessThan(plain.bits - 0.1);
    expect(rated.mse).toBeGreaterThan(plain.mse);
    expect(rated.mse).toBeLessThan(plain.mse * 1.1);
  });
});

describe('refinePalette', () => {
  /** Colours as RGBA words (native order, as the histogram keeps them). */
  const wordsOf = (colors: number[][]) => new Uint32Array(Uint8Array.from(colors.flat()).buffer);
  /** Weighted squared error in premultiplied RGBA of each colour against its nearest entry. */
  const error = (palette: Palette, colors: number[][], counts: number[]) => {
    const entry = nearestEntries(palette, wordsOf(colors));
    return colors.reduce((sum, [r, g, b, a], i) => {
      const e = entry[i] * 4;
      const p = palette.rgba;
      const pa = p[e + 3];
      const d = [r * a - p[e] * pa, g * a - p[e + 1] * pa, b * a - p[e + 2] * pa].map((v) => v / 255);
      return sum + counts[i] * (d[0] ** 2 + d[1] ** 2 + d[2] ** 2 + (a - pa) ** 2);
    }, 0);
  };

  // Two opaque clusters and one translucent one, each of four colours around a centre.
  const around = ([r, g, b, a]: number[]) =>
    [
      [-6, 0, 2],
      [6, 2, -2],
      [0, -6, 4],
      [2, 6, -4],
    ].map(([dr, dg, db]) => [r + dr, g + dg, b + db, a]);
  const colors = [
    ...around([200, 40, 40, 255]),
    ...around([40, 40, 200, 255]),
    ...around([40, 200, 40, 120]),
  ];
  const counts = colors.map((_, i) => 1 + (i % 4));
  const mean = (from: number, c: number) => {
    const w = counts.slice(from, from + 4);
    return colors.slice(from, from + 4).reduce((s, col, i) => s + col[c] * w[i], 0) / 10;
  };

  it('moves each entry to the weighted mean of its colours and lowers the error', () => {
    // Entries off their clusters' centres, plus one no colour is near.
    const start: Palette = {
      rgba: Uint8Array.from([215, 55, 30, 255, 30, 30, 215, 255, 55, 215, 30, 100, 128, 128, 128, 255]),
      count: 4,
    };
    const refined = refinePalette(start, wordsOf(colors), Uint32Array.from(counts), 1);
    for (const [entry, from] of [
      [0, 0],
      [1, 4],
      [2, 8],
    ]) {
      for (let c = 0; c < 3; c++) expect(refined.rgba[entry * 4 + c]).toBe(Math.round(mean(from, c)));
    }
    // Opaque entries stay opaque; the translucent one takes its colours' alpha.
    expect(refined.rgba[3]).toBe(255);
    expect(refined.rgba[7]).toBe(255);
    expect(refined.rgba[11]).toBe(120);
    // The entry no colour maps to is left as it was.
    expect(Array.from(refined.rgba.subarray(12, 16))).toEqual([128, 128, 128, 255]);
    expect(error(refined, colors, counts)).toBeLessThan(error(start, colors, counts) / 10);
    // The input palette is not changed.
    expect(start.rgba[0]).toBe(215);
  });

  it('keeps opaque entries for opaque colours even when translucent colours join them', () => {
    // One opaque entry serving an opaque cluster and a faint one: it moves to the opaque colours' mean only.
    const mixed = [...around([200, 40, 40, 255]), [255, 255, 255, 10]];
    const start: Palette = { rgba: Uint8Array.from([180, 60, 60, 255]), count: 1 };
    const refined = refinePalette(start, wordsOf(mixed), Uint32Array.from([1, 2, 3, 4, 50]), 3);
    expect(refined.rgba[3]).toBe(255);
    for (let c = 0; c < 3; c++) expect(refined.rgba[c]).toBe(Math.round(mean(0, c)));
  });
});

describe('medianCut', () => {
  const wordsOf = (colors: number[][]) => new Uint32Array(Uint8Array.from(colors.flat()).buffer);

  it('gives each cluster of colours its own entry, at its weighted mean', () => {
    // Three tight clusters far apart (one translucent), four colours each, uneven weights.
    const centres = [
      [220, 30, 30, 255],
      [30, 30, 220, 255],
      [40, 200, 60, 128],
    ];
    const colors = centres.flatMap(([r, g, b, a]) =>
      [
        [0, 0, 0],
        [4, 0, 0],
        [0, 4, 0],
        [0, 0, 4],
      ].map(([dr, dg, db]) => [r + dr, g + dg, b + db, a]),
    );
    const counts = colors.map((_, i) => [1, 2, 3, 4][i % 4]);
    const palette = medianCut(wordsOf(colors), Uint32Array.from(counts), 3);
    expect(palette.count).toBe(3);
    const entries = Array.from({ length: 3 }, (_, e) => Array.from(palette.rgba.subarray(e * 4, e * 4 + 4)));
    for (const [r, g, b, a] of centres) {
      // Weighted mean of the cluster: +4 on red with weight 2, green 3, blue 4, of 10.
      const want = [Math.round(r + 0.8), Math.round(g + 1.2), Math.round(b + 1.6), a];
      expect(entries).toContainEqual(want);
    }
  });

  it('never makes more entries than asked, nor more than there are colours', () => {
    const colors = Array.from({ length: 300 }, (_, i) => [i % 256, (i * 7) % 256, (i * 13) % 256, 255]);
    const counts = Uint32Array.from(colors, (_, i) => 1 + (i % 5));
    for (const target of [1, 2, 16, 255]) {
      expect(medianCut(wordsOf(colors), counts, target).count).toBe(target);
    }
    expect(medianCut(wordsOf(colors.slice(0, 5)), counts.subarray(0, 5), 255).count).toBe(5);
  });
});
