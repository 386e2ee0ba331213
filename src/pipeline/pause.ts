import type { PausedTask } from '../queue/task-queue.ts';
import type { PipelineDeps } from './deps.ts';

type Deps = Pick<PipelineDeps, 'db' | 'jobs' | 'events' | 'queue'>;

/**
 * Off hours at a task boundary. Work nobody holds is set aside as `paused`;
 * work in flight finishes and commits as usual, and what it enqueues is paused
 * by the next sweep. Each emoji whose next step becomes held records one
 * `emoji.paused`, in the transaction that pauses it, so a repeated sweep
 * records nothing twice. Returns the jobs it touched, for progress wake-ups.
 */
export function pauseWaitingWork(deps: Deps, now: number): string[] {
  return deps.db.transaction(() => {
    const paused = deps.queue.pauseWaiting(now);
    if (paused.length === 0) return [];
    const newIds = new Set(paused.map((t) => t.id));
    const jobIds = [...new Set(paused.map((t) => t.jobId))];
    const all = deps.queue.pausedOf(jobIds);
    const before = heldEmojis(
      deps,
      all.filter((t) => !newIds.has(t.id)),
    );
    const after = heldEmojis(deps, all);
    for (const jobId of jobIds) {
      const job = deps.jobs.find(jobId);
      if (!job || job.status === 'completed' || job.status === 'failed') continue;
      if (job.status !== 'paused') deps.jobs.update(jobId, { status: 'paused' }, now);
      const held = after.get(jobId) ?? new Map<number, string>();
      const heldBefore = before.get(jobId) ?? new Map<number, string>();
      for (const emoji of deps.jobs.emojis(jobId)) {
        const stage = held.get(emoji.index);
        if (stage === undefined || heldBefore.has(emoji.index)) continue;
        if (emoji.status !== 'pending' && emoji.status !== 'running') continue;
        deps.events.append({
          userId: job.userId,
          jobId,
          type: 'emoji.paused',
          payload: { index: emoji.index, action: emoji.action, stage },
          now,
        });
      }
    }
    return jobIds;
  })();
}

/**
 * Wake-up: puts all paused work back in the queue and the jobs back to
 * running, in one transaction. Running it again finds nothing to do.
 */
export function drainPausedWork(deps: Deps, now: number): string[] {
  return deps.db.transaction(() => {
    const jobIds = deps.queue.resumePaused(now);
    for (const jobId of jobIds) {
      const job = deps.jobs.find(jobId);
      if (job?.status !== 'paused') continue;
      // A job paused before its first task ran was never running.
      deps.jobs.update(jobId, { status: job.stage === 'prepare' ? 'queued' : 'running' }, now);
    }
    return jobIds;
  })();
}

/** Per job, the emojis whose next step a paused task holds (and that task's kind): a prepare holds them all. */
function heldEmojis(deps: Deps, tasks: PausedTask[]): Map<string, Map<number, string>> {
  const held = new Map<string, Map<number, string>>();
  for (const t of tasks) {
    let emojis = held.get(t.jobId);
    if (!emojis) {
      emojis = new Map();
      held.set(t.jobId, emojis);
    }
    if (t.kind === 'animate' || t.kind === 'encode') emojis.set(t.emojiIndex, t.kind);
    else if (t.kind === 'prepare') for (const e of deps.jobs.emojis(t.jobId)) emojis.set(e.index, t.kind);
  }
  return held;
}
