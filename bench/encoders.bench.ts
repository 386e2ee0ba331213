// node --import tsx bench/encoders.bench.ts [emojis=24]
// Per target: our encoder (encodeForPlatform: resize, ladder, validation) against the
// reference tool on the very same lossless frames, in the same run. Then the time of a
// whole set for all seven targets, two encodes at a time like the worker.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { ACTIONS } from '../src/domain/actions.ts';
import { CHARACTERS } from '../src/domain/characters.ts';
import type { FrameSequence } from '../src/domain/image.ts';
import { canvasSize, PLATFORM_IDS, PLATFORMS, type PlatformId } from '../src/domain/platforms.ts';
import { resizeFrames } from '../src/encode/frames.resize.ts';
import {
  decodeApng,
  decodeGif,
  encodeForPlatform,
  ffmpegStatus,
  platformTiming,
} from '../src/encode/index.ts';
import { sequenceQuality } from '../src/encode/quality.ts';
import { animate, drawCharacter, normalizeCutout } from '../src/engine/index.ts';

const COUNT = Number(process.argv[2] ?? 24);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-encbench-'));
const hasFfmpeg = (await ffmpegStatus()).available;
const loadAtStart = os.loadavg()[0];

interface Side {
  bytes: number;
  ms: number;
  psnr: number;
  ssim: number;
}
const zero = (): Side => ({ bytes: 0, ms: 0, psnr: 0, ssim: 0 });

function masters(): FrameSequence[] {
  const c = CHARACTERS[0];
  const cut = normalizeCutout(drawCharacter(c.id, c.defaultColor, 512));
  return Array.from({ length: COUNT }, (_, i) => {
    const a = ACTIONS[i % ACTIONS.length];
    return animate(
      cut,
      a.id,
      { seed: i },
      { size: 512, frames: a.defaultFrames, durationMs: a.defaultDurationMs },
    );
  });
}

interface Decoded {
  frames: Uint8Array[];
  /** How long each frame shows, in any unit (only the proportions matter). */
  delays: number[];
}

/** Decoded frames as straight RGBA at the platform size, by our decoders, libwebp or libvpx. */
async function decodeFile(
  buf: Uint8Array,
  file: string,
  width: number,
  height: number,
  format: string,
): Promise<Decoded> {
  if (format === 'apng') {
    const frames = decodeApng(buf).frames;
    return { frames: frames.map((f) => f.rgba), delays: frames.map((f) => f.delayNum / f.delayDen) };
  }
  if (format === 'gif') {
    const frames = decodeGif(buf).frames;
    return { frames: frames.map((f) => f.rgba), delays: frames.map((f) => f.delayCs) };
  }
  if (format === 'webp') {
    const frames = splitRaw(await sharp(buf, { pages: -1 }).ensureAlpha().raw().toBuffer(), width, height);
    const { delay } = await sharp(buf).metadata();
    return { frames, delays: delay ?? frames.map(() => 1) };
  }
  // VP9 here is constant frame rate: every frame shows equally long.
  const args = ['-v', 'error', '-c:v', 'libvpx-vp9', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'];
  const frames = splitRaw(execFileSync('ffmpeg', args, { maxBuffer: 1 << 30 }), width, height);
  return { frames, delays: frames.map(() => 1) };
}

function splitRaw(raw: Buffer, width: number, height: number): Uint8Array[] {
  const size = width * height * 4;
  return Array.from(
    { length: raw.length / size },
    (_, i) => new Uint8Array(raw.subarray(i * size, (i + 1) * size)),
  );
}

/**
 * Quality against the lossless frames, frame for frame in time: each source frame is
 * compared with the decoded frame showing at its midpoint, so merged frames (apngasm
 * merges identical neighbours) and frames the ladder dropped are judged fairly.
 */
function quality(reference: FrameSequence, decoded: Decoded): { psnr: number; ssim: number } {
  const total = decoded.delays.reduce((a, b) => a + b, 0);
  const ends: number[] = [];
  decoded.delays.reduce((t, d) => {
    ends.push((t + d) / total);
    return t + d;
  }, 0);
  const n = reference.frames.length;
  const shown = reference.frames.map(
    (_, k) =>
      decoded.frames[
        Math.max(
          0,
          ends.findIndex((e) => e > (k + 0.5) / n),
        )
      ],
  );
  return sequenceQuality(reference.frames, shown, reference.width, reference.height);
}

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const out = f();
  return [out, performance.now() - t];
}

async function strip(seq: FrameSequence, file: string, palette = false): Promise<void> {
  const img = sharp(Buffer.concat(seq.frames), {
    raw: { width: seq.width, height: seq.height * seq.frames.length, channels: 4 },
  });
  await (palette
    ? img.png({ palette: true, colors: 256, dither: 1 })
    : img.png({ compressionLevel: 0 })
  ).toFile(file);
}

interface RefRun {
  label: string;
  file: string;
  ms: number;
  command: string;
}

/** The reference tool(s) on `seq` (lossless frames at the platform size). */
async function references(platform: PlatformId, seq: FrameSequence): Promise<RefRun[]> {
  const n = seq.frames.length;
  const format = PLATFORMS[platform].format;
  const out = path.join(work, `ref.${format === 'apng' ? 'png' : format}`);
  const rate = `${n * 1000}/${seq.durationMs}`;
  const raw = [
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgba',
    '-s',
    `${seq.width}x${seq.height}`,
    '-framerate',
    rate,
    '-i',
    'pipe:0',
  ];
  const input = Buffer.concat(seq.frames);
  if (format === 'apng') {
    const runs: RefRun[] = [];
    for (const lossy of [false, true]) {
      const src = path.join(work, 'strip.png');
      await strip(seq, src, lossy);
      const file = path.join(work, `ref-${lossy}.png`);
      const args = [file, src, String(seq.durationMs / 1000), String(n), `-vs${n}`];
      const [, ms] = timed(() => execFileSync('apngasm', args, { stdio: 'ignore' }));
      runs.push({
        label: lossy ? 'libimagequant + apngasm' : 'apngasm (lossless)',
        file,
        ms,
        command: lossy
          ? 'sharp png({palette:true, colors:256, dither:1}) on the strip, then apngasm out.png strip.png <s> <n> -vs<n>'
          : 'apngasm out.png strip.png <s> <n> -vs<n> (2.91 defaults: 7-Zip deflate, 15 iterations)',
      });
    }
    return runs;
  }
  if (format === 'gif') {
    const filter = 'split[a][b];[a]palettegen=reserve_transparent=1[p];[b][p]paletteuse';
    const args = ['-v', 'error', '-y', ...raw, '-filter_complex', filter, '-loop', '0', out];
    const [, ms] = timed(() => execFileSync('ffmpeg', args, { input }));
    return [
      {
        label: 'ffmpeg palettegen/paletteuse',
        file: out,
        ms,
        command: `ffmpeg -filter_complex "${filter}" -loop 0`,
      },
    ];
  }
  if (format === 'webp') {
    const files = await Promise.all(
      seq.frames.map(async (f, i) => {
        const file = path.join(work, `f${i}.png`);
        await sharp(f, { raw: { width: seq.width, height: seq.height, channels: 4 } })
          .png({ compressionLevel: 1 })
          .toFile(file);
        return file;
      }),
    );
    const d = String(Math.round(seq.durationMs / n));
    const args = ['-loop', '0', '-lossy', '-q', '80', '-d', d, ...files, '-o', out];
    const [, ms] = timed(() => execFileSync('img2webp', args, { stdio: 'ignore' }));
    return [
      { label: 'img2webp', file: out, ms, command: 'img2webp -loop 0 -lossy -q 80 -d <ms> (default -m 4)' },
    ];
  }
  const vp9 = ['-c:v', 'libvpx-vp9', '-pix_fmt', 'yuva420p', '-b:v', '0', '-crf', '30', '-an'];
  const [, ms] = timed(() => execFileSync('ffmpeg', ['-v', 'error', '-y', ...raw, ...vp9, out], { input }));
  return [
    {
      label: 'ffmpeg libvpx-vp9',
      file: out,
      ms,
      command: 'ffmpeg -c:v libvpx-vp9 -pix_fmt yuva420p -b:v 0 -crf 30 (deadline good)',
    },
  ];
}

async function compare(platform: PlatformId, all: FrameSequence[]) {
  const ours = zero();
  const refs = new Map<string, Side & { command: string }>();
  const rules = PLATFORMS[platform];
  for (const master of all) {
    const size = canvasSize(rules, master.width, master.height);
    const frames = await resizeFrames(platformTiming(master, platform), size.width, size.height);
    const t = performance.now();
    const file = await encodeForPlatform(master, platform);
    ours.ms += performance.now() - t;
    ours.bytes += file.buffer.length;
    const oursPath = path.join(work, `ours${file.extension}`);
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
  return [...refs].map(([label, ref]) => ({ platform, label, ours, ref }));
}

/** Every target for every master, two encodes in flight at a time (the worker's concurrency). */
async function fullSet(all: FrameSequence[]): Promise<number> {
  const jobs = all.flatMap((m) =>
    PLATFORM_IDS.filter((p) => hasFfmpeg || p !== 'telegram-sticker').map((p) => [m, p] as const),
  );
  const t = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const [m, p] = jobs[next++];
      const file = await encodeForPlatform(m, p);
      if (!file.report.ok) throw new Error(`${p} failed validation`);
    }
  };
  await Promise.all([lane(), lane()]);
  return performance.now() - t;
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const all = masters();
const rows = [];
for (const platform of PLATFORM_IDS) {
  if (platform === 'telegram-sticker' && !hasFfmpeg) continue;
  rows.push(...(await compare(platform, all)));
}
const setMs = await fullSet(all);
const n = all.length;
console.log(
  `PopCon encoder bench: ${n} emojis (${CHARACTERS[0].id}, catalog actions), ${os.cpus().length} cores, 1-min load ${loadAtStart.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at end`,
);
console.log(
  '| target | reference | ours bytes | ref bytes | bytes ours/ref | ours ms/emoji | ref ms/emoji | time ours/ref | ours PSNR / SSIM | ref PSNR / SSIM |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const { platform, label, ours, ref } of rows) {
  const cells = [
    platform,
    label,
    kb(ours.bytes),
    kb(ref.bytes),
    (ours.bytes / ref.bytes).toFixed(2),
    (ours.ms / n).toFixed(0),
    (ref.ms / n).toFixed(0),
    (ours.ms / ref.ms).toFixed(2),
    `${ours.psnr.toFixed(1)} dB / ${ours.ssim.toFixed(4)}`,
    `${ref.psnr.toFixed(1)} dB / ${ref.ssim.toFixed(4)}`,
  ];
  console.log(`| ${cells.join(' | ')} |`);
}
console.log('Reference commands:');
for (const { label, ref } of rows) console.log(`  ${label}: ${ref.command}`);
console.log(
  `Whole set: ${n} emojis × ${hasFfmpeg ? 7 : 6} targets, two encodes in flight: ${(setMs / 1000).toFixed(1)} s`,
);
fs.rmSync(work, { recursive: true, force: true });
