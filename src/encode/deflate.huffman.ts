/**
 * Huffman codes for our deflate (deflate.ts): length-limited code lengths, the canonical
 * codes they give, and the run-length coding of code lengths in a dynamic block's header.
 */

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
 * Code lengths of at most `maxBits` that minimise the coded size: Huffman's, or where those
 * run longer, package-merge's. At least two symbols get a code, as the format wants even of
 * a tree with one symbol in use.
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
export function canonicalCodes(lengths: Uint8Array): Uint16Array {
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

/** The run-length coded code lengths of a dynamic block header (symbols 0..18 and their extra bits). */
export function codeLengthRuns(all: Uint8Array): { sym: number[]; extra: number[] } {
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
