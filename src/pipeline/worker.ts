import type { Task } from '../queue/task-queue.ts';
import type { PipelineDeps } from './deps.ts';
import { drainPausedWork, pauseWaitingWork } from './pause.ts';
import { runTask } from './task-runner.ts';

/** Off hours: while closed, the worker claims nothing and pauses the work that waits. */
export interface WorkGate {
  isClosed(): Promise<boolean>;
  /** Told what this worker holds while closed, so `availability down` can wait for it. */
  report(state: { workerId: string; inFlight: number; closed: boolean }): void;
}

export interface WorkerOptions {
  workerId: string;
  concurrency: number;
  leaseMs: number;
  /** Longest sleep between looks at the queue when nothing wakes the worker. */
  pollMs?: number;
  gate?: WorkGate;
}

/** While closed, a worker re-reports an unchanged state this often (Upstash bills per command). */
const REPORT_EVERY_MS = 10_000;

/**
 * The pipeline worker: claims tasks from the database up to its concurrency,
 * keeps their leases alive while they run, and sleeps until woken or until the
 * next poll. Several workers (in one process or many) can share one database.
 */
export class PipelineWorker {
  private readonly inFlight = new Set<Promise<unknown>>();
  private stopping = false;
  private loopDone: Promise<void> | undefined;
  private wakeSleeper: (() => void) | undefined;
  private readonly idleWaiters: (() => void)[] = [];
  /** The gate as last seen; undefined before the first look, which drains like a reopening. */
  private wasClosed: boolean | undefined;
  private lastReport: { inFlight: number; closed: boolean; at: number } | undefined;

  constructor(
    private readonly deps: PipelineDeps,
    private readonly options: WorkerOptions,
  ) {}

  /** Starts claiming work. */
  start(): void {
    if (this.loopDone) return;
    this.stopping = false;
    this.loopDone = this.loop();
  }

  /** Looks at the queue now instead of at the next poll (called after enqueueing). */
  wake(): void {
    this.wakeSleeper?.();
  }

  /** Stops claiming, lets the tasks in flight finish, then resolves. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loopDone;
    this.loopDone = undefined;
  }

  /** Resolves the next time the worker has nothing running and nothing ready to claim. */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.wake();
    });
  }

  private async loop(): Promise<void> {
    const pollMs = this.options.pollMs ?? 500;
    while (!this.stopping) {
      let claimed = false;
      const closed = await this.checkGate();
      while (!closed && !this.stopping && this.inFlight.size < this.options.concurrency) {
        const task = this.deps.queue.claim(this.options.workerId, this.deps.clock());
        if (!task) break;
        claimed = true;
        const run = this.execute(task).finally(() => {
          this.inFlight.delete(run);
          this.wake();
        });
        this.inFlight.add(run);
      }
      if (!claimed && this.inFlight.size === 0) this.notifyIdle();
      await this.sleep(pollMs);
    }
    await Promise.allSettled([...this.inFlight]);
    this.notifyIdle();
  }

  /**
   * Reads the gate. Closed: pauses what waits (a task boundary: tasks in flight
   * finish). Open after closed, or at the first look: drains paused work, so a
   * restarted worker resumes what an earlier one set aside.
   */
  private async checkGate(): Promise<boolean> {
    const { gate } = this.options;
    if (!gate) return false;
    let closed: boolean;
    try {
      closed = await gate.isClosed();
    } catch (err) {
      this.deps.logger.warn({ err }, 'cannot read the availability gate; keeping the last state');
      closed = this.wasClosed ?? false;
    }
    try {
      const now = this.deps.clock();
      const reopening = !closed && this.wasClosed !== false;
      const touched = closed
        ? pauseWaitingWork(this.deps, now)
        : reopening
          ? drainPausedWork(this.deps, now)
          : [];
      for (const jobId of touched) this.deps.bus.publish(jobId);
      if (touched.length > 0) {
        this.deps.logger.info(
          { jobs: touched.length },
          closed ? 'paused waiting work' : 'resumed paused work',
        );
      }
    } catch (err) {
      // SQLITE_BUSY and the like: the state is not recorded, so the next loop tries again.
      this.deps.logger.warn({ err, closed }, 'could not pause or resume work');
      return closed;
    }
    if (closed || this.wasClosed) this.report(gate, closed);
    this.wasClosed = closed;
    return closed;
  }

  private report(gate: WorkGate, closed: boolean): void {
    const now = this.deps.clock();
    const last = this.lastReport;
    const inFlight = this.inFlight.size;
    if (last && last.closed === closed && last.inFlight === inFlight && now - last.at < REPORT_EVERY_MS)
      return;
    this.lastReport = { inFlight, closed, at: now };
    gate.report({ workerId: this.options.workerId, inFlight, closed });
  }

  private async execute(task: Task): Promise<void> {
    // Renew at a third of the lease so one slow renewal never lets it lapse.
    const timer = setInterval(
      () => {
        this.deps.queue.heartbeat(task, this.deps.clock());
      },
      Math.max(250, Math.floor(this.options.leaseMs / 3)),
    );
    try {
      await runTask(this.deps, task);
    } catch (err) {
      this.deps.logger.error({ err, taskId: task.id }, 'task runner crashed');
    } finally {
      clearInterval(timer);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeSleeper = () => {
        this.wakeSleeper = undefined;
        done();
      };
    });
  }

  private notifyIdle(): void {
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
