/**
 * A zlib-stream (RFC 1950/1951) compressor tuned for PNG image rows, with an optimal parse.
 *
 * Why not node:zlib: Node's zlib is Chromium's fork, and on palette rows it packs worse
 * than zlib itself. On the 16 rectangles of one LINE emoji (332 KB of rows): node:zlib
 * level 9 104.2 KB (10.7 ms), zlib 1.2.13 level 9 101.7 KB, this module 99.8 KB (28.8 ms).
 *
 * How: every position's matches are found once (hash chains over 3 bytes, a 32 KiB
 * window); then the parse is chosen by dynamic programming over those matches, costing
 * each symbol by its entropy in an earlier parse: the stream's own first parse, or the
 * previous rectangle's. The cheapest parse is written as one block: dynamic Huffman, fixed
 * Huffman or stored, whichever is smallest.
 */

const WINDOW = 32768;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
const HASH_BITS = 15;
const HASH_SIZE = 1 << HASH_BITS;
/**
 * Candidates looked at per position. On 16 rectangles of a LINE emoji (332 KB of rows):
 * 2 → 103.1 KB, 8 → 100.2 KB, 24 → 99.4 KB, 48 → 99.2 KB, for 6.9, 14, 21 and 29 ms of
 * match finding; 16 sits between 8 and 24.
 */
const CHAIN_DEPTH = 16;
/**
 * A match this long ends the search at its position, and the positions it covers get no
 * matches of their own (the parse takes it whole): 64 instead saved 0.7% for 50% more time.
 */
const LONG_MATCH = 32;
/** Up to this length every length of a match is tried in the parse; beyond, only its full length. */
const ALL_LENGTHS = 16;
/** Parses after the first when there are no prior costs: a second round bought 0.06%. */
const PARSE_ROUNDS = 1;

const END_OF_BLOCK = 256;

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
  6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
/** The order in which code-length code lengths are stored. */
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Length (3..258) → length code index 0..28. */
const LENGTH_CODE = new Uint8Array(MAX_MATCH + 1);
for (let c = 0; c < 29; c++) {
  const end = c === 28 ? MAX_MATCH + 1 : LENGTH_BASE[c + 1];
  for (let l = LENGTH_BASE[c]; l < end && l <= MAX_MATCH; l++) LENGTH_CODE[l] = c;
}
LENGTH_CODE[MAX_MATCH] = 28;

/** Distance (1..32768) → distance code 0..29. */
const DIST_CODE = new Uint8Array(WINDOW + 1);
for (let c = 0; c < 30; c++) {
  const end = c === 29 ? WINDOW + 1 : DIST_BASE[c + 1];
  DIST_CODE.fill(c, DIST_BASE[c], end);
}

/** Every position's matches: for position p, entries start[p] .. start[p + 1] of len/dist, longer each time. */
interface Matches {
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
function findMatches(data: Uint8Array): Matches {
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
        if (c >= runStart && c < p - 1) c = runStart;
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
interface Costs {
  lit: Float64Array;
  dist: Float64Array;
}

/** Costs from symbol counts: the entropy of each symbol, with unseen ones a little dearer than the rarest. */
function costsFrom(litFreq: Uint32Array, distFreq: Uint32Array): Costs {
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
function fixedCosts(): Costs {
  const lit = new Float64Array(286);
  for (let s = 0; s < 286; s++) lit[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
  return { lit, dist: new Float64Array(30).fill(5) };
}

/** A parse: for each step, a literal (dist 0, len = the byte) or a match. */
interface Parse {
  len: Uint16Array;
  dist: Uint16Array;
  count: number;
}

/** The cheapest parse of `data` under `costs`, by dynamic programming over the found matches. */
function optimalParse(data: Uint8Array, m: Matches, costs: Costs): Parse {
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
function countSymbols(parse: Parse): { litFreq: Uint32Array; distFreq: Uint32Array } {
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

/**
 * Huffman code lengths for the used symbols `used` (sorted by weight, lightest first), by the
 * two-queue method; returns the longest length.
 */
function huffmanLengths(
  used: readonly number[],
  weightOf: (s: number) => number,
  lengths: Uint8Array,
): number {
  const n = used.length;
  // Nodes 0..n-1 are the leaves in order; n.. the merged nodes, made in order of weight.
  const weight = new Float64Array(2 * n);
  const parent = new Int32Array(2 * n);
  for (let i = 0; i < n; i++) weight[i] = weightOf(used[i]);
  let leaf = 0;
  let merged = n;
  let made = n;
  const lightest = () => (leaf < n && (merged >= made || weight[leaf] <= weight[merged]) ? leaf++ : merged++);
  for (; made < 2 * n - 1; made++) {
    const a = lightest();
    const b = lightest();
    weight[made] = weight[a] + weight[b];
    parent[a] = made;
    parent[b] = made;
  }
  const depth = new Uint8Array(2 * n);
  let longest = 0;
  for (let i = 2 * n - 3; i >= 0; i--) {
    depth[i] = depth[parent[i]] + 1;
    if (i < n) {
      lengths[used[i]] = depth[i];
      if (depth[i] > longest) longest = depth[i];
    }
  }
  return longest;
}

/**
 * Code lengths of at most `maxBits` that minimise the coded size (package-merge). At least
 * two symbols get a code, as the format wants even of a tree with one symbol in use.
 */
export function limitedCodeLengths(freq: ArrayLike<number>, maxBits: number): Uint8Array {
  const lengths = new Uint8Array(freq.length);
  const used: number[] = [];
  for (let s = 0; s < freq.length; s++) if (freq[s] > 0) used.push(s);
  for (let s = 0; used.length < 2 && s < freq.length; s++) if (!used.includes(s)) used.push(s);
  used.sort((a, b) => Math.max(freq[a], 0) - Math.max(freq[b], 0) || a - b);
  const weightOf = (s: number) => Math.max(freq[s], 1);
  if (huffmanLengths(used, weightOf, lengths) <= maxBits) return lengths;
  lengths.fill(0);
  // Nodes: leaves are 0..used.length-1; packages point to two earlier nodes.
  const weight: number[] = used.map(weightOf);
  const left: number[] = used.map(() => -1);
  const right: number[] = used.map(() => -1);
  const leaves = used.map((_, i) => i);
  let list = leaves;
  for (let level = 1; level < maxBits; level++) {
    const packages: number[] = [];
    for (let i = 0; i + 1 < list.length; i += 2) {
      weight.push(weight[list[i]] + weight[list[i + 1]]);
      left.push(list[i]);
      right.push(list[i + 1]);
      packages.push(weight.length - 1);
    }
    const merged: number[] = [];
    let a = 0;
    let b = 0;
    while (a < leaves.length || b < packages.length) {
      if (b >= packages.length || (a < leaves.length && weight[leaves[a]] <= weight[packages[b]]))
        merged.push(leaves[a++]);
      else merged.push(packages[b++]);
    }
    list = merged;
  }
  const stack = list.slice(0, 2 * used.length - 2);
  while (stack.length > 0) {
    const node = stack.pop() as number;
    if (left[node] < 0) lengths[used[node]]++;
    else stack.push(left[node], right[node]);
  }
  return lengths;
}

/** Canonical codes for code lengths, bit-reversed so they can be written least significant bit first. */
function canonicalCodes(lengths: Uint8Array): Uint16Array {
  const blCount = new Uint16Array(16);
  for (const l of lengths) if (l) blCount[l]++;
  const next = new Uint16Array(16);
  let code = 0;
  for (let bits = 1; bits < 16; bits++) {
    code = (code + blCount[bits - 1]) << 1;
    next[bits] = code;
  }
  const codes = new Uint16Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) {
    const l = lengths[s];
    if (!l) continue;
    let c = next[l]++;
    let r = 0;
    for (let i = 0; i < l; i++) {
      r = (r << 1) | (c & 1);
      c >>= 1;
    }
    codes[s] = r;
  }
  return codes;
}

/** Least-significant-bit-first bit output into a growing byte buffer. */
class BitWriter {
  bytes: Uint8Array;
  at = 0;
  private acc = 0;
  private bits = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(64, capacity));
  }

  write(value: number, count: number): void {
    this.acc |= value << this.bits;
    this.bits += count;
    while (this.bits >= 8) {
      if (this.at === this.bytes.length) this.grow();
      this.bytes[this.at++] = this.acc & 0xff;
      this.acc >>>= 8;
      this.bits -= 8;
    }
  }

  /** Pads to a byte boundary. */
  align(): void {
    if (this.bits > 0) this.write(0, 8 - this.bits);
  }

  /** Bits written so far. */
  get length(): number {
    return this.at * 8 + this.bits;
  }

  private grow(): void {
    const b = new Uint8Array(this.bytes.length * 2);
    b.set(this.bytes);
    this.bytes = b;
  }
}

/** The run-length coded code lengths of a dynamic block header (symbols 0..18 and their extra bits). */
function codeLengthRuns(all: Uint8Array): { sym: number[]; extra: number[] } {
  const sym: number[] = [];
  const extra: number[] = [];
  for (let i = 0; i < all.length; ) {
    const l = all[i];
    let run = 1;
    while (i + run < all.length && all[i + run] === l) run++;
    let left = run;
    if (l === 0) {
      while (left >= 11) {
        const r = Math.min(left, 138);
        sym.push(18);
        extra.push(r - 11);
        left -= r;
      }
      if (left >= 3) {
        sym.push(17);
        extra.push(left - 3);
        left = 0;
      }
    } else {
      sym.push(l);
      extra.push(0);
      left--;
      while (left >= 3) {
        const r = Math.min(left, 6);
        sym.push(16);
        extra.push(r - 3);
        left -= r;
      }
    }
    for (; left > 0; left--) {
      sym.push(l);
      extra.push(0);
    }
    i += run;
  }
  return { sym, extra };
}

interface Code {
  lengths: Uint8Array;
  codes: Uint16Array;
}

const codeOf = (lengths: Uint8Array): Code => ({ lengths, codes: canonicalCodes(lengths) });

const FIXED_LIT = codeOf(
  Uint8Array.from({ length: 288 }, (_, s) => (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8)),
);
const FIXED_DIST = codeOf(new Uint8Array(30).fill(5));

function writeSymbols(out: BitWriter, parse: Parse, lit: Code, dist: Code): void {
  for (let k = 0; k < parse.count; k++) {
    const d = parse.dist[k];
    if (d === 0) {
      const s = parse.len[k];
      out.write(lit.codes[s], lit.lengths[s]);
      continue;
    }
    const l = parse.len[k];
    const lc = LENGTH_CODE[l];
    out.write(lit.codes[257 + lc], lit.lengths[257 + lc]);
    if (LENGTH_EXTRA[lc]) out.write(l - LENGTH_BASE[lc], LENGTH_EXTRA[lc]);
    const dc = DIST_CODE[d];
    out.write(dist.codes[dc], dist.lengths[dc]);
    if (DIST_EXTRA[dc]) out.write(d - DIST_BASE[dc], DIST_EXTRA[dc]);
  }
  out.write(lit.codes[END_OF_BLOCK], lit.lengths[END_OF_BLOCK]);
}

/** A dynamic block's codes and the run-length coded header that describes them. */
interface Dynamic {
  lit: Code;
  dist: Code;
  cl: Code;
  runs: { sym: number[]; extra: number[] };
  hlit: number;
  hdist: number;
  hclen: number;
  /** Bits of the header after the 3-bit block type, and of the symbols with their extra bits. */
  bits: number;
}

const RUN_EXTRA: Record<number, number> = { 16: 2, 17: 3, 18: 7 };

/** Bits of a parse's symbols (end of block included) under given code lengths, extra bits included. */
function symbolBits(litFreq: Uint32Array, distFreq: Uint32Array, lit: Uint8Array, dist: Uint8Array): number {
  let bits = 0;
  for (let s = 0; s < 256; s++) bits += litFreq[s] * lit[s];
  bits += lit[END_OF_BLOCK];
  for (let c = 0; c < 29; c++) bits += litFreq[257 + c] * (lit[257 + c] + LENGTH_EXTRA[c]);
  for (let c = 0; c < 30; c++) bits += distFreq[c] * (dist[c] + DIST_EXTRA[c]);
  return bits;
}

function dynamicCodes(litFreq: Uint32Array, distFreq: Uint32Array): Dynamic {
  const lit = codeOf(limitedCodeLengths(litFreq, 15));
  const dist = codeOf(limitedCodeLengths(distFreq, 15));
  let hlit = 286;
  while (hlit > 257 && lit.lengths[hlit - 1] === 0) hlit--;
  let hdist = 30;
  while (hdist > 1 && dist.lengths[hdist - 1] === 0) hdist--;
  const all = new Uint8Array(hlit + hdist);
  all.set(lit.lengths.subarray(0, hlit));
  all.set(dist.lengths.subarray(0, hdist), hlit);
  const runs = codeLengthRuns(all);
  const clFreq = new Uint32Array(19);
  for (const s of runs.sym) clFreq[s]++;
  const cl = codeOf(limitedCodeLengths(clFreq, 7));
  let hclen = 19;
  while (hclen > 4 && cl.lengths[CL_ORDER[hclen - 1]] === 0) hclen--;
  let bits = 5 + 5 + 4 + 3 * hclen;
  for (const s of runs.sym) bits += cl.lengths[s] + (RUN_EXTRA[s] ?? 0);
  bits += symbolBits(litFreq, distFreq, lit.lengths, dist.lengths);
  return { lit, dist, cl, runs, hlit, hdist, hclen, bits };
}

function writeDynamic(out: BitWriter, parse: Parse, d: Dynamic): void {
  out.write(1, 1);
  out.write(2, 2);
  out.write(d.hlit - 257, 5);
  out.write(d.hdist - 1, 5);
  out.write(d.hclen - 4, 4);
  for (let i = 0; i < d.hclen; i++) out.write(d.cl.lengths[CL_ORDER[i]], 3);
  d.runs.sym.forEach((s, i) => {
    out.write(d.cl.codes[s], d.cl.lengths[s]);
    if (s >= 16) out.write(d.runs.extra[i], RUN_EXTRA[s]);
  });
  writeSymbols(out, parse, d.lit, d.dist);
}

function writeFixed(out: BitWriter, parse: Parse): void {
  out.write(1, 1);
  out.write(1, 2);
  writeSymbols(out, parse, FIXED_LIT, FIXED_DIST);
}

function writeStored(out: BitWriter, data: Uint8Array): void {
  if (data.length === 0) {
    out.write(1, 1);
    out.write(0, 2);
    out.align();
    out.write(0, 16);
    out.write(0xffff, 16);
    return;
  }
  for (let at = 0; at < data.length; at += 0xffff) {
    const part = data.subarray(at, at + 0xffff);
    out.write(at + 0xffff >= data.length ? 1 : 0, 1);
    out.write(0, 2);
    out.align();
    out.write(part.length, 16);
    out.write(part.length ^ 0xffff, 16);
    for (const b of part) out.write(b, 8);
  }
}

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; ) {
    const end = Math.min(i + 5552, data.length);
    for (; i < end; i++) {
      a += data[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** How a parse is best written: as a dynamic block, a fixed one, or the data stored; and its size in bits. */
interface Block {
  parse: Parse;
  dynamic: Dynamic | null;
  stored: boolean;
  bits: number;
}

function cheapestBlock(data: Uint8Array, parse: Parse): Block {
  const { litFreq, distFreq } = countSymbols(parse);
  const dynamic = dynamicCodes(litFreq, distFreq);
  const fixed = symbolBits(litFreq, distFreq, FIXED_LIT.lengths, FIXED_DIST.lengths);
  const stored = 8 * (data.length + 5 * Math.max(1, Math.ceil(data.length / 0xffff))) + 8;
  const best = Math.min(3 + dynamic.bits, 3 + fixed, stored);
  if (best === stored) return { parse, dynamic: null, stored: true, bits: stored };
  return best === 3 + fixed
    ? { parse, dynamic: null, stored: false, bits: best }
    : { parse, dynamic, stored: false, bits: best };
}

function writeBlock(data: Uint8Array, block: Block): Uint8Array {
  const out = new BitWriter((block.bits >> 3) + 8);
  if (block.stored) writeStored(out, data);
  else if (block.dynamic) writeDynamic(out, block.parse, block.dynamic);
  else writeFixed(out, block.parse);
  out.align();
  return out.bytes.subarray(0, out.at);
}

/**
 * `data` as a zlib stream (what PNG's IDAT and APNG's fdAT hold), decodable by any inflate.
 * Several parses are tried and the smallest kept, so the output never grows with more rounds.
 */
/** What one stream's parse learned about its symbols, to start a similar stream's parse from. */
export interface SymbolCosts {
  readonly costs: Costs;
}

/**
 * `data` as a zlib stream (what PNG's IDAT and APNG's fdAT hold), decodable by any inflate,
 * and the symbol costs its parse ended with. Without `prior`, the parse starts from the fixed
 * codes' costs and is run again from its own counts; with the costs of a similar stream (the
 * previous frame's rectangle), one parse from those does as well. The cheaper block of the
 * parses tried is kept.
 */
export function deflateZlib(
  data: Uint8Array,
  prior?: SymbolCosts,
): { bytes: Uint8Array; learned: SymbolCosts } {
  const matches = findMatches(data);
  let parse = optimalParse(data, matches, prior?.costs ?? fixedCosts());
  let best = cheapestBlock(data, parse);
  for (let round = 0; round < (prior ? 0 : PARSE_ROUNDS); round++) {
    const { litFreq, distFreq } = countSymbols(parse);
    parse = optimalParse(data, matches, costsFrom(litFreq, distFreq));
    const block = cheapestBlock(data, parse);
    if (block.bits < best.bits) best = block;
  }
  const { litFreq, distFreq } = countSymbols(best.parse);
  const learned = { costs: costsFrom(litFreq, distFreq) };
  const body = writeBlock(data, best);
  const out = new Uint8Array(body.length + 6);
  out[0] = 0x78;
  out[1] = 0xda;
  out.set(body, 2);
  const sum = adler32(data);
  out[out.length - 4] = sum >>> 24;
  out[out.length - 3] = (sum >>> 16) & 0xff;
  out[out.length - 2] = (sum >>> 8) & 0xff;
  out[out.length - 1] = sum & 0xff;
  return { bytes: out, learned };
}
