/**
 * GIF inter-frame deltas. Each frame after the first draws only the bounding rectangle
 * of the pixels that must change, writing the transparent index ("leave as is") for the
 * rest. GIF cannot make a drawn pixel transparent again except by disposal, so a frame
 * whose successor uncovers pixels gets disposal 2 (restore to background) over a
 * rectangle that covers them; its successor then redraws what was cleared.
 */

import { alignedWords } from './palette.remap.ts';

/** GIF disposal methods. */
export const DISPOSAL_KEEP = 1;
export const DISPOSAL_BACKGROUND = 2;
export const DISPOSAL_PREVIOUS = 3;

export interface GifFrameRect {
  x: number;
  y: number;
  width: number;
  height: number;
  disposal: number;
  /** Palette indices of the rectangle, rows back to back. */
  indices: Uint8Array;
}

export interface DeltaInput {
  width: number;
  height: number;
  /** Frames as palette indices. */
  frames: readonly Uint8Array[];
  /** Palette as RGBA quadruples. */
  palette: Uint8Array;
  transparentIndex: number;
  /**
   * Lossy setting, a colour distance (per channel, RMS): a shown pixel this close to its
   * target is left as it is (longer transparent runs), and a drawn pixel this close to its
   * left or upper neighbour repeats it (longer runs); LZW packs both far better.
   */
  tolerance: number;
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

const emptyBox = (): Box => ({
  minX: Number.MAX_SAFE_INTEGER,
  minY: Number.MAX_SAFE_INTEGER,
  maxX: -1,
  maxY: -1,
});

function grow(box: Box, x: number, y: number): void {
  if (x < box.minX) box.minX = x;
  if (x > box.maxX) box.maxX = x;
  if (y < box.minY) box.minY = y;
  if (y > box.maxY) box.maxY = y;
}

/** Whether a row's scan at `p` may skip the four indices from `p` on as one word (all of them equal in both planes). */
function sameWord(p: number, rowEnd: number, a: Uint32Array | null, b: Uint32Array | null): boolean {
  return a !== null && b !== null && (p & 3) === 0 && p + 4 <= rowEnd && a[p >> 2] === b[p >> 2];
}

/** Pixels shown in `cur` that `next` makes transparent: they need a disposal to clear them. */
function uncovered(input: DeltaInput, cur: Uint8Array, next: Uint8Array): Box {
  const { width, height, transparentIndex: t } = input;
  const curWords = alignedWords(cur);
  const nextWords = alignedWords(next);
  const box = emptyBox();
  for (let y = 0; y < height; y++) {
    const rowEnd = (y + 1) * width;
    for (let p = y * width; p < rowEnd; p++) {
      if (sameWord(p, rowEnd, curWords, nextWords)) {
        p += 3;
        continue;
      }
      if (cur[p] !== t && next[p] === t) grow(box, p - y * width, y);
    }
  }
  return box;
}

/**
 * Plans every frame's rectangle and disposal. The wrap from the last frame to the first
 * is planned like any other step, so players that do not reset the canvas on a new loop
 * still show frame 0 correctly. The canvas holds what a viewer shows, with the transparent
 * index where nothing is (that index is never drawn: it means "leave as is"), so runs of
 * pixels where the frame equals the canvas are skipped four at a time.
 */
export function planGifFrames(input: DeltaInput): GifFrameRect[] {
  const { width, height, frames, palette, transparentIndex: t } = input;
  const n = frames.length;
  const canvas = new Uint8Array(width * height).fill(t);
  const canvasWords = alignedWords(canvas);
  const tol2 = 3 * input.tolerance * input.tolerance;
  const close = (a: number, b: number) => {
    const dr = palette[a * 4] - palette[b * 4];
    const dg = palette[a * 4 + 1] - palette[b * 4 + 1];
    const db = palette[a * 4 + 2] - palette[b * 4 + 2];
    return dr * dr + dg * dg + db * db <= tol2;
  };
  const out: GifFrameRect[] = [];
  for (let i = 0; i < n; i++) {
    const target = frames[i];
    const targetWords = alignedWords(target);
    const draw = new Uint8Array(width * height);
    const drawWords = alignedWords(draw);
    const box = emptyBox();
    for (let y = 0; y < height; y++) {
      const rowEnd = (y + 1) * width;
      let first = -1;
      let last = -1;
      for (let p = y * width; p < rowEnd; p++) {
        // Equal to what is shown (or transparent on an empty canvas): nothing to draw.
        if (sameWord(p, rowEnd, targetWords, canvasWords)) {
          p += 3;
          continue;
        }
        const want = target[p];
        if (want === t) continue;
        const shown = canvas[p];
        if (shown === t || (shown !== want && !(tol2 > 0 && close(shown, want)))) {
          draw[p] = 1;
          if (first < 0) first = p;
          last = p;
        }
      }
      if (first >= 0) {
        grow(box, first - y * width, y);
        grow(box, last - y * width, y);
      }
    }
    const clear = n > 1 ? uncovered(input, target, frames[(i + 1) % n]) : emptyBox();
    const disposal = clear.maxX >= 0 ? DISPOSAL_BACKGROUND : DISPOSAL_KEEP;
    if (i === 0) Object.assign(box, { minX: 0, minY: 0, maxX: width - 1, maxY: height - 1 });
    if (clear.maxX >= 0) {
      grow(box, clear.minX, clear.minY);
      grow(box, clear.maxX, clear.maxY);
    }
    if (box.maxX < 0) Object.assign(box, { minX: 0, minY: 0, maxX: 0, maxY: 0 });
    const w = box.maxX - box.minX + 1;
    const h = box.maxY - box.minY + 1;
    const indices = new Uint8Array(w * h).fill(t);
    for (let y = 0; y < h; y++) {
      const rowStart = (box.minY + y) * width + box.minX;
      const rowEnd = rowStart + w;
      for (let p = rowStart, o = y * w; p < rowEnd; p++, o++) {
        if (drawWords && (p & 3) === 0 && p + 4 <= rowEnd && drawWords[p >> 2] === 0) {
          p += 3;
          o += 3;
          continue;
        }
        if (!draw[p]) continue;
        let v = target[p];
        // Lossy: repeat the left or upper neighbour when it is close to this pixel's colour
        // (longer runs and repeated rows for LZW); the error stays bounded by the tolerance.
        if (tol2 > 0) {
          const left = p > rowStart ? indices[o - 1] : t;
          const up = y > 0 ? indices[o - w] : t;
          if (left !== t && left !== v && close(left, v)) v = left;
          else if (up !== t && up !== v && close(up, v)) v = up;
        }
        indices[o] = v;
        canvas[p] = v;
      }
    }
    if (disposal === DISPOSAL_BACKGROUND) {
      for (let y = box.minY; y <= box.maxY; y++)
        canvas.fill(t, y * width + box.minX, y * width + box.maxX + 1);
    }
    out.push({ x: box.minX, y: box.minY, width: w, height: h, disposal, indices });
  }
  return out;
}
