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
  /** Touch-ups of an upload's matte so far (0: as the engine cut it). */
  matteVersion: number;
  /** Storage keys of the touched-up matte and cut-out; null until the first touch-up. */
  matteKey: string | null;
  cutoutKey: string | null;
  error: string | null;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
}

/** What one emoji produced for one platform. */
export interface EmojiOutput {
  assetId: string;
  /** Where the file is stored (absent on files written before versions existed: see `keys.output`). */
  key?: string;
  bytes: number;
  validation: ValidationReport;
}

/** An emoji as the set shows it: its current version's render, and whether the user approved it. */
export interface EmojiResult {
  jobId: string;
  index: number;
  action: string;
  params: ActionParams;
  status: EmojiStatus;
  /** The current version (see EmojiVersion). */
  version: number;
  masterKey: string | null;
  outputs: Partial<Record<PlatformId, EmojiOutput>>;
  error: string | null;
  completedAt: number | null;
  /** When the user approved the current version; null when not approved. */
  approvedAt: number | null;
}

/** How a version came to be: the set's first render, a retry (new variant) or a regenerate (new knobs). */
export type VersionOrigin = 'initial' | 'retry' | 'regenerate';

/** One render of an emoji. Every render is kept; the emoji shows the one the user picked. */
export interface EmojiVersion {
  jobId: string;
  index: number;
  version: number;
  origin: VersionOrigin;
  action: string;
  params: ActionParams;
  status: EmojiStatus;
  masterKey: string | null;
  outputs: Partial<Record<PlatformId, EmojiOutput>>;
  error: string | null;
  createdAt: number;
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
  // Refining a finished set (src/pipeline/refine.service.ts).
  | 'emoji.retried'
  | 'emoji.regenerated'
  | 'emoji.approved'
  | 'emoji.unapproved'
  | 'emoji.version_selected'
  | 'matte.edited'
  | 'job.deleted'
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
