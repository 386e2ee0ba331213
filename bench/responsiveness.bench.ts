// node --import tsx bench/responsiveness.bench.ts [targets=line-emoji, or all]
// How long the pipeline's thread (which in single-process mode also serves HTTP and the
// progress stream) is held while a 24-emoji set renders: the event loop's delay, sampled
// every 5 ms. The same set runs twice in one process, alternately with the built-in engine
// drawing on the calling thread (as before) and on the encode pool's threads (the default),
// and the ratios compare the two.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pino from 'pino';
import { loadConfig } from '../src/config/config.ts';
import { ACTIONS } from '../src/domain/actions.ts';
import { PLATFORM_IDS, type PlatformId } from '../src/domain/platforms.ts';
import { createInProcessEngine } from '../src/gpu/in-process.engine.ts';
import { createRuntime, LOCAL_USER } from '../src/runtime/runtime.ts';

const platforms: PlatformId[] = process.argv[2] === 'all' ? [...PLATFORM_IDS] : ['line-emoji'];
const actions = Array.from({ length: 24 }, (_, i) => ACTIONS[i % ACTIONS.length].id);

async function run(drawHere: boolean) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-resp-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const runtime = createRuntime(config, {
    logger: pino({ level: 'silent' }),
    ...(drawHere ? { engine: createInProcessEngine() } : {}),
  });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const started = performance.now();
  delay.enable();
  const job = await runtime.jobs.create({
    userId: LOCAL_USER.id,
    character: { id: 'cat' },
    actions,
    platforms,
  });
  await new Promise<void>((resolve, reject) => {
    const unsubscribe = runtime.deps.bus.subscribe(job.id, () => {
      const { status, error } = runtime.jobs.get(job.id, LOCAL_USER.id).job;
      if (status === 'completed') resolve();
      else if (status === 'failed') reject(new Error(error ?? 'failed'));
      else return;
      unsubscribe();
    });
    runtime.worker.start();
  });
  delay.disable();
  const wallS = (performance.now() - started) / 1000;
  await runtime.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { wallS, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 };
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const rows: { label: string; r: Awaited<ReturnType<typeof run>> }[] = [];
for (const round of [1, 2]) {
  rows.push({ label: `drawing on the pipeline's thread (round ${round})`, r: await run(true) });
  rows.push({ label: `drawing on the pool's threads (round ${round})`, r: await run(false) });
}
console.log(
  `PopCon responsiveness bench: 24 emojis for ${platforms.join(', ')}, ${os.availableParallelism()} cores, 1-min load ${os.loadavg()[0].toFixed(1)} at the end`,
);
console.log('| engine draws | set wall | event-loop delay p99 | worst |');
console.log('|---|---|---|---|');
for (const { label, r } of rows)
  console.log(`| ${label} | ${r.wallS.toFixed(1)} s | ${ms(r.p99)} | ${ms(r.max)} |`);
const mean = (here: boolean, k: 'p99' | 'max' | 'wallS') => {
  const picked = rows.filter((_, i) => (i % 2 === 0) === here).map((x) => x.r[k]);
  return picked.reduce((a, b) => a + b, 0) / picked.length;
};
console.log(
  `ratios, on the pipeline's thread ÷ on the pool's (means of the rounds): p99 ${(mean(true, 'p99') / mean(false, 'p99')).toFixed(1)}×, worst ${(mean(true, 'max') / mean(false, 'max')).toFixed(1)}×, set wall ${(mean(true, 'wallS') / mean(false, 'wallS')).toFixed(2)}×`,
);
