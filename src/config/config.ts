import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { parseWindows } from '../availability/schedule.ts';

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

/** Google's public certificates for Firebase ID tokens (a kid → X.509 PEM map). */
export const GOOGLE_SECURETOKEN_CERTS_URL =
  'https://www.googleapis.com/robot/v1/metadata/x509/securetoken@system.gserviceaccount.com';

export interface FirebaseServiceAccount {
  projectId: string;
  clientEmail: string;
  privateKey: string;
}

export interface FirebaseAuthConfig {
  projectId: string;
  webApiKey: string | null;
  authDomain: string;
  /** host:port of the Auth emulator, whose unsigned tokens are then accepted. */
  emulatorHost: string | null;
  certsUrl: string;
  serviceAccount: FirebaseServiceAccount | null;
}

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

function firebaseConfig(e: z.infer<typeof envSchema>, problems: string[]): FirebaseAuthConfig | null {
  if (!e.FIREBASE_PROJECT_ID) {
    problems.push('FIREBASE_PROJECT_ID: required when AUTH_MODE=firebase');
    return null;
  }
  return {
    projectId: e.FIREBASE_PROJECT_ID,
    // The emulator accepts any API key; a real project needs its own.
    webApiKey: e.FIREBASE_WEB_API_KEY ?? (e.FIREBASE_AUTH_EMULATOR_HOST ? 'fake-api-key' : null),
    authDomain: e.FIREBASE_AUTH_DOMAIN ?? `${e.FIREBASE_PROJECT_ID}.firebaseapp.com`,
    emulatorHost: e.FIREBASE_AUTH_EMULATOR_HOST ?? null,
    certsUrl: e.AUTH_CERTS_URL ?? GOOGLE_SECURETOKEN_CERTS_URL,
    serviceAccount: e.FIREBASE_SERVICE_ACCOUNT_B64
      ? parseServiceAccount(e.FIREBASE_SERVICE_ACCOUNT_B64, problems)
      : null,
  };
}

/** Decodes the service-account file; problems name the variable, never its content (a private key). */
function parseServiceAccount(b64: string, problems: string[]): FirebaseServiceAccount | null {
  const name = 'FIREBASE_SERVICE_ACCOUNT_B64';
  const compact = b64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 === 1) {
    problems.push(`${name}: not valid base64`);
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(compact, 'base64').toString('utf8'));
  } catch {
    problems.push(`${name}: the decoded text is not JSON`);
    return null;
  }
  const parsed = z
    .object({
      project_id: z.string().min(1),
      client_email: z.string().min(1),
      private_key: z.string().min(1),
    })
    .safeParse(json);
  if (!parsed.success) {
    problems.push(`${name}: not a service-account file (needs project_id, client_email, private_key)`);
    return null;
  }
  const { project_id, client_email, private_key } = parsed.data;
  return { projectId: project_id, clientEmail: client_email, privateKey: private_key };
}

/** Opening hours, the off-hours flag store and the `popcon availability` controller's providers. */
export interface AvailabilityConfig {
  /** AVAILABILITY_WINDOWS as given; empty means always open. */
  windows: string;
  timezone: string;
  cacheMs: number;
  flagGraceMs: number;
  flagTtlMs: number;
  keyPrefix: string;
  store:
    | { kind: 'sqlite' }
    | { kind: 'redis'; url: string }
    | { kind: 'upstash'; url: string; token: string };
  upLeadMs: number;
  alignMaxWaitMs: number;
  drainTimeoutMs: number;
  readyTimeoutMs: number;
  /** The GPU worker's GET /ready; null when no GPU worker is configured. */
  readyUrl: string | null;
  fly: { apiUrl: string; token: string; app: string; processGroup: string } | null;
  runpod: { apiUrl: string; apiKey: string; podId: string } | null;
}

function availabilityEnv() {
  const seconds = (d: number) => z.coerce.number().int().min(0).default(d);
  const httpUrl = () => z.url({ protocol: /^https?$/ });
  return {
    /** Opening hours, e.g. "Mon-Sun 19:00-24:00"; empty means always open. */
    AVAILABILITY_WINDOWS: z.string().default(''),
    AVAILABILITY_TIMEZONE: z.string().min(1).default('UTC'),
    /** How long the API and workers reuse a flag they read (at most 5 s). */
    AVAILABILITY_CACHE_MS: z.coerce.number().int().min(0).max(5000).default(5000),
    /** How long a flag outlives the opening it was set for, should `up` never run. */
    AVAILABILITY_FLAG_GRACE_SECONDS: seconds(1800),
    /** Lifetime of a flag set while no schedule says when to open. */
    AVAILABILITY_FLAG_TTL_SECONDS: z.coerce.number().int().min(60).default(43_200),
    AVAILABILITY_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'letters, digits, : _ -')
      .default('popcon:availability'),
    /** `up --align` resumes this long before the opening (pod resume and warm-up). */
    AVAILABILITY_UP_LEAD_SECONDS: seconds(120),
    /** `--align` waits for the window's edge at most this long; a later run acts at once. */
    AVAILABILITY_ALIGN_MAX_WAIT_SECONDS: seconds(1800),
    /** `down` waits at most this long for work in flight to pause. */
    AVAILABILITY_DRAIN_TIMEOUT_SECONDS: seconds(300),
    /** `up` waits at most this long for the GPU worker's /ready and for machines to start. */
    AVAILABILITY_READY_TIMEOUT_SECONDS: seconds(600),
    /** The GPU worker's readiness URL; defaults to GPU_WORKER_URL + /ready. */
    AVAILABILITY_READY_URL: httpUrl().optional(),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    UPSTASH_REDIS_REST_URL: httpUrl().optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    FLY_API_TOKEN: z.string().min(1).optional(),
    FLY_APP: z
      .string()
      .regex(/^[a-z0-9-]{2,63}$/, 'a Fly app name')
      .optional(),
    FLY_PROCESS_GROUP: z.string().min(1).default('worker'),
    FLY_API_URL: httpUrl().default('https://api.machines.dev'),
    RUNPOD_API_KEY: z.string().min(1).optional(),
    RUNPOD_POD_ID: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/, 'a pod id')
      .optional(),
    RUNPOD_API_URL: httpUrl().default('https://api.runpod.io'),
  };
}

function availabilityConfig(e: z.infer<typeof envSchema>, problems: string[]): AvailabilityConfig {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: e.AVAILABILITY_TIMEZONE });
  } catch {
    problems.push('AVAILABILITY_TIMEZONE: not an IANA time zone (for example Asia/Tokyo)');
  }
  try {
    parseWindows(e.AVAILABILITY_WINDOWS);
  } catch (err) {
    problems.push(`AVAILABILITY_WINDOWS: ${err instanceof Error ? err.message : String(err)}`);
  }
  const pair = (a: string, b: string, va: unknown, vb: unknown) => {
    if ((va === undefined) !== (vb === undefined)) problems.push(`${a}, ${b}: set both or neither`);
  };
  pair(
    'UPSTASH_REDIS_REST_URL',
    'UPSTASH_REDIS_REST_TOKEN',
    e.UPSTASH_REDIS_REST_URL,
    e.UPSTASH_REDIS_REST_TOKEN,
  );
  pair('FLY_API_TOKEN', 'FLY_APP', e.FLY_API_TOKEN, e.FLY_APP);
  pair('RUNPOD_API_KEY', 'RUNPOD_POD_ID', e.RUNPOD_API_KEY, e.RUNPOD_POD_ID);
  if (e.REDIS_URL && e.UPSTASH_REDIS_REST_URL) {
    problems.push('REDIS_URL, UPSTASH_REDIS_REST_URL: choose one flag store');
  }
  const store: AvailabilityConfig['store'] = e.REDIS_URL
    ? { kind: 'redis', url: e.REDIS_URL }
    : e.UPSTASH_REDIS_REST_URL && e.UPSTASH_REDIS_REST_TOKEN
      ? { kind: 'upstash', url: e.UPSTASH_REDIS_REST_URL, token: e.UPSTASH_REDIS_REST_TOKEN }
      : { kind: 'sqlite' };
  const fly =
    e.FLY_API_TOKEN && e.FLY_APP
      ? { apiUrl: e.FLY_API_URL, token: e.FLY_API_TOKEN, app: e.FLY_APP, processGroup: e.FLY_PROCESS_GROUP }
      : null;
  const runpod =
    e.RUNPOD_API_KEY && e.RUNPOD_POD_ID
      ? { apiUrl: e.RUNPOD_API_URL, apiKey: e.RUNPOD_API_KEY, podId: e.RUNPOD_POD_ID }
      : null;
  const readyUrl =
    e.AVAILABILITY_READY_URL ?? (e.GPU_WORKER_URL ? `${e.GPU_WORKER_URL.replace(/\/$/, '')}/ready` : null);
  if (runpod && !readyUrl) {
    problems.push('AVAILABILITY_READY_URL: a RUNNING pod is not a ready service; set it or GPU_WORKER_URL');
  }
  // The controller runs elsewhere (CI) than the servers: they can only share a remote flag.
  if ((fly || runpod) && store.kind === 'sqlite') {
    problems.push(
      'REDIS_URL or UPSTASH_REDIS_REST_URL: required with FLY_* or RUNPOD_* (a shared flag store)',
    );
  }
  return {
    windows: e.AVAILABILITY_WINDOWS,
    timezone: e.AVAILABILITY_TIMEZONE,
    cacheMs: e.AVAILABILITY_CACHE_MS,
    flagGraceMs: e.AVAILABILITY_FLAG_GRACE_SECONDS * 1000,
    flagTtlMs: e.AVAILABILITY_FLAG_TTL_SECONDS * 1000,
    keyPrefix: e.AVAILABILITY_KEY_PREFIX,
    store,
    upLeadMs: e.AVAILABILITY_UP_LEAD_SECONDS * 1000,
    alignMaxWaitMs: e.AVAILABILITY_ALIGN_MAX_WAIT_SECONDS * 1000,
    drainTimeoutMs: e.AVAILABILITY_DRAIN_TIMEOUT_SECONDS * 1000,
    readyTimeoutMs: e.AVAILABILITY_READY_TIMEOUT_SECONDS * 1000,
    readyUrl,
    fly,
    runpod,
  };
}
