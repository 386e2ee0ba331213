import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import pino, { type Logger } from 'pino';
import { AuditService } from '../audit/audit.service.ts';
import { type Authenticator, FirebaseAuthenticator, LocalAuthenticator } from '../auth/authenticator.ts';
import { type CertificateSource, HttpCertificateSource } from '../auth/certificate-source.ts';
import { FirebaseTokenVerifier } from '../auth/token-verifier.ts';
import { UrlSigner } from '../auth/url-signer.ts';
import { createAvailability } from '../availability/availability.factory.ts';
import type { Availability } from '../availability/availability.service.ts';
import type { FlagStore } from '../availability/flag.ts';
import type { Config } from '../config/config.ts';
import { AssetsRepository } from '../db/assets.repository.ts';
import { RenderChargesRepository } from '../db/charges.repository.ts';
import { EventsRepository } from '../db/events.repository.ts';
import { IdempotencyRepository } from '../db/idempotency.repository.ts';
import { JobsRepository } from '../db/jobs.repository.ts';
import { MatteEditsRepository } from '../db/matte-edits.repository.ts';
import { MIGRATIONS } from '../db/migrations/index.ts';
import { migrate } from '../db/migrator.ts';
import { SignInsRepository } from '../db/sign-ins.repository.ts';
import { openDatabase, type SqliteDatabase } from '../db/sqlite.ts';
import { UsageRepository } from '../db/usage.repository.ts';
import { type User, UsersRepository } from '../db/users.repository.ts';
import { EmojiVersionsRepository } from '../db/versions.repository.ts';
import { createEncodePool } from '../encode/index.ts';
import { createRenderEngine } from '../gpu/render-engine.factory.ts';
import type { RenderEngine } from '../gpu/render-engine.ts';
import type { PipelineDeps } from '../pipeline/deps.ts';
import { FramesService } from '../pipeline/frames.service.ts';
import { IdempotencyService } from '../pipeline/idempotency.ts';
import { JobEventBus } from '../pipeline/job-events.ts';
import { JobsService } from '../pipeline/jobs.service.ts';
import { MasterCache } from '../pipeline/master-cache.ts';
import { MatteService } from '../pipeline/matte.service.ts';
import { inThreadEncoder, poolEncoder, sharingEncoder } from '../pipeline/platform-encoder.ts';
import { RefineService } from '../pipeline/refine.service.ts';
import { PipelineWorker } from '../pipeline/worker.ts';
import { TaskQueue } from '../queue/task-queue.ts';
import { QuotaService } from '../quota/quota.service.ts';
import { LocalDiskStorage } from '../storage/local-disk.storage.ts';

/** The single user of local mode: a real row, so jobs and events have an owner like any other. */
export const LOCAL_USER: User = { id: 'local', email: null, name: 'Local user', photoUrl: null };

export interface Runtime {
  config: Config;
  deps: PipelineDeps;
  jobs: JobsService;
  worker: PipelineWorker;
  authenticator: Authenticator;
  /** Signs asset and download URLs for headerless fetches; null in local mode (no credentials to carry). */
  urlSigner: UrlSigner | null;
  quota: QuotaService;
  /** Re-renders, versions, approvals and deletion of finished sets. */
  refine: RefineService;
  /** Touch-ups of an upload's matte. */
  matte: MatteService;
  /** Decoded frames of platform files, for the frame scrubber. */
  frames: FramesService;
  /** First answers to requests with an Idempotency-Key. */
  idempotency: IdempotencyService;
  audit: AuditService;
  /** Off hours: the flag (through its cache) and the schedule. */
  availability: Availability;
  close(): Promise<void>;
}

export interface RuntimeOverrides {
  logger?: Logger;
  engine?: RenderEngine;
  clock?: () => number;
  /** Where ID-token certificates come from (default: `config.auth.firebase.certsUrl` over HTTP). */
  certificates?: CertificateSource;
  /** The off-hours flag store (default: the one the configuration chooses). */
  flagStore?: FlagStore;
}

/** How long an Idempotency-Key is remembered: a day covers every retry a client makes. */
const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

/** A URL-safe random id with about 128 bits of entropy that starts with a letter or digit. */
export function newId(): string {
  // Never a leading - or _: an id is typed after CLI options (`popcon audit --job <id>`),
  // where "-abc…" reads as an option. Redrawing costs 1 in 32 ids a second draw.
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
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
  // One pool of threads for the encodes and for the built-in engine's drawing.
  const pool = config.encoding.threads > 0 ? createEncodePool({ size: config.encoding.threads }) : undefined;
  const deps: PipelineDeps = {
    db,
    users,
    jobs: new JobsRepository(db),
    versions: new EmojiVersionsRepository(db),
    charges: new RenderChargesRepository(db),
    events: new EventsRepository(db),
    assets: new AssetsRepository(db),
    queue: new TaskQueue(db, { leaseMs: config.worker.leaseMs, maxAttempts: config.worker.maxAttempts }),
    storage: new LocalDiskStorage(config.assetsDir),
    engine: overrides.engine ?? createRenderEngine(config.gpuWorker, logger, pool),
    encoder: sharingEncoder(
      pool ? poolEncoder(pool, config.encoding.ffmpeg) : inThreadEncoder(config.encoding.ffmpeg),
      config.encoding.ffmpeg,
    ),
    masters: new MasterCache(),
    bus: new JobEventBus(),
    logger,
    clock,
    newId,
  };
  const availability = createAvailability(config.availability, db, {
    clock,
    logger,
    store: overrides.flagStore,
  });
  const worker = new PipelineWorker(deps, {
    workerId: `${hostname()}:${process.pid}:${newId().slice(0, 6)}`,
    concurrency: config.worker.concurrency,
    leaseMs: config.worker.leaseMs,
    gate: availability.workGate(),
  });
  const quota = new QuotaService(new UsageRepository(db), deps.events, config.quota);
  const jobs = new JobsService(
    deps,
    { maxBytes: config.limits.maxUploadBytes, maxDimension: config.limits.maxImageDimension },
    () => worker.wake(),
    quota,
  );
  const idempotency = new IdempotencyService(
    db,
    new IdempotencyRepository(db, IDEMPOTENCY_RETENTION_MS),
    clock,
  );
  const refine = new RefineService(deps, idempotency, quota, () => worker.wake());
  const matte = new MatteService(deps, new MatteEditsRepository(db));
  const frames = new FramesService(deps, config.encoding.ffmpeg);
  const firebase = config.auth.firebase;
  const authenticator: Authenticator = firebase
    ? new FirebaseAuthenticator(
        new FirebaseTokenVerifier({
          projectId: firebase.projectId,
          certificates:
            overrides.certificates ?? new HttpCertificateSource(firebase.certsUrl, { clock, logger }),
          // The emulator signs nothing; config refuses it in production.
          acceptUnsigned: firebase.emulatorHost !== null,
          clock,
        }),
        { db, users, signIns: new SignInsRepository(db), events: deps.events, clock },
      )
    : new LocalAuthenticator(LOCAL_USER);
  return {
    config,
    deps,
    jobs,
    worker,
    authenticator,
    urlSigner: firebase ? new UrlSigner(config.urlSigningSecret, clock) : null,
    quota,
    refine,
    matte,
    frames,
    idempotency,
    audit: new AuditService(deps.events, users),
    availability,
    async close() {
      await worker.stop();
      await deps.encoder.close();
      await availability.store.close();
      db.close();
    },
  };
}
