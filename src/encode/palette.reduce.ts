/**
 * Shrinks a weighted palette to `target` entries by repeatedly merging the pair whose
 * merge adds the least squared error (Ward's criterion).
 *
 * Why: sharp 0.35 passes only a bit depth to libvips, so `colors` is silently rounded
 * up to 2, 4, 16 or 256 (asking for 64 colours returned 253). The ladder's 192/128/96/64
 * steps therefore start from libimagequant's 256 (or 16) and are reduced here.
 */

interface Entry {
  r: number;
  g: number;
  b: number;
  a: number;
  weight: number;
  alive: boolean;
}

/** Opaque and translucent entries only merge with their own kind, so opaque pixels keep opaque colours. */
function mergeCost(p: Entry, q: Entry, crossKinds: boolean): number {
  if (!crossKinds && (p.a === 255) !== (q.a === 255)) return Number.POSITIVE_INFINITY;
  const dr = p.r - q.r;
  const dg = p.g - q.g;
  const db = p.b - q.b;
  const da = p.a - q.a;
  return ((p.weight * q.weight) / (p.weight + q.weight)) * (dr * dr + dg * dg + db * db + 2 * da * da);
}

/**
 * Reduces RGBA `palette` (quadruples) with per-entry `weights` to at most `target` entries.
 * Returns the new palette as RGBA quadruples.
 */
export function reducePalette(palette: Uint8Array, weights: readonly number[], target: number): Uint8Array {
  const entries: Entry[] = weights.map((weight, i) => ({
    r: palette[i * 4],
    g: palette[i * 4 + 1],
    b: palette[i * 4 + 2],
    a: palette[i * 4 + 3],
    weight: Math.max(weight, 1e-6),
    alive: true,
  }));
  const n = entries.length;
  let alive = n;
  let crossKinds = false;
  const partner = new Int32Array(n).fill(-1);
  const best = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const refresh = (i: number) => {
    partner[i] = -1;
    best[i] = Number.POSITIVE_INFINITY;
    for (let j = 0; j < n; j++) {
      if (j === i || !entries[j].alive) continue;
      const c = mergeCost(entries[i], entries[j], crossKinds);
      if (c < best[i]) {
        best[i] = c;
        partner[i] = j;
      }
    }
  };
  for (let i = 0; i < n; i++) refresh(i);
  while (alive > target) {
    let i = -1;
    for (let k = 0; k < n; k++)
      if (entries[k].alive && partner[k] >= 0 && (i < 0 || best[k] < best[i])) i = k;
    if (i < 0 || best[i] === Number.POSITIVE_INFINITY) {
      // Only one entry of each kind is left; from here any two may merge.
      crossKinds = true;
      for (let k = 0; k < n; k++) if (entries[k].alive) refresh(k);
      continue;
    }
    const j = partner[i];
    const p = entries[i];
    const q = entries[j];
    const w = p.weight + q.weight;
    if (crossKinds) {
      // Across kinds the heavier entry wins outright rather than inventing a half-opaque colour.
      if (q.weight > p.weight) Object.assign(p, { r: q.r, g: q.g, b: q.b, a: q.a });
    } else {
      p.r = (p.r * p.weight + q.r * q.weight) / w;
      p.g = (p.g * p.weight + q.g * q.weight) / w;
      p.b = (p.b * p.weight + q.b * q.weight) / w;
      if (p.a !== 255) p.a = (p.a * p.weight + q.a * q.weight) / w;
    }
    p.weight = w;
    q.alive = false;
    alive--;
    refresh(i);
    for (let k = 0; k < n; k++) {
      if (!entries[k].alive || k === i) continue;
      if (partner[k] === i || partner[k] === j) refresh(k);
      else {
        const c = mergeCost(entries[k], p, crossKinds);
        if (c < best[k]) {
          best[k] = c;
          partner[k] = i;
        }
      }
    }
  }
  const out = entries.filter((e) => e.alive);
  return Uint8Array.from(out.flatMap((e) => [e.r, e.g, e.b, e.a].map((v) => Math.round(v))));
}
