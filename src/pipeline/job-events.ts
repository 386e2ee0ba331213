import { EventEmitter } from 'node:events';

/**
 * In-process wake-ups for progress streams: the pipeline calls `publish` after
 * it commits events for a job. Listeners still read the events from the
 * database, so a stream served by another process only loses promptness (it
 * falls back to polling), never events.
 */
export class JobEventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  /** Wakes every listener of the job. */
  publish(jobId: string): void {
    this.emitter.emit(jobId);
  }

  /** Calls `listener` on each wake of the job; returns the unsubscribe function. */
  subscribe(jobId: string, listener: () => void): () => void {
    this.emitter.on(jobId, listener);
    return () => this.emitter.off(jobId, listener);
  }
}
