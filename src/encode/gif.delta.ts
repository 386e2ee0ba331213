/**
 * GIF inter-frame deltas. Each frame after the first draws only the bounding rectangle
 * of the pixels that must change, writing the transparent index ("leave as is") for the
 * rest. GIF cannot make a drawn pixel transparent again except by disposal, so a frame
 * whose successor uncovers pixels gets disposal 2 (restore to background) over a
 * rectangle that covers them; its successor then redraws what was cleared.
 */

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

/** Pixels shown in `cur` that `next` makes transparent: they need a disposal to clear them. */
function uncovered(input: DeltaInput, cur: Uint8Array, next: Uint8Array): Box {
  const { width, transparentIndex: t } = input;
  const box = emptyBox();
  for (let p = 0; p < cur.length; p++) {
    if (cur[p] !== t && next[p] === t) grow(box, p % width, (p / width) | 0);
  }
  return box;
}

/**
 * Plans every frame's rectangle and disposal. The wrap from the last frame to the first
 * is planned like any other step, so players that do not reset the canvas on a new loop
 * still show frame 0 correctly.
 */
export function planGifFrames(input: DeltaInput): GifFrameRect[] {
  const { width, height, frames, palette, transparentIndex: t } = input;
  const n = frames.length;
  const canvas = new Int16Array(width * height).fill(-1);
  const tol2 = 3 * input.tolerance * input.tolerance;
  const close = (a: number, b: number) => {
    if (tol2 === 0) return false;
    const dr = palette[a * 4] - palette[b * 4];
    const dg = palette[a * 4 + 1] - palette[b * 4 + 1];
    const db = palette[a * 4 + 2] - palette[b * 4 + 2];
    return dr * dr + dg * dg + db * db <= tol2;
  };
  const out: GifFrameRect[] = [];
  for (let i = 0; i < n; i++) {
    const target = frames[i];
    const draw = new Uint8Array(width * height);
    const box = emptyBox();
    for (let y = 0; y < height; y++) {
      let first = -1;
      let last = -1;
      for (let x = 0, p = y * width; x < width; x++, p++) {
        const want = target[p];
        if (want === t) continue;
        const shown = canvas[p];
        if (i === 0 || shown < 0 || (shown !== want && !close(shown, want))) {
          draw[p] = 1;
          if (first < 0) first = x;
          last = x;
        }
      }
      if (first >= 0) {
        grow(box, first, y);
        grow(box, last, y);
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
      for (let x = 0; x < w; x++) {
        const p = (box.minY + y) * width + box.minX + x;
        if (!draw[p]) continue;
        const o = y * w + x;
        let v = target[p];
        // Lossy: repeat the left or upper neighbour when it is close to this pixel's colour
        // (longer runs and repeated rows for LZW); the error stays bounded by the tolerance.
        if (tol2 > 0 && v !== t) {
          const left = x > 0 ? indices[o - 1] : t;
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
        canvas.fill(-1, y * width + box.minX, y * width + box.maxX + 1);
    }
    out.push({ x: box.minX, y: box.minY, width: w, height: h, disposal, indices });
  }
  return out;
}
