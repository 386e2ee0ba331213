/**
 * Estimates the background colour at every pixel of an opaque image from its border.
 * Each border edge is sampled, cleaned with a wide running median (so a character
 * touching the border does not become "background"), and the four edges are blended
 * into the interior with a Coons patch, which reproduces flat colours and linear
 * gradients in any direction exactly.
 */
import type { RgbaImage } from '../domain/image.ts';

/** At most this many samples per edge: enough for smooth gradients, cheap to median-filter. */
const SAMPLES = 256;
/** A border sample this close (redmean) to the cleaned edge counts as explained by the model. */
const FIT_DISTANCE = 40;

export interface BackgroundModel {
  /** Median distance of border samples from the model: the image's noise level. */
  readonly noise: number;
  /** Share of border samples that the model explains (within a small distance). */
  readonly fit: number;
  /** Writes the estimated background RGB at (x, y) into `out`. */
  colourAt(x: number, y: number, out: Float32Array): void;
  /** Colour distance of every pixel of `img` from the background estimate there. */
  distances(img: RgbaImage): Float32Array;
}

/** Weighted RGB distance ("redmean"): cheap and closer to perceived difference than plain RGB. */
export function colourDistance(
  r1: number,
  g1: number,
  b1: number,
  r2: number,
  g2: number,
  b2: number,
): number {
  const rm = (r1 + r2) * 0.5;
  const dr = r1 - r2;
  const dg = g1 - g2;
  const db = b1 - b2;
  return Math.sqrt((2 + rm / 256) * dr * dr + 4 * dg * dg + (2 + (255 - rm) / 256) * db * db);
}

type Edge = Float32Array; // n samples × 3 channels

/** Samples one edge: the mean of a 2-pixel-deep strip at `n` points along it. */
function sampleEdge(img: RgbaImage, n: number, at: (i: number, depth: number) => number): Edge {
  const out = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < 2; d++) {
      const p = at(i, d) * 4;
      out[i * 3] += img.data[p] / 2;
      out[i * 3 + 1] += img.data[p + 1] / 2;
      out[i * 3 + 2] += img.data[p + 2] / 2;
    }
  }
  return out;
}

/**
 * Symmetric running median, half-width n/4, shrinking at the ends: the median of a
 * monotone window is its centre, so gradients pass through unchanged while runs of
 * foreground shorter than half a window are replaced by the surrounding background.
 */
function medianFilter(edge: Edge): Edge {
  const n = edge.length / 3;
  const out = new Float32Array(edge.length);
  const half = Math.floor(n / 4);
  const buf = new Float32Array(2 * half + 1);
  for (let c = 0; c < 3; c++) {
    for (let i = 0; i < n; i++) {
      const k = Math.min(half, i, n - 1 - i);
      const len = 2 * k + 1;
      for (let j = 0; j < len; j++) buf[j] = edge[(i - k + j) * 3 + c];
      const win = buf.subarray(0, len).sort();
      out[i * 3 + c] = win[k];
    }
  }
  return out;
}

/** Expands `n` edge samples to one colour per pixel along an edge of `len` pixels. */
function expand(edge: Edge, len: number): Float32Array {
  const n = edge.length / 3;
  const out = new Float32Array(len * 3);
  for (let x = 0; x < len; x++) {
    const f = len === 1 ? 0 : (x / (len - 1)) * (n - 1);
    const i = Math.min(n - 2, Math.floor(f));
    const t = n === 1 ? 0 : f - i;
    for (let c = 0; c < 3; c++) {
      const a = edge[Math.max(0, i) * 3 + c];
      const b = edge[Math.min(n - 1, i + 1) * 3 + c];
      out[x * 3 + c] = a + (b - a) * t;
    }
  }
  return out;
}

/** Builds the per-pixel background estimate of an opaque image. */
export function estimateBackground(img: RgbaImage): BackgroundModel {
  const { width: w, height: h } = img;
  const nx = Math.min(SAMPLES, w);
  const ny = Math.min(SAMPLES, h);
  const px = (i: number) => Math.round((i * (w - 1)) / Math.max(1, nx - 1));
  const py = (i: number) => Math.round((i * (h - 1)) / Math.max(1, ny - 1));
  const d1 = (d: number, len: number) => Math.min(d, len - 1);
  const raw = {
    top: sampleEdge(img, nx, (i, d) => d1(d, h) * w + px(i)),
    bottom: sampleEdge(img, nx, (i, d) => (h - 1 - d1(d, h)) * w + px(i)),
    left: sampleEdge(img, ny, (i, d) => py(i) * w + d1(d, w)),
    right: sampleEdge(img, ny, (i, d) => py(i) * w + (w - 1 - d1(d, w))),
  };
  const clean = {
    top: medianFilter(raw.top),
    bottom: medianFilter(raw.bottom),
    left: medianFilter(raw.left),
    right: medianFilter(raw.right),
  };
  const residuals: number[] = [];
  for (const key of ['top', 'bottom', 'left', 'right'] as const) {
    const r = raw[key];
    const c = clean[key];
    for (let i = 0; i < r.length; i += 3)
      residuals.push(colourDistance(r[i], r[i + 1], r[i + 2], c[i], c[i + 1], c[i + 2]));
  }
  residuals.sort((a, b) => a - b);
  const noise = residuals[Math.floor(residuals.length / 2)];
  // A fixed bound, not one relative to the noise: a busy border (a photo) must not
  // pass as a "simple" background just because it is uniformly busy.
  const fit = residuals.filter((d) => d < FIT_DISTANCE).length / residuals.length;

  return new CoonsBackground(w, h, clean, noise, fit);
}

/**
 * The Coons patch of the four cleaned edges. Evaluated on demand rather than stored:
 * a stored 1024² RGB float field costs more time to fill than the whole matte.
 */
class CoonsBackground implements BackgroundModel {
  private readonly top: Float32Array;
  private readonly bottom: Float32Array;
  private readonly left: Float32Array;
  private readonly right: Float32Array;
  /** Corners TL, TR, BL, BR × RGB. */
  private readonly corners = new Float32Array(12);

  constructor(
    readonly width: number,
    readonly height: number,
    edges: Record<'top' | 'bottom' | 'left' | 'right', Edge>,
    readonly noise: number,
    readonly fit: number,
  ) {
    this.top = expand(edges.top, width);
    this.bottom = expand(edges.bottom, width);
    this.left = expand(edges.left, height);
    this.right = expand(edges.right, height);
    const w = width - 1;
    const h = height - 1;
    for (let c = 0; c < 3; c++) {
      // Two edges meet at each corner; average them so the patch is consistent.
      this.corners[c] = (this.top[c] + this.left[c]) / 2;
      this.corners[3 + c] = (this.top[w * 3 + c] + this.right[c]) / 2;
      this.corners[6 + c] = (this.bottom[c] + this.left[h * 3 + c]) / 2;
      this.corners[9 + c] = (this.bottom[w * 3 + c] + this.right[h * 3 + c]) / 2;
    }
  }

  /** Row terms: the patch at (x, y) is a + u·b + (1 − v)·top[x] + v·bottom[x]. */
  private rowTerms(y: number, c: number): [number, number, number] {
    const v = this.height === 1 ? 0 : y / (this.height - 1);
    const k = this.corners;
    const leftCorner = (1 - v) * k[c] + v * k[6 + c];
    const rightCorner = (1 - v) * k[3 + c] + v * k[9 + c];
    const a = this.left[y * 3 + c] - leftCorner;
    const b = this.right[y * 3 + c] - rightCorner - a;
    return [a, b, v];
  }

  colourAt(x: number, y: number, out: Float32Array): void {
    const u = this.width === 1 ? 0 : x / (this.width - 1);
    for (let c = 0; c < 3; c++) {
      const [a, b, v] = this.rowTerms(y, c);
      out[c] = a + u * b + (1 - v) * this.top[x * 3 + c] + v * this.bottom[x * 3 + c];
    }
  }

  distances(img: RgbaImage): Float32Array {
    const { width: w, height: h, data } = img;
    const dist = new Float32Array(w * h);
    const du = w === 1 ? 0 : 1 / (w - 1);
    const T = this.top;
    const B = this.bottom;
    for (let y = 0; y < h; y++) {
      const [ar, br, v] = this.rowTerms(y, 0);
      const [ag, bg] = this.rowTerms(y, 1);
      const [ab, bb] = this.rowTerms(y, 2);
      const iv = 1 - v;
      for (let x = 0, p = y * w * 4; x < w; x++, p += 4) {
        const u = x * du;
        const q = x * 3;
        const r = ar + u * br + iv * T[q] + v * B[q];
        const g = ag + u * bg + iv * T[q + 1] + v * B[q + 1];
        const b = ab + u * bb + iv * T[q + 2] + v * B[q + 2];
        dist[y * w + x] = colourDistance(data[p], data[p + 1], data[p + 2], r, g, b);
      }
    }
    return dist;
  }
}
