import {
  type ControllerDeps,
  clearFlagStep,
  drainStep,
  fail,
  iso,
  machinesStep,
  ok,
  pauseStep,
  podStep,
  type RunOptions,
  type RunResult,
  readyStep,
  type StepResult,
  secs,
  setFlagStep,
  skip,
} from './controller.steps.ts';
import { errorText } from './http.ts';
import { probeReady } from './ready.probe.ts';

export type { ControllerDeps, RunOptions, RunResult, StepResult, StepStatus } from './controller.steps.ts';

type Steps = StepResult[];

/**
 * `popcon availability up|down|health|status`: converges the GPU pod, the
 * worker machines, the flag and paused work to the desired state. Every step
 * looks before it acts, so a second or late run changes nothing; the first
 * failed step stops the run.
 */
export class AvailabilityController {
  constructor(private readonly deps: ControllerDeps) {}

  /** Open: resume the pod, wait for /ready, start the machines, clear the flag, drain paused work. */
  up(opts: RunOptions = {}): Promise<RunResult> {
    return this.run('up', opts, async (steps) => {
      const { schedule } = this.deps.availability;
      const now = this.deps.clock.now();
      const s = schedule.state(now);
      if (!opts.force && !s.open) {
        const startAt = s.opensAt === null ? null : s.opensAt - this.deps.options.upLeadMs;
        if (startAt === null || startAt - now > this.deps.options.alignMaxWaitMs) {
          steps.push(
            skip('window', `outside the window (opens ${iso(s.opensAt)}); nothing done (--force overrides)`),
          );
          return;
        }
        if (opts.align && startAt > now)
          await this.alignTo(steps, startAt, 'the opening less the warm-up lead', opts);
      }
      await this.bringUp(steps, !!opts.dryRun);
    });
  }

  /** Close: set the flag, wait (bounded) for work in flight to pause, stop the pod, stop the machines. */
  down(opts: RunOptions = {}): Promise<RunResult> {
    return this.run('down', opts, async (steps) => {
      const dryRun = !!opts.dryRun;
      const { schedule } = this.deps.availability;
      const now = this.deps.clock.now();
      const s = schedule.state(now);
      if (!opts.force && s.open && !schedule.alwaysOpen) {
        if (!opts.align || s.closesAt === null || s.closesAt - now > this.deps.options.alignMaxWaitMs) {
          steps.push(
            skip('window', `inside the window until ${iso(s.closesAt)}; nothing done (--force overrides)`),
          );
          return;
        }
        await this.alignTo(steps, s.closesAt, 'the closing', opts);
      }
      if (!(await this.step(steps, 'flag', () => setFlagStep(this.deps, dryRun)))) return;
      await this.step(steps, 'pause', () => pauseStep(this.deps, dryRun));
      if (!(await this.step(steps, 'pod', () => podStep(this.deps, 'EXITED', dryRun)))) return;
      await this.step(steps, 'machines', () => machinesStep(this.deps, 'stopped', dryRun));
    });
  }

  /** Inside the window: check every part and repair what is down. Leaves an operator's close alone. */
  health(opts: RunOptions = {}): Promise<RunResult> {
    return this.run('health', opts, async (steps) => {
      const { schedule, store } = this.deps.availability;
      const now = this.deps.clock.now();
      const s = schedule.state(now);
      if (!s.open) {
        steps.push(skip('window', `outside the window (opens ${iso(s.opensAt)}); nothing to check`));
        return;
      }
      const flag = await store.get(now);
      if (flag?.reason === 'manual') {
        steps.push({
          step: 'flag',
          status: 'ok',
          detail: `closed by an operator until ${iso(flag.expiresAt)}; left so`,
        });
        return;
      }
      await this.bringUp(steps, !!opts.dryRun);
    });
  }

  /** Reports each part's state; changes nothing. */
  status(): Promise<RunResult> {
    return this.run('status', {}, async (steps) => {
      const { availability, work, fly, runpod, readyUrl, clock } = this.deps;
      const now = clock.now();
      const s = availability.schedule.state(now);
      steps.push({
        step: 'schedule',
        status: 'ok',
        detail: availability.schedule.alwaysOpen
          ? 'no schedule: always open'
          : `${s.open ? 'open' : 'closed'}; opens ${iso(s.opensAt)}, closes ${iso(s.closesAt)} (${availability.schedule.timeZone})`,
        data: { open: s.open, opensAt: s.opensAt, closesAt: s.closesAt },
      });
      await this.step(steps, 'flag', async () => {
        const flag = await availability.store.get(now);
        return flag
          ? ok(`set (${flag.reason}) until ${iso(flag.expiresAt)}`, {
              ...flag,
              store: availability.store.kind,
            })
          : ok(`clear in ${availability.store.kind}`, { store: availability.store.kind });
      });
      await this.step(steps, 'pod', async () => {
        if (!runpod) return skip('pod', 'no GPU pod configured (RUNPOD_*)');
        const pod = await runpod.get();
        return ok(pod.desiredStatus, { id: pod.id, desiredStatus: pod.desiredStatus });
      });
      await this.step(steps, 'ready', async () => {
        if (!readyUrl) return skip('ready', 'no GPU worker configured');
        const probe = await probeReady(readyUrl);
        return ok(probe.ready ? 'ready' : `not ready (${probe.detail})`, { ...probe });
      });
      await this.step(steps, 'machines', async () => {
        if (!fly) return skip('machines', 'no worker machines configured (FLY_*)');
        const machines = await fly.list();
        return ok(machines.map((m) => `${m.id} ${m.state}`).join(', ') || 'none in the process group', {
          machines: machines.map((m) => ({ id: m.id, state: m.state })),
        });
      });
      await this.step(steps, 'work', async () => {
        const f = await work.inFlight();
        const paused = work.paused?.();
        return ok(`${f.detail}${paused === undefined ? '' : `; ${paused} paused`}`, { ...f, paused });
      });
    });
  }

  private async bringUp(steps: Steps, dryRun: boolean): Promise<void> {
    if (!(await this.step(steps, 'pod', () => podStep(this.deps, 'RUNNING', dryRun)))) return;
    if (!(await this.step(steps, 'ready', () => readyStep(this.deps, dryRun)))) return;
    if (!(await this.step(steps, 'machines', () => machinesStep(this.deps, 'started', dryRun)))) return;
    if (!(await this.step(steps, 'flag', () => clearFlagStep(this.deps, dryRun)))) return;
    await this.step(steps, 'drain', () => drainStep(this.deps, dryRun));
  }

  private async alignTo(steps: Steps, at: number, what: string, opts: RunOptions): Promise<void> {
    const wait = at - this.deps.clock.now();
    if (wait <= 0) return;
    if (opts.dryRun) {
      steps.push({
        step: 'align',
        status: 'planned',
        detail: `would wait ${secs(wait)} for ${what} (${iso(at)})`,
      });
      return;
    }
    await this.deps.clock.sleep(wait);
    steps.push(ok(`waited ${secs(wait)} for ${what} (${iso(at)})`, { at }, 'align'));
  }

  private async step(steps: Steps, name: string, fn: () => Promise<StepResult>): Promise<boolean> {
    let result: StepResult;
    try {
      result = { ...(await fn()), step: name };
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      result = fail(name, errorText(err), typeof code === 'string' ? { code } : undefined);
    }
    steps.push(result);
    return result.status !== 'failed';
  }

  private async run(
    command: RunResult['command'],
    opts: RunOptions,
    body: (steps: Steps) => Promise<void>,
  ): Promise<RunResult> {
    const startedAt = new Date(this.deps.clock.now()).toISOString();
    const steps: Steps = [];
    await body(steps);
    return {
      command,
      ok: steps.every((s) => s.status !== 'failed'),
      dryRun: !!opts.dryRun,
      startedAt,
      finishedAt: new Date(this.deps.clock.now()).toISOString(),
      steps,
    };
  }
}
