import type { Logger } from 'pino';
import type { AssetsRepository } from '../db/assets.repository.ts';
import type { RenderChargesRepository } from '../db/charges.repository.ts';
import type { EventsRepository } from '../db/events.repository.ts';
import type { JobsRepository } from '../db/jobs.repository.ts';
import type { SqliteDatabase } from '../db/sqlite.ts';
import type { UsersRepository } from '../db/users.repository.ts';
import type { EmojiVersionsRepository } from '../db/versions.repository.ts';
import type { EmojiOutput, Job } from '../domain/job.ts';
import { PLATFORMS, type PlatformId } from '../domain/platforms.ts';
import type { RenderEngine } from '../gpu/render-engine.ts';
import type { TaskQueue } from '../queue/task-queue.ts';
import type { AssetStorage } from '../storage/asset-storage.ts';
import type { JobEventBus } from './job-events.ts';
import type { MasterCache } from './master-cache.ts';
import type { PlatformEncoder } from './platform-encoder.ts';

/** Everything the pipeline touches outside its own logic, passed in so tests can swap any part. */
export interface PipelineDeps {
  db: SqliteDatabase;
  users: UsersRepository;
  jobs: JobsRepository;
  /** Every render of every emoji. */
  versions: EmojiVersionsRepository;
  /** The renders each user was charged for (the daily emoji quota reads them). */
  charges: RenderChargesRepository;
  events: EventsRepository;
  assets: AssetsRepository;
  queue: TaskQueue;
  storage: AssetStorage;
  engine: RenderEngine;
  /** Encodes and validates platform files (in-thread, or on a pool of worker threads). */
  encoder: PlatformEncoder;
  /** Decoded masters of the renders being encoded now, shared by their platforms' encodes. */
  masters: MasterCache;
  bus: JobEventBus;
  logger: Logger;
  /** Milliseconds since the epoch. */
  clock: () => number;
  /** A new unguessable id (URL-safe). */
  newId: () => string;
}

/** Storage keys of a job's files. Keys are ours, never derived from user input. */
export const keys = {
  jobPrefix: (jobId: string) => `jobs/${jobId}`,
  source: (jobId: string) => `jobs/${jobId}/source.png`,
  /** The cut-out as the prepare stage made it (a touched-up one is at `job.cutoutKey`). */
  cutout: (jobId: string) => `jobs/${jobId}/cutout.png`,
  /** A touched-up cut-out: edit number and a nonce, so two racing edits never write one file. */
  editedCutout: (jobId: string, edits: number, nonce: string) =>
    `jobs/${jobId}/matte/${String(edits).padStart(4, '0')}-${nonce}.cutout.png`,
  /** Master frames of one version; version 1 keeps the name it had before versions existed. */
  master: (jobId: string, index: number, version = 1) =>
    `jobs/${jobId}/masters/${String(index).padStart(3, '0')}${version === 1 ? '' : `.v${version}`}.frames`,
  /** Frames of one version drawn at a smaller size than the master, for the platforms of that size. */
  masterAt: (jobId: string, index: number, version: number, size: number) =>
    `jobs/${jobId}/masters/${String(index).padStart(3, '0')}.v${version}.${size}px.frames`,
  /** A file of the set as first made (version 1), or a per-set still image. */
  output: (jobId: string, platform: string, fileName: string) => `jobs/${jobId}/${platform}/${fileName}`,
  /** A platform file of one version: later versions live beside the first, under v<n>/. */
  versionOutput: (jobId: string, platform: string, fileName: string, version: number) =>
    version === 1
      ? `jobs/${jobId}/${platform}/${fileName}`
      : `jobs/${jobId}/${platform}/v${version}/${fileName}`,
  /** The matte of an upload at its own size, as the engine cut it. */
  matte: (jobId: string) => `jobs/${jobId}/matte/0000.png`,
  /** A touched-up matte (see `editedCutout`). */
  editedMatte: (jobId: string, edits: number, nonce: string) =>
    `jobs/${jobId}/matte/${String(edits).padStart(4, '0')}-${nonce}.png`,
  zip: (jobId: string, platform: string) => `jobs/${jobId}/${platform}.zip`,
};

/** Where the job's current cut-out is: the touched-up one, or the prepare stage's. */
export function cutoutKeyOf(job: Pick<Job, 'id' | 'cutoutKey'>): string {
  return job.cutoutKey ?? keys.cutout(job.id);
}

/** Where the job's current matte is (uploads only). */
export function matteKeyOf(job: Pick<Job, 'id' | 'matteKey'>): string {
  return job.matteKey ?? keys.matte(job.id);
}

/** Where an emoji's file for `platform` is: the key stored with it, or (files made before versions) version 1's name. */
export function outputKeyOf(jobId: string, platform: PlatformId, index: number, output: EmojiOutput): string {
  return output.key ?? keys.output(jobId, platform, PLATFORMS[platform].fileName(index));
}
