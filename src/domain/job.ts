import type { ActionParams } from './actions.ts';
import type { PlatformId } from './platforms.ts';
import type { ValidationReport } from './validation.ts';

export type JobStatus = 'queued' | 'running' | 'paused' | 'completed' | 'failed';
export type JobStage = 'prepare' | 'animate' | 'encode' | 'package' | 'done';
export type EmojiStatus = 'pending' | 'running' | 'completed' | 'failed';

/** Where the character comes from. */
export type JobSource =
  | { kind: 'character'; character: string; color: string }
  | { kind: 'upload'; fileName: string | null };

export interface EmojiSpec {
  action: string;
  params: ActionParams;
}

export interface Job {
  id: string;
  userId: string;
  status: JobStatus;
  stage: JobStage;
  source: JobSource;
  platforms: PlatformId[];
  /** Platforms asked for that this installation cannot make, with the reason (e.g. no ffmpeg). */
  unavailable: Partial<Record<PlatformId, string>>;
  error: string | null;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
}

/** What one emoji produced for one platform. */
export interface EmojiOutput {
  assetId: string;
  bytes: number;
  validation: ValidationReport;
}

export interface EmojiResult {
  jobId: string;
  index: number;
  action: string;
  params: ActionParams;
  status: EmojiStatus;
  version: number;
  masterKey: string | null;
  outputs: Partial<Record<PlatformId, EmojiOutput>>;
  error: string | null;
  completedAt: number | null;
}

/** The audit/progress event types the pipeline records. */
export type EventType =
  | 'job.created'
  | 'job.stage_completed'
  | 'emoji.completed'
  | 'emoji.failed'
  // Off hours: the emoji's next step waits for the next opening (see src/pipeline/pause.ts).
  | 'emoji.paused'
  | 'job.completed'
  | 'job.failed'
  | 'auth.login'
  | 'quota.exceeded';

export interface JobEvent {
  id: number;
  userId: string;
  jobId: string | null;
  type: EventType;
  payload: Record<string, unknown>;
  /** The HTTP request that caused the event (for pipeline events: the one that created the job). */
  requestId: string;
  createdAt: number;
}
