// node --import tsx bench/encode-steps.bench.ts [emojis=8]
// Where one emoji's encode spends its CPU, per target and step: the resize to the platform's
// canvas (libvips), the byte-budget ladder (our code, zlib, libwebp or
// ffmpeg) and the validation decode. CPU is this process's (all threads) plus ffmpeg's
// (counted through the launcher processes that start it), measured one encode at a time,
// so the figures add up to what a set costs.
import os from 'node:os';
import { canvasSize, PLATFORM_IDS, PLATFORMS } from '../src/domain/platforms.ts';
import { fitBudget } from '../src/encode/budget.ladder.ts';
import { resizeFrames } from '../src/encode/frames.resize.ts';
import { platformPlays } from '../src/encode/frames.timing.ts';
import { ffmpegStatus, platformTiming, validateFile } from '../src/encode/index.ts';
import { childCpuMs } from './encode-set.bench.ts';
import { masters } from './encoders.support.ts';

const COUNT = Number(process.argv[2] ?? 8);

/** This process's CPU (all threads) plus that of its child processes, ffmpeg included, in ms. */
function cpuMs(): number {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1000 + childCpuMs();
}

async function step<T>(sums: number[], k: number, work: () => Promise<T>): Promise<T> {
  const c = cpuMs();
  const out = await work();
  sums[k] += cpuMs() - c;
  return out;
}

const all = masters(COUNT);
const hasFfmpeg = (await ffmpegStatus()).available;
console.log(
  `${COUNT} emojis, 512 px masters, one encode at a time; 1-min load ${os.loadavg()[0].toFixed(1)} at start`,
);
console.log('| target | resize ms | ladder ms | validation ms | total CPU ms/emoji |');
console.log('|---|---|---|---|---|');
let total = 0;
for (const platform of PLATFORM_IDS) {
  if (platform === 'telegram-sticker' && !hasFfmpeg) continue;
  const rules = PLATFORMS[platform];
  const sums = [0, 0, 0];
  for (const [i, master] of [all[0], ...all].entries()) {
    // The first encode warms the target's code paths and is not counted.
    const into = i === 0 ? [0, 0, 0] : sums;
    const size = canvasSize(rules, master.width, master.height);
    const seq = await step(into, 0, () =>
      resizeFrames(platformTiming(master, platform), size.width, size.height),
    );
    const plays = platformPlays(seq.durationMs, rules);
    const { buffer } = await step(into, 1, () =>
      fitBudget(seq, rules.format, rules.maxBytes, rules.minFrames ?? 1, { plays }),
    );
    await step(into, 2, () => validateFile(buffer, platform));
  }
  const per = sums.map((s) => s / COUNT);
  const sum = per.reduce((a, b) => a + b, 0);
  total += sum;
  console.log(`| ${platform} | ${per.map((v) => v.toFixed(0)).join(' | ')} | ${sum.toFixed(0)} |`);
}
console.log(
  `All targets: ${total.toFixed(0)} ms of CPU an emoji; 1-min load ${os.loadavg()[0].toFixed(1)} at end`,
);
