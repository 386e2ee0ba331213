import { z } from 'zod';
import { parseWindows } from '../availability/schedule.ts';

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

/** The availability variables of the environment schema. */
export function availabilityEnv() {
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

type AvailabilityEnv = z.infer<z.ZodObject<ReturnType<typeof availabilityEnv>>> & { GPU_WORKER_URL?: string };

/** Checks the availability variables together (pairs, one flag store) and builds their config. */
export function availabilityConfig(e: AvailabilityEnv, problems: string[]): AvailabilityConfig {
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
