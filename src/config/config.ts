import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { type AvailabilityConfig, availabilityConfig, availabilityEnv } from './availability.config.ts';
import { type FirebaseAuthConfig, firebaseConfig } from './firebase.config.ts';

/**
 * The whole runtime configuration, parsed once from the environment. This is the
 * only module that reads `process.env`; everything else receives a `Config`.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Tasks the in-process worker runs at once. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  /** How long a claimed task stays locked without a heartbeat. */
  TASK_LEASE_MS: z.coerce.number().int().min(1000).default(30_000),
  TASK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /** The ffmpeg binary Telegram's WebM needs (with libvpx-vp9); without it that one target is unavailable. */
  FFMPEG_PATH: z.string().min(1).default('ffmpeg'),
  /** Worker threads that encode platform files; 0 encodes on the pipeline's own thread. Default: one per core. */
  ENCODE_THREADS: z.coerce.number().int().min(0).max(32).optional(),
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  MAX_IMAGE_DIMENSION: z.coerce.number().int().min(64).default(4096),
  LOCAL_MODE_ALLOW_REMOTE: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  /** `local` (one implicit user) or `firebase` (Google sign-in); defaults to firebase when a project is set. */
  AUTH_MODE: z.enum(['local', 'firebase']).optional(),
  FIREBASE_PROJECT_ID: z
    .string()
    .regex(/^[a-z0-9-]{4,40}$/, 'lower-case letters, digits and hyphens')
    .optional(),
  /** base64 of the service-account JSON file, for admin calls. */
  FIREBASE_SERVICE_ACCOUNT_B64: z.string().min(1).optional(),
  FIREBASE_WEB_API_KEY: z.string().min(1).optional(),
  FIREBASE_AUTH_DOMAIN: z.string().min(1).optional(),
  /** host:port of the Firebase Auth emulator; refused in production. */
  FIREBASE_AUTH_EMULATOR_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'host:port')
    .optional(),
  /** Test only (refused in production): where the token verifier fetches its certificates. */
  AUTH_CERTS_URL: z.url().optional(),
  /** HMAC key for signed asset/download URLs; random per process when unset. */
  URL_SIGNING_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  /** Comma-separated origins allowed by CORS; empty means same-origin only. */
  CORS_ORIGINS: z.string().default(''),
  QUOTA_MAX_RUNNING_JOBS: limit(),
  QUOTA_DAILY_EMOJIS: limit(),
  QUOTA_REQUESTS_PER_MINUTE: limit(),
  /** Where the quota day starts, in minutes east of UTC (540 = midnight in Tokyo). */
  QUOTA_DAY_OFFSET_MINUTES: z.coerce.number().int().min(-720).max(840).default(0),
  /** Base URL of a gpu-worker; unset means the in-process engine. */
  GPU_WORKER_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Bearer token between pipeline and gpu-worker; the worker refuses to start without it off loopback. */
  GPU_WORKER_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  GPU_WORKER_HOST: z.string().min(1).default('127.0.0.1'),
  GPU_WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  /** Renders the gpu-worker runs at once; the next request gets 429. */
  GPU_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  GPU_WORKER_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(16 * 1024 * 1024),
  /** Recent results kept by task id, so a retried request does not render twice. */
  GPU_WORKER_CACHE_ENTRIES: z.coerce.number().int().min(0).max(10_000).default(64),
  /** Client side: longest wait for one reply, retries after the first try, longest wait for /ready. */
  GPU_WORKER_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  GPU_WORKER_RETRIES: z.coerce.number().int().min(0).max(20).default(5),
  GPU_WORKER_READY_TIMEOUT_MS: z.coerce.number().int().min(0).default(120_000),
  ...availabilityEnv(),
});

/** A per-user limit: a positive number, `off`, or unset (the mode's default). */
function limit() {
  return z.union([z.literal('off'), z.coerce.number().int().min(1)]).optional();
}

export type { AvailabilityConfig } from './availability.config.ts';
export {
  type FirebaseAuthConfig,
  type FirebaseServiceAccount,
  GOOGLE_SECURETOKEN_CERTS_URL,
} from './firebase.config.ts';

/** Per-user cost limits; null means no limit. */
export interface QuotaConfig {
  maxRunningJobs: number | null;
  dailyEmojis: number | null;
  requestsPerMinute: number | null;
  dayOffsetMinutes: number;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseFile: string;
  assetsDir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  worker: { concurrency: number; leaseMs: number; maxAttempts: number };
  limits: { maxUploadBytes: number; maxImageDimension: number };
  encoding: { ffmpeg: string; threads: number };
  auth: { mode: 'local' | 'firebase'; allowRemote: boolean; firebase: FirebaseAuthConfig | null };
  /** Secret for signed URLs; null means a random one per process. */
  urlSigningSecret: string | null;
  cors: { origins: string[] };
  quota: QuotaConfig;
  gpuWorker: GpuWorkerConfig;
  availability: AvailabilityConfig;
}

/** The gpu-worker service (`popcon gpu-worker`) and the pipeline's client of it. */
export interface GpuWorkerConfig {
  /** Set: the pipeline renders through this worker; null: in-process. */
  url: string | null;
  token: string | null;
  host: string;
  port: number;
  concurrency: number;
  maxBodyBytes: number;
  cacheEntries: number;
  timeoutMs: number;
  retries: number;
  readyTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment into a Config, listing every bad variable at once (never their values). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const mode = e.AUTH_MODE ?? (e.FIREBASE_PROJECT_ID ? 'firebase' : 'local');
  const firebase = mode === 'firebase' ? firebaseConfig(e, problems) : null;
  if (e.NODE_ENV === 'production') {
    if (mode === 'local') problems.push('AUTH_MODE: local mode has no sign-in and is refused in production');
    if (e.FIREBASE_AUTH_EMULATOR_HOST)
      problems.push('FIREBASE_AUTH_EMULATOR_HOST: the Auth emulator is refused in production');
    if (e.AUTH_CERTS_URL) problems.push('AUTH_CERTS_URL: a test-only setting, refused in production');
  }
  const origins = e.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const o of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(o))
      problems.push('CORS_ORIGINS: each entry must be an origin like https://example.com');
  }
  const availability = availabilityConfig(e, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = path.resolve(e.DATA_DIR);
  // Local single-user mode has no sign-in, so it listens on loopback unless told otherwise;
  // Firebase mode checks every request, so it listens everywhere (a container's port).
  const host = e.HOST ?? (e.LOCAL_MODE_ALLOW_REMOTE || mode === 'firebase' ? '0.0.0.0' : '127.0.0.1');
  // Local mode has one user who owns the machine: no cost limits unless asked for.
  const quotaDefault = (value: number | 'off' | undefined, firebaseDefault: number) =>
    value === 'off' ? null : (value ?? (mode === 'firebase' ? firebaseDefault : null));
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host,
    dataDir,
    databaseFile: path.join(dataDir, 'popcon.sqlite'),
    assetsDir: path.join(dataDir, 'assets'),
    logLevel: e.LOG_LEVEL,
    worker: { concurrency: e.WORKER_CONCURRENCY, leaseMs: e.TASK_LEASE_MS, maxAttempts: e.TASK_MAX_ATTEMPTS },
    limits: { maxUploadBytes: e.MAX_UPLOAD_BYTES, maxImageDimension: e.MAX_IMAGE_DIMENSION },
    encoding: { ffmpeg: e.FFMPEG_PATH, threads: e.ENCODE_THREADS ?? os.availableParallelism() },
    auth: { mode, allowRemote: e.LOCAL_MODE_ALLOW_REMOTE, firebase },
    urlSigningSecret: e.URL_SIGNING_SECRET ?? null,
    cors: { origins },
    quota: {
      maxRunningJobs: quotaDefault(e.QUOTA_MAX_RUNNING_JOBS, 1),
      dailyEmojis: quotaDefault(e.QUOTA_DAILY_EMOJIS, 120),
      requestsPerMinute: quotaDefault(e.QUOTA_REQUESTS_PER_MINUTE, 120),
      dayOffsetMinutes: e.QUOTA_DAY_OFFSET_MINUTES,
    },
    gpuWorker: {
      url: e.GPU_WORKER_URL ?? null,
      token: e.GPU_WORKER_TOKEN ?? null,
      host: e.GPU_WORKER_HOST,
      port: e.GPU_WORKER_PORT,
      concurrency: e.GPU_WORKER_CONCURRENCY,
      maxBodyBytes: e.GPU_WORKER_MAX_BODY_BYTES,
      cacheEntries: e.GPU_WORKER_CACHE_ENTRIES,
      timeoutMs: e.GPU_WORKER_TIMEOUT_MS,
      retries: e.GPU_WORKER_RETRIES,
      readyTimeoutMs: e.GPU_WORKER_READY_TIMEOUT_MS,
    },
    availability,
  };
}
