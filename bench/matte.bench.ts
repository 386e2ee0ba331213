// node --import tsx bench/matte.bench.ts — matte quality on the synthetic set, and matte time.
//
// Quality: every built-in character composited over a flat, a gradient, a noisy (±12
// levels of grain) and a busy background, with the character's alpha as the true mask.
// Time: the same cases at 1024 px, the size uploads are stored at.

import {
  BACKGROUND_KINDS,
  contamination,
  maskIoU,
  matteSet,
  untouchedShare,
} from '../src/engine/matte.fixtures.ts';
import { matte } from '../src/engine/matte.ts';

const QUALITY_SIZE = 512;
const TIMING_SIZE = 1024;
const REPEATS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

console.log(
  `matte quality at ${QUALITY_SIZE} px (IoU of alpha ≥ 128 masks; contamination 0 = clean edge, 1 = pure background)`,
);
console.log(
  'kind      cases  min IoU  mean IoU  contamination  (left as-is)  untouched (pixels returned exactly as given)',
);
const quality = matteSet(QUALITY_SIZE);
for (const kind of BACKGROUND_KINDS) {
  const cases = quality.filter((c) => c.kind === kind);
  const rows = cases.map((c) => {
    const result = matte(c.input);
    return {
      iou: maskIoU(c.truth, result),
      halo: contamination(c.truth, result, c.background),
      untouched: untouchedShare(c.input, result),
    };
  });
  const measured = rows.filter((r) => r.halo.n > 50);
  console.log(
    [
      kind.padEnd(9),
      String(cases.length).padStart(5),
      Math.min(...rows.map((r) => r.iou))
        .toFixed(4)
        .padStart(8),
      mean(rows.map((r) => r.iou))
        .toFixed(4)
        .padStart(9),
      mean(measured.map((r) => r.halo.mean))
        .toFixed(3)
        .padStart(14),
      mean(measured.map((r) => r.halo.naive))
        .toFixed(3)
        .padStart(13),
      `${(100 * mean(rows.map((r) => r.untouched))).toFixed(0)}%`.padStart(10),
    ].join(' '),
  );
}

console.log(`\nmatte time at ${TIMING_SIZE} px (median of ${REPEATS} runs per case)`);
const timing = matteSet(TIMING_SIZE);
for (const kind of BACKGROUND_KINDS) {
  const times: number[] = [];
  for (const c of timing.filter((k) => k.kind === kind)) {
    for (let r = 0; r < REPEATS; r++) {
      const t = performance.now();
      matte(c.input);
      times.push(performance.now() - t);
    }
  }
  console.log(
    `${kind.padEnd(9)} median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`,
  );
}
