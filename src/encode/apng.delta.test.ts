import { describe, expect, it } from 'vitest';
import { seededRandom } from '../domain/random.ts';
import { decodeApng } from './apng.decoder.ts';
import { planApngFrames } from './apng.delta.ts';
import { encodeApng } from './apng.encoder.ts';

const W = 24;

/** A plane of palette indices: index 1 fills a body, each mark is a rectangle of one index. */
function pose(marks: readonly (readonly [number, number, number, number, number])[]): Uint8Array {
  const p = new Uint8Array(W * W);
  for (const [x, y, w, h, index] of [[4, 4, 16, 16, 1] as const, ...marks]) {
    for (let r = y; r < y + h; r++) p.fill(index, r * W + x, r * W + x + w);
  }
  return p;
}

/** Index 0 is the transparent one; every other index is opaque. */
const ALPHAS = new Uint8Array(256).fill(255);
ALPHAS[0] = 0;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The bounding box of the pixels where two planes differ; a frame with no change still stores one pixel. */
function changed(a: Uint8Array, b: Uint8Array): Box {
  let [x0, y0, x1, y1] = [W, W, -1, -1];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    const [x, y] = [i % W, Math.floor(i / W)];
    [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  }
  return x1 < 0 ? { x: 0, y: 0, w: 1, h: 1 } : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/**
 * The smallest total area of frames 1.. over every choice of dispose ops, tried one by one:
 * NONE keeps the frame shown, BACKGROUND clears its rectangle, PREVIOUS restores the canvas
 * it was drawn on (not offered after frame 0, as the planner does not offer it).
 */
function smallestArea(frames: readonly Uint8Array[]): number {
  let best = Number.POSITIVE_INFINITY;
  const visit = (i: number, before: Uint8Array, rect: Box, cost: number) => {
    if (i === frames.length) {
      best = Math.min(best, cost);
      return;
    }
    const shown = frames[i - 1];
    const clearedCanvas = shown.slice();
    for (let r = rect.y; r < rect.y + rect.h; r++)
      clearedCanvas.fill(0, r * W + rect.x, r * W + rect.x + rect.w);
    const canvases = i > 1 ? [shown, before, clearedCanvas] : [shown, clearedCanvas];
    for (const base of canvases) {
      const box = changed(base, frames[i]);
      visit(i + 1, base, box, cost + box.w * box.h);
    }
  };
  visit(1, new Uint8Array(W * W), { x: 0, y: 0, w: W, h: W }, 0);
  return best;
}

const planned = (frames: Uint8Array[]) =>
  planApngFrames({ width: W, height: W, frames, alphas: ALPHAS, transparent: 0 });

const plannedArea = (frames: Uint8Array[]) =>
  planned(frames)
    .rects.slice(1)
    .reduce((sum, r) => sum + r.width * r.height, 0);

/** Six frames, each one of three poses: the body with one mark of random place, size and index. */
function poseSequences(count: number, seed: number): Uint8Array[][] {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  return Array.from({ length: count }, () => {
    const poses = Array.from({ length: 3 }, () =>
      pose([[int(16), int(16), 2 + int(7), 2 + int(7), 2 + int(3)]]),
    );
    return Array.from({ length: 6 }, () => poses[int(3)]);
  });
}

describe('planApngFrames', () => {
  it('finds the smallest total rectangle area over every choice of dispose ops', () => {
    // Frame by frame, choosing the dispose op that makes the next rectangle smallest misses
    // this one: an early PREVIOUS throws away the canvas that a later frame comes back to.
    const [a, b, c] = [
      pose([[0, 0, 6, 6, 2]]),
      pose([[14, 14, 8, 8, 3]]),
      pose([
        [0, 0, 6, 6, 2],
        [14, 14, 8, 8, 3],
      ]),
    ];
    const tricky = [a, c, a, b, c, b];
    expect(plannedArea(tricky)).toBe(smallestArea(tricky));
    for (const frames of poseSequences(150, 7)) expect(plannedArea(frames)).toBe(smallestArea(frames));
  });

  it('gives every frame a dispose op and every dispose op a frame', () => {
    const frames = poseSequences(1, 3)[0];
    const { rects, dispose } = planned(frames);
    expect(rects).toHaveLength(frames.length);
    expect(dispose).toHaveLength(frames.length);
    expect(dispose.at(-1)).toBe(0);
  });

  it('plans files that decode to exactly the frames, palette and RGBA alike', async () => {
    const palette = [
      [0, 0, 0, 0],
      [240, 200, 60, 255],
      [200, 40, 40, 255],
      [40, 90, 200, 255],
      [30, 160, 70, 255],
    ];
    for (const planes of poseSequences(12, 11)) {
      const frames = planes.map((plane) => {
        const rgba = new Uint8Array(W * W * 4);
        for (let i = 0; i < plane.length; i++) rgba.set(palette[plane[i]], i * 4);
        return rgba;
      });
      for (const lossless of [false, true]) {
        const decoded = decodeApng(
          await encodeApng({ width: W, height: W, frames, durationMs: 1200 }, { lossless }),
        );
        const exact = decoded.frames.map((f, k) => Buffer.from(f.rgba).equals(frames[k]));
        expect(exact).toEqual(frames.map(() => true));
      }
    }
  });
});
