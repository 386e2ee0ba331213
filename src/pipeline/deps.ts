import type { Logger } from 'pino';
import type { AssetsRepository } from '../db/assets.repository.ts';
import type { EventsRepository } from '../db/events.repository.ts';
import type { JobsRepository } from '../db/jobs.repository.ts';
import type { SqliteDatabase } from '../db/sqlite.ts';
import type { UsersRepository } from '../db/users.repository.ts';
import type { RenderEngine } from '../gpu/render-engine.ts';
import type { TaskQueue } from '../queue/task-queue.ts';
import type { AssetStorage } from '../storage/asset-storage.ts';
import type { JobEventBus } from './job-events.ts';
import type { PlatformEncoder } from './platform-encoder.ts';

/** Everything the pipeline touches outside its own logic, passed in so tests can swap any part. */
export interface PipelineDeps {
  db: SqliteDatabase;
  users: UsersRepository;
  jobs: JobsRepository;
  events: EventsRepository;
  assets: AssetsRepository;
  queue: TaskQueue;
  storage: AssetStorage;
  engine: RenderEngine;
  /** Encodes and validates platform files (in-thread, or on a pool of worker threads). */
  encoder: PlatformEncoder;
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
  cutout: (jobId: string) => `jobs/${jobId}/cutout.png`,
  master: (jobId: string, index: number) => `jobs/${jobId}/masters/${String(index).padStart(3, '0')}.frames`,
  output: (jobId: string, platform: string, fileName: string) => `jobs/${jobId}/${platform}/${fileName}`,
  zip: (jobId: string, platform: string) => `jobs/${jobId}/${platform}.zip`,
};
