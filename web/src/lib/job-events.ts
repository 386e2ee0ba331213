import type { Emoji, Job, JobStage, PlatformValidation } from '../api.ts';

/** Server-sent events of a job, as the job page consumes them. */
export type JobEvent =
  | { type: 'job.created' }
  | { type: 'job.stage_completed'; stage: JobStage }
  | {
      type: 'emoji.completed';
      index: number;
      action: string;
      assetUrl: string;
      bytes: number;
      validation: Record<string, PlatformValidation> | null;
    }
  | { type: 'job.completed' }
  | { type: 'job.failed'; reason: string };

/** Every SSE event type the job page listens for. */
export const JOB_EVENT_TYPES = [
  'job.created',
  'job.stage_completed',
  'emoji.completed',
  'job.completed',
  'job.failed',
] as const satisfies readonly JobEvent['type'][];

/** Pipeline stages in the order a job passes through them. */
export const STAGES: readonly JobStage[] = ['prepare', 'animate', 'encode', 'package', 'done'];

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
      const emojis = job.emojis.map((e) =>
        e.index === event.index
          ? {
              ...e,
              status: 'completed' as const,
              assetUrl: event.assetUrl,
              bytes: event.bytes,
              validation: event.validation,
              error: null,
            }
          : e,
      );
      return {
        ...job,
        status: job.status === 'queued' ? 'running' : job.status,
        emojis,
        progress: { ...job.progress, done: Math.max(job.progress.done, finishedCount(emojis)) },
      };
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
