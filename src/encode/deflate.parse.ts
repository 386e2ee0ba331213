/**
 * The LZ77 half of our deflate (deflate.ts): every position's matches, found once, and
 * the cheapest parse over them under given symbol costs, by dynamic programming.
 */

export const WINDOW = 32768;
const MIN_MATCH = 3;
export const MAX_MATCH = 258;
const HASH_BITS = 15;
const HASH_SIZE = 1 << HASH_BITS;
/**
 * Candidates looked at per position. On the 16 rectangles of a LINE emoji (332 KB of rows),
 * the whole deflate: 2 → 102.9 KB, 8 → 100.4 KB, 16 → 99.8 KB, 24 → 99.6 KB, 48 → 99.4 KB,
 * in ~18, 29, 30, 32 and 37 ms (one run each on a busy machine).
 */
const CHAIN_DEPTH = 16;
/**
 * A match this long ends the search at its position, and the positions it covers get no
 * matches of their own (the parse takes it whole): 64 instead saved 0.7% for 50% more time.
 */
const LONG_MATCH = 32;
/** Up to this length every length of a match is tried in the parse; beyond, only its full length. */
const ALL_LENGTHS = 16;

export const END_OF_BLOCK = 256;

export const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
export const LENGTH_EXTRA = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
export const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
  6145, 8193, 12289, 16385, 24577,
];
export const DIST_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];

/** Length (3..258) → length code index 0..28. */
export const LENGTH_CODE = new Uint8Array(MAX_MATCH + 1);
for (let c = 0; c < 29; c++) {
  const end = c === 28 ? MAX_MATCH + 1 : LENGTH_BASE[c + 1];
  for (let l = LENGTH_BASE[c]; l < end && l <= MAX_MATCH; l++) LENGTH_CODE[l] = c;
}
LENGTH_CODE[MAX_MATCH] = 28;

/** Distance (1..32768) → distance code 0..29. */
export const DIST_CODE = new Uint8Array(WINDOW + 1);
for (let c = 0; c < 30; c++) {
  const end = c === 29 ? WINDOW + 1 : DIST_BASE[c + 1];
  DIST_CODE.fill(c, DIST_BASE[c], end);
}

/** Every position's matches: for position p, entries start[p] .. start[p + 1] of len/dist, longer each time. */
export interface Matches {
  start: Int32Array;
  len: Uint16Array;
  dist: Uint16Array;
}

/**
 * How far positions `a` and `b` agree, up to `max`: four bytes at a time through `words`
 * (the little-endian word starting at each position), then byte by byte.
 */
function matchLength(words: Int32Array, data: Uint8Array, a: number, b: number, max: number): number {
  let l = 0;
  while (l + 4 <= max && words[a + l] === words[b + l]) l += 4;
  while (l < max && data[a + l] === data[b + l]) l++;
  return l;
}

/**
 * Scratch for findMatches, kept between calls (a worker thread compresses one stream at a
 * time): allocating and zeroing these for every rectangle cost more than the search.
 */
const scratch = {
  head: new Int32Array(HASH_SIZE),
  words: new Int32Array(0),
  prev: new Int32Array(0),
  start: new Int32Array(0),
  len: new Uint16Array(0),
  dist: new Uint16Array(0),
};

/** Finds, for every position, the shortest distance at which each longer match first appears. */
export function findMatches(data: Uint8Array): Matches {
  const n = data.length;
  // Each position records at most CHAIN_DEPTH matches (one per candidate, each one longer).
  if (scratch.prev.length < n) {
    scratch.words = new Int32Array(n * 2 + 4);
    scratch.prev = new Int32Array(n * 2);
    scratch.start = new Int32Array(n * 2 + 1);
    scratch.len = new Uint16Array(n * 2 * CHAIN_DEPTH);
    scratch.dist = new Uint16Array(n * 2 * CHAIN_DEPTH);
  }
  const { head, words, prev, start, len, dist } = scratch;
  head.fill(-1);
  // The word at i holds bytes i..i+3 (zeros past the end, which matchLength never reaches).
  let w = 0;
  for (let i = n + 3; i >= 0; i--) {
    w = (w << 8) | (i < n ? data[i] : 0);
    words[i] = w;
  }
  let count = 0;
  let skipUntil = 0;
  let runStart = 0;
  for (let p = 0; p < n; p++) {
    start[p] = count;
    if (p + MIN_MATCH > n) continue;
    const max = Math.min(MAX_MATCH, n - p);
    if (p === 0 || data[p] !== data[p - 1]) runStart = p;
    const h = ((data[p] << 10) ^ (data[p + 1] << 5) ^ data[p + 2]) & (HASH_SIZE - 1);
    if (p >= skipUntil) {
      // (Inside a long match the parse takes it whole, so those positions get no matches of their own.)
      let best = MIN_MATCH - 1;
      let depth = CHAIN_DEPTH;
      for (let c = head[h]; c >= 0 && p - c <= WINDOW && depth-- > 0; c = prev[c]) {
        // Every start in this run of one byte matches as far as the nearest one: go on from before the run.
        if (c >= runStart && c < p - 1 && p - runStart <= WINDOW) c = runStart;
        // Only a candidate that also agrees on the byte at `best` (and the three before it) can be longer.
        if (best < MIN_MATCH ? (words[c] ^ words[p]) & 0xffffff : words[c + best - 3] !== words[p + best - 3])
          continue;
        const l = matchLength(words, data, c, p, max);
        if (l > best) {
          best = l;
          len[count] = l;
          dist[count++] = p - c;
          if (l >= max || l >= LONG_MATCH) break;
        }
      }
      if (best >= LONG_MATCH) skipUntil = p + best;
    }
    prev[p] = head[h];
    head[h] = p;
  }
  start[n] = count;
  return { start, len, dist };
}

/** Bits each symbol costs: lit/len 0..285 (length codes without their extra bits) and distance codes 0..29. */
export interface Costs {
  lit: Float64Array;
  dist: Float64Array;
}

/** Costs from symbol counts: the entropy of each symbol, with unseen ones a little dearer than the rarest. */
export function costsFrom(litFreq: Uint32Array, distFreq: Uint32Array): Costs {
  const toCosts = (freq: Uint32Array) => {
    let total = 0;
    for (const f of freq) total += f;
    const out = new Float64Array(freq.length);
    const unseen = Math.log2(total + 1) + 2;
    for (let s = 0; s < freq.length; s++) out[s] = freq[s] > 0 ? Math.log2(total / freq[s]) : unseen;
    return out;
  };
  return { lit: toCosts(litFreq), dist: toCosts(distFreq) };
}

/** The costs of the fixed Huffman codes: a first guess that favours no particular data. */
export function fixedCosts(): Costs {
  const lit = new Float64Array(286);
  for (let s = 0; s < 286; s++) lit[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
  return { lit, dist: new Float64Array(30).fill(5) };
}

/** A parse: for each step, a literal (dist 0, len = the byte) or a match. */
export interface Parse {
  len: Uint16Array;
  dist: Uint16Array;
  count: number;
}

/** The cheapest parse of `data` under `costs`, by dynamic programming over the found matches. */
export function optimalParse(data: Uint8Array, m: Matches, costs: Costs): Parse {
  const n = data.length;
  const cost = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  const stepLen = new Uint16Array(n + 1);
  const stepDist = new Uint16Array(n + 1);
  cost[0] = 0;
  const lenCost = new Float64Array(MAX_MATCH + 1);
  for (let l = MIN_MATCH; l <= MAX_MATCH; l++) {
    const c = LENGTH_CODE[l];
    lenCost[l] = costs.lit[257 + c] + LENGTH_EXTRA[c];
  }
  for (let p = 0; p < n; p++) {
    const here = cost[p];
    const lit = here + costs.lit[data[p]];
    if (lit < cost[p + 1]) {
      cost[p + 1] = lit;
      stepLen[p + 1] = 1;
      stepDist[p + 1] = 0;
    }
    let shorter = MIN_MATCH - 1;
    for (let k = m.start[p]; k < m.start[p + 1]; k++) {
      const ml = m.len[k];
      const md = m.dist[k];
      const dc = DIST_CODE[md];
      const base = here + costs.dist[dc] + DIST_EXTRA[dc];
      const upTo = Math.min(ml, ALL_LENGTHS);
      for (let l = shorter + 1; l <= upTo; l++) {
        const c = base + lenCost[l];
        if (c < cost[p + l]) {
          cost[p + l] = c;
          stepLen[p + l] = l;
          stepDist[p + l] = md;
        }
      }
      if (ml > ALL_LENGTHS) {
        const c = base + lenCost[ml];
        if (c < cost[p + ml]) {
          cost[p + ml] = c;
          stepLen[p + ml] = ml;
          stepDist[p + ml] = md;
        }
      }
      shorter = ml;
    }
  }
  let count = 0;
  for (let p = n; p > 0; p -= stepLen[p]) count++;
  const len = new Uint16Array(count);
  const dist = new Uint16Array(count);
  let k = count;
  for (let p = n; p > 0; p -= stepLen[p]) {
    k--;
    const d = stepDist[p];
    len[k] = d === 0 ? data[p - 1] : stepLen[p];
    dist[k] = d;
  }
  return { len, dist, count };
}

/** Symbol counts of a parse, end of block included. */
export function countSymbols(parse: Parse): { litFreq: Uint32Array; distFreq: Uint32Array } {
  const litFreq = new Uint32Array(286);
  const distFreq = new Uint32Array(30);
  for (let k = 0; k < parse.count; k++) {
    if (parse.dist[k] === 0) litFreq[parse.len[k]]++;
    else {
      litFreq[257 + LENGTH_CODE[parse.len[k]]]++;
      distFreq[DIST_CODE[parse.dist[k]]]++;
    }
  }
  litFreq[END_OF_BLOCK]++;
  return { litFreq, distFreq };
}
