/**
 * Holes in a cut-out: background seen through a gap in the character (between a tail
 * and a body) that a fill from the border cannot reach.
 */
import type { RgbaImage } from '../domain/image.ts';

/**
 * A background-coloured region the border fill cannot reach is a hole (the gap between
 * a tail and a body) when it covers at least this share of the image; smaller ones are
 * details (an eye's white catch-light covers about 0.07% of the image, the tail gap of
 * the built-in cat 0.4%).
 */
const MIN_HOLE_SHARE = 0.002;

/** Accumulates the mean colour distance from the model and the mean step to the right-hand neighbour ("grain"). */
class RegionStats {
  private dist = 0;
  private count = 0;
  private grain = 0;
  private pairs = 0;

  constructor(
    private readonly data: Uint8Array,
    private readonly distances: Float32Array,
    private readonly w: number,
  ) {}

  add(i: number): void {
    this.dist += this.distances[i];
    this.count++;
    if ((i + 1) % this.w !== 0) {
      const d = this.data;
      const p = i * 4;
      this.grain += Math.abs(d[p] - d[p + 4]) + Math.abs(d[p + 1] - d[p + 5]) + Math.abs(d[p + 2] - d[p + 6]);
      this.pairs++;
    }
  }

  get mean(): number {
    return this.count ? this.dist / this.count : 0;
  }

  get meanGrain(): number {
    return this.pairs ? this.grain / this.pairs : 0;
  }
}

/**
 * Marks enclosed background-coloured regions as background too, when they are big
 * (MIN_HOLE_SHARE), as close to the model as the open background is, and as grainy:
 * a character coloured like its background (a yellow chick on yellow) is smoother
 * than a noisy background and a little further from it, and must stay.
 */
export function removeHoles(img: RgbaImage, core: Uint8Array, dist: Float32Array, lo: number): void {
  const { width: w, data } = img;
  const n = core.length;
  const minArea = Math.max(16, Math.round(n * MIN_HOLE_SHARE));
  // Every 7th background pixel is plenty to know its typical distance and grain.
  const bg = new RegionStats(data, dist, w);
  for (let i = 0; i < n; i += 7) if (core[i]) bg.add(i);
  const seen = new Uint8Array(n);
  let region = new Int32Array(1024);
  for (let start = 0; start < n; start++) {
    if (core[start] || seen[start] || dist[start] >= lo) continue;
    // 4-connected fill of one candidate region; `region` doubles as its queue.
    let len = 0;
    const visit = (j: number) => {
      if (seen[j] || core[j] || dist[j] >= lo) return;
      seen[j] = 1;
      if (len === region.length) {
        const bigger = new Int32Array(region.length * 2);
        bigger.set(region);
        region = bigger;
      }
      region[len++] = j;
    };
    visit(start);
    for (let k = 0; k < len; k++) {
      const i = region[k];
      const x = i % w;
      if (x > 0) visit(i - 1);
      if (x < w - 1) visit(i + 1);
      if (i >= w) visit(i - w);
      if (i < n - w) visit(i + w);
    }
    if (len < minArea) continue;
    const r = new RegionStats(data, dist, w);
    for (let k = 0; k < len; k++) r.add(region[k]);
    if (r.mean <= bg.mean + 0.25 * lo && r.meanGrain >= 0.5 * bg.meanGrain) {
      for (let k = 0; k < len; k++) core[region[k]] = 1;
    }
  }
}
