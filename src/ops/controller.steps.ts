import type { Availability } from '../availability/availability.service.ts';
import type { FlyMachines, FlyTarget } from './fly.provider.ts';
import type { OpsClock } from './http.ts';
import { probeReady, waitUntilReady } from './ready.probe.ts';
import type { RunPodPods } from './runpod.provider.ts';
import type { WorkProbe } from './work-probe.ts';

export type StepStatus = 'ok' | 'changed' | 'planned' | 'skipped' | 'warning' | 'failed';

/** One part of a run: what it found or did. */
export interface StepResult {
  step: string;
  status: StepStatus;
  detail: string;
  data?: Record<string, unknown>;
}

/** A whole run; `ok` is false when the desired state was not reached (the exit status is then 1). */
export interface RunResult {
  command: 'up' | 'down' | 'health' | 'status';
  ok: boolean;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  steps: StepResult[];
}

export interface RunOptions {
  dryRun?: boolean;
  /** Wait (bounded) for the window's edge, so an early cron run acts on time. */
  align?: boolean;
  /** Act even when the schedule says the other state (an operator's decision). */
  force?: boolean;
}

export interface ControllerDeps {
  availability: Availability;
  work: WorkProbe;
  fly: FlyMachines | null;
  runpod: RunPodPods | null;
  readyUrl: string | null;
  clock: OpsClock;
  options: {
    upLeadMs: number;
    alignMaxWaitMs: number;
    drainTimeoutMs: number;
    readyTimeoutMs: number;
    cacheMs: number;
  };
}

/** An instant for reports. */
export const iso = (t: number | null) => (t === null ? 'never' : new Date(t).toISOString());
/** A duration for reports. */
export const secs = (ms: number) => `${Math.round(ms / 1000)} s`;

// Each step looks before it acts: already in the desired state means `ok` and no call
// that changes anything. The controller names the step and catches its errors.

/** The GPU pod to RUNNING or EXITED. */
export async function podStep(
  deps: ControllerDeps,
  target: 'RUNNING' | 'EXITED',
  dryRun: boolean,
): Promise<StepResult> {
  const { runpod, clock, options } = deps;
  if (!runpod) return skip('pod', 'no GPU pod configured (RUNPOD_*)');
  const o = await runpod.converge(target, clock.now() + options.readyTimeoutMs, dryRun);
  const data = { ...o };
  if (o.action === 'none') return ok(`already ${o.to}`, data);
  if (o.action === 'planned')
    return { step: 'pod', status: 'planned', detail: `would go ${o.from} → ${target}`, data };
  return {
    step: 'pod',
    status: 'changed',
    detail: `${o.action === 'start' ? 'resumed' : 'stopped'} (${o.from} → ${o.to})`,
    data,
  };
}

/** Waits (bounded) for the GPU worker's /ready: a RUNNING pod is not yet a service. */
export async function readyStep(deps: ControllerDeps, dryRun: boolean): Promise<StepResult> {
  const { readyUrl, clock, options } = deps;
  if (!readyUrl) return skip('ready', 'no GPU worker configured');
  if (dryRun) {
    const p = await probeReady(readyUrl);
    return p.ready
      ? ok('ready')
      : { step: 'ready', status: 'planned', detail: `would wait for /ready (${p.detail})` };
  }
  const p = await waitUntilReady(readyUrl, clock, clock.now() + options.readyTimeoutMs);
  if (p.ready) return ok(`ready after ${p.polls} look(s)`, { polls: p.polls });
  return fail('ready', `not ready after ${secs(options.readyTimeoutMs)} (last: ${p.detail})`);
}

/** The worker machines to started or stopped. */
export async function machinesStep(
  deps: ControllerDeps,
  target: FlyTarget,
  dryRun: boolean,
): Promise<StepResult> {
  const { fly, clock, options } = deps;
  if (!fly) return skip('machines', 'no worker machines configured (FLY_*)');
  const outcomes = await fly.converge(target, clock.now() + options.readyTimeoutMs, dryRun);
  const detail = outcomes
    .map((o) => `${o.id} ${o.from}→${o.to}${o.detail ? ` (${o.detail})` : ''}`)
    .join(', ');
  const data = { machines: outcomes };
  if (outcomes.some((o) => !o.ok)) return fail('machines', `not all ${target}: ${detail}`, data);
  if (outcomes.some((o) => o.action === 'planned'))
    return { step: 'machines', status: 'planned', detail, data };
  const changed = outcomes.some((o) => o.action !== 'none');
  return {
    step: 'machines',
    status: changed ? 'changed' : 'ok',
    detail: detail || 'none in the process group',
    data,
  };
}

/** Sets (or refreshes) the off-hours flag. */
export async function setFlagStep(deps: ControllerDeps, dryRun: boolean): Promise<StepResult> {
  const { availability, clock } = deps;
  const existing = await availability.store.get(clock.now());
  const next = availability.flagFor(clock.now());
  const data = { ...next, store: availability.store.kind };
  if (dryRun)
    return { step: 'flag', status: 'planned', detail: `would set until ${iso(next.expiresAt)}`, data };
  const flag = await availability.close();
  const detail = `${existing ? 'already set; now' : 'set'} until ${iso(flag.expiresAt)} (opens ${iso(flag.opensAt)})`;
  return { step: 'flag', status: existing ? 'ok' : 'changed', detail, data };
}

/** Clears the off-hours flag. */
export async function clearFlagStep(deps: ControllerDeps, dryRun: boolean): Promise<StepResult> {
  const { availability, clock } = deps;
  const flag = await availability.store.get(clock.now());
  if (!flag) return ok(`already clear in ${availability.store.kind}`);
  if (dryRun) return { step: 'flag', status: 'planned', detail: 'would clear' };
  await availability.open();
  return { step: 'flag', status: 'changed', detail: `cleared (closed since ${iso(flag.closedAt)})` };
}

/** Waits, with a bound, until no work is in flight (pausing waiting work itself where it can). */
export async function pauseStep(deps: ControllerDeps, dryRun: boolean): Promise<StepResult> {
  const { work, clock, options } = deps;
  if (dryRun)
    return {
      step: 'pause',
      status: 'planned',
      detail: `would wait up to ${secs(options.drainTimeoutMs)}: ${(await work.inFlight()).detail}`,
    };
  const deadline = clock.now() + options.drainTimeoutMs;
  // Remote workers read the flag through a cache: give each time to see it before trusting their reports.
  if (work.where === 'reports') await clock.sleep(options.cacheMs + 2000);
  for (;;) {
    work.pause?.();
    const f = await work.inFlight();
    const paused = work.paused?.();
    const tail = paused === undefined ? '' : `; ${paused} task(s) wait for the next opening`;
    if (f.settled) return ok(`work in flight paused${tail}`, { ...f, paused });
    if (clock.now() >= deadline) {
      return {
        step: 'pause',
        status: 'warning',
        detail: `gave up waiting after ${secs(options.drainTimeoutMs)}: ${f.detail}; cut tasks are retried after the opening`,
        data: { ...f },
      };
    }
    await clock.sleep(1000);
  }
}

/** Re-dispatches paused work, or says the remote workers will. */
export async function drainStep(deps: ControllerDeps, dryRun: boolean): Promise<StepResult> {
  const { work, options } = deps;
  if (!work.drain)
    return ok(`workers resume paused work within ${secs(options.cacheMs + 1000)} of seeing the flag clear`);
  const paused = work.paused?.() ?? 0;
  if (dryRun)
    return { step: 'drain', status: paused > 0 ? 'planned' : 'ok', detail: `${paused} paused task(s)` };
  const jobs = work.drain();
  return {
    step: 'drain',
    status: jobs > 0 ? 'changed' : 'ok',
    detail: jobs > 0 ? `resumed the paused work of ${jobs} job(s)` : 'nothing paused',
  };
}

export function ok(detail: string, data?: Record<string, unknown>, step = ''): StepResult {
  return { step, status: 'ok', detail, ...(data ? { data } : {}) };
}
export function skip(step: string, detail: string): StepResult {
  return { step, status: 'skipped', detail };
}
export function fail(step: string, detail: string, data?: Record<string, unknown>): StepResult {
  return { step, status: 'failed', detail, ...(data ? { data } : {}) };
}
