import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import pino, { type Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { AssetsRepository } from '../db/assets.repository.ts';
import { EventsRepository } from '../db/events.repository.ts';
import { JobsRepository } from '../db/jobs.repository.ts';
import { MIGRATIONS } from '../db/migrations/index.ts';
import { migrate } from '../db/migrator.ts';
import { openDatabase, type SqliteDatabase } from '../db/sqlite.ts';
import { type User, UsersRepository } from '../db/users.repository.ts';
import { createInProcessEngine } from '../gpu/in-process.engine.ts';
import type { RenderEngine } from '../gpu/render-engine.ts';
import type { PipelineDeps } from '../pipeline/deps.ts';
import { JobEventBus } from '../pipeline/job-events.ts';
import { JobsService } from '../pipeline/jobs.service.ts';
import { PipelineWorker } from '../pipeline/worker.ts';
import { TaskQueue } from '../queue/task-queue.ts';
import { LocalDiskStorage } from '../storage/local-disk.storage.ts';

/** The single user of local mode: a real row, so jobs and events have an owner like any other. */
export const LOCAL_USER: User = { id: 'local', email: null, name: 'Local user', photoUrl: null };

export interface Runtime {
  config: Config;
  deps: PipelineDeps;
  jobs: JobsService;
  worker: PipelineWorker;
  close(): Promise<void>;
}

export interface RuntimeOverrides {
  logger?: Logger;
  engine?: RenderEngine;
  clock?: () => number;
}

/** A URL-safe random id with 128 bits of entropy. */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * The composition root: opens and migrates the database, and wires storage,
 * engine, queue, worker and services. The worker is created but not started.
 */
export function createRuntime(config: Config, overrides: RuntimeOverrides = {}): Runtime {
  const logger = overrides.logger ?? pino({ level: config.logLevel });
  const db: SqliteDatabase = openDatabase(config.databaseFile);
  const result = migrate(db, MIGRATIONS);
  if (result.applied.length > 0) {
    logger.info({ applied: result.applied.map((m) => m.name), version: result.current }, 'database migrated');
  }
  const clock = overrides.clock ?? Date.now;
  const users = new UsersRepository(db);
  users.upsert(LOCAL_USER, clock());
  const deps: PipelineDeps = {
    db,
    users,
    jobs: new JobsRepository(db),
    events: new EventsRepository(db),
    assets: new AssetsRepository(db),
    queue: new TaskQueue(db, { leaseMs: config.worker.leaseMs, maxAttempts: config.worker.maxAttempts }),
    storage: new LocalDiskStorage(config.assetsDir),
    engine: overrides.engine ?? createInProcessEngine(),
    bus: new JobEventBus(),
    logger,
    clock,
    newId,
  };
  const worker = new PipelineWorker(deps, {
    workerId: `${hostname()}:${process.pid}:${newId().slice(0, 6)}`,
    concurrency: config.worker.concurrency,
    leaseMs: config.worker.leaseMs,
  });
  const jobs = new JobsService(
    deps,
    { maxBytes: config.limits.maxUploadBytes, maxDimension: config.limits.maxImageDimension },
    () => worker.wake(),
  );
  return {
    config,
    deps,
    jobs,
    worker,
    async close() {
      await worker.stop();
      db.close();
    },
  };
}
