/**
 * Maps RGBA frames onto a fixed palette with optional Floyd–Steinberg dithering.
 *
 * Why not let libimagequant remap: on a 180×180×16 stack it alone took 120–140 ms
 * (dither 1, effort 1) and 2.2 s at effort 10, against a <100 ms budget for the whole
 * encode. Here remapping takes ~15 ms, and a pixel equal to the same pixel of the
 * previous frame keeps its previous index, so static areas do not shimmer and
 * inter-frame deltas stay small. Without dithering a colour's entry depends on the colour
 * alone, so `nearestEntries` maps each distinct colour once and the quantizer fills the
 * frames' runs from it (palette.quantize.ts).
 */

/** Palette entries as RGBA quadruples; entries with alpha 0 are never chosen for visible pixels. */
export interface Palette {
  rgba: Uint8Array;
  count: number;
}

/**
 * How much more a difference in luma counts than one in chroma or alpha when a colour picks
 * its entry (2 in distance, 4 in squared distance). Viewers judge an emoji's shading by its
 * light, and SSIM, like the eye, reads luma alone. On 8 blob emojis at 180 px against plain
 * premultiplied RGB: SSIM 0.99912 → 0.99931, PSNR 50.11 → 49.76 dB, bytes +1.9%; a factor
 * of 8 in squared distance gave 0.99933 and 49.30 dB.
 */
const LUMA_SCALE = 2;

/**
 * Writes the coordinates a colour is matched in: premultiplied luma (times LUMA_SCALE), two
 * chroma axes and alpha. Premultiplied, because a viewer composites: a faint pixel's colour
 * matters as little as it shows (premultiplied matching halved the error on translucent
 * edge pixels of the engine's emojis against straight RGBA).
 */
function matchCoords(r: number, g: number, b: number, a: number, out: Float32Array, at: number): void {
  const m = a / 255;
  const pr = r * m;
  const pb = b * m;
  // From the integer key, so that luma order and key order agree exactly (SortedSearch).
  const y = lumaKey(r, g, b, a) / 255000;
  out[at] = y * LUMA_SCALE;
  out[at + 1] = (pb - y) * 0.564;
  out[at + 2] = (pr - y) * 0.713;
  out[at + 3] = a;
}

/** Premultiplied luma × 255,000 of straight RGBA, an integer for integer channels. */
function lumaKey(r: number, g: number, b: number, a: number): number {
  return (299 * r + 587 * g + 114 * b) * a;
}

/** Values the sorted axis (scaled luma) can take, one bucket each. */
const LUMA_BUCKETS = 256 * LUMA_SCALE + 1;

/**
 * Nearest-colour search in `matchCoords` space over entries sorted by scaled luma, stopping
 * once luma alone is too far. An optional `bias` per palette index (never negative) is added
 * to every entry's squared distance: the rate term of `quantizeFrames`' last rounds.
 */
class SortedSearch {
  /** Match coordinates of each entry, in luma order. */
  private readonly coords: Float32Array;
  private readonly index: Int32Array;
  private readonly start = new Int32Array(LUMA_BUCKETS + 1);
  private readonly query = new Float32Array(4);

  /** `entries`: ascending palette indices (below 256). */
  constructor(pal: Uint8Array, entries: Int32Array) {
    // Sorted as exact numbers, luma key × 256 + position in `entries` (below 2^35): entries
    // of equal luma in their own order, and no comparator closure to compile.
    const keys = new Float64Array(entries.length);
    for (let k = 0; k < entries.length; k++) {
      const e = entries[k] * 4;
      keys[k] = lumaKey(pal[e], pal[e + 1], pal[e + 2], pal[e + 3]) * 256 + k;
    }
    keys.sort();
    this.index = new Int32Array(entries.length);
    this.coords = new Float32Array(entries.length * 4);
    for (let k = 0; k < keys.length; k++) {
      const e = entries[keys[k] % 256];
      this.index[k] = e;
      matchCoords(pal[e * 4], pal[e * 4 + 1], pal[e * 4 + 2], pal[e * 4 + 3], this.coords, k * 4);
    }
    let k = 0;
    for (let y = 0; y <= LUMA_BUCKETS; y++) {
      while (k < entries.length && this.coords[k * 4] < y) k++;
      this.start[y] = k;
    }
  }

  get size(): number {
    return this.index.length;
  }

  /** The entry closest to straight RGBA `r, g, b, a`, each entry's distance plus `bias[entry]` when given. */
  nearest(r: number, g: number, b: number, a: number, bias?: Float64Array): number {
    const { coords, index, query } = this;
    const n = index.length;
    matchCoords(r, g, b, a, query, 0);
    const qy = query[0];
    const qu = query[1];
    const qv = query[2];
    let best = index[0];
    let bestD = Number.POSITIVE_INFINITY;
    let up = this.start[qy | 0];
    let down = up - 1;
    while (up < n || down >= 0) {
      for (let side = 0; side < 2; side++) {
        const k = side === 0 ? up : down;
        if (k < 0 || k >= n) continue;
        const e = k * 4;
        const dy = coords[e] - qy;
        if (dy * dy >= bestD) {
          if (side === 0) up = n;
          else down = -1;
          continue;
        }
        const du = coords[e + 1] - qu;
        const dv = coords[e + 2] - qv;
        const da = coords[e + 3] - a;
        let d = dy * dy + du * du + dv * dv + da * da;
        if (bias) d += bias[index[k]];
        if (d < bestD) {
          bestD = d;
          best = index[k];
        }
        if (side === 0) up++;
        else down--;
      }
    }
    return best;
  }
}

/** Exact RGB → palette index memo (open addressing); keys are 24-bit colours. */
class ColorCache {
  private keys = new Int32Array(1 << 14).fill(-1);
  private values = new Int16Array(1 << 14);
  private size = 0;

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let h = Math.imul(key ^ (key >>> 15), 0x2c1b3c6d);
    h ^= h >>> 12;
    for (;;) {
      h &= mask;
      const k = this.keys[h];
      if (k === key || k === -1) return h;
      h++;
    }
  }

  get(key: number): number {
    const h = this.slot(key);
    return this.keys[h] === key ? this.values[h] : -1;
  }

  set(key: number, value: number): void {
    const h = this.slot(key);
    if (this.keys[h] === -1) {
      this.keys[h] = key;
      if (++this.size * 2 > this.keys.length) {
        this.values[h] = value;
        this.grow();
        return;
      }
    }
    this.values[h] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.values = new Int16Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === -1) continue;
      const h = this.slot(keys[i]);
      this.keys[h] = keys[i];
      this.values[h] = values[i];
    }
  }
}

/** Where alpha sits in an RGBA word read natively: the top byte on little-endian machines, the low one elsewhere. */
export const ALPHA_SHIFT = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1 ? 24 : 0;

/** A Uint32 view of the bytes, four at a time, or null when they are not 4-aligned (no copy). */
export function alignedWords(bytes: Uint8Array): Uint32Array | null {
  return bytes.byteOffset % 4 === 0
    ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2)
    : null;
}

/** A Uint32 view of RGBA bytes, copying only when the bytes are not 4-aligned. */
export function words(bytes: Uint8Array): Uint32Array {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length >> 2);
}

/** Searches over the entries any visible pixel may take, and over those an opaque pixel may take. */
function searches(palette: Palette): { visible: SortedSearch; opaque: SortedSearch } {
  const pal = palette.rgba;
  const visible = new SortedSearch(pal, entriesWithAlpha(palette, 1));
  const opaqueOnly = new SortedSearch(pal, entriesWithAlpha(palette, 255));
  return { visible, opaque: opaqueOnly.size > 0 ? opaqueOnly : visible };
}

/** The palette's entries whose alpha is at least `min`, in order. */
function entriesWithAlpha(palette: Palette, min: number): Int32Array {
  const out = new Int32Array(palette.count);
  let n = 0;
  for (let i = 0; i < palette.count; i++) if (palette.rgba[i * 4 + 3] >= min) out[n++] = i;
  return out.subarray(0, n);
}

/**
 * The entry each colour maps to without dithering, the same choice `remapFrames` makes when
 * there is no `bias`: `colors` holds RGBA words (none fully transparent), and opaque ones
 * take opaque entries only. `bias`, per palette index, is added to each entry's distance.
 */
export function nearestEntries(palette: Palette, colors: Uint32Array, bias?: Float64Array): Uint8Array {
  const { visible, opaque } = searches(palette);
  const bytes = new Uint8Array(colors.buffer, colors.byteOffset, colors.length * 4);
  const out = new Uint8Array(colors.length);
  for (let i = 0; i < colors.length; i++) {
    const s = i * 4;
    const a = bytes[s + 3];
    out[i] = (a === 255 ? opaque : visible).nearest(bytes[s], bytes[s + 1], bytes[s + 2], a, bias);
  }
  return out;
}

/**
 * Maps every frame to palette indices. Fully transparent pixels take `transparentIndex`;
 * fully opaque pixels only ever take opaque entries, so their alpha stays 255.
 */
export function remapFrames(
  frames: readonly Uint8Array[],
  width: number,
  height: number,
  palette: Palette,
  transparentIndex: number,
  dither: number,
): Uint8Array[] {
  const pal = palette.rgba;
  const { visible, opaque } = searches(palette);
  const cache = new ColorCache();
  // Translucent colours (anti-aliased edges) are searched once each too; their keys are whole
  // RGBA words, so they live in a cache of their own.
  const edgeCache = new ColorCache();
  const rowLen = (width + 2) * 3;
  let errCur = new Float32Array(rowLen);
  let errNext = new Float32Array(rowLen);
  const strength = dither / 16 / 255;
  const out: Uint8Array[] = [];
  let prevWords: Uint32Array | null = null;
  for (let f = 0; f < frames.length; f++) {
    const src = frames[f];
    const srcWords = words(src);
    const prevIdx = f > 0 ? out[f - 1] : null;
    const idx = new Uint8Array(width * height);
    errCur.fill(0);
    for (let y = 0; y < height; y++) {
      errNext.fill(0);
      for (let x = 0; x < width; x++) {
        const p = y * width + x;
        const s = p * 4;
        const a = src[s + 3];
        if (a === 0) {
          idx[p] = transparentIndex;
          continue;
        }
        const e = (x + 1) * 3;
        let r = src[s];
        let g = src[s + 1];
        let b = src[s + 2];
        let chosen: number;
        if (strength === 0 && x > 0 && srcWords[p - 1] === srcWords[p]) {
          // Without dithering a colour always maps to the same entry: repeat the left neighbour's.
          chosen = idx[p - 1];
        } else if (prevIdx && prevWords && prevWords[p] === srcWords[p]) {
          chosen = prevIdx[p];
        } else {
          r += errCur[e];
          g += errCur[e + 1];
          b += errCur[e + 2];
          r = r <= 0 ? 0 : r >= 255 ? 255 : (r + 0.5) | 0;
          g = g <= 0 ? 0 : g >= 255 ? 255 : (g + 0.5) | 0;
          b = b <= 0 ? 0 : b >= 255 ? 255 : (b + 0.5) | 0;
          if (a === 255) {
            // Exact colours are memoised exactly; dithered ones (nearly all unique) per 4×4×4
            // cell resolved at the cell centre, since the diffused error corrects the rounding.
            const exact = r === src[s] && g === src[s + 1] && b === src[s + 2];
            const key = exact
              ? (r << 16) | (g << 8) | b
              : 0x1000000 | ((r >> 2) << 12) | ((g >> 2) << 6) | (b >> 2);
            chosen = cache.get(key);
            if (chosen < 0) {
              chosen = exact
                ? opaque.nearest(r, g, b, 255)
                : opaque.nearest((r & ~3) + 2, (g & ~3) + 2, (b & ~3) + 2, 255);
              cache.set(key, chosen);
            }
          } else {
            const key = (a << 24) | (r << 16) | (g << 8) | b;
            chosen = edgeCache.get(key);
            if (chosen < 0) {
              chosen = visible.nearest(r, g, b, a);
              edgeCache.set(key, chosen);
            }
          }
        }
        idx[p] = chosen;
        if (strength > 0) {
          const k = strength * a;
          const q = chosen * 4;
          const er = (r - pal[q]) * k;
          const eg = (g - pal[q + 1]) * k;
          const eb = (b - pal[q + 2]) * k;
          errCur[e + 3] += er * 7;
          errCur[e + 4] += eg * 7;
          errCur[e + 5] += eb * 7;
          errNext[e - 3] += er * 3;
          errNext[e - 2] += eg * 3;
          errNext[e - 1] += eb * 3;
          errNext[e] += er * 5;
          errNext[e + 1] += eg * 5;
          errNext[e + 2] += eb * 5;
          errNext[e + 3] += er;
          errNext[e + 4] += eg;
          errNext[e + 5] += eb;
        }
      }
      const t = errCur;
      errCur = errNext;
      errNext = t;
    }
    out.push(idx);
    prevWords = srcWords;
  }
  return out;
}
