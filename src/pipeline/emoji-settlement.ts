import type { Job } from '../domain/job.ts';
import type { PlatformId } from '../domain/platforms.ts';
import type { PipelineDeps } from './deps.ts';

type Deps = Pick<PipelineDeps, 'jobs' | 'events'>;

/** The platforms a job still makes: the ones it asked for, minus those this machine cannot make. */
export function madePlatforms(job: Job): PlatformId[] {
  return job.platforms.filter((p) => job.unavailable[p] === undefined);
}

/**
 * Finishes an emoji once every platform the job still makes has its file: completed
 * when all files pass their platform's rules, failed (naming each broken rule)
 * otherwise. Runs inside the committing transaction; the event is written only on
 * the transition itself, so a repeated call records nothing twice.
 */
export function settleEmoji(deps: Deps, jobId: string, index: number, now: number): void {
  const job = deps.jobs.find(jobId);
  const emoji = deps.jobs.emoji(jobId, index);
  if (!job || !emoji || (emoji.status !== 'pending' && emoji.status !== 'running')) return;
  const platforms = madePlatforms(job);
  const { outputs } = emoji;
  if (platforms.length > 0 && !platforms.every((p) => outputs[p])) return;
  const failing = platforms.flatMap((p) =>
    (outputs[p]?.validation.checks ?? []).filter((c) => !c.ok).map((c) => `${p}: ${c.message}`),
  );
  const reason =
    platforms.length === 0
      ? `none of the chosen platforms can be made here (${Object.values(job.unavailable).join('; ')})`
      : failing.length > 0
        ? `does not pass the platform rules (${failing.join('; ')})`
        : null;
  if (!deps.jobs.finishEmoji(jobId, index, reason ? 'failed' : 'completed', reason, now)) return;
  const preview = outputs[platforms[0]];
  deps.events.append({
    userId: job.userId,
    jobId,
    type: reason ? 'emoji.failed' : 'emoji.completed',
    payload: reason
      ? { index, action: emoji.action, reason }
      : {
          index,
          action: emoji.action,
          assetId: preview?.assetId,
          bytes: preview?.bytes,
          validation: Object.fromEntries(platforms.map((p) => [p, outputs[p]?.validation])),
        },
    now,
  });
}

/** Settles every unfinished emoji of a job that has its frames (after a platform was set aside). */
export function settleEmojis(deps: Deps, jobId: string, now: number): void {
  for (const emoji of deps.jobs.emojis(jobId)) {
    if (emoji.masterKey && (emoji.status === 'pending' || emoji.status === 'running'))
      settleEmoji(deps, jobId, emoji.index, now);
  }
}
