// Shared by the encoder benches: the masters, decoding any target's file back to RGBA,
// quality against the lossless frames, and the reference tools with the settings they get.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { ACTIONS } from '../src/domain/actions.ts';
import { CHARACTERS } from '../src/domain/characters.ts';
import type { FrameSequence } from '../src/domain/image.ts';
import { PLATFORMS, type PlatformId } from '../src/domain/platforms.ts';
import { decodeApng, decodeGif } from '../src/encode/index.ts';
import { sequenceQuality } from '../src/encode/quality.ts';
import { animate, drawCharacter, normalizeCutout } from '../src/engine/index.ts';

let dir: string | null = null;
/** A scratch folder for the files the references read and write, made on first use. */
export function work(): string {
  dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-encbench-'));
  return dir;
}

/** Removes the scratch folder. */
export function cleanUp(): void {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
export const CHARACTER = CHARACTERS[0];

/** `count` 512 px masters of the first built-in character, the catalog's actions in turn. */
export function masters(count: number): FrameSequence[] {
  const cut = normalizeCutout(drawCharacter(CHARACTER.id, CHARACTER.defaultColor, 512));
  return Array.from({ length: count }, (_, i) => {
    const a = ACTIONS[i % ACTIONS.length];
    return animate(
      cut,
      a.id,
      { seed: i },
      { size: 512, frames: a.defaultFrames, durationMs: a.defaultDurationMs },
    );
  });
}

export interface Decoded {
  frames: Uint8Array[];
  /** How long each frame shows, in any unit (only the proportions matter). */
  delays: number[];
}

function splitRaw(raw: Buffer, width: number, height: number): Uint8Array[] {
  const size = width * height * 4;
  return Array.from(
    { length: raw.length / size },
    (_, i) => new Uint8Array(raw.subarray(i * size, (i + 1) * size)),
  );
}

/** Decoded frames as straight RGBA at the platform size, by our decoders, libwebp or libvpx. */
export async function decodeFile(
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

/**
 * Quality against the lossless frames, frame for frame in time: each source frame is
 * compared with the decoded frame showing at its midpoint, so merged frames (apngasm
 * merges identical neighbours) and frames the ladder dropped are judged fairly.
 */
export function quality(reference: FrameSequence, decoded: Decoded): { psnr: number; ssim: number } {
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

async function timedAsync(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

const timed = (f: () => unknown) => timedAsync(async () => f());

/** A vertical strip of the frames as a PNG: lossless, or quantised by libimagequant through sharp. */
function strip(seq: FrameSequence, file: string, palette: boolean): Promise<unknown> {
  const img = sharp(Buffer.concat(seq.frames), {
    raw: { width: seq.width, height: seq.height * seq.frames.length, channels: 4 },
  });
  return (
    palette ? img.png({ palette: true, colors: 256, dither: 1 }) : img.png({ compressionLevel: 0 })
  ).toFile(file);
}

export interface RefRun {
  label: string;
  file: string;
  /** The reference's own work: quantising (where it quantises) and encoding; not preparing its input. */
  ms: number;
  /** What the reference is given and how it is run. */
  command: string;
}

/** The reference tool(s) on `seq`, the lossless frames already at the platform's size and timing. */
export async function references(platform: PlatformId, seq: FrameSequence): Promise<RefRun[]> {
  const n = seq.frames.length;
  const format = PLATFORMS[platform].format;
  const out = path.join(work(), `ref.${format === 'apng' ? 'png' : format}`);
  const rate = `${n * 1000}/${seq.durationMs}`;
  const raw = ['-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${seq.width}x${seq.height}`];
  raw.push('-framerate', rate, '-i', 'pipe:0');
  const input = Buffer.concat(seq.frames);
  if (format === 'apng') {
    const runs: RefRun[] = [];
    for (const lossy of [false, true]) {
      const src = path.join(work(), 'strip.png');
      const file = path.join(work(), `ref-${lossy}.png`);
      const args = [file, src, String(seq.durationMs / 1000), String(n), `-vs${n}`];
      // libimagequant's quantisation is part of the reference's work, so it is timed; writing
      // the lossless strip for plain apngasm is input preparation and is not.
      const quantise = lossy ? await timedAsync(() => strip(seq, src, true)) : 0;
      if (!lossy) await strip(seq, src, false);
      const ms = quantise + (await timed(() => execFileSync('apngasm', args, { stdio: 'ignore' })));
      runs.push({
        label: lossy ? 'libimagequant + apngasm' : 'apngasm (lossless)',
        file,
        ms,
        command: lossy
          ? 'sharp png({palette: true, colors: 256, dither: 1}) (libimagequant, effort 7, one palette for the strip; timed), then apngasm out.png strip.png <s> <n> -vs<n> (7-Zip deflate, 15 iterations)'
          : 'apngasm out.png strip.png <s> <n> -vs<n> on the lossless RGBA strip (2.91 defaults: 7-Zip deflate, 15 iterations)',
      });
    }
    return runs;
  }
  if (format === 'gif') {
    const filter = 'split[a][b];[a]palettegen=reserve_transparent=1[p];[b][p]paletteuse';
    const args = ['-v', 'error', '-y', ...raw, '-filter_complex', filter, '-loop', '0', out];
    const ms = await timed(() => execFileSync('ffmpeg', args, { input }));
    const command = `ffmpeg -filter_complex "${filter}" -loop 0 (raw RGBA on stdin; default sierra2_4a dithering)`;
    return [{ label: 'ffmpeg palettegen/paletteuse', file: out, ms, command }];
  }
  if (format === 'webp') {
    const files = await Promise.all(
      seq.frames.map(async (f, i) => {
        const file = path.join(work(), `f${i}.png`);
        await sharp(f, { raw: { width: seq.width, height: seq.height, channels: 4 } })
          .png({ compressionLevel: 1 })
          .toFile(file);
        return file;
      }),
    );
    const d = String(Math.round(seq.durationMs / n));
    const args = ['-loop', '0', '-lossy', '-q', '80', '-d', d, ...files, '-o', out];
    const ms = await timed(() => execFileSync('img2webp', args, { stdio: 'ignore' }));
    const command =
      'img2webp -loop 0 -lossy -q 80 -d <ms> (default -m 4, no sharp YUV; frames as PNG files, not timed)';
    return [{ label: 'img2webp', file: out, ms, command }];
  }
  const vp9 = ['-c:v', 'libvpx-vp9', '-pix_fmt', 'yuva420p', '-b:v', '0', '-crf', '30', '-an'];
  const ms = await timed(() => execFileSync('ffmpeg', ['-v', 'error', '-y', ...raw, ...vp9, out], { input }));
  const command = 'ffmpeg -c:v libvpx-vp9 -pix_fmt yuva420p -b:v 0 -crf 30 (deadline good, cpu-used 0)';
  return [{ label: 'ffmpeg libvpx-vp9', file: out, ms, command }];
}
