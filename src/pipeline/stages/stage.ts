import type { Job } from '../../domain/job.ts';
import type { Task } from '../../queue/task-queue.ts';
import type { PipelineDeps } from '../deps.ts';

/**
 * A stage does its slow work (rendering, encoding, file writes) outside any
 * transaction, and returns the state change to commit. The runner commits it in
 * one transaction with the task's completion, and only while it still holds the
 * lease; files are written under deterministic keys, so a retried task
 * overwrites rather than duplicates.
 */
export type StageHandler = (deps: PipelineDeps, task: Task, job: Job) => Promise<(now: number) => void>;

/** An error that retrying cannot fix (bad input, a rule the output cannot meet). */
export class PermanentError extends Error {
  override name = 'PermanentError';
}
