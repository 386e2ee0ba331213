// node --import tsx bench/encode-set.bench.ts [emojis=24] [runs=3]
// A whole set: every master encoded and validated for every target, through the encode
// pool (all encodes queued at once, as the pipeline's encode tasks arrive) and, for
// comparison, in this thread two encodes at a time (the worker's concurrency before the pool).
import fs from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import type { FrameSequence } from '../src/domain/image.ts';
import { PLATFORM_IDS, type PlatformId } from '../src/domain/platforms.ts';
import { createEncodePool, encodeForPlatform, ffmpegStatus, shareFrames } from '../src/encode/index.ts';
import { masters } from './encoders.support.ts';

export interface SetRun {
  ms: number;
  /** CPU seconds of this process (all threads) and of its child processes (ffmpeg). */
  cpuS: number;
  childCpuS: number;
  loadStart: number;
  loadEnd: number;
}

/** Fields of /proc/<pid>/stat after the command name (field 3 onwards). */
function statFields(pid: number | 'self'): string[] {
  return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
}

/**
 * CPU of this process's child processes, in ms: finished children, and the ffmpeg
 * launchers still running (each encode thread's, src/encode/ffmpeg.ts) with the ffmpeg runs
 * they have finished. Linux clock ticks are 10 ms; 0 where there is no /proc.
 */
export function childCpuMs(): number {
  let children = 0;
  try {
    const fields = statFields('self');
    children = (Number(fields[13]) + Number(fields[14])) * 10;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const f = statFields(Number(entry));
        if (Number(f[1]) !== process.pid) continue;
        children += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 10;
      } catch {
        // The process ended while being read.
      }
    }
  } catch {
    // Not Linux: ffmpeg's share is left out.
  }
  return children;
}

async function targets(): Promise<PlatformId[]> {
  const hasFfmpeg = (await ffmpegStatus()).available;
  return PLATFORM_IDS.filter((p) => hasFfmpeg || p !== 'telegram-sticker');
}

async function measure(run: () => Promise<void>): Promise<SetRun> {
  const loadStart = os.loadavg()[0];
  const cpu = process.cpuUsage();
  const child = childCpuMs();
  const t = performance.now();
  await run();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return {
    ms,
    cpuS: (used.user + used.system) / 1e6,
    childCpuS: (childCpuMs() - child) / 1000,
    loadStart,
    loadEnd: os.loadavg()[0],
  };
}

function check(file: { report: { ok: boolean } }, platform: PlatformId): void {
  if (!file.report.ok) throw new Error(`${platform} failed validation`);
}

/** Every target for every master through a warm pool of `size` threads; also the pool's start time. */
export async function poolSet(all: FrameSequence[], size?: number): Promise<SetRun & { startMs: number }> {
  const ids = await targets();
  const pool = createEncodePool({ size });
  const t = performance.now();
  // Start every thread (tsx, sharp, the encoders load once per thread, as in a long-lived worker).
  await Promise.all(Array.from({ length: pool.size }, () => pool.encode(all[0], 'discord-emoji')));
  const startMs = performance.now() - t;
  const run = await measure(async () => {
    // Each master crosses to the threads once, as a pipeline that decoded it would hand it over.
    const shared = all.map(shareFrames);
    await Promise.all(shared.flatMap((m) => ids.map(async (p) => check(await pool.encode(m, p), p))));
  });
  await pool.close();
  return { ...run, startMs };
}

/** Every target for every master in this thread, `lanes` encodes in flight. */
export async function inThreadSet(all: FrameSequence[], lanes = 2): Promise<SetRun> {
  const ids = await targets();
  const jobs = all.flatMap((m) => ids.map((p) => [m, p] as const));
  return measure(async () => {
    let next = 0;
    const lane = async () => {
      while (next < jobs.length) {
        const [m, p] = jobs[next++];
        check(await encodeForPlatform(m, p), p);
      }
    };
    await Promise.all(Array.from({ length: lanes }, lane));
  });
}

/** One line for a set run. */
export function describeRun(label: string, r: SetRun): string {
  const load = `load ${r.loadStart.toFixed(1)} → ${r.loadEnd.toFixed(1)}`;
  const cpu = `CPU ${r.cpuS.toFixed(1)} s + ffmpeg ${r.childCpuS.toFixed(1)} s`;
  return `${label}: ${(r.ms / 1000).toFixed(1)} s wall (${cpu}; ${load})`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(process.argv[2] ?? 24);
  const runs = Number(process.argv[3] ?? 3);
  const all = masters(count);
  const ids = await targets();
  console.log(`${count} emojis × ${ids.length} targets, ${os.availableParallelism()} cores`);
  const walls: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await poolSet(all);
    walls.push(r.ms);
    console.log(describeRun(`pool run ${i + 1} (threads started in ${r.startMs.toFixed(0)} ms)`, r));
  }
  console.log(describeRun('in-thread, two encodes in flight', await inThreadSet(all)));
  const sorted = [...walls].sort((a, b) => a - b);
  const s = (ms: number) => (ms / 1000).toFixed(1);
  console.log(
    `pool: min ${s(sorted[0])} s, median ${s(sorted[sorted.length >> 1])} s, max ${s(sorted.at(-1) ?? 0)} s`,
  );
}
