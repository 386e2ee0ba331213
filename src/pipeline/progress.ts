import type { Job } from '../domain/job.ts';
import type { Task } from '../queue/task-queue.ts';
import type { PipelineDeps } from './deps.ts';
import { failVersion, madePlatforms } from './emoji-settlement.ts';

type Deps = Pick<PipelineDeps, 'jobs' | 'versions' | 'events' | 'queue' | 'charges'>;

/**
 * Moves a job through its stages once the tasks of a stage have all finished.
 * Runs inside the transaction that finished the last task, so a stage's
 * completion event is written exactly once, with the change it records.
 */
export function advance(deps: Deps, jobId: string, now: number): void {
  for (;;) {
    const job = deps.jobs.find(jobId);
    if (!job || job.status === 'completed' || job.status === 'failed') return;
    const stageDone = (stage: string) =>
      deps.events.append({ userId: job.userId, jobId, type: 'job.stage_completed', payload: { stage }, now });

    if (job.stage === 'animate') {
      if (deps.queue.openCount(jobId, ['animate']) > 0) return;
      stageDone('animate');
      deps.jobs.update(jobId, { stage: 'encode' }, now);
    } else if (job.stage === 'encode') {
      if (deps.queue.openCount(jobId, ['animate', 'encode']) > 0) return;
      const platforms = madePlatforms(job);
      if (platforms.length === 0) {
        const reasons = Object.values(job.unavailable).join('; ');
        failJob(deps, job, `none of the chosen platforms can be made here (${reasons})`, now);
        return;
      }
      const failed = deps.jobs.emojis(jobId).filter((e) => e.status === 'failed');
      if (failed.length > 0) {
        const list = failed.map((e) => `#${e.index + 1} ${e.action}: ${e.error ?? 'failed'}`).join('; ');
        failJob(deps, job, `${failed.length} of the emojis could not be made (${list})`, now);
        return;
      }
      stageDone('encode');
      deps.queue.enqueue(
        platforms.map((platform) => ({ jobId, kind: 'package' as const, platform })),
        now,
      );
      deps.jobs.update(jobId, { stage: 'package' }, now);
    } else if (job.stage === 'package') {
      if (deps.queue.openCount(jobId, ['package']) > 0) return;
      stageDone('package');
      deps.jobs.update(jobId, { status: 'completed', stage: 'done' }, now);
      deps.events.append({ userId: job.userId, jobId, type: 'job.completed', payload: {}, now });
      return;
    } else {
      return;
    }
  }
}

/** Fails the job with a reason a user can read and drops its unfinished tasks. */
export function failJob(deps: Deps, job: Job, reason: string, now: number): void {
  if (!deps.jobs.update(job.id, { status: 'failed', error: reason }, now)) return;
  deps.queue.cancelJob(job.id, reason, now);
  // The user gets no set: none of its renders count against the daily quota.
  deps.charges.refundJob(job.id, now);
  deps.events.append({ userId: job.userId, jobId: job.id, type: 'job.failed', payload: { reason }, now });
}

/**
 * Records a task that will not be retried. An emoji's own failure fails only that
 * render (the others go on, and the job reports it when the stage ends); a failure
 * of a job-wide stage fails the job.
 */
export function recordTaskFailure(deps: Deps, task: Task, job: Job, reason: string, now: number): void {
  if (task.kind === 'animate' || task.kind === 'encode') {
    failVersion(deps, job, task.emojiIndex, task.version, reason, now);
    advance(deps, job.id, now);
  } else {
    failJob(deps, job, reason, now);
  }
}
