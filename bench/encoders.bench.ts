// node --import tsx bench/encoders.bench.ts [emojis=24] [targets=all, e.g. line-emoji,line-sticker]
// Per target: our encoder against the reference tool on the very same lossless frames, in
// the same run. Ours is timed twice: encodeForPlatform from the 512 px master (resize,
// timing, budget ladder, validation: what issue 4 measures) and from the frames already at
// the platform's size (ladder and validation only: the same input the reference gets).
// Then the time of a whole set for all targets through the encode pool.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FrameSequence } from '../src/domain/image.ts';
import { canvasSize, PLATFORM_IDS, PLATFORMS, type PlatformId } from '../src/domain/platforms.ts';
import { fitBudget } from '../src/encode/budget.ladder.ts';
import { resizeFrames } from '../src/encode/frames.resize.ts';
import { platformPlays } from '../src/encode/frames.timing.ts';
import { encodeForPlatform, ffmpegStatus, platformTiming, validateFile } from '../src/encode/index.ts';
import { describeRun, poolSet } from './encode-set.bench.ts';
import { CHARACTER, cleanUp, decodeFile, masters, quality, references, work } from './encoders.support.ts';

const COUNT = Number(process.argv[2] ?? 24);
const TARGETS = process.argv[3]?.split(',') ?? [...PLATFORM_IDS];
const unknown = TARGETS.filter((t) => !(PLATFORM_IDS as readonly string[]).includes(t));
if (unknown.length > 0) {
  console.error(`unknown target(s): ${unknown.join(', ')}; known: ${PLATFORM_IDS.join(', ')}`);
  process.exit(2);
}
const hasFfmpeg = (await ffmpegStatus()).available;
const loadAtStart = os.loadavg()[0];

interface Side {
  bytes: number;
  ms: number;
  psnr: number;
  ssim: number;
}
const zero = (): Side => ({ bytes: 0, ms: 0, psnr: 0, ssim: 0 });

/** The ladder and the validation alone, on frames already at the platform's size and timing. */
async function fromPlatformFrames(seq: FrameSequence, platform: PlatformId): Promise<number> {
  const rules = PLATFORMS[platform];
  const t = performance.now();
  const plays = platformPlays(seq.durationMs, rules);
  const { buffer } = await fitBudget(seq, rules.format, rules.maxBytes, rules.minFrames ?? 1, { plays });
  await validateFile(buffer, platform);
  return performance.now() - t;
}

async function compare(platform: PlatformId, all: FrameSequence[]) {
  const ours = zero();
  let oursSized = 0;
  const refs = new Map<string, Side & { command: string }>();
  const rules = PLATFORMS[platform];
  // Not timed: the first call of a target loads and compiles its code paths.
  await encodeForPlatform(all[0], platform);
  for (const master of all) {
    const size = canvasSize(rules, master.width, master.height);
    const frames = await resizeFrames(platformTiming(master, platform), size.width, size.height);
    const t = performance.now();
    const file = await encodeForPlatform(master, platform);
    ours.ms += performance.now() - t;
    oursSized += await fromPlatformFrames(frames, platform);
    ours.bytes += file.buffer.length;
    const oursPath = path.join(work(), `ours${file.extension}`);
    fs.writeFileSync(oursPath, file.buffer);
    const q = quality(frames, await decodeFile(file.buffer, oursPath, size.width, size.height, rules.format));
    ours.psnr += q.psnr / all.length;
    ours.ssim += q.ssim / all.length;
    for (const run of await references(platform, frames)) {
      const ref = refs.get(run.label) ?? { ...zero(), command: run.command };
      const buf = fs.readFileSync(run.file);
      const rq = quality(frames, await decodeFile(buf, run.file, size.width, size.height, rules.format));
      ref.ms += run.ms;
      ref.bytes += buf.length;
      ref.psnr += rq.psnr / all.length;
      ref.ssim += rq.ssim / all.length;
      refs.set(run.label, ref);
    }
  }
  return [...refs].map(([label, ref]) => ({ platform, label, ours, oursSized, ref }));
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const all = masters(COUNT);
const rows = [];
for (const platform of PLATFORM_IDS) {
  if (!TARGETS.includes(platform) || (platform === 'telegram-sticker' && !hasFfmpeg)) continue;
  rows.push(...(await compare(platform, all)));
}
const loadAfterTable = os.loadavg()[0];
// The whole set only when every target is in the table.
const set = TARGETS.length === PLATFORM_IDS.length ? await poolSet(all) : null;
const n = all.length;
console.log(
  `PopCon encoder bench: ${n} emojis (${CHARACTER.id}, catalog actions), ${os.availableParallelism()} cores, 1-min load ${loadAtStart.toFixed(1)} at start, ${loadAfterTable.toFixed(1)} after the table`,
);
console.log(
  '| target | reference | ours bytes | ref bytes | bytes ours/ref | ours ms/emoji (from 512 px / from platform size) | ref ms/emoji | ref time / ours (from 512 px / from platform size) | ours PSNR / SSIM | ref PSNR / SSIM |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const { platform, label, ours, oursSized, ref } of rows) {
  const cells = [
    platform,
    label,
    kb(ours.bytes),
    kb(ref.bytes),
    (ours.bytes / ref.bytes).toFixed(2),
    `${(ours.ms / n).toFixed(0)} / ${(oursSized / n).toFixed(0)}`,
    (ref.ms / n).toFixed(0),
    `${(ref.ms / ours.ms).toFixed(1)}× / ${(ref.ms / oursSized).toFixed(1)}×`,
    `${ours.psnr.toFixed(2)} dB / ${ours.ssim.toFixed(5)}`,
    `${ref.psnr.toFixed(2)} dB / ${ref.ssim.toFixed(5)}`,
  ];
  console.log(`| ${cells.join(' | ')} |`);
}
console.log(
  'What each reference is given: the lossless frames at the platform size and timing (ours gets the 512 px master).',
);
for (const [label, command] of new Map(rows.map((r) => [r.label, r.ref.command]))) {
  console.log(`  ${label}: ${command}`);
}
if (set) {
  console.log(
    describeRun(
      `Whole set: ${n} emojis × ${hasFfmpeg ? 7 : 6} targets through a pool of ${os.availableParallelism()} threads (started in ${set.startMs.toFixed(0)} ms)`,
      set,
    ),
  );
}
cleanUp();
