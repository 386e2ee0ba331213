import type { Task } from '../queue/task-queue.ts';
import type { PipelineDeps } from './deps.ts';
import { runTask } from './task-runner.ts';

export interface WorkerOptions {
  workerId: string;
  concurrency: number;
  leaseMs: number;
  /** Longest sleep between looks at the queue when nothing wakes the worker. */
  pollMs?: number;
}

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
      while (!this.stopping && this.inFlight.size < this.options.concurrency) {
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
