import path from 'node:path';
import { z } from 'zod';

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
});

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
  auth: { mode: 'local'; allowRemote: boolean };
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
  const dataDir = path.resolve(e.DATA_DIR);
  // Local single-user mode has no sign-in, so it listens on loopback unless told otherwise.
  const host = e.HOST ?? (e.LOCAL_MODE_ALLOW_REMOTE ? '0.0.0.0' : '127.0.0.1');
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
    auth: { mode: 'local', allowRemote: e.LOCAL_MODE_ALLOW_REMOTE },
  };
}
