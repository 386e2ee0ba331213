/**
 * Background removal for uploaded characters on a plain or gently graded background.
 * The background is what a flood fill from the border reaches through pixels close
 * to the estimated background colour; only that connected region goes, so details
 * that match the background but sit inside the character (white eyes on a white
 * background) stay, apart from large enclosed regions that look exactly like the
 * background (the gap between a tail and a body, see matte-holes.ts). Edges get a
 * soft alpha and the background is un-mixed from their colour, so the cut-out has no
 * halo.
 */
import type { RgbaImage } from '../domain/image.ts';
import { scanlineFill } from './flood-fill.ts';
import { estimateBackground } from './matte-background.ts';
import { removeHoles } from './matte-holes.ts';

/** Alpha below this counts as transparency an image already has. */
const OPAQUE = 250;
/** An image with at least this share of such pixels keeps its own alpha (stray pixels don't count). */
const MIN_TRANSPARENT_SHARE = 0.001;
/** Below this share of the border explained by the model, the background isn't simple: leave the image. */
const MIN_BORDER_FIT = 0.5;

function hasOwnTransparency(img: RgbaImage): boolean {
  const { data } = img;
  const need = Math.max(1, Math.floor((data.length / 4) * MIN_TRANSPARENT_SHARE));
  let count = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] < OPAQUE && ++count >= need) return true;
  return false;
}

/** Cuts the character out of a plain background; an image with its own transparency is returned as-is. */
export function matte(img: RgbaImage): RgbaImage {
  const out: RgbaImage = { width: img.width, height: img.height, data: img.data.slice() };
  if (hasOwnTransparency(img)) return out;
  const { width: w, height: h, data } = img;
  const n = w * h;
  const bg = estimateBackground(img);
  if (bg.fit < MIN_BORDER_FIT) return out;
  // Thresholds scale with the image's own noise (JPEG, grain) but never go below
  // what a clean image needs: 22 redmean units ≈ 7 levels in every channel.
  const lo = Math.min(60, Math.max(22, bg.noise * 4));
  const hi = lo + 70;

  const dist = bg.distances(img);

  // 1. Background core: 4-connected scanline flood fill from the border through
  //    near-background pixels.
  const core = new Uint8Array(n);
  const border: number[] = [];
  for (let x = 0; x < w; x++) border.push(x, (h - 1) * w + x);
  for (let y = 0; y < h; y++) border.push(y * w, y * w + w - 1);
  scanlineFill(
    w,
    h,
    border,
    (i) => core[i] === 0 && dist[i] < lo,
    (l, r) => core.fill(1, l, r + 1),
  );

  removeHoles(img, core, dist, lo);

  // 2. Edge band: non-background pixels within `radius` (8-connected) of the background.
  const radius = Math.max(2, Math.round(Math.min(w, h) / 400));
  const depth = new Uint8Array(n); // 0 = not in the band, k = k steps from the background
  let queue = new Int32Array(4096);
  let qlen = 0;
  const push = (i: number) => {
    if (qlen === queue.length) {
      const bigger = new Int32Array(queue.length * 2);
      bigger.set(queue);
      queue = bigger;
    }
    queue[qlen++] = i;
  };
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let i = row; i < row + w; i++) {
      if (core[i]) continue;
      const touches =
        (i > row && core[i - 1] === 1) ||
        (i < row + w - 1 && core[i + 1] === 1) ||
        (y > 0 && core[i - w] === 1) ||
        (y < h - 1 && core[i + w] === 1);
      if (touches) {
        depth[i] = 1;
        push(i);
      }
    }
  }
  for (let head = 0; head < qlen; head++) {
    const i = queue[head];
    if (depth[i] >= radius) continue;
    const x = i % w;
    const y = (i - x) / w;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        const yy = y + dy;
        if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
        const j = yy * w + xx;
        if (core[j] || depth[j]) continue;
        depth[j] = depth[i] + 1;
        push(j);
      }
    }
  }

  // 3. Alpha: 0 on the background, 1 inside, and on the band the share of the local
  //    foreground colour F in the pixel, I = a·F + (1 − a)·B, then un-mix B from I.
  const o = out.data;
  for (let i = 0; i < n; i++) {
    if (core[i]) {
      o[i * 4] = o[i * 4 + 1] = o[i * 4 + 2] = o[i * 4 + 3] = 0;
    }
  }
  const win = radius + 1;
  const bgColour = new Float32Array(3);
  for (let h0 = 0; h0 < qlen; h0++) {
    const i = queue[h0];
    // Background-coloured but not connected to the background: a detail, keep it.
    if (dist[i] < lo) continue;
    const x = i % w;
    const y = (i - x) / w;
    let f = i;
    for (let dy = -win; dy <= win; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= h) continue;
      for (let dx = -win; dx <= win; dx++) {
        const xx = x + dx;
        if (xx < 0 || xx >= w) continue;
        const j = yy * w + xx;
        if (!core[j] && dist[j] > dist[f]) f = j;
      }
    }
    const p = i * 4;
    bg.colourAt(x, y, bgColour);
    const br = bgColour[0];
    const bgG = bgColour[1];
    const bb = bgColour[2];
    const fr = data[f * 4] - br;
    const fg = data[f * 4 + 1] - bgG;
    const fb = data[f * 4 + 2] - bb;
    const ff = fr * fr + fg * fg + fb * fb;
    let a: number;
    if (dist[f] >= hi && ff > 0) {
      a = ((data[p] - br) * fr + (data[p + 1] - bgG) * fg + (data[p + 2] - bb) * fb) / ff;
    } else {
      // The foreground is close to the background here: fall back to a distance ramp.
      a = (dist[i] - lo) / (hi - lo);
    }
    a = Math.max(0, Math.min(1, a));
    if (a < 1 / 255) {
      o[p] = o[p + 1] = o[p + 2] = o[p + 3] = 0;
      continue;
    }
    const inv = 1 - a;
    o[p] = Math.max(0, Math.min(255, Math.round((data[p] - inv * br) / a)));
    o[p + 1] = Math.max(0, Math.min(255, Math.round((data[p + 1] - inv * bgG) / a)));
    o[p + 2] = Math.max(0, Math.min(255, Math.round((data[p + 2] - inv * bb) / a)));
    o[p + 3] = Math.round(a * 255);
  }
  return out;
}
