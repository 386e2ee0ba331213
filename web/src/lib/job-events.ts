import type { Emoji, Job, JobStage, PlatformValidation } from '../api.ts';

/** Server-sent events of a job, as the job page consumes them. */
export type JobEvent =
  | { type: 'job.created' }
  | { type: 'job.stage_completed'; stage: JobStage }
  | {
      type: 'emoji.completed';
      index: number;
      action: string;
      /** The file of the job's first made platform; the others arrive with a re-fetch. */
      assetUrl: string;
      bytes: number;
      validation: Record<string, PlatformValidation> | null;
    }
  | { type: 'emoji.failed'; index: number; reason: string }
  /** Off hours: the emoji's next step waits for the next opening. `at` is when it was recorded. */
  | { type: 'emoji.paused'; index: number; at: number | null }
  | { type: 'job.completed' }
  | { type: 'job.failed'; reason: string };

/** Every SSE event type the job page listens for. */
export const JOB_EVENT_TYPES = [
  'job.created',
  'job.stage_completed',
  'emoji.completed',
  'emoji.failed',
  'emoji.paused',
  'job.completed',
  'job.failed',
] as const satisfies readonly JobEvent['type'][];

/** True when `type` is one the job page handles. */
export function isJobEventType(type: string): type is JobEvent['type'] {
  return (JOB_EVENT_TYPES as readonly string[]).includes(type);
}

/** Pipeline stages in the order a job passes through them. */
export const STAGES: readonly JobStage[] = ['prepare', 'animate', 'encode', 'package', 'done'];

function timeOf(value: unknown): number | null {
  const t = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(t) ? null : t;
}

/** Parses one SSE message's data; null when it isn't JSON or lacks what the type needs. */
export function parseJobEvent(type: string, data: string): JobEvent | null {
  let body: Record<string, unknown>;
  try {
    const parsed: unknown = data === '' ? {} : JSON.parse(data);
    if (typeof parsed !== 'object' || parsed === null) return null;
    body = parsed as Record<string, unknown>;
  } catch {
    return null;
  }
  switch (type) {
    case 'job.created':
    case 'job.completed':
      return { type };
    case 'job.stage_completed':
      return STAGES.includes(body.stage as JobStage) ? { type, stage: body.stage as JobStage } : null;
    case 'emoji.completed':
      if (typeof body.index !== 'number' || typeof body.assetUrl !== 'string') return null;
      return {
        type,
        index: body.index,
        action: typeof body.action === 'string' ? body.action : '',
        assetUrl: body.assetUrl,
        bytes: typeof body.bytes === 'number' ? body.bytes : 0,
        validation: (body.validation as Record<string, PlatformValidation> | null | undefined) ?? null,
      };
    case 'emoji.failed':
      if (typeof body.index !== 'number') return null;
      return {
        type,
        index: body.index,
        reason: typeof body.reason === 'string' ? body.reason : 'This emoji could not be made.',
      };
    case 'emoji.paused':
      return typeof body.index === 'number' ? { type, index: body.index, at: timeOf(body.at) } : null;
    case 'job.failed':
      return { type, reason: typeof body.reason === 'string' ? body.reason : 'The set could not be made.' };
    default:
      return null;
  }
}

function finishedCount(emojis: readonly Emoji[]): number {
  return emojis.filter((e) => e.status === 'completed' || e.status === 'failed').length;
}

/** The stage after `stage`, or `done` past the end. */
export function nextStage(stage: JobStage): JobStage {
  const i = STAGES.indexOf(stage);
  return STAGES[Math.min(i + 1, STAGES.length - 1)];
}

/** The platforms a job makes: the ones asked for, minus those this server could not make. */
export function madePlatforms(job: Pick<Job, 'platforms' | 'unavailable'>): string[] {
  return job.platforms.filter((p) => job.unavailable?.[p] === undefined);
}

function settle(job: Job, index: number, change: (e: Emoji) => Emoji): Job {
  const emojis = job.emojis.map((e) => (e.index === index ? change(e) : e));
  return {
    ...job,
    status: job.status === 'queued' ? 'running' : job.status,
    emojis,
    progress: { ...job.progress, done: Math.max(job.progress.done, finishedCount(emojis)) },
  };
}

/** Folds one event into the job. Events only move a job forward, so a replayed event is harmless. */
export function applyJobEvent(job: Job, event: JobEvent): Job {
  switch (event.type) {
    case 'job.created':
      return job;
    case 'job.stage_completed': {
      const next = nextStage(event.stage);
      if (STAGES.indexOf(next) <= STAGES.indexOf(job.stage)) return job;
      return { ...job, stage: next, status: job.status === 'queued' ? 'running' : job.status };
    }
    case 'emoji.completed': {
      // The server reports every made platform's verdict, first made first; the page may
      // not know yet that a platform was set aside (that is found out while encoding).
      const platform = Object.keys(event.validation ?? {})[0] ?? madePlatforms(job)[0];
      return settle(job, event.index, (e) => ({
        ...e,
        status: 'completed',
        assetUrl: event.assetUrl,
        assetUrls: platform ? { ...e.assetUrls, [platform]: event.assetUrl } : e.assetUrls,
        bytes: event.bytes,
        sizes: platform ? { ...e.sizes, [platform]: event.bytes } : e.sizes,
        validation: event.validation,
        error: null,
      }));
    }
    case 'emoji.failed':
      return settle(job, event.index, (e) =>
        e.status === 'completed' ? e : { ...e, status: 'failed', error: event.reason },
      );
    case 'emoji.paused': {
      if (isFinished(job)) return job;
      // A stream read from the start replays the pauses of earlier off hours. A pause
      // recorded before the job's last change, on a job that is not paused now, has
      // ended since (waking a job updates it), so it must not pause the page again.
      const updated = Date.parse(job.updatedAt);
      if (job.status !== 'paused' && event.at !== null && event.at <= updated) return job;
      return { ...job, status: 'paused' };
    }
    case 'job.completed':
      return { ...job, status: 'completed', stage: 'done' };
    case 'job.failed':
      return { ...job, status: 'failed', error: event.reason };
  }
}

/** True once the job will not change any more. */
export function isFinished(job: Pick<Job, 'status'>): boolean {
  return job.status === 'completed' || job.status === 'failed';
}
