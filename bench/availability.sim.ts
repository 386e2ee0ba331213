// One week of PopCon's off hours, in compressed time: the real availability controller
// drives local Fly, RunPod and Upstash contract servers from GitHub-like cron runs (late by
// up to 12 minutes), the real API gate answers a stream of users, and the real pipeline
// (queue, pause, drain, encoder) renders their sets on a GPU that only works while the pod
// is up. Reports GPU hours billed against window hours, refusals, and jobs that crossed a
// transition. `npm run sim:availability [-- --days 7 --seed 1 --calm --json]`
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import pino from 'pino';
import { registerAvailability } from '../src/availability/availability.plugin.ts';
import { loadConfig } from '../src/config/config.ts';
import { ACTIONS } from '../src/domain/actions.ts';
import { seededRandom } from '../src/domain/random.ts';
import { createInProcessEngine } from '../src/gpu/in-process.engine.ts';
import type { RenderEngine } from '../src/gpu/render-engine.ts';
import { createController } from '../src/ops/controller.factory.ts';
import type { RunResult } from '../src/ops/controller.ts';
import { createRuntime, LOCAL_USER } from '../src/runtime/runtime.ts';
import { FlyContract } from '../test/support/contract-servers/fly.server.ts';
import { RunPodContract } from '../test/support/contract-servers/runpod.server.ts';
import { UpstashContract } from '../test/support/contract-servers/upstash.server.ts';
import { VirtualDriver } from '../test/support/contract-servers/virtual-driver.ts';

const { values: opt } = parseArgs({
  options: {
    days: { type: 'string', default: '7' },
    seed: { type: 'string', default: '20260302' },
    calm: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const DAYS = Number(opt.days);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const MONDAY_UTC = Date.UTC(2026, 2, 2); // 09:00 on Monday in Tokyo
const START = MONDAY_UTC - 9 * HOUR; // Monday 00:00 in Tokyo
const WEEK_END = START + DAYS * DAY;
const RATE_IN = 0.8 / HOUR; // users trying during the window
const RATE_OUT = 0.4 / HOUR; // and outside it
const random = seededRandom(Number(opt.seed));
const wallStart = performance.now();

const driver = new VirtualDriver(START);
const clock = driver.clock;
const fly = await FlyContract.start({
  token: 'fm2_sim',
  app: 'popcon',
  clock: clock.now,
  machines: [{ id: 'w1', group: 'worker', state: 'stopped' }],
});
const runpod = await RunPodContract.start({
  apiKey: 'rp-sim',
  clock: clock.now,
  warmMs: 90_000,
  pods: [{ id: 'pod1', status: 'EXITED' }],
});
const upstash = await UpstashContract.start({ token: 'up-sim', clock: clock.now });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-sim-'));
const config = loadConfig({
  DATA_DIR: dataDir,
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  AVAILABILITY_WINDOWS: 'Mon-Sun 19:00-24:00',
  AVAILABILITY_TIMEZONE: 'Asia/Tokyo',
  AVAILABILITY_READY_URL: runpod.readyUrl,
  UPSTASH_REDIS_REST_URL: upstash.url,
  UPSTASH_REDIS_REST_TOKEN: 'up-sim',
  FLY_API_URL: fly.url,
  FLY_API_TOKEN: 'fm2_sim',
  FLY_APP: 'popcon',
  RUNPOD_API_URL: runpod.url,
  RUNPOD_API_KEY: 'rp-sim',
  RUNPOD_POD_ID: 'pod1',
  // Leases are renewed by a real-time timer; in compressed time they must outlast any task.
  TASK_LEASE_MS: String(DAY),
  WORKER_CONCURRENCY: '2',
});
const silent = pino({ level: 'silent' });

// The GPU: renders take virtual time and fail unless the pod is up and warm.
const real = createInProcessEngine();
let gpuRefusals = 0;
async function gpu(ms: number) {
  if (!runpod.isReady()) {
    gpuRefusals++;
    throw new Error('GPU worker unreachable (502)');
  }
  await clock.sleep(ms);
}
const engine: RenderEngine = {
  ...real,
  async character(...a) {
    await gpu(8000);
    return real.character(...a);
  },
  async cutout(...a) {
    await gpu(8000);
    return real.cutout(...a);
  },
  async animate(...a) {
    await gpu(30_000);
    return real.animate(...a);
  },
};
const runtime = createRuntime(config, { engine, clock: clock.now, logger: silent });
const ops = createController(config, { clock, logger: silent });
const schedule = runtime.availability.schedule;
await runtime.availability.close(); // Sunday night's `down` left PopCon closed.

const app = Fastify();
registerAvailability(app, { availability: runtime.availability, clock: clock.now });
app.post('/api/generate-set', async (request, reply) => {
  const body = request.body as { character: string; actions: string[] };
  const job = await runtime.jobs.create({
    userId: LOCAL_USER.id,
    character: { id: body.character },
    actions: body.actions,
  });
  return reply.status(202).send({ jobId: job.id });
});

// Users: a Poisson stream over the whole week, faster inside the window.
const requests = { accepted: 0, refusedOutside: 0, refusedInside: 0, acceptedOutside: 0 };
const jobIds: string[] = [];
async function user() {
  const actions = Array.from({ length: 8 }, () => ACTIONS[Math.floor(random() * ACTIONS.length)]!.id);
  const character = ['cat', 'bear', 'blob'][Math.floor(random() * 3)]!;
  const res = await app.inject({ method: 'POST', url: '/api/generate-set', payload: { character, actions } });
  const inside = schedule.state(clock.now()).open;
  if (res.statusCode === 202) {
    jobIds.push(res.json().jobId);
    requests.accepted++;
    if (!inside) requests.acceptedOutside++;
  } else if (inside) requests.refusedInside++;
  else requests.refusedOutside++;
}
// Thinning: candidates at the higher rate, each kept with probability rate(t) / that rate.
for (let t = START; ; ) {
  t += -Math.log(1 - random()) / RATE_IN;
  if (t >= WEEK_END) break;
  const keep = random() < (schedule.state(t).open ? RATE_IN : RATE_OUT) / RATE_IN;
  if (keep) driver.at(t, user);
}
// And one user each night a minute and a half before closing: a job that must cross midnight.
for (let d = 0; d < DAYS; d++) driver.at(MONDAY_UTC + d * DAY + 14 * HOUR + 58.5 * MIN, user);

// Cron: one concurrency group, runs queued in order; GitHub starts them late by 0–12 min.
const runs: { name: string; at: number; result: RunResult }[] = [];
let group: Promise<void> = Promise.resolve();
function cron(at: number, name: string, run: () => Promise<RunResult>) {
  driver.at(at + random() * 12 * MIN, () => {
    group = group.then(async () => {
      runs.push({ name, at: clock.now(), result: await run() });
    });
  });
}
const incidents: string[] = [];
for (let d = 0; d <= DAYS; d++) {
  const base = MONDAY_UTC + d * DAY;
  const missedUp = !opt.calm && d === 4 && d < DAYS;
  if (missedUp) incidents.push('Friday: the `up` cron never ran (the health check reopened)');
  else cron(base + 9 * HOUR + 37 * MIN, 'up', () => ops.controller.up({ align: true }));
  if (d === DAYS) break;
  cron(base + 14 * HOUR + 47 * MIN, 'down', () => ops.controller.down({ align: true }));
  for (let k = 0; k < 20; k++)
    cron(base + 10 * HOUR + (7 + 15 * k) * MIN, 'health', () => ops.controller.health());
}
if (!opt.calm && DAYS > 2) {
  incidents.push('Wednesday 21:10: the worker machine crashed (the health check restarted it)');
  driver.at(MONDAY_UTC + 2 * DAY + 12 * HOUR + 10 * MIN, () => fly.crash('w1'));
}

// The pipeline worker lives on the Fly machine: it runs exactly while the machine is started.
let workerRunning = false;
let stopping: Promise<void> | undefined;
function followMachine() {
  const up = fly.stateOf('w1') === 'started';
  if (up && !workerRunning && !stopping) {
    runtime.worker.start();
    workerRunning = true;
  } else if (!up && workerRunning) {
    workerRunning = false;
    stopping = runtime.worker.stop().finally(() => {
      stopping = undefined;
    });
  }
  if (workerRunning) runtime.worker.wake();
}
const busy = () =>
  (
    runtime.deps.db.prepare(`SELECT COUNT(*) AS n FROM tasks WHERE status IN ('queued','running')`).get() as {
      n: number;
    }
  ).n > 0;
// Small steps only while work is under way (so workers see a flag flip within ~5 s);
// otherwise time jumps from event to event.
const maxStep = () => (!workerRunning ? 15 * MIN : busy() ? 5000 : MIN);

await driver.runUntil(WEEK_END + HOUR, maxStep, followMachine);
const week = {
  windowHours: schedule.openMsBetween(START, WEEK_END) / HOUR,
  gpuHours: runpod.billedMs('pod1') / HOUR,
  machineHours: fly.startedMs('w1') / HOUR,
};
// Then the next opening: work paused on the last night must resume and finish.
const jobs = () => jobIds.map((id) => runtime.deps.jobs.find(id)!);
const done = () => jobs().every((j) => j.status === 'completed' || j.status === 'failed');
for (let t = WEEK_END + HOUR; !done() && t < WEEK_END + 2 * DAY; t += HOUR) {
  await driver.runUntil(t + HOUR, maxStep, followMachine);
}

// The flag against the schedule, from the store's own history of SETs, DELs and expiries.
const windows = schedule.intervals(START, WEEK_END);
const closedSpans = upstash.presence(`${config.availability.keyPrefix}:off_hours`, WEEK_END);
const overlap = (a: { start: number; end: number }[], b: { start: number; end: number }[]) =>
  a.reduce(
    (sum, x) =>
      sum + b.reduce((s2, y) => s2 + Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start)), 0),
    0,
  );
const closedInside = overlap(closedSpans, windows);
const minutes = {
  closedInsideWindow: Math.round(closedInside / MIN),
  openOutsideWindow: Math.round(
    (WEEK_END -
      START -
      week.windowHours * HOUR -
      (overlap(closedSpans, [{ start: START, end: WEEK_END }]) - closedInside)) /
      MIN,
  ),
};
const events = jobIds.flatMap((id) => runtime.deps.events.forJob(id));
const closings = windows.map((i) => i.end);
const crossed = jobs().filter((j) =>
  closings.some((c) => j.createdAt < c && (j.completedAt ?? Infinity) > c),
);
const emojis = jobIds.reduce((n, id) => n + runtime.deps.jobs.emojis(id).length, 0);
const completedEvents = events.filter((e) => e.type === 'emoji.completed').length;
const unique = new Set(
  events.filter((e) => e.type === 'emoji.completed').map((e) => `${e.jobId}:${e.payload.index}`),
);
const report = {
  command: 'npm run sim:availability',
  schedule: 'Mon-Sun 19:00-24:00 Asia/Tokyo',
  days: DAYS,
  seed: Number(opt.seed),
  incidents,
  windowHours: round(week.windowHours),
  gpuBilledHours: round(week.gpuHours),
  gpuOverWindowPercent: round((week.gpuHours / week.windowHours - 1) * 100),
  workerMachineHours: round(week.machineHours),
  requests: { total: jobIds.length + requests.refusedInside + requests.refusedOutside, ...requests },
  minutes,
  jobs: {
    created: jobIds.length,
    completed: jobs().filter((j) => j.status === 'completed').length,
    failed: jobs().filter((j) => j.status === 'failed').length,
    lost: jobs().filter((j) => j.status !== 'completed' && j.status !== 'failed').length,
    crossedATransition: crossed.length,
    pausedAndDrained: new Set(events.filter((e) => e.type === 'emoji.paused').map((e) => e.jobId)).size,
  },
  emojis: { total: emojis, completedEvents, duplicates: completedEvents - unique.size },
  rendersRefusedByAStoppedGpu: gpuRefusals,
  cronRuns: Object.fromEntries(
    ['up', 'down', 'health'].map((n) => [n, runs.filter((r) => r.name === n).length]),
  ),
  cronRunsNotReached: runs
    .filter((r) => !r.result.ok)
    .map((r) => `${r.name} ${new Date(r.at).toISOString()}`),
  realSeconds: round((performance.now() - wallStart) / 1000),
};
const pass =
  Math.abs(report.gpuOverWindowPercent) <= 2 &&
  report.jobs.lost === 0 &&
  report.jobs.failed === 0 &&
  report.emojis.duplicates === 0 &&
  report.emojis.completedEvents === emojis;
process.stdout.write(opt.json ? `${JSON.stringify({ ...report, pass }, null, 2)}\n` : text(report, pass));

await app.close();
await ops.close();
await runtime.close();
await Promise.all([fly.close(), runpod.close(), upstash.close()]);
driver.restore();
fs.rmSync(dataDir, { recursive: true, force: true });
process.exitCode = pass ? 0 : 1;

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function text(r: typeof report, ok: boolean): string {
  const sign = r.gpuOverWindowPercent >= 0 ? '+' : '';
  return [
    `PopCon availability simulation: ${r.days} days of ${r.schedule}, compressed time (seed ${r.seed})`,
    ...r.incidents.map((i) => `  incident: ${i}`),
    `  window hours              ${r.windowHours.toFixed(2)} h`,
    `  GPU pod billed            ${r.gpuBilledHours.toFixed(2)} h (${sign}${r.gpuOverWindowPercent.toFixed(2)} %; goal within 2 %)`,
    `  worker machine started    ${r.workerMachineHours.toFixed(2)} h`,
    `  requests                  ${r.requests.total}: ${r.requests.accepted} accepted, ${r.requests.refusedOutside} refused outside the window, ${r.requests.refusedInside} refused inside it, ${r.requests.acceptedOutside} accepted outside it`,
    `  flag vs schedule          closed ${r.minutes.closedInsideWindow} min inside the window, open ${r.minutes.openOutsideWindow} min outside it`,
    `  jobs                      ${r.jobs.created} created, ${r.jobs.completed} completed, ${r.jobs.failed} failed, ${r.jobs.lost} lost`,
    `  crossed a transition      ${r.jobs.crossedATransition} (${r.jobs.pausedAndDrained} paused and drained at the next opening)`,
    `  emojis                    ${r.emojis.total}, completed events ${r.emojis.completedEvents}, duplicates ${r.emojis.duplicates}`,
    `  renders refused (no GPU)  ${r.rendersRefusedByAStoppedGpu}`,
    `  cron runs                 up ${r.cronRuns.up}, down ${r.cronRuns.down}, health ${r.cronRuns.health}; not reached: ${r.cronRunsNotReached.length ? r.cronRunsNotReached.join(', ') : 'none'}`,
    `  real time                 ${r.realSeconds} s`,
    `  ${ok ? 'PASS' : 'FAIL'}: billed within 2 % of window hours, no job lost, no emoji twice`,
    '',
  ].join('\n');
}
