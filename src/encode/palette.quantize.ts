/**
 * One palette for a whole animation, from the animation's exact colour histogram: median
 * cut chooses a first palette, Lloyd rounds fit it to every colour, and `palette.remap.ts`
 * then maps the frames. Animations with few enough colours get an exact palette.
 */
import { nearestEntries, type Palette, remapFrames, words } from './palette.remap.ts';

/** Frames as palette indices, with the palette ordered for a short tRNS chunk. */
export interface IndexedAnimation {
  /** RGBA quadruples: non-opaque entries first, the fully transparent one (if any) at index 0. */
  palette: Uint8Array;
  count: number;
  /** Leading entries that are not fully opaque: the tRNS length. */
  alphaCount: number;
  /** Index of the fully transparent entry, or -1 when no pixel is transparent. */
  transparentIndex: number;
  frames: Uint8Array[];
}

/** Palette alpha at or above this is treated as opaque. */
const NEAR_OPAQUE = 248;
/**
 * Lloyd rounds after the median cut unless the caller asks for another number
 * (`refinePalette`), ~3 ms each on a 180 px emoji. On the 6 built-in characters × 4
 * actions at 180 px: none 49.28 dB PSNR, one 49.85, two 50.12, three 50.26; SSIM 0.99923–
 * 0.99924 and the bytes within 0.4% throughout.
 */
const REFINE_ROUNDS = 2;

/**
 * Exact RGBA colour counts, each colour with a dense id in order of first sight (open
 * addressing over the ids; key 0, transparent black, is never stored). The slot comes from
 * the hash's high bits: the low bits of a product depend only on the key's low bits (red
 * and part of green), and probing on them clustered similar colours together.
 */
class ColorHistogram {
  private table = new Int32Array(1 << 13).fill(-1);
  private shift = 32 - 13;
  /** Colour of each id. */
  keys = new Uint32Array(1 << 12);
  /** Pixels counted for each id. */
  counts = new Uint32Array(1 << 12);
  size = 0;

  /** Counts `count` more pixels of colour `key` and returns its id. */
  add(key: number, count: number): number {
    const { table, keys } = this;
    const mask = table.length - 1;
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const id = table[h];
      if (id < 0) break;
      if (keys[id] === key) {
        this.counts[id] += count;
        return id;
      }
      h = (h + 1) & mask;
    }
    const id = this.size++;
    if (id === keys.length) this.growIds();
    this.keys[id] = key;
    this.counts[id] = count;
    table[h] = id;
    if (this.size * 2 > table.length) this.growTable();
    return id;
  }

  /** The id of colour `key`, or -1 when it was never added. */
  find(key: number): number {
    const { table, keys } = this;
    const mask = table.length - 1;
    for (let h = Math.imul(key, 0x9e3779b1) >>> this.shift; ; h = (h + 1) & mask) {
      const id = table[h];
      if (id < 0 || keys[id] === key) return id;
    }
  }

  private growIds(): void {
    const keys = new Uint32Array(this.keys.length * 2);
    const counts = new Uint32Array(this.keys.length * 2);
    keys.set(this.keys);
    counts.set(this.counts);
    this.keys = keys;
    this.counts = counts;
  }

  private growTable(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    this.shift--;
    const mask = this.table.length - 1;
    for (let id = 0; id < this.size; id++) {
      let h = Math.imul(this.keys[id], 0x9e3779b1) >>> this.shift;
      while (this.table[h] >= 0) h = (h + 1) & mask;
      this.table[h] = id;
    }
  }
}

function histogram(frames: readonly Uint8Array[]) {
  const hist = new ColorHistogram();
  let transparent = false;
  let opaque = false;
  // Counted run by run: flat fills and empty canvas are long runs of one colour (on engine
  // emojis this took the histogram from 8.5 to 3 ms a 180 px, 16-frame animation).
  for (const frame of frames) {
    const px = words(frame);
    const n = px.length;
    for (let start = 0, p = 1; start < n; start = p++) {
      const key = px[start];
      while (p < n && px[p] === key) p++;
      const a = frame[start * 4 + 3];
      if (a === 0) transparent = true;
      else hist.add(key, p - start);
      if (a === 255) opaque = true;
    }
  }
  return { hist, transparent, opaque };
}

/**
 * Each frame as palette indices without dithering, where a colour's index depends on the
 * colour alone: run by run, each run filled with `indexOfId` of its colour's histogram id
 * (`transparentIndex` where fully transparent). Engine emojis at 180 px have ~160K runs in
 * 502K pixels, so this does a third of the lookups a pixel-by-pixel mapping would.
 */
function mapByColor(
  frames: readonly Uint8Array[],
  hist: ColorHistogram,
  indexOfId: Uint8Array,
  transparentIndex: number,
): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const frame of frames) out.push(mapFrameByColor(frame, hist, indexOfId, transparentIndex));
  return out;
}

/**
 * One frame of `mapByColor`. A function of the module rather than a closure made per call:
 * V8 drops a closure's optimized code at the next major GC once the closure is gone, so a
 * closure per encode was compiled again on nearly every encode (107 times in one 24 × 7 set).
 */
function mapFrameByColor(
  frame: Uint8Array,
  hist: ColorHistogram,
  indexOfId: Uint8Array,
  transparentIndex: number,
): Uint8Array {
  const px = words(frame);
  const n = px.length;
  const idx = new Uint8Array(n);
  for (let start = 0, p = 1; start < n; start = p++) {
    const key = px[start];
    while (p < n && px[p] === key) p++;
    const v = frame[start * 4 + 3] === 0 ? transparentIndex : indexOfId[hist.find(key)];
    if (p - start > 16) idx.fill(v, start, p);
    else for (let q = start; q < p; q++) idx[q] = v;
  }
  return idx;
}

/**
 * The palette with entries of alpha NEAR_OPAQUE and above made opaque, and with at least one
 * opaque entry when `opaque` pixels need one (opaque pixels may only take opaque entries).
 * A box of mostly opaque colours with a few edge pixels averages to alpha 249–254; as an
 * opaque entry it serves the opaque pixels (with libimagequant's palettes, which did the
 * same, this took an engine emoji's opaque-pixel error from 1.79M to 0.86M).
 */
function withOpaqueEntries(palette: Palette, opaque: boolean): Palette {
  const { rgba, count } = palette;
  let hasOpaque = false;
  for (let i = 0; i < count; i++) {
    if (rgba[i * 4 + 3] < NEAR_OPAQUE) continue;
    rgba[i * 4 + 3] = 255;
    hasOpaque = true;
  }
  if (opaque && !hasOpaque) rgba[3] = 255;
  return palette;
}

/**
 * Lloyd's k-means rounds over the whole histogram (`colors`, RGBA words none fully
 * transparent, seen `counts` times each), in the space the mapping measures distance in
 * (premultiplied RGBA): each entry moves to the weighted mean of the colours that map to
 * it. The median cut draws its boxes one axis at a time and in its own space; these rounds
 * fit the palette to the error the mapping makes. Opaque entries stay opaque and move to
 * the mean of their opaque colours (opaque pixels may only take opaque entries);
 * translucent entries stay translucent. An entry no colour maps to stays where it is.
 */
export function refinePalette(
  palette: Palette,
  colors: Uint32Array,
  counts: Uint32Array,
  rounds: number,
): Palette {
  const refined = { rgba: palette.rgba.slice(), count: palette.count };
  const sums = new Float64Array(palette.count * SLOTS);
  for (let round = 0; round < rounds; round++) lloydRound(refined, colors, counts, sums);
  return refined;
}

/** One round: every colour to its entry (distance plus `bias`), every entry to its colours' mean; returns the mapping. */
function lloydRound(
  palette: Palette,
  colors: Uint32Array,
  counts: Uint32Array,
  sums: Float64Array,
  bias?: Float64Array,
): Uint8Array {
  const entry = nearestEntries(palette, colors, bias);
  clusterSums(colors, counts, entry, sums);
  moveToMeans(palette, sums);
  return entry;
}

/** Each entry to the mean of the colours `sums` gathered for it (see `refinePalette`). */
function moveToMeans({ rgba, count }: Palette, sums: Float64Array): void {
  for (let k = 0; k < count; k++) {
    const e = k * SLOTS;
    const out = k * 4;
    if (rgba[out + 3] === 255) {
      const w = sums[e + 8];
      if (w > 0) for (let c = 0; c < 3; c++) rgba[out + c] = Math.round(sums[e + 5 + c] / w);
    } else if (sums[e + 3] > 0) {
      for (let c = 0; c < 3; c++) rgba[out + c] = Math.round(sums[e + c] / sums[e + 3]);
      rgba[out + 3] = Math.min(254, Math.max(1, Math.round(sums[e + 3] / sums[e + 4])));
    }
  }
}

/**
 * Rounds after the Lloyd rounds in which a colour's choice of entry also weighs what the
 * entry costs to store (entropy-constrained quantization): RATE_WEIGHT × log2(pixels /
 * pixels on that entry) is added to each entry's squared distance, and the entries move to
 * their colours' means again. Colours near two entries go to the commoner one, so rows
 * repeat more and the deflate's codes get shorter. On 8 blob emojis at 180 px (luma-weighted
 * matching on both sides): rate rounds 0 → 745.3 KB, 49.76 dB, SSIM 0.99931; weight 2 →
 * 725.9 KB, 49.71 dB, 0.99929; 3 → 707.3 KB, 49.61 dB, 0.99926; 5 → 685.4 KB, 49.31 dB,
 * 0.99915. One round instead of two kept only a third of the saving (730.7 KB at weight 3).
 */
const RATE_ROUNDS = 2;
const RATE_WEIGHT = 3;

/**
 * `RATE_ROUNDS` rate-weighted rounds over `palette`: the palette moved, and the bias per
 * entry (RATE_WEIGHT × bits) that the final mapping adds to each distance.
 */
function rateRounds(
  palette: Palette,
  colors: Uint32Array,
  counts: Uint32Array,
): { palette: Palette; bias: Float64Array } {
  const moved = { rgba: palette.rgba.slice(), count: palette.count };
  const sums = new Float64Array(palette.count * SLOTS);
  let bias: Float64Array | undefined;
  for (let round = 0; round < RATE_ROUNDS; round++) {
    bias = rateBias(lloydRound(moved, colors, counts, sums, bias), counts, palette.count);
  }
  return { palette: moved, bias: bias ?? new Float64Array(256) };
}

/** RATE_WEIGHT × the bits an entry's pixels cost under `entry`'s mapping; unused entries a little dearer than the rarest. */
function rateBias(entry: Uint8Array, counts: Uint32Array, size: number): Float64Array {
  const used = new Float64Array(size);
  let total = 0;
  for (let i = 0; i < entry.length; i++) {
    used[entry[i]] += counts[i];
    total += counts[i];
  }
  const bias = new Float64Array(256);
  const unseen = Math.log2(total + 1) + 2;
  for (let k = 0; k < size; k++) bias[k] = RATE_WEIGHT * (used[k] > 0 ? Math.log2(total / used[k]) : unseen);
  return bias;
}

/** Numbers `clusterSums` keeps for each entry. */
const SLOTS = 9;

/**
 * Into `sums`, per entry, over the colours that `entry` gives it: weighted sums of
 * straight r, g, b times alpha, of alpha and of weight, then of straight r, g, b and of
 * weight over the opaque colours alone. So an entry's premultiplied mean is slots 0–2 over
 * slot 3 with alpha slot 3 over slot 4, and its opaque colours' mean slots 5–7 over slot 8.
 * The sums are of integers well below 2^53, so they are exact whatever the order.
 */
function clusterSums(colors: Uint32Array, counts: Uint32Array, entry: Uint8Array, sums: Float64Array): void {
  const bytes = new Uint8Array(colors.buffer, colors.byteOffset, colors.length * 4);
  sums.fill(0);
  for (let i = 0; i < colors.length; i++) {
    const s = i * 4;
    const w = counts[i];
    const a = bytes[s + 3];
    const e = entry[i] * SLOTS;
    const wa = w * a;
    sums[e] += wa * bytes[s];
    sums[e + 1] += wa * bytes[s + 1];
    sums[e + 2] += wa * bytes[s + 2];
    sums[e + 3] += wa;
    sums[e + 4] += w;
    if (a === 255) {
      sums[e + 5] += w * bytes[s];
      sums[e + 6] += w * bytes[s + 1];
      sums[e + 7] += w * bytes[s + 2];
      sums[e + 8] += w;
    }
  }
}

/** How much more a box's spread in luma counts than its spread in chroma or alpha (`medianCut`). */
const LUMA_WEIGHT = 6;

/** A box of colours: `order[from..to)`, with its weighted squared error and the axis it spreads most along. */
interface Box {
  from: number;
  to: number;
  error: number;
  axis: number;
}

/**
 * A first palette of at most `target` entries by median cut. Colours are placed in
 * premultiplied luma, two chroma axes and alpha; the box whose colours are farthest from
 * their mean (weighted squared error, luma counted LUMA_WEIGHT times) is split along its
 * widest axis, at the value that leaves the least error, until there are `target` boxes
 * or none can be split. Each entry is its box's weighted mean.
 *
 * It replaced libimagequant (through sharp, from a 32K sample of the histogram), both
 * followed by two Lloyd rounds. On the 6 built-in characters × 4 actions:
 * - 180 px, 256 colours: 2.8% fewer bytes, the same PSNR (50.12 dB), SSIM 0.99924 against
 *   0.99929, and the palette in ~24 ms instead of ~55 (libimagequant's search alone ~25);
 * - 320×270, 256 colours: 3.5% fewer bytes, 51.32 against 51.35 dB, SSIM 0.99925 / 0.99928;
 * - the ladder's 128 and 48 colours: SSIM 0.99844 / 0.99540 against 0.99769 / 0.99374 at
 *   about the same PSNR, for 9% and 8% more bytes.
 * Luma's weight: 1 gave 0.99901, 3 0.99907, 6 0.99912 and 12 0.99914 SSIM on 8 blob emojis,
 * for 795, 794, 795 and 801 KB.
 */
export function medianCut(colors: Uint32Array, counts: Uint32Array, target: number): Palette {
  const n = colors.length;
  const bytes = new Uint8Array(colors.buffer, colors.byteOffset, n * 4);
  const coords = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) {
    const s = i * 4;
    const m = bytes[s + 3] / 255;
    const r = bytes[s] * m;
    const g = bytes[s + 1] * m;
    const b = bytes[s + 2] * m;
    const y = 0.299 * r + 0.587 * g + 0.114 * b;
    const cb = 128 + (b - y) * 0.564;
    const cr = 128 + (r - y) * 0.713;
    // Typed-array stores truncate, so +0.5 rounds (every value lies in 0..255.5).
    coords[s] = y + 0.5;
    coords[s + 1] = cb < 0 ? 0 : cb > 255 ? 255 : cb + 0.5;
    coords[s + 2] = cr < 0 ? 0 : cr > 255 ? 255 : cr + 0.5;
    coords[s + 3] = bytes[s + 3];
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const moments = new Float64Array(9);
  const boxes: Box[] = n > 0 ? [measureBox(order, coords, counts, 0, n, moments)] : [];
  const w = new Float64Array(256);
  const wx = new Float64Array(256);
  const wxx = new Float64Array(256);
  const right = new Int32Array(n);
  while (boxes.length < target) {
    let pick = -1;
    for (let b = 0; b < boxes.length; b++) {
      if (boxes[b].error > 0 && (pick < 0 || boxes[b].error > boxes[pick].error)) pick = b;
    }
    if (pick < 0) break;
    const { from, to, axis } = boxes[pick];
    const split = bestSplit(order, coords, counts, from, to, axis, w, wx, wxx);
    if (split < 0) {
      boxes[pick].error = 0;
      continue;
    }
    let lo = from;
    let hi = to;
    for (let k = from; k < to; k++) {
      const i = order[k];
      if (coords[i * 4 + axis] <= split) order[lo++] = i;
      else right[--hi] = i;
    }
    order.set(right.subarray(hi, to), hi);
    boxes[pick] = measureBox(order, coords, counts, from, lo, moments);
    boxes.push(measureBox(order, coords, counts, lo, to, moments));
  }
  // Each entry is its box's weighted mean, premultiplied as the distances are.
  const entry = new Uint8Array(n);
  for (let b = 0; b < boxes.length; b++) {
    for (let k = boxes[b].from; k < boxes[b].to; k++) entry[order[k]] = b;
  }
  const sums = new Float64Array(boxes.length * SLOTS);
  clusterSums(colors, counts, entry, sums);
  const rgba = new Uint8Array(boxes.length * 4);
  for (let b = 0; b < boxes.length; b++) {
    const e = b * SLOTS;
    for (let c = 0; c < 3; c++) rgba[b * 4 + c] = Math.round(sums[e + c] / sums[e + 3]);
    rgba[b * 4 + 3] = Math.round(sums[e + 3] / sums[e + 4]);
  }
  return { rgba, count: boxes.length };
}

/** The box `order[from..to)` with its weighted squared error (luma weighted) and widest axis. */
function measureBox(
  order: Int32Array,
  coords: Uint8Array,
  counts: Uint32Array,
  from: number,
  to: number,
  moments: Float64Array,
): Box {
  moments.fill(0);
  for (let k = from; k < to; k++) {
    const i = order[k];
    const w = counts[i];
    const s = i * 4;
    const y = coords[s];
    const cb = coords[s + 1];
    const cr = coords[s + 2];
    const a = coords[s + 3];
    moments[0] += w * y;
    moments[1] += w * cb;
    moments[2] += w * cr;
    moments[3] += w * a;
    moments[4] += w * y * y;
    moments[5] += w * cb * cb;
    moments[6] += w * cr * cr;
    moments[7] += w * a * a;
    moments[8] += w;
  }
  let error = 0;
  let axis = 0;
  let widest = -1;
  for (let c = 0; c < 4; c++) {
    const e = (moments[4 + c] - (moments[c] * moments[c]) / moments[8]) * (c === 0 ? LUMA_WEIGHT : 1);
    error += e;
    if (e > widest) {
      widest = e;
      axis = c;
    }
  }
  return { from, to, error: to - from > 1 ? error : 0, axis };
}

/**
 * Where along `axis` to cut `order[from..to)` so that the two halves' squared errors add
 * up least: the colours go to 256 bins, and each cut is scored from running sums. Returns
 * the last value of the lower half, or -1 when all colours share one value.
 */
function bestSplit(
  order: Int32Array,
  coords: Uint8Array,
  counts: Uint32Array,
  from: number,
  to: number,
  axis: number,
  w: Float64Array,
  wx: Float64Array,
  wxx: Float64Array,
): number {
  w.fill(0);
  wx.fill(0);
  wxx.fill(0);
  let tw = 0;
  let tx = 0;
  let txx = 0;
  for (let k = from; k < to; k++) {
    const i = order[k];
    const v = coords[i * 4 + axis];
    const c = counts[i];
    w[v] += c;
    wx[v] += c * v;
    wxx[v] += c * v * v;
    tw += c;
    tx += c * v;
    txx += c * v * v;
  }
  let lw = 0;
  let lx = 0;
  let lxx = 0;
  let split = -1;
  let least = Number.POSITIVE_INFINITY;
  for (let v = 0; v < 255; v++) {
    lw += w[v];
    lx += wx[v];
    lxx += wxx[v];
    const rw = tw - lw;
    if (lw === 0 || rw === 0) continue;
    const e = lxx - (lx * lx) / lw + (txx - lxx) - ((tx - lx) * (tx - lx)) / rw;
    if (e < least) {
      least = e;
      split = v;
    }
  }
  return split;
}

/**
 * Quantizes all frames to one shared palette of at most `colors` entries (2..256), with
 * `rounds` Lloyd rounds after the median cut, then (by default where Lloyd rounds run and
 * nothing is dithered) `rateRounds`.
 */
export function quantizeFrames(
  frames: readonly Uint8Array[],
  width: number,
  height: number,
  colors: number,
  dither: number,
  rounds = REFINE_ROUNDS,
  rate = rounds > 0,
): IndexedAnimation {
  const { hist, transparent, opaque } = histogram(frames);
  const visibleBudget = Math.max(1, colors - (transparent ? 1 : 0));
  const colorsSeen = hist.keys.subarray(0, hist.size);
  if (hist.size <= visibleBudget) {
    // Few colours: an exact palette, no dithering needed.
    const sorted = pngOrder(
      { rgba: new Uint8Array(colorsSeen.slice().buffer), count: hist.size },
      transparent,
    );
    const indexOfId = Uint8Array.from(sorted.indexOf);
    return { ...sorted.indexed, frames: mapByColor(frames, hist, indexOfId, 0) };
  }
  const chosen = withOpaqueEntries(medianCut(colorsSeen, hist.counts, visibleBudget), opaque);
  const counts = hist.counts.subarray(0, hist.size);
  const refined = refinePalette(chosen, colorsSeen, counts, rounds);
  // GIF (no Lloyd rounds) keeps the plain mapping; dithered frames have no colour-by-colour mapping to bias.
  const rated = rate && dither === 0 ? rateRounds(refined, colorsSeen, counts) : null;
  const sorted = pngOrder(rated?.palette ?? refined, transparent);
  const { palette, count } = sorted.indexed;
  const mapped = { rgba: palette, count };
  if (dither > 0) return { ...sorted.indexed, frames: remapFrames(frames, width, height, mapped, 0, dither) };
  // The bias follows its entries to their PNG indices.
  let bias: Float64Array | undefined;
  if (rated) {
    bias = new Float64Array(256);
    for (let old = 0; old < sorted.indexOf.length; old++) bias[sorted.indexOf[old]] = rated.bias[old];
  }
  return { ...sorted.indexed, frames: mapByColor(frames, hist, nearestEntries(mapped, colorsSeen, bias), 0) };
}

/**
 * A chosen palette in PNG's order before any pixel is mapped: the transparent entry first
 * (only when some pixel is transparent), then translucent entries by alpha, then opaque,
 * so the mapping writes final indices; `indexOf` gives each entry of `visible` its new
 * index. Sorting after the mapping cost a pass over every pixel to count uses and another
 * to relabel them (~14 ms of a 180 px emoji's ~220 ms encode on a slow core). An entry no
 * pixel maps to stays in the palette: on 12 engine emojis none did, and one would cost 3 bytes.
 */
function pngOrder(
  visible: Palette,
  transparent: boolean,
): { indexed: Omit<IndexedAnimation, 'frames'>; indexOf: Int32Array } {
  // Sorted as integers, alpha × 65536 + entry, so entries of equal alpha keep their order.
  const keys = new Int32Array(visible.count);
  for (let i = 0; i < visible.count; i++) keys[i] = visible.rgba[i * 4 + 3] * 65536 + i;
  keys.sort();
  const lead = transparent ? 1 : 0;
  const rgba = new Uint8Array((keys.length + lead) * 4);
  const indexOf = new Int32Array(visible.count);
  let translucent = 0;
  for (let i = 0; i < keys.length; i++) {
    const old = keys[i] & 0xffff;
    rgba.set(visible.rgba.subarray(old * 4, old * 4 + 4), (i + lead) * 4);
    indexOf[old] = i + lead;
    if (keys[i] >> 16 < 255) translucent++;
  }
  return {
    indexed: {
      palette: rgba,
      count: keys.length + lead,
      alphaCount: translucent + lead,
      transparentIndex: transparent ? 0 : -1,
    },
    indexOf,
  };
}
