import type { Logger } from 'pino';
import { AppError } from '../domain/errors.ts';
import { ErrorReplySchema, ROUTES } from './contract.ts';

export interface GpuWorkerClientOptions {
  /** Base URL of the worker, e.g. `https://pod-8081.proxy.runpod.net`. */
  url: string;
  token?: string;
  /** Longest wait for one reply, body included. */
  timeoutMs: number;
  /** Attempts after the first, on timeouts, lost connections, 5xx and 429. */
  retries: number;
  /** Longest wait for GET /ready to say 200 (a pod warming up). */
  readyTimeoutMs: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  logger?: Logger;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

/** A successful reply, body already read (a worker dying mid-body is a retryable failure). */
export interface WorkerReply {
  headers: Headers;
  body: Buffer;
}

/** The worker could not be reached or kept failing; the message is meant for the user. */
export class GpuWorkerUnavailableError extends Error {
  override name = 'GpuWorkerUnavailableError';
}

/** The worker refused a request for good (4xx other than 429); retrying the same request will not help. */
export class GpuWorkerRejectedError extends Error {
  override name = 'GpuWorkerRejectedError';
}

// A Retry-After longer than this is clamped: a confused worker must not park a task for an hour.
const MAX_RETRY_AFTER_MS = 30_000;

/** Seconds or an HTTP date, as milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

function describe(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return `no reply within ${seconds(timeoutMs)}`;
  }
  const code = (err as { cause?: { code?: string } })?.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was cut';
  return err instanceof Error ? (code ? `${err.message} (${code})` : err.message) : String(err);
}

/**
 * HTTP transport to the gpu-worker: bearer token, per-request timeout, capped
 * exponential backoff with jitter on timeouts, lost connections, 5xx and 429
 * (honouring Retry-After), and a wait for GET /ready before the first request
 * and after the worker went away, so a pod that is still warming up delays
 * work instead of failing it.
 */
export class GpuWorkerClient {
  private ready = false;
  private readyWait: Promise<void> | undefined;
  private readonly base: string;
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(private readonly opts: GpuWorkerClientOptions) {
    this.base = opts.url.replace(/\/+$/, '');
    this.fetch = opts.fetch ?? fetch;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = opts.random ?? Math.random;
    this.now = opts.now ?? Date.now;
  }

  /** Delay before retry `attempt` (0-based): half fixed, half random, doubling up to the cap. */
  backoff(attempt: number): number {
    const ceiling = Math.min(this.opts.backoffCapMs ?? 8000, (this.opts.backoffBaseMs ?? 250) * 2 ** attempt);
    return ceiling / 2 + (this.random() * ceiling) / 2;
  }

  /** POSTs a JSON body and returns the 2xx reply, retrying what a retry can fix. */
  async post(path: string, body: unknown): Promise<WorkerReply> {
    const payload = JSON.stringify(body);
    const tries = this.opts.retries + 1;
    let last = '';
    for (let attempt = 0; attempt < tries; attempt++) {
      await this.waitUntilReady();
      let delay = this.backoff(attempt);
      try {
        const res = await this.fetch(`${this.base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...this.auth() },
          body: payload,
          signal: AbortSignal.timeout(this.opts.timeoutMs),
        });
        const bytes = Buffer.from(await res.arrayBuffer());
        if (res.ok) return { headers: res.headers, body: bytes };
        last = this.failure(res.status, bytes);
        const retryAfter = parseRetryAfter(res.headers.get('retry-after'), this.now());
        if (res.status === 503) this.ready = false;
        if (retryAfter !== undefined) delay = Math.max(delay, Math.min(retryAfter, MAX_RETRY_AFTER_MS));
      } catch (err) {
        if (err instanceof GpuWorkerRejectedError || err instanceof AppError) throw err;
        last = describe(err, this.opts.timeoutMs);
        // A lost connection usually means a restart: wait for the new process to be ready.
        this.ready = false;
      }
      if (attempt + 1 < tries) {
        this.opts.logger?.warn(
          { path, attempt: attempt + 1, reason: last, delayMs: Math.round(delay) },
          'gpu-worker call failed; retrying',
        );
        await this.sleep(delay);
      }
    }
    throw new GpuWorkerUnavailableError(
      `the render service did not answer after ${tries} ${tries === 1 ? 'try' : 'tries'} (last: ${last}); please try again later`,
    );
  }

  /** Resolves once GET /ready answers 200; throws after `readyTimeoutMs`. Concurrent callers share one wait. */
  waitUntilReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    this.readyWait ??= this.pollReady().finally(() => {
      this.readyWait = undefined;
    });
    return this.readyWait;
  }

  private async pollReady(): Promise<void> {
    const deadline = this.now() + this.opts.readyTimeoutMs;
    let last = '';
    for (let i = 0; ; i++) {
      try {
        const res = await this.fetch(`${this.base}${ROUTES.ready}`, {
          signal: AbortSignal.timeout(Math.min(5000, this.opts.timeoutMs)),
        });
        await res.arrayBuffer();
        if (res.status === 200) {
          this.ready = true;
          return;
        }
        last = `GET /ready answered ${res.status}`;
      } catch (err) {
        last = describe(err, Math.min(5000, this.opts.timeoutMs));
      }
      if (this.now() >= deadline) {
        throw new GpuWorkerUnavailableError(
          `the render service was not ready within ${seconds(this.opts.readyTimeoutMs)} (${last}); please try again later`,
        );
      }
      await this.sleep(Math.min(1000, this.backoff(i), Math.max(0, deadline - this.now())));
    }
  }

  private auth(): Record<string, string> {
    return this.opts.token ? { authorization: `Bearer ${this.opts.token}` } : {};
  }

  /** Describes a failed reply, throwing when retrying cannot help. */
  private failure(status: number, body: Buffer): string {
    let code = 'http_error';
    let message = `HTTP ${status}`;
    try {
      const parsed = ErrorReplySchema.safeParse(JSON.parse(body.toString('utf8')));
      if (parsed.success) ({ code, message } = parsed.data.error);
    } catch {
      // Not JSON (a proxy's error page): keep the status line.
    }
    if (status === 429 || status >= 500) return `HTTP ${status}: ${message}`;
    if (code === 'invalid_image' || code === 'image_too_large') throw new AppError(code, message);
    if (status === 401 || status === 403) {
      throw new GpuWorkerRejectedError(
        `the render service refused our credentials (HTTP ${status}); check GPU_WORKER_TOKEN`,
      );
    }
    throw new GpuWorkerRejectedError(`the render service refused the request: ${message}`);
  }
}
