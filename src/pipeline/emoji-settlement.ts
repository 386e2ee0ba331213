import type { EmojiVersion, Job } from '../domain/job.ts';
import type { PlatformId } from '../domain/platforms.ts';
import type { PipelineDeps } from './deps.ts';

type Deps = Pick<PipelineDeps, 'jobs' | 'versions' | 'events' | 'charges'>;

/** The platforms a job still makes: the ones it asked for, minus those this machine cannot make. */
export function madePlatforms(job: Job): PlatformId[] {
  return job.platforms.filter((p) => job.unavailable[p] === undefined);
}

/**
 * Finishes a render once every platform the job still makes has its file: completed
 * when all files pass their platform's rules, failed (naming each broken rule)
 * otherwise. Runs inside the committing transaction; events are written only on
 * the transition itself, so a repeated call records nothing twice.
 */
export function settleVersion(deps: Deps, jobId: string, index: number, version: number, now: number): void {
  const job = deps.jobs.find(jobId);
  const v = deps.versions.find(jobId, index, version);
  if (!job || !v || (v.status !== 'pending' && v.status !== 'running')) return;
  const platforms = madePlatforms(job);
  const { outputs } = v;
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
  finishVersion(deps, job, v, reason, now);
}

/** Settles every unfinished render of a job that has its frames (after a platform was set aside). */
export function settleVersions(deps: Deps, jobId: string, now: number): void {
  for (const v of deps.versions.unfinished(jobId)) {
    if (v.masterKey) settleVersion(deps, jobId, v.index, v.version, now);
  }
}

/** Fails a render for good (a task that will not be retried), with a reason the user can read. */
export function failVersion(
  deps: Deps,
  job: Job,
  index: number,
  version: number,
  reason: string,
  now: number,
) {
  const v = deps.versions.find(job.id, index, version);
  if (v) finishVersion(deps, job, v, reason, now);
}

/**
 * The end of a render. The set's first render is what the emoji shows, failed or
 * not. A re-render the user asked for replaces what the emoji shows only when it
 * worked (the user can go back to any version); one that failed is refunded and
 * leaves the emoji as it was. A failed set whose last failed emoji now works
 * becomes complete.
 */
function finishVersion(deps: Deps, job: Job, v: EmojiVersion, reason: string | null, now: number): void {
  if (!deps.versions.finish(job.id, v.index, v.version, reason ? 'failed' : 'completed', reason, now)) return;
  const shown = deps.jobs.emoji(job.id, v.index)?.version === v.version;
  if (reason) deps.charges.refund(job.id, v.index, v.version, now);
  if (shown || !reason) deps.jobs.showVersion(job.id, v.index, v.version, now);
  // Finishing changes a version's status, never its files: `v` still has them all.
  const platforms = madePlatforms(job);
  const preview = v.outputs[platforms[0]];
  deps.events.append({
    userId: job.userId,
    jobId: job.id,
    type: reason ? 'emoji.failed' : 'emoji.completed',
    payload: reason
      ? { index: v.index, action: v.action, version: v.version, reason }
      : {
          index: v.index,
          action: v.action,
          version: v.version,
          assetId: preview?.assetId,
          bytes: preview?.bytes,
          validation: Object.fromEntries(platforms.map((p) => [p, v.outputs[p]?.validation])),
        },
    now,
  });
  if (!reason && v.origin !== 'initial' && deps.jobs.recover(job.id, now)) {
    deps.events.append({
      userId: job.userId,
      jobId: job.id,
      type: 'job.completed',
      payload: { recovered: true },
      now,
    });
  }
}
