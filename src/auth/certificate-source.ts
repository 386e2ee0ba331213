import { importX509, type KeyLike } from 'jose';
import type { Logger } from 'pino';
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';

/** Where verification keys come from, by `kid`. */
export interface CertificateSource {
  /** The public key for `kid`, or undefined when no current certificate has that id. */
  key(kid: string): Promise<KeyLike | undefined>;
}

/** Google's reply: kid → X.509 certificate in PEM. Checked, never cast. */
const certificateMap = z.record(z.string().min(1).max(200), z.string().includes('BEGIN CERTIFICATE'));

/** Used when the reply has no max-age: short, so a missing header cannot pin old keys for long. */
const DEFAULT_MAX_AGE_S = 60;
/**
 * An unknown kid triggers at most one refetch per 30 s: Google publishes a new
 * key hours before signing with it, so a miss inside a fresh cache is almost
 * always a forged or foreign token, and refetching on each one would let
 * anyone make us hammer the certificate endpoint.
 */
const MIN_REFETCH_MS = 30_000;

export interface HttpCertificateSourceOptions {
  fetch?: typeof fetch;
  clock?: () => number;
  logger?: Pick<Logger, 'warn'>;
}

/**
 * Google's securetoken certificates (or a test server serving the same shape),
 * cached for their Cache-Control max-age. One fetch is shared by concurrent
 * callers. When a refresh fails, the previous keys stay in use until a later
 * refresh succeeds; with no keys at all, verification answers 503 (auth_unavailable).
 */
export class HttpCertificateSource implements CertificateSource {
  private keys = new Map<string, KeyLike>();
  private expiresAt = 0;
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private inflight: Promise<void> | undefined;
  private readonly fetchFn: typeof fetch;
  private readonly clock: () => number;

  constructor(
    private readonly url: string,
    private readonly options: HttpCertificateSourceOptions = {},
  ) {
    this.fetchFn = options.fetch ?? fetch;
    this.clock = options.clock ?? Date.now;
  }

  async key(kid: string): Promise<KeyLike | undefined> {
    const now = this.clock();
    if (now >= this.expiresAt) await this.refresh();
    else if (!this.keys.has(kid) && now - this.fetchedAt >= MIN_REFETCH_MS) await this.refresh();
    if (this.keys.size === 0) {
      throw new AppError('auth_unavailable', 'sign-in is unavailable right now; please try again shortly', {
        retryAfterSeconds: MIN_REFETCH_MS / 1000,
      });
    }
    return this.keys.get(kid);
  }

  private refresh(): Promise<void> {
    this.inflight ??= this.load().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async load(): Promise<void> {
    const now = this.clock();
    this.fetchedAt = now;
    try {
      const res = await this.fetchFn(this.url, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`certificate endpoint answered ${res.status}`);
      const certs = certificateMap.parse(await res.json());
      const keys = new Map<string, KeyLike>();
      for (const [kid, pem] of Object.entries(certs)) keys.set(kid, await importX509(pem, 'RS256'));
      this.keys = keys;
      this.expiresAt = now + maxAgeSeconds(res.headers.get('cache-control')) * 1000;
    } catch (err) {
      // Retry no sooner than MIN_REFETCH_MS; keep serving the last good keys meanwhile.
      this.expiresAt = now + MIN_REFETCH_MS;
      this.options.logger?.warn({ err, url: this.url }, 'could not refresh the sign-in certificates');
    }
  }
}

/** The max-age of a Cache-Control header, in seconds. */
export function maxAgeSeconds(cacheControl: string | null): number {
  const match = /(?:^|,)\s*max-age=(\d+)/i.exec(cacheControl ?? '');
  return match ? Number(match[1]) : DEFAULT_MAX_AGE_S;
}
