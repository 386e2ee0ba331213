import type { FlagStore } from '../availability/flag.ts';
import type { PipelineDeps } from '../pipeline/deps.ts';
import { drainPausedWork, pauseWaitingWork } from '../pipeline/pause.ts';
import type { OpsClock } from './http.ts';

/** Work in flight as the controller sees it. */
export interface InFlight {
  inFlight: number;
  /** Every worker that could hold work has paused (or none is running). */
  settled: boolean;
  detail: string;
}

/** How the controller sees and moves pipeline work: in the database itself, or through worker reports. */
export interface WorkProbe {
  readonly where: 'database' | 'reports';
  inFlight(): Promise<InFlight>;
  /** Pauses waiting work (database only; remote workers pause themselves). */
  pause?(): number;
  /** Re-dispatches paused work (database only; remote workers drain when they see the flag clear). */
  drain?(): number;
  /** Paused tasks (database only). */
  paused?(): number;
}

/** The embedded case: the controller opens the same database as the server and acts on it directly. */
export class DatabaseWork implements WorkProbe {
  readonly where = 'database';

  constructor(
    private readonly deps: Pick<PipelineDeps, 'db' | 'jobs' | 'events' | 'queue'>,
    private readonly clock: OpsClock,
  ) {}

  async inFlight(): Promise<InFlight> {
    const n = this.deps.queue.inFlightCount(this.clock.now());
    return { inFlight: n, settled: n === 0, detail: `${n} task(s) under a live lease` };
  }

  pause(): number {
    return pauseWaitingWork(this.deps, this.clock.now()).length;
  }

  drain(): number {
    return drainPausedWork(this.deps, this.clock.now()).length;
  }

  paused(): number {
    return this.deps.queue.pausedCount();
  }
}

/** Remote workers (Fly machines): what each reported to the shared flag store. */
export class ReportedWork implements WorkProbe {
  readonly where = 'reports';

  constructor(
    private readonly store: FlagStore,
    private readonly clock: OpsClock,
  ) {}

  async inFlight(): Promise<InFlight> {
    const reports = await this.store.reports(this.clock.now());
    const busy = reports.filter((r) => !r.closed || r.inFlight > 0);
    const n = reports.reduce((sum, r) => sum + r.inFlight, 0);
    return {
      inFlight: n,
      settled: busy.length === 0,
      detail: `${reports.length} worker(s) reporting, ${busy.length} not paused yet, ${n} task(s) in flight`,
    };
  }
}
