import type { Logger } from 'pino';
import { createAvailability } from '../availability/availability.factory.ts';
import type { Availability } from '../availability/availability.service.ts';
import type { FlagStore } from '../availability/flag.ts';
import type { Config } from '../config/config.ts';
import { EventsRepository } from '../db/events.repository.ts';
import { JobsRepository } from '../db/jobs.repository.ts';
import { MIGRATIONS } from '../db/migrations/index.ts';
import { migrate } from '../db/migrator.ts';
import { openDatabase, type SqliteDatabase } from '../db/sqlite.ts';
import { TaskQueue } from '../queue/task-queue.ts';
import { AvailabilityController } from './controller.ts';
import { FlyMachines } from './fly.provider.ts';
import { type OpsClock, type RetryPolicy, systemClock } from './http.ts';
import { RunPodPods } from './runpod.provider.ts';
import { DatabaseWork, ReportedWork, type WorkProbe } from './work-probe.ts';

/** A controller and what it opened. */
export interface ControllerHandle {
  controller: AvailabilityController;
  availability: Availability;
  close(): Promise<void>;
}

/**
 * Builds the controller from the configuration. With the embedded store it
 * opens the database under DATA_DIR (the server's) and acts on paused work
 * there; with Redis or Upstash it sees remote workers through their reports.
 * Providers that are not configured are skipped: then up/down flip the flag only.
 */
export function createController(
  config: Config,
  options: { clock?: OpsClock; logger?: Logger; store?: FlagStore; retry?: RetryPolicy } = {},
): ControllerHandle {
  const clock = options.clock ?? systemClock;
  const av = config.availability;
  let db: SqliteDatabase | null = null;
  if (av.store.kind === 'sqlite' && !options.store) {
    db = openDatabase(config.databaseFile);
    migrate(db, MIGRATIONS);
  }
  const availability = createAvailability(av, db, {
    clock: clock.now,
    logger: options.logger,
    store: options.store,
  });
  const work: WorkProbe = db
    ? new DatabaseWork(
        {
          db,
          jobs: new JobsRepository(db),
          events: new EventsRepository(db),
          queue: new TaskQueue(db, {
            leaseMs: config.worker.leaseMs,
            maxAttempts: config.worker.maxAttempts,
          }),
        },
        clock,
      )
    : new ReportedWork(availability.store, clock);
  const controller = new AvailabilityController({
    availability,
    work,
    fly: av.fly ? new FlyMachines({ ...av.fly, clock, retry: options.retry }) : null,
    runpod: av.runpod ? new RunPodPods({ ...av.runpod, clock, retry: options.retry }) : null,
    readyUrl: av.readyUrl,
    clock,
    options: {
      upLeadMs: av.upLeadMs,
      alignMaxWaitMs: av.alignMaxWaitMs,
      drainTimeoutMs: av.drainTimeoutMs,
      readyTimeoutMs: av.readyTimeoutMs,
      cacheMs: av.cacheMs,
    },
  });
  return {
    controller,
    availability,
    async close() {
      await availability.store.close();
      db?.close();
    },
  };
}
