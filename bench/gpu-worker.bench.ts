// node --import tsx bench/gpu-worker.bench.ts
// 1. The gpu-worker's start to /ready: spawn to the first 200, for the pod image's bundle,
//    `npm run start:gpu-worker` and `popcon gpu-worker`.
// 2. A 24-emoji LINE set through the real pipeline, in-process against through the
//    gpu-worker on loopback (a ratio), and the render calls alone (engine overhead).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config/config.ts';
import { ACTIONS } from '../src/domain/actions.ts';
import { createHttpEngine } from '../src/gpu/http.engine.ts';
import { createInProcessEngine } from '../src/gpu/in-process.engine.ts';
import type { RenderEngine } from '../src/gpu/render-engine.ts';
import { createRuntime, LOCAL_USER } from '../src/runtime/runtime.ts';

const SET_SIZE = 24;
const ROUNDS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/**
 * CPU time (user + system) a process has used, from /proc (Linux; NaN elsewhere). On a
 * shared machine wall time swings with the load; the CPU a start costs does not.
 */
function cpuMsOf(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks of 10 ms (USER_HZ = 100).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

// Built by the pod image's own script; inside node_modules so its packages resolve.
const BUNDLE = 'node_modules/.cache/popcon-bench/gpu-worker.mjs';
execFileSync('sh', ['deploy/build-gpu-worker.sh', BUNDLE]);

// The pod image's command (the bundle), `npm run start:gpu-worker` (tsx) and `popcon gpu-worker`.
const ENTRIES = {
  bundle: [BUNDLE],
  lean: ['--import', 'tsx', 'src/gpu-worker/main.ts'],
  cli: ['bin/popcon.mjs', 'gpu-worker'],
};

/** Spawns a gpu-worker and resolves once GET /ready says 200, with the time that took. */
async function startWorker(
  port: number,
  entry: keyof typeof ENTRIES = 'bundle',
): Promise<{ child: ChildProcess; url: string; readyMs: number; selfMs: number; cpuMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ENTRIES[entry], {
    env: { ...process.env, GPU_WORKER_PORT: String(port), GPU_WORKER_HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let selfMs = Number.NaN;
  child.stdout?.on('data', (d: Buffer) => {
    const m = /"sinceProcessStartMs":(\d+)/.exec(d.toString());
    if (m) selfMs = Number(m[1]);
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    const res = await fetch(`${url}/ready`).catch(() => undefined);
    if (res?.status === 200) break;
    if (child.exitCode !== null) throw new Error('gpu-worker exited before it was ready');
    await new Promise((r) => setTimeout(r, 10));
  }
  return { child, url, readyMs: performance.now() - started, selfMs, cpuMs: cpuMsOf(child.pid) };
}

async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
}

const outcomes = new Set<string>();

/**
 * One 24-emoji set from the built-in cat through the whole pipeline; wall time in ms
 * until the job ends. A job failed by the platform validator still did all the
 * rendering and encoding, so it counts (its status is printed).
 */
async function runSet(env: Record<string, string>): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-bench-gpu-'));
  const runtime = createRuntime(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }), {
    logger: pino({ level: 'silent' }),
  });
  try {
    const actions = Array.from({ length: SET_SIZE }, (_, i) => ACTIONS[i % ACTIONS.length].id);
    const started = performance.now();
    const job = await runtime.jobs.create({ userId: LOCAL_USER.id, character: { id: 'cat' }, actions });
    await new Promise<void>((resolve) => {
      const unsubscribe = runtime.deps.bus.subscribe(job.id, () => {
        const { job: j } = runtime.jobs.get(job.id, LOCAL_USER.id);
        if (j.status !== 'completed' && j.status !== 'failed') return;
        outcomes.add(j.status === 'completed' ? 'completed' : `failed: ${(j.error ?? '').slice(0, 160)}…`);
        unsubscribe();
        resolve();
      });
      runtime.worker.start();
    });
    return performance.now() - started;
  } finally {
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The set's 24 renders alone; wall time in ms. One lane shows the per-call overhead
 * (PNG, HTTP, APNG, decode); two lanes, like the pipeline worker, show throughput.
 */
async function renderAll(engine: RenderEngine, lanes: 1 | 2): Promise<number> {
  const cutout = await createInProcessEngine().character('cat', '#ffb347');
  const started = performance.now();
  const queue = Array.from({ length: SET_SIZE }, (_, i) => ACTIONS[i % ACTIONS.length]);
  const lane = async () => {
    for (let a = queue.shift(); a; a = queue.shift()) {
      await engine.animate(
        cutout,
        a.id,
        { seed: queue.length },
        {
          size: 180,
          frames: a.defaultFrames,
          durationMs: a.defaultDurationMs,
        },
      );
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return performance.now() - started;
}

const starts: { readyMs: number; selfMs: number; cpuMs: number }[] = [];
const other = {
  lean: [] as { readyMs: number; cpuMs: number }[],
  cli: [] as { readyMs: number; cpuMs: number }[],
};
for (let i = 0; i < ROUNDS; i++) {
  const w = await startWorker(await freePort());
  starts.push(w);
  await stop(w.child);
  for (const entry of ['lean', 'cli'] as const) {
    const c = await startWorker(await freePort(), entry);
    other[entry].push(c);
    await stop(c.child);
  }
}

const worker = await startWorker(await freePort());
const http = createHttpEngine({ url: worker.url, timeoutMs: 60_000, retries: 2, readyTimeoutMs: 10_000 });
const local = createInProcessEngine();
const sets = { local: [] as number[], remote: [] as number[] };
const renders = { local: [] as number[], remote: [] as number[] };
const serial = { local: [] as number[], remote: [] as number[] };
try {
  await renderAll(http, 2); // first-use costs on both sides (connection, sharp, zlib) stay out of the figures
  for (let i = 0; i < ROUNDS; i++) {
    serial.local.push(await renderAll(local, 1));
    serial.remote.push(await renderAll(http, 1));
    renders.local.push(await renderAll(local, 2));
    renders.remote.push(await renderAll(http, 2));
    sets.local.push(await runSet({}));
    sets.remote.push(await runSet({ GPU_WORKER_URL: worker.url }));
  }
} finally {
  await stop(worker.child);
}

const setRatio = median(sets.remote) / median(sets.local);
const renderRatio = median(renders.remote) / median(renders.local);
const perEmoji = (median(serial.remote) - median(serial.local)) / SET_SIZE;
console.log(`gpu-worker benchmark (${os.cpus().length} cores, ${ROUNDS} rounds, medians)`);
console.log(
  `start to /ready, pod image's bundle:  ${fmt(median(starts.map((s) => s.readyMs)))}  (runs: ${starts.map((s) => fmt(s.readyMs)).join(', ')}; target < 2 s)`,
);
console.log(`  the worker's own count from process start: ${fmt(median(starts.map((s) => s.selfMs)))}`);
console.log(`  CPU time used by then: ${fmt(median(starts.map((s) => s.cpuMs)))}`);
for (const [label, runs] of [
  ['npm run start:gpu-worker (tsx)', other.lean],
  ['popcon gpu-worker (CLI, tsx)', other.cli],
] as const) {
  console.log(
    `  ${label}: ${fmt(median(runs.map((c) => c.readyMs)))}, CPU ${fmt(median(runs.map((c) => c.cpuMs)))}`,
  );
}
console.log(
  `24-emoji set, in-process:             ${fmt(median(sets.local))}  (runs: ${sets.local.map(fmt).join(', ')})`,
);
console.log(
  `24-emoji set, through the gpu-worker: ${fmt(median(sets.remote))}  (runs: ${sets.remote.map(fmt).join(', ')})`,
);
console.log(`set ratio worker/in-process:          ${setRatio.toFixed(2)}`);
console.log(
  `24 renders one at a time: in-process ${fmt(median(serial.local))}, worker ${fmt(median(serial.remote))}, ` +
    `ratio ${(median(serial.remote) / median(serial.local)).toFixed(2)} (${perEmoji.toFixed(1)} ms overhead an emoji)`,
);
console.log(
  `24 renders two at a time: in-process ${fmt(median(renders.local))}, worker ${fmt(median(renders.remote))}, ` +
    `ratio ${renderRatio.toFixed(2)}`,
);
console.log(`set outcomes: ${[...outcomes].join(' | ')}`);
console.log(
  `load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
