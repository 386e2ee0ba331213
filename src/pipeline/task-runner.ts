import { isAppError } from '../domain/errors.ts';
import { backoffMs, type Task } from '../queue/task-queue.ts';
import { keys, type PipelineDeps } from './deps.ts';
import { advance, recordTaskFailure } from './progress.ts';
import { animateStage } from './stages/animate.stage.ts';
import { encodeStage } from './stages/encode.stage.ts';
import { packageStage } from './stages/package.stage.ts';
import { prepareStage } from './stages/prepare.stage.ts';
import { PermanentError, type StageHandler } from './stages/stage.ts';

const STAGES: Record<Task['kind'], StageHandler> = {
  prepare: prepareStage,
  animate: animateStage,
  encode: encodeStage,
  package: packageStage,
};

class LeaseLostError extends Error {
  override name = 'LeaseLostError';
}

/**
 * Runs one claimed task to the end: the stage's work, then its state change,
 * the task's completion and any stage transition in one transaction. A failure
 * is retried with backoff, or recorded for good when retrying cannot help.
 */
export async function runTask(deps: PipelineDeps, task: Task): Promise<'done' | 'retry' | 'failed' | 'lost'> {
  const job = deps.jobs.find(task.jobId);
  // A re-render the user asked for runs on a finished set; the set's own tasks stop with it.
  const rerender = task.version > 1;
  if (!job || (!rerender && (job.status === 'completed' || job.status === 'failed'))) {
    deps.queue.complete(task, deps.clock());
    return 'done';
  }
  if (job.status === 'queued') deps.jobs.update(job.id, { status: 'running' }, deps.clock());

  try {
    if (task.attempts > task.maxAttempts) {
      throw new PermanentError(`gave up after ${task.maxAttempts} attempts`);
    }
    const commit = await STAGES[task.kind](deps, task, job);
    deps.db.transaction(() => {
      const now = deps.clock();
      if (!deps.queue.complete(task, now)) throw new LeaseLostError();
      commit(now);
      advance(deps, job.id, now);
    })();
    deps.bus.publish(job.id);
    return 'done';
  } catch (err) {
    if (err instanceof LeaseLostError) {
      if (!deps.jobs.find(job.id)) {
        // The job was deleted while this task ran: remove what the task wrote after the delete.
        await deps.storage.deletePrefix(keys.jobPrefix(job.id));
        return 'lost';
      }
      deps.logger.warn({ taskId: task.id, kind: task.kind }, 'task lease lost; another worker owns it now');
      return 'lost';
    }
    const message = err instanceof Error ? err.message : String(err);
    const permanent = err instanceof PermanentError || isAppError(err) || task.attempts >= task.maxAttempts;
    const now = deps.clock();
    if (!permanent) {
      deps.logger.warn(
        { taskId: task.id, kind: task.kind, attempt: task.attempts, err },
        'task failed; will retry',
      );
      return deps.queue.retry(task, message, now + backoffMs(task.attempts), now) ? 'retry' : 'lost';
    }
    deps.logger.error({ taskId: task.id, kind: task.kind, err }, 'task failed for good');
    let owned = false;
    deps.db.transaction(() => {
      owned = deps.queue.fail(task, message, now);
      if (owned) recordTaskFailure(deps, task, job, message, now);
    })();
    deps.bus.publish(job.id);
    return owned ? 'failed' : 'lost';
  }
}
