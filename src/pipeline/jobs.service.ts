import { type ActionParams, findAction, MAX_SET_SIZE } from '../domain/actions.ts';
import { findCharacter, resolveCharacterColor } from '../domain/characters.ts';
import { type EmojiParamsInput, parseEmojiParams } from '../domain/emoji-params.ts';
import { AppError } from '../domain/errors.ts';
import type { EmojiResult, EmojiVersion, Job, JobEvent, JobSource, JobStatus } from '../domain/job.ts';
import { isPlatformId, PLATFORM_IDS, PLATFORMS, type PlatformId } from '../domain/platforms.ts';
import { decodeUpload, type UploadLimits } from '../media/upload.decoder.ts';
import { registerAsset } from './assets.ts';
import { keys, type PipelineDeps } from './deps.ts';
import {
  type Answer,
  type IdempotencyRequest,
  type IdempotencyService,
  KeyAlreadyClaimed,
} from './idempotency.ts';
import { toPng } from './image-io.ts';
import { setSizeProblem } from './platform-support.ts';
import { buildPlatformZip } from './platform-zip.ts';

export interface CreateJobInput {
  userId: string;
  /** A built-in character, or an uploaded image: exactly one. */
  character?: { id: string; color?: string };
  upload?: { bytes: Uint8Array; fileName: string | null };
  /** Action ids, one per emoji; or `emojis` with per-emoji knobs (exactly one of the two). */
  actions?: string[];
  emojis?: EmojiRequest[];
  platforms?: string[];
  /** The HTTP request creating the job; recorded on the job and carried into its events. */
  requestId?: string;
  /** The request's Idempotency-Key, for `createOnce`. */
  idempotency?: IdempotencyRequest;
}

/** A job as the API shows it: its emojis, and the renders the user asked for that are still running. */
export interface JobView {
  job: Job;
  emojis: EmojiResult[];
  refine: { renders: EmojiVersion[]; failed: EmojiVersion[]; versionCounts: Map<number, number> };
}

/** The archive's status filters. */
export type JobListFilter = 'completed' | 'failed' | 'unfinished';
const LIST_FILTERS: Record<JobListFilter, readonly JobStatus[]> = {
  completed: ['completed'],
  failed: ['failed'],
  unfinished: ['queued', 'running', 'paused'],
};

/** True when `value` names an archive filter. */
export function isJobListFilter(value: string): value is JobListFilter {
  return Object.hasOwn(LIST_FILTERS, value);
}

/** Per-user limits checked before a job is created; throws an AppError to refuse. */
export interface JobAdmission {
  admit(userId: string, emojiCount: number, requestId: string | undefined, now: number): void;
}

/** One emoji as a request describes it: an action id and, optionally, its knobs. */
export interface EmojiRequest extends EmojiParamsInput {
  action: string;
}

/**
 * Checks a requested emoji list: known action ids, 1 to 40 of them, valid knobs.
 * Repeats are allowed and become variants (a new seed), not copies.
 */
export function parseEmojis(requested: readonly EmojiRequest[]): { action: string; params: ActionParams }[] {
  const emojis = requested
    .map((e) => ({
      ...e,
      action: String(e.action ?? '')
        .trim()
        .toLowerCase(),
    }))
    .filter((e) => e.action !== '');
  if (emojis.length === 0) throw new AppError('invalid_actions', 'choose at least one action');
  if (emojis.length > MAX_SET_SIZE) {
    throw new AppError(
      'invalid_actions',
      `a set has at most ${MAX_SET_SIZE} emojis; ${emojis.length} were asked for`,
    );
  }
  const unknown = [...new Set(emojis.map((e) => e.action).filter((id) => !findAction(id)))];
  if (unknown.length > 0) {
    throw new AppError(
      'unknown_action',
      `unknown action${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (see GET /api/config for the catalog)`,
    );
  }
  const seen = new Map<string, number>();
  return emojis.map((e, i) => {
    const n = seen.get(e.action) ?? 0;
    seen.set(e.action, n + 1);
    const params = parseEmojiParams(e, `emoji ${i + 1} (${e.action})`);
    return { action: e.action, params: n === 0 ? params : { ...params, seed: n } };
  });
}

/** Checks a plain list of action ids (the CLI's and the form's `actions` field). */
export function parseActions(actions: readonly string[]): { action: string; params: ActionParams }[] {
  return parseEmojis(actions.map((action) => ({ action })));
}

/** Checks requested platforms: known, and fine with the set size. Defaults to LINE emoji. */
export function parsePlatforms(requested: string[] | undefined, setSize: number): PlatformId[] {
  const ids = [...new Set((requested ?? []).map((p) => p.trim().toLowerCase()).filter((p) => p !== ''))];
  if (ids.length === 0) ids.push('line-emoji');
  const platforms: PlatformId[] = [];
  for (const id of ids) {
    if (!isPlatformId(id)) {
      throw new AppError(
        'unknown_platform',
        `unknown platform ${id}; PopCon makes ${PLATFORM_IDS.join(', ')}`,
      );
    }
    const problem = setSizeProblem(PLATFORMS[id], setSize);
    if (problem) throw new AppError('invalid_actions', problem);
    platforms.push(id);
  }
  return platforms;
}

/**
 * Jobs as users see them: creation (validated before anything is written, so bad
 * input leaves nothing behind) and reads scoped to the owner.
 */
export class JobsService {
  constructor(
    private readonly deps: PipelineDeps,
    private readonly limits: UploadLimits,
    private readonly onEnqueued: () => void = () => {},
    private readonly admission?: JobAdmission,
  ) {}

  /**
   * `create` with an Idempotency-Key: the same key twice answers the first job's id
   * and starts nothing new, even when both requests race (the key is claimed in the
   * transaction that creates the job; the loser's writes roll back and its files go).
   */
  async createOnce(input: CreateJobInput, idempotency: IdempotencyService): Promise<Answer<unknown>> {
    const req = input.idempotency;
    const replayed = req && idempotency.replay(req);
    if (replayed) return replayed;
    try {
      const job = await this.create(input, (job) => {
        if (req) idempotency.claim(req, 202, { jobId: job.id });
      });
      return { statusCode: 202, body: { jobId: job.id }, replayed: false };
    } catch (err) {
      if (err instanceof KeyAlreadyClaimed)
        return { statusCode: err.answer.statusCode, body: err.answer.body, replayed: true };
      throw err;
    }
  }

  /** Validates the request, stores the source, and queues the job's first task. */
  async create(input: CreateJobInput, inTransaction: (job: Job) => void = () => {}): Promise<Job> {
    if (input.actions !== undefined && input.emojis !== undefined)
      throw new AppError('bad_request', 'send either actions or emojis, not both');
    const emojis = input.emojis ? parseEmojis(input.emojis) : parseActions(input.actions ?? []);
    const platforms = parsePlatforms(input.platforms, emojis.length);
    if (!input.character === !input.upload) {
      throw new AppError('bad_request', 'send either an image or a built-in character, not both or neither');
    }
    const { deps } = this;
    // Checked before the upload is decoded (cheap refusals), and again below under the write lock.
    this.admission?.admit(input.userId, emojis.length, input.requestId, deps.clock());
    const id = deps.newId();
    let source: JobSource;
    let sourcePng: Buffer | undefined;
    if (input.character) {
      const character = findCharacter(input.character.id);
      if (!character) throw new AppError('unknown_character', `unknown character ${input.character.id}`);
      const color = resolveCharacterColor(character, input.character.color);
      if (!color) {
        throw new AppError(
          'bad_request',
          `colour must be #rrggbb or one of ${Object.keys(character.presets).join(', ')}`,
        );
      }
      source = { kind: 'character', character: character.id, color };
    } else {
      const decoded = await decodeUpload(input.upload!.bytes, this.limits);
      sourcePng = await toPng(decoded.image);
      source = { kind: 'upload', fileName: input.upload!.fileName };
    }

    const now = deps.clock();
    const job: Job = {
      id,
      userId: input.userId,
      status: 'queued',
      stage: 'prepare',
      source,
      platforms,
      unavailable: {},
      matteVersion: 0,
      matteKey: null,
      cutoutKey: null,
      error: null,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
    };
    if (sourcePng) await deps.storage.put(keys.source(id), sourcePng);
    try {
      deps.db
        .transaction(() => {
          this.admission?.admit(input.userId, emojis.length, input.requestId, now);
          deps.jobs.insert(job, emojis, input.requestId);
          emojis.forEach((_, i) => {
            deps.charges.charge(input.userId, id, i, 1, now);
          });
          if (sourcePng) registerAsset(deps, job, keys.source(id), 'image/png', sourcePng.length, now);
          deps.queue.enqueue([{ jobId: id, kind: 'prepare' }], now);
          deps.events.append({
            userId: input.userId,
            jobId: id,
            type: 'job.created',
            payload: { actions: emojis.map((e) => e.action), platforms, source: source.kind },
            requestId: input.requestId,
            now,
          });
          inTransaction(job);
        })
        // IMMEDIATE: the limit check and the insert see the same counts, even across processes.
        .immediate();
    } catch (err) {
      await deps.storage.deletePrefix(keys.jobPrefix(id));
      throw err;
    }
    this.onEnqueued();
    deps.bus.publish(id);
    return job;
  }

  /** The job with its emojis, or a not_found error (also for another user's job). */
  get(jobId: string, userId: string): JobView {
    const job = this.deps.jobs.find(jobId, userId);
    if (!job) throw new AppError('not_found', 'no such job');
    return this.view(job);
  }

  private view(job: Job): JobView {
    return {
      job,
      emojis: this.deps.jobs.emojis(job.id),
      refine: {
        renders: this.deps.versions.unfinished(job.id),
        failed: this.deps.versions.failedRerenders(job.id),
        versionCounts: this.deps.versions.counts(job.id),
      },
    };
  }

  /** The user's jobs, newest first, with their emojis; `status` narrows to finished, failed or unfinished ones. */
  list(userId: string, status?: JobListFilter): JobView[] {
    const statuses = status === undefined ? undefined : LIST_FILTERS[status];
    return this.deps.jobs.listForUser(userId, 50, statuses).map((job) => this.view(job));
  }

  /** The job's events after `afterId` (owner only). */
  events(jobId: string, userId: string, afterId: number): JobEvent[] {
    if (!this.deps.jobs.find(jobId, userId)) throw new AppError('not_found', 'no such job');
    return this.deps.events.forJob(jobId, afterId);
  }

  /**
   * One platform's ZIP of the set as it is now (the versions the user picked), or of
   * its approved emojis only, numbered 1…n as the platform requires. Built on each
   * download from the stored files, so it always matches what the page shows.
   */
  async download(
    jobId: string,
    userId: string,
    platform: string,
    opts: { approvedOnly?: boolean } = {},
  ): Promise<{ fileName: string; data: Uint8Array }> {
    const job = this.deps.jobs.find(jobId, userId);
    if (!job) throw new AppError('not_found', 'no such job');
    if (!isPlatformId(platform) || !job.platforms.includes(platform)) {
      throw new AppError('not_found', `this job has no ${platform} set`);
    }
    const rules = PLATFORMS[platform];
    const unavailable = job.unavailable[platform];
    if (unavailable !== undefined)
      throw new AppError('not_found', `${rules.label} files were not made: ${unavailable}`);
    const all = this.deps.jobs.emojis(job.id);
    let chosen: EmojiResult[];
    if (opts.approvedOnly) {
      if (job.stage === 'prepare') throw new AppError('not_ready', `the set is not made yet (${job.status})`);
      chosen = all.filter((e) => e.approvedAt !== null && e.status === 'completed');
      if (chosen.length === 0) throw new AppError('not_ready', 'no emoji of this set is approved yet');
    } else {
      if (job.status !== 'completed')
        throw new AppError('not_ready', `the set is not finished yet (${job.status})`);
      chosen = all;
    }
    const unfit = chosen.find((emoji) => !emoji.outputs[platform]?.validation.ok);
    if (unfit)
      throw new AppError(
        'conflict',
        `emoji ${unfit.index + 1} has no ${rules.label} file that passes its rules`,
      );
    return {
      fileName: `popcon-${platform}-${job.id.slice(0, 8)}${opts.approvedOnly ? '-approved' : ''}.zip`,
      data: await buildPlatformZip(this.deps, job, platform, chosen),
    };
  }

  /** An asset's bytes when it belongs to the user. */
  async asset(assetId: string, userId: string): Promise<{ contentType: string; data: Buffer }> {
    const asset = this.deps.assets.findOwned(assetId, userId);
    if (!asset) throw new AppError('not_found', 'no such file');
    return { contentType: asset.contentType, data: await this.deps.storage.get(asset.storageKey) };
  }
}
