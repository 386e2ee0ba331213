/**
 * One palette for a whole animation. libimagequant (through sharp) chooses the palette
 * from a weighted sample of the animation's colour histogram, Lloyd rounds over the whole
 * histogram fit it to every colour, and `palette.remap.ts` then maps the frames.
 * Animations with few enough colours get an exact palette.
 */
import sharp from 'sharp';
import { decodeApng } from './apng.decoder.ts';
import { reducePalette } from './palette.reduce.ts';
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

/**
 * Palette search cost grows with the sample, not the animation. On 18 engine emojis
 * (180 px, 16 frames, no dithering) 32K sorted samples at effort 5 gave 49.35 dB PSNR;
 * 16K gave 49.05 dB, 64K 49.39 dB for ~60% more time, effort 3 lost 1.5 dB and effort 8
 * gained nothing worth its time.
 */
const SAMPLE_PIXELS = 32768;
/** libimagequant effort (sharp's 1..10) unless the caller asks for another. */
const QUANT_EFFORT = 5;
/** Palette alpha at or above this is treated as opaque. */
const NEAR_OPAQUE = 248;
/**
 * Lloyd rounds after libimagequant (`refinePalette`), ~2.5 ms each on a 180 px emoji. On 8
 * engine emojis at 180 px without dithering, libimagequant at effort 5 alone gave 49.68 dB
 * PSNR and 0.99912 SSIM; one round 49.91 dB, two 49.97 dB and 0.99918, three 50.00, five
 * 50.04, with the files' bytes unchanged (−0.2%). Effort 3 or 4 with three rounds instead
 * (49.77 / 49.95 dB, 10–15 ms less) made the files 1.2% and 2.5% larger.
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
  return frames.map((frame) => {
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
  });
}

/** Builds a 256-wide RGBA image whose colours follow the histogram, every colour at least once if possible. */
function sampleImage(hist: ColorHistogram): { data: Uint8Array; height: number } {
  let total = 0;
  for (let i = 0; i < hist.size; i++) total += hist.counts[i];
  const scale = SAMPLE_PIXELS / total;
  // Similar colours side by side (keys sorted): libimagequant weighs colours in busy
  // (noisy-looking) areas less, and a hash-ordered sample looks like noise everywhere.
  const order = hist.keys.slice(0, hist.size).sort();
  const reps = new Uint32Array(order.length);
  let kept = 0;
  let carry = 0;
  for (let i = 0; i < order.length; i++) {
    const want = hist.counts[hist.find(order[i])] * scale;
    // With few colours every one is kept; with very many, rare ones are kept in proportion.
    reps[i] = hist.size <= SAMPLE_PIXELS ? Math.max(1, Math.round(want)) : Math.floor(carry + want);
    if (hist.size > SAMPLE_PIXELS) carry = carry + want - reps[i];
    kept += reps[i];
  }
  const height = Math.ceil(kept / 256);
  // Keys are native-endian words of RGBA bytes, so writing them back as words restores the bytes.
  const pixels = new Uint32Array(256 * height);
  let at = 0;
  for (let i = 0; i < order.length; i++) {
    pixels.fill(order[i], at, at + reps[i]);
    at += reps[i];
  }
  // The last row is padded by repeating the sample from its start.
  for (let p = at; p < pixels.length; p++) pixels[p] = pixels[p - at];
  return { data: new Uint8Array(pixels.buffer), height };
}

async function libimagequantPalette(
  hist: ColorHistogram,
  colors: number,
  opaque: boolean,
  effort: number,
): Promise<Palette> {
  const { data, height } = sampleImage(hist);
  // libvips only takes a bit depth, so ask for the next size it can make and reduce from there.
  const liqColors = colors <= 2 ? 2 : colors <= 4 ? 4 : colors <= 16 ? 16 : 256;
  const png = await sharp(data, { raw: { width: 256, height, channels: 4 } })
    .png({ palette: true, colors: liqColors, dither: 0, effort, compressionLevel: 0 })
    .toBuffer();
  // libvips pads PLTE to 2^bitdepth entries, so the palette is read off the remapped sample instead.
  const sample = decodeApng(png).frames[0].rgba;
  const px = words(sample);
  // Typed counting rather than a Map: RGBA words are beyond small-integer range, so a Map
  // boxed every key, and those allocations showed up as garbage collection.
  const uses = new ColorHistogram();
  for (let p = 0; p < px.length; p++) if (sample[p * 4 + 3] > 0) uses.add(px[p], 1);
  let rgba: Uint8Array = new Uint8Array(uses.keys.slice(0, uses.size).buffer);
  if (uses.size > colors) rgba = reducePalette(rgba, Array.from(uses.counts.subarray(0, uses.size)), colors);
  const count = rgba.length / 4;
  // libimagequant spends many entries on colours with alpha 249–254 that stand in for opaque
  // ones; as opaque entries they serve opaque pixels, which may only take opaque entries
  // (measured on an engine emoji: opaque-pixel error 1.79M → 0.86M, the same as liq's own remap).
  for (let i = 0; i < count; i++) if (rgba[i * 4 + 3] >= NEAR_OPAQUE) rgba[i * 4 + 3] = 255;
  // Opaque pixels may only take opaque entries; a tiny palette might not have one.
  if (opaque && !Array.from({ length: count }, (_, i) => rgba[i * 4 + 3]).includes(255)) rgba[3] = 255;
  return { rgba, count };
}

/**
 * Lloyd's k-means rounds over the whole histogram (`colors`, RGBA words none fully
 * transparent, seen `counts` times each), in the space the mapping measures
 * distance in (premultiplied RGBA): each entry moves to the weighted mean of the colours
 * that map to it. libimagequant chose the palette from a sample of the histogram and in its
 * own colour space; these rounds fit it to every colour, in the error we are judged by.
 * Opaque entries stay opaque and move to the mean of their opaque colours (opaque pixels
 * may only take opaque entries); translucent entries stay translucent. An entry no colour
 * maps to stays where it is.
 */
export function refinePalette(
  palette: Palette,
  colors: Uint32Array,
  counts: Uint32Array,
  rounds: number,
): Palette {
  const rgba = palette.rgba.slice();
  const refined = { rgba, count: palette.count };
  const bytes = new Uint8Array(colors.buffer, colors.byteOffset, colors.length * 4);
  // Per entry: weighted sums of premultiplied r, g, b, of alpha and of weight, then of
  // straight r, g, b and of weight over the opaque colours alone.
  const SLOTS = 9;
  const sums = new Float64Array(palette.count * SLOTS);
  for (let round = 0; round < rounds; round++) {
    const entry = nearestEntries(refined, colors);
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
    for (let k = 0; k < palette.count; k++) {
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
  return refined;
}

/** How hard the palette is searched for. */
export interface PaletteEffort {
  /** libimagequant effort, sharp's 1..10 (default 5). */
  effort?: number;
  /** Lloyd rounds after libimagequant (default 2; see `refinePalette`). */
  rounds?: number;
}

/** Quantizes all frames to one shared palette of at most `colors` entries (2..256). */
export async function quantizeFrames(
  frames: readonly Uint8Array[],
  width: number,
  height: number,
  colors: number,
  dither: number,
  { effort = QUANT_EFFORT, rounds = REFINE_ROUNDS }: PaletteEffort = {},
): Promise<IndexedAnimation> {
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
  const chosen = await libimagequantPalette(hist, visibleBudget, opaque, effort);
  const visible = refinePalette(chosen, colorsSeen, hist.counts, rounds);
  const sorted = pngOrder(visible, transparent);
  const { palette, count } = sorted.indexed;
  const mapped = { rgba: palette, count };
  return {
    ...sorted.indexed,
    frames:
      dither > 0
        ? remapFrames(frames, width, height, mapped, 0, dither)
        : mapByColor(frames, hist, nearestEntries(mapped, colorsSeen), 0),
  };
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
  const alpha = (i: number) => visible.rgba[i * 4 + 3];
  const order = Array.from({ length: visible.count }, (_, i) => i).sort((a, b) => alpha(a) - alpha(b));
  const lead = transparent ? 1 : 0;
  const rgba = new Uint8Array((order.length + lead) * 4);
  const indexOf = new Int32Array(visible.count);
  order.forEach((old, i) => {
    rgba.set(visible.rgba.subarray(old * 4, old * 4 + 4), (i + lead) * 4);
    indexOf[old] = i + lead;
  });
  const translucent = order.filter((i) => alpha(i) < 255).length;
  return {
    indexed: {
      palette: rgba,
      count: order.length + lead,
      alphaCount: translucent + lead,
      transparentIndex: transparent ? 0 : -1,
    },
    indexOf,
  };
}
