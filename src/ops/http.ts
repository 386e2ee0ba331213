import type { z } from 'zod';

/** Clock, sleep and randomness for the controller: injected, so tests run hours of waiting instantly. */
export interface OpsClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/** The real clock. */
export const systemClock: OpsClock = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest wait for one reply; a slower one is abandoned and retried. */
  timeoutMs: number;
  /** A Retry-After longer than this is not waited for: the call fails instead. */
  maxRetryAfterMs: number;
}

/**
 * 4 tries over about 7 s: a cron run rides out a provider's short 5xx blip or
 * a 429 but gives up well inside its own job timeout.
 */
export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  timeoutMs: 15_000,
  maxRetryAfterMs: 60_000,
};

/** A reply the provider sent but we did not want (after retries, when retrying could help). */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    message: string,
    readonly status: number,
    readonly contentType: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

/** No usable reply at all: network failure, timeout, or a reply that does not match its schema. */
export class TransportError extends Error {
  override name = 'TransportError';
}

/** Capped exponential backoff with jitter (half to full delay). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const base = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.5 + random() * 0.5));
}

/** Retry-After as seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);

export interface JsonRequest<S extends z.ZodType> {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** Schema of a successful reply's body. */
  schema: S;
  /** Statuses that are answers, not errors (Fly's 408 from wait). */
  accept?: number[];
  timeoutMs?: number;
}

/**
 * A JSON-over-HTTP client for one provider: authorisation header, per-call
 * timeout, retries with backoff on network errors, timeouts, 429 (honouring
 * Retry-After) and 5xx, and every reply parsed with a schema, never cast.
 */
export class JsonHttpClient {
  constructor(
    private readonly options: {
      name: string;
      baseUrl: string;
      authorization: string;
      clock: OpsClock;
      retry?: RetryPolicy;
      fetch?: typeof fetch;
    },
  ) {}

  /** Sends one request; resolves to the status and the parsed body. */
  async send<S extends z.ZodType>(req: JsonRequest<S>): Promise<{ status: number; data: z.infer<S> }> {
    const policy = this.options.retry ?? DEFAULT_RETRY;
    const { clock, name } = this.options;
    const label = `${name}: ${req.method} ${req.path}`;
    for (let attempt = 1; ; attempt++) {
      let retryIn: number | undefined;
      let failure: Error;
      try {
        const res = await this.fetchOnce(req, policy);
        const text = await res.text();
        const contentType = res.headers.get('content-type') ?? '';
        const body = parseBody(text);
        if (res.ok || req.accept?.includes(res.status)) {
          const parsed = req.schema.safeParse(body);
          if (!parsed.success) {
            throw new TransportError(
              `${label}: unexpected reply (${parsed.error.issues[0]?.message ?? 'schema'})`,
            );
          }
          return { status: res.status, data: parsed.data };
        }
        failure = new HttpError(`${label} answered ${res.status}`, res.status, contentType, body);
        if (!RETRY_STATUS.has(res.status)) throw failure;
        retryIn = parseRetryAfter(res.headers.get('retry-after'), clock.now());
        if (retryIn !== undefined && retryIn > policy.maxRetryAfterMs) throw failure;
      } catch (err) {
        if (err instanceof HttpError || err instanceof TransportError) throw err;
        const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
        failure = new TransportError(`${label}: ${timedOut ? 'no reply in time' : 'network error'}`, {
          cause: err,
        });
      }
      if (attempt >= policy.attempts) throw failure;
      await clock.sleep(retryIn ?? backoffDelay(attempt, policy, clock.random));
    }
  }

  private fetchOnce(req: JsonRequest<z.ZodType>, policy: RetryPolicy): Promise<Response> {
    const doFetch = this.options.fetch ?? fetch;
    const headers: Record<string, string> = {
      authorization: this.options.authorization,
      accept: 'application/json, application/problem+json',
    };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    return doFetch(new URL(req.path, this.options.baseUrl), {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: AbortSignal.timeout(req.timeoutMs ?? policy.timeoutMs),
    });
  }
}

/** A failed call in one line for reports: the provider's own words when its error body has them. */
export function errorText(err: unknown): string {
  if (err instanceof HttpError && err.body && typeof err.body === 'object') {
    const b = err.body as { error?: unknown; detail?: unknown; title?: unknown };
    const words = [b.error, b.title, b.detail].filter((w): w is string => typeof w === 'string');
    if (words.length > 0) return `${err.message}: ${words.join(': ')}`;
  }
  return err instanceof Error ? err.message : String(err);
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
