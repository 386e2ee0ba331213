/**
 * 4-connected scanline flood fill over a w×h pixel grid: from each seed, fills every
 * pixel reachable through pixels for which `open` holds. `fill(l, r)` is called once
 * per horizontal run of pixels [l, r] (indices into the grid) as it is taken, and must
 * make `open` false for them, so no pixel is taken twice.
 */
export function scanlineFill(
  w: number,
  h: number,
  seeds: Iterable<number>,
  open: (i: number) => boolean,
  fill: (l: number, r: number) => void,
): void {
  const n = w * h;
  const stack = [...seeds];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (!open(i)) continue;
    const row = i - (i % w);
    let l = i;
    while (l > row && open(l - 1)) l--;
    let r = i;
    while (r < row + w - 1 && open(r + 1)) r++;
    fill(l, r);
    // Queue one seed per run of open pixels in the rows above and below.
    for (const off of [-w, w]) {
      if (row + off < 0 || row + off >= n) continue;
      let inRun = false;
      for (let j = l + off; j <= r + off; j++) {
        const o = open(j);
        if (o && !inRun) stack.push(j);
        inRun = o;
      }
    }
  }
}
