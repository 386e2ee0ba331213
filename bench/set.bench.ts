// npm run bench — a 24-emoji LINE set from a built-in character, end to end, then
// the same 24 emojis for all seven targets, then our APNG encoder against apngasm on
// the very same frames.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import sharp from 'sharp';
import { loadConfig } from '../src/config/config.ts';
import { ACTIONS } from '../src/domain/actions.ts';
import { PLATFORM_IDS, type PlatformId } from '../src/domain/platforms.ts';
import { decodeApng, fitToPlatform, psnrRgba } from '../src/encode/index.ts';
import { decodeFrames } from '../src/pipeline/frames.codec.ts';
import { createRuntime, LOCAL_USER } from '../src/runtime/runtime.ts';

const SET_SIZE = 24;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-bench-'));
// The worker's two knobs may be set from the environment, to compare settings run by run.
const { WORKER_CONCURRENCY, ENCODE_THREADS } = process.env;
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', WORKER_CONCURRENCY, ENCODE_THREADS });
const runtime = createRuntime(config, {
  logger: pino({ level: 'silent' }),
});

function fmt(n: number, digits = 2): string {
  return n.toFixed(digits);
}

async function runSet(platforms: readonly PlatformId[] = ['line-emoji']) {
  const actions = Array.from({ length: SET_SIZE }, (_, i) => ACTIONS[i % ACTIONS.length].id);
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let firstEmojiMs = Number.NaN;
  const job = await runtime.jobs.create({
    userId: LOCAL_USER.id,
    character: { id: 'cat' },
    actions,
    platforms: [...platforms],
  });
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      const { job: j, emojis } = runtime.jobs.get(job.id, LOCAL_USER.id);
      if (Number.isNaN(firstEmojiMs) && emojis.some((e) => e.status === 'completed')) {
        firstEmojiMs = performance.now() - started;
      }
      if (j.status === 'completed') {
        unsubscribe();
        resolve();
      } else if (j.status === 'failed') {
        unsubscribe();
        reject(new Error(j.error ?? 'failed'));
      }
    };
    const unsubscribe = runtime.deps.bus.subscribe(job.id, check);
    runtime.worker.start();
  });
  const cpu = process.cpuUsage(cpuStart);
  return {
    jobId: job.id,
    totalMs: performance.now() - started,
    firstEmojiMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

async function compareWithApngasm(jobId: string) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-apngasm-'));
  let ours = { bytes: 0, ms: 0, psnr: 0 };
  let ref = { bytes: 0, ms: 0 };
  const emojis = runtime.deps.jobs.emojis(jobId);
  for (const emoji of emojis) {
    const seq = await decodeFrames(await runtime.deps.storage.get(emoji.masterKey!));
    const t0 = performance.now();
    const { buffer } = await fitToPlatform(seq, 'line-emoji');
    const oursMs = performance.now() - t0;
    const decoded = decodeApng(buffer);
    // The budget ladder may drop frames; compare each decoded frame with the master frame it stands for.
    const step = seq.frames.length / decoded.frames.length;
    const quality =
      decoded.frames.reduce((sum, f, i) => sum + psnrRgba(seq.frames[Math.floor(i * step)], f.rgba), 0) /
      decoded.frames.length;
    ours = {
      bytes: ours.bytes + buffer.length,
      ms: ours.ms + oursMs,
      psnr: ours.psnr + quality / emojis.length,
    };

    // apngasm takes the same lossless frames as one vertical strip PNG.
    const strip = path.join(work, `strip-${emoji.index}.png`);
    await sharp(Buffer.concat(seq.frames), {
      raw: { width: seq.width, height: seq.height * seq.frames.length, channels: 4 },
    })
      .png({ compressionLevel: 0 })
      .toFile(strip);
    const out = path.join(work, `ref-${emoji.index}.png`);
    const t1 = performance.now();
    execFileSync(
      'apngasm',
      [out, strip, String(seq.durationMs / 1000), String(seq.frames.length), `-vs${seq.frames.length}`],
      {
        stdio: 'ignore',
      },
    );
    ref = { bytes: ref.bytes + fs.statSync(out).size, ms: ref.ms + (performance.now() - t1) };
  }
  fs.rmSync(work, { recursive: true, force: true });
  return { ours, ref, count: emojis.length };
}

function hasApngasm(): boolean {
  try {
    execFileSync('apngasm', [], { stdio: 'ignore' });
    return true;
  } catch (err) {
    return (err as { code?: string }).code !== 'ENOENT';
  }
}

const loadBefore = os.loadavg()[0];
const set = await runSet();
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `PopCon bench — ${SET_SIZE}-emoji LINE set from a built-in character (${os.cpus().length} cores, ` +
    `${runtime.config.encoding.threads} encode threads, ${runtime.config.worker.concurrency} tasks at once, 1-min load ${fmt(loadBefore, 1)})`,
);
console.log(`  total wall time        ${fmt(set.totalMs / 1000)} s`);
console.log(`  first emoji finished   ${fmt(set.firstEmojiMs / 1000)} s`);
console.log(`  peak RSS               ${fmt(rssMb, 0)} MB`);
const all = await runSet(PLATFORM_IDS);
console.log(
  `The same ${SET_SIZE} emojis for all ${PLATFORM_IDS.length} targets (${PLATFORM_IDS.join(', ')})`,
);
console.log(`  total wall time        ${fmt(all.totalMs / 1000)} s (goal: under 15 s on 2 cores)`);
console.log(`  first emoji finished   ${fmt(all.firstEmojiMs / 1000)} s`);
console.log(
  `  CPU, PopCon's threads ${fmt(all.cpuMs / 1000)} s (${fmt(all.cpuMs / all.totalMs, 2)} cores on average; ffmpeg not counted)`,
);
console.log(`  peak RSS               ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB`);
console.log(`  1-min load at the end  ${fmt(os.loadavg()[0], 1)}`);
await runtime.worker.stop();

if (hasApngasm()) {
  const { ours, ref, count } = await compareWithApngasm(set.jobId);
  console.log(
    `APNG encoding, ${count} emojis, same frames (ours: shared palette + deltas; apngasm 2.91 defaults)`,
  );
  console.log(
    `  ours     ${fmt(ours.bytes / 1024, 1)} KB  ${fmt(ours.ms, 0)} ms  PSNR ${fmt(ours.psnr, 1)} dB vs lossless`,
  );
  console.log(`  apngasm  ${fmt(ref.bytes / 1024, 1)} KB  ${fmt(ref.ms, 0)} ms  (lossless)`);
  console.log(`  ratio bytes ours/apngasm  ${fmt(ours.bytes / ref.bytes)}`);
  console.log(`  ratio speed apngasm/ours  ${fmt(ref.ms / ours.ms, 1)}x`);
} else {
  console.log('apngasm not installed: skipped the reference comparison (apt-get install apngasm)');
}
await runtime.close();
fs.rmSync(dataDir, { recursive: true, force: true });
