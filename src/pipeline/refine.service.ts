import { createHash } from 'node:crypto';
import type { ActionParams } from '../domain/actions.ts';
import { findAction } from '../domain/actions.ts';
import { type EmojiParamsInput, parseEmojiParams } from '../domain/emoji-params.ts';
import { AppError } from '../domain/errors.ts';
import type { EmojiResult, EmojiVersion, EventType, Job, VersionOrigin } from '../domain/job.ts';
import { keys, type PipelineDeps } from './deps.ts';
import type { IdempotencyRequest, IdempotencyService } from './idempotency.ts';

/** The daily limit, checked before a re-render is queued; throws an AppError (429) to refuse. */
export interface RenderAdmission {
  admitRenders(userId: string, emojiCount: number, requestId: string | undefined, now: number): void;
}

/** What a regenerate may change; a field left out keeps the current value, null clears an optional one. */
export interface RegenerateInput extends EmojiParamsInput {
  action?: string;
}

/** The reply to a retry or regenerate: the version being rendered. */
export interface RenderStarted {
  jobId: string;
  index: number;
  version: number;
  status: 'pending';
}

/** The reply to a re-render of the whole set: the versions being rendered, and the emojis busy already. */
export interface RerenderStarted {
  jobId: string;
  renders: { index: number; version: number }[];
  skipped: number[];
  status: 'pending';
}

/** The action and knobs of the next version, from the version shown now. */
type RenderPlan = (current: EmojiVersion, version: number) => { action: string; params: ActionParams };

/** Who asks, and the request's id and Idempotency-Key. */
export interface Caller {
  userId: string;
  requestId?: string;
  idempotency?: IdempotencyRequest;
}

/**
 * Refining a finished set: re-render one emoji (retry: same knobs, a new variant;
 * regenerate: changed knobs), keep every render as a version and choose which one
 * the set shows, approve emojis, delete the set. Every change records its event in
 * the transaction that makes it. Another user's job is not found, on every call.
 */
export class RefineService {
  constructor(
    private readonly deps: PipelineDeps,
    private readonly idempotency: IdempotencyService,
    private readonly admission: RenderAdmission | undefined,
    private readonly onEnqueued: () => void = () => {},
  ) {}

  /** Renders a new variant of the emoji with its current knobs (a different seed). */
  retry(jobId: string, index: number, caller: Caller) {
    return this.startRender(jobId, index, caller, 'retry', (current, version) => ({
      action: current.action,
      params: { ...current.params, seed: variantSeed(jobId, index, version) },
    }));
  }

  /** Renders the emoji with changed knobs (action, speed, intensity, caption, accent). */
  regenerate(jobId: string, index: number, input: RegenerateInput, caller: Caller) {
    const action = input.action === undefined ? undefined : String(input.action).trim().toLowerCase();
    if (action !== undefined && !findAction(action))
      throw new AppError('unknown_action', `unknown action: ${action} (see GET /api/config for the catalog)`);
    return this.startRender(jobId, index, caller, 'regenerate', (current) => {
      const merged: EmojiParamsInput = {};
      for (const knob of ['caption', 'accent', 'speed', 'intensity'] as const)
        merged[knob] = knob in input ? input[knob] : current.params[knob];
      const params: ActionParams = parseEmojiParams(merged, `emoji ${index + 1}`);
      if (current.params.seed !== undefined) params.seed = current.params.seed;
      return { action: action ?? current.action, params };
    });
  }

  /** Approves the emoji as it is shown now; approving it again changes nothing. */
  approve(jobId: string, index: number, caller: Caller): EmojiResult {
    return this.write(() => {
      const { job, emoji } = this.emoji(jobId, index, caller.userId);
      if (emoji.status !== 'completed')
        throw new AppError(
          'conflict',
          `emoji ${index + 1} is ${emoji.status}; only a finished emoji can be approved`,
        );
      if (emoji.approvedAt === null) this.approveOne(job, emoji, caller);
      return this.deps.jobs.emoji(jobId, index)!;
    });
  }

  /** Takes an approval back. */
  unapprove(jobId: string, index: number, caller: Caller): EmojiResult {
    return this.write(() => {
      const { job, emoji } = this.emoji(jobId, index, caller.userId);
      if (emoji.approvedAt !== null) {
        const now = this.deps.clock();
        this.deps.jobs.setApproved(jobId, index, null, now);
        this.record(job, 'emoji.unapproved', { index, version: emoji.version }, caller, now);
      }
      return this.deps.jobs.emoji(jobId, index)!;
    });
  }

  /** Approves every finished emoji of the set; returns how many were newly approved. */
  approveAll(jobId: string, caller: Caller): { approved: number; total: number } {
    return this.write(() => {
      const job = this.job(jobId, caller.userId);
      const emojis = this.deps.jobs.emojis(jobId);
      const fresh = emojis.filter((e) => e.status === 'completed' && e.approvedAt === null);
      for (const emoji of fresh) this.approveOne(job, emoji, caller);
      return { approved: fresh.length, total: emojis.filter((e) => e.status === 'completed').length };
    });
  }

  /** Every render of the emoji, oldest first, and which one the set shows. */
  versions(jobId: string, index: number, userId: string): { current: number; versions: EmojiVersion[] } {
    const { emoji } = this.emoji(jobId, index, userId);
    return { current: emoji.version, versions: this.deps.versions.list(jobId, index) };
  }

  /** Makes a finished version the one the set shows. */
  selectVersion(jobId: string, index: number, version: number, caller: Caller): EmojiResult {
    return this.write(() => {
      const { job, emoji } = this.emoji(jobId, index, caller.userId);
      const v = this.deps.versions.find(jobId, index, version);
      if (!v) throw new AppError('not_found', `emoji ${index + 1} has no version ${version}`);
      if (v.status !== 'completed') {
        throw new AppError(
          'conflict',
          v.status === 'failed'
            ? `version ${version} failed (${v.error ?? 'no reason recorded'}); choose a finished one`
            : `version ${version} is still rendering`,
        );
      }
      if (emoji.version !== version) {
        const now = this.deps.clock();
        this.deps.jobs.showVersion(jobId, index, version, now);
        this.record(job, 'emoji.version_selected', { index, version, from: emoji.version }, caller, now);
      }
      return this.deps.jobs.emoji(jobId, index)!;
    });
  }

  /**
   * Deletes the set: its rows (emojis, versions, tasks, assets) and then its files.
   * The audit trail keeps the set's events and a `job.deleted`; the quota it used stays used.
   */
  async deleteJob(jobId: string, caller: Caller): Promise<void> {
    this.write(() => {
      const job = this.job(jobId, caller.userId);
      const emojis = this.deps.jobs.emojis(jobId).length;
      const now = this.deps.clock();
      this.deps.jobs.delete(jobId);
      this.record(job, 'job.deleted', { status: job.status, emojis, platforms: job.platforms }, caller, now);
    });
    this.deps.bus.publish(jobId);
    try {
      await this.deps.storage.deletePrefix(keys.jobPrefix(jobId));
    } catch (err) {
      // The rows are gone, so nothing can reach these files; log and let an operator sweep.
      this.deps.logger.error({ err, jobId }, 'could not delete the files of a deleted job');
    }
  }

  /**
   * Re-renders every emoji of the set with its current knobs and seed, as after a matte
   * touch-up: each gets a new version that differs only by the cut-out it is drawn from.
   * An emoji that is rendering already is left to finish and reported as skipped. The
   * quota is checked for all of them at once, so the set is re-rendered whole or not at all.
   */
  rerenderAll(jobId: string, caller: Caller) {
    const replayed = caller.idempotency && this.idempotency.replay(caller.idempotency);
    if (replayed) return replayed;
    const pending = () => {
      const job = this.job(jobId, caller.userId);
      const busy = new Set(this.deps.versions.unfinished(jobId).map((v) => v.index));
      const emojis = this.deps.jobs.emojis(jobId);
      return { job, due: emojis.filter((e) => !busy.has(e.index)), skipped: [...busy].sort((a, b) => a - b) };
    };
    // As in startRender: checked outside the transaction so a refusal's event is kept, and again under the lock.
    const first = pending();
    if (first.due.length > 0)
      this.admission?.admitRenders(caller.userId, first.due.length, caller.requestId, this.deps.clock());
    const answer = this.idempotency.once(caller.idempotency, 202, (): RerenderStarted => {
      const { job, due, skipped } = pending();
      const now = this.deps.clock();
      if (due.length > 0) this.admission?.admitRenders(caller.userId, due.length, caller.requestId, now);
      const renders = due.map((emoji) =>
        this.queueRender(job, emoji, 'regenerate', caller, now, (current) => ({
          action: current.action,
          params: current.params,
        })),
      );
      return {
        jobId,
        renders: renders.map(({ index, version }) => ({ index, version })),
        skipped,
        status: 'pending',
      };
    });
    if (!answer.replayed) {
      this.onEnqueued();
      this.deps.bus.publish(jobId);
    }
    return answer;
  }

  private startRender(
    jobId: string,
    index: number,
    caller: Caller,
    origin: Exclude<VersionOrigin, 'initial'>,
    next: RenderPlan,
  ) {
    const replayed = caller.idempotency && this.idempotency.replay(caller.idempotency);
    if (replayed) return replayed;
    this.emoji(jobId, index, caller.userId);
    // Checked first outside the transaction, so a refusal's quota.exceeded event is kept
    // (inside, the throw rolls the transaction back), and again under the lock.
    this.admission?.admitRenders(caller.userId, 1, caller.requestId, this.deps.clock());
    const answer = this.idempotency.once(caller.idempotency, 202, (): RenderStarted => {
      const { job, emoji } = this.emoji(jobId, index, caller.userId);
      const busy = this.deps.versions.unfinished(jobId).find((v) => v.index === index);
      if (busy)
        throw new AppError(
          'conflict',
          `emoji ${index + 1} is already being rendered (version ${busy.version})`,
        );
      const now = this.deps.clock();
      this.admission?.admitRenders(caller.userId, 1, caller.requestId, now);
      return this.queueRender(job, emoji, origin, caller, now, next);
    });
    if (!answer.replayed) {
      this.onEnqueued();
      this.deps.bus.publish(jobId);
    }
    return answer;
  }

  /** Inside a write transaction: a new version of `emoji`, charged, queued and recorded. */
  private queueRender(
    job: Job,
    emoji: EmojiResult,
    origin: Exclude<VersionOrigin, 'initial'>,
    caller: Caller,
    now: number,
    next: RenderPlan,
  ): RenderStarted {
    const { deps } = this;
    const { index } = emoji;
    const current = deps.versions.find(job.id, index, emoji.version);
    if (!current) throw new AppError('internal', `emoji ${index + 1} has no version ${emoji.version}`);
    const version = deps.versions.nextVersion(job.id, index);
    const { action, params } = next(current, version);
    deps.versions.insert({ jobId: job.id, index, version, origin, action, params }, now);
    deps.charges.charge(caller.userId, job.id, index, version, now);
    deps.queue.enqueue([{ jobId: job.id, kind: 'animate', emojiIndex: index, version }], now);
    const type: EventType = origin === 'retry' ? 'emoji.retried' : 'emoji.regenerated';
    this.record(job, type, { index, version, from: emoji.version, action, params }, caller, now);
    return { jobId: job.id, index, version, status: 'pending' };
  }

  private approveOne(job: Job, emoji: EmojiResult, caller: Caller): void {
    const now = this.deps.clock();
    this.deps.jobs.setApproved(job.id, emoji.index, now, now);
    this.record(job, 'emoji.approved', { index: emoji.index, version: emoji.version }, caller, now);
  }

  /** The caller's job, refinable: finished, and past the cut-out (a set that failed before has nothing to refine). */
  private job(jobId: string, userId: string): Job {
    const job = this.deps.jobs.find(jobId, userId);
    if (!job) throw new AppError('not_found', 'no such job');
    if (job.status !== 'completed' && job.status !== 'failed')
      throw new AppError(
        'not_ready',
        `the set is still being made (${job.status}); refine it when it is finished`,
      );
    if (job.stage === 'prepare')
      throw new AppError(
        'conflict',
        `this set failed before its emojis were made: ${job.error ?? 'no reason'}`,
      );
    return job;
  }

  private emoji(jobId: string, index: number, userId: string): { job: Job; emoji: EmojiResult } {
    const job = this.job(jobId, userId);
    const emoji = Number.isInteger(index) ? this.deps.jobs.emoji(jobId, index) : undefined;
    if (!emoji) throw new AppError('not_found', `this set has no emoji ${index}`);
    return { job, emoji };
  }

  private record(job: Job, type: EventType, payload: Record<string, unknown>, caller: Caller, now: number) {
    this.deps.events.append({
      userId: job.userId,
      jobId: job.id,
      type,
      payload,
      requestId: caller.requestId,
      now,
    });
  }

  /** Runs a read-check-write under the write lock, so two requests never both pass the same check. */
  private write<T>(work: () => T): T {
    return this.deps.db.transaction(work).immediate();
  }
}

/** The seed of a retry that becomes `version`: different for every job, emoji and version, the same on every machine. */
function variantSeed(jobId: string, index: number, version: number): number {
  return createHash('sha256').update(`${jobId}:${index}:${version}`).digest().readUInt32BE(0) & 0x7fffffff;
}
