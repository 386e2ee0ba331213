import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../domain/errors.ts';

/** The query parameters a signed URL carries. */
export interface SignedUrlParams {
  uid?: string;
  exp?: string;
  sig?: string;
}

/** A signed URL is valid for at least this long. */
const TTL_MS = 60 * 60 * 1000;
/**
 * Expiry is rounded up to this step, so a job polled every few seconds hands
 * out the same URL for 15 minutes and the browser's image cache keeps working.
 */
const STEP_MS = 15 * 60 * 1000;

/**
 * Signed, expiring URLs for files a browser fetches without headers (`<img>`,
 * `<a download>`): an HMAC over the user, the path and the expiry. The route
 * still checks ownership against that user, so a leaked URL exposes one file
 * for at most TTL + STEP and nothing else.
 */
export class UrlSigner {
  private readonly secret: Buffer;

  /** Without a secret, a random one: URLs then only work on this process (one web instance). */
  constructor(
    secret: string | null,
    private readonly clock: () => number = Date.now,
  ) {
    this.secret = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  /** `path` (which may already have a query) with uid, exp and sig appended. */
  sign(path: string, userId: string): string {
    const exp = Math.ceil((this.clock() + TTL_MS) / STEP_MS) * (STEP_MS / 1000);
    const pathname = path.split('?')[0] ?? path;
    const sig = this.mac(userId, pathname, exp);
    const sep = path.includes('?') ? '&' : '?';
    return `${path}${sep}uid=${encodeURIComponent(userId)}&exp=${exp}&sig=${sig}`;
  }

  /** The user a signed URL was issued to, or a 401 AppError. */
  verify(pathname: string, q: SignedUrlParams): string {
    const exp = Number(q.exp);
    if (!q.uid || !q.sig || !Number.isInteger(exp))
      throw new AppError('url_signature_invalid', 'this link is incomplete');
    const expected = Buffer.from(this.mac(q.uid, pathname, exp));
    const given = Buffer.from(q.sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new AppError('url_signature_invalid', 'this link is not valid');
    if (exp * 1000 <= this.clock())
      throw new AppError('url_signature_invalid', 'this link has expired; reload the page');
    return q.uid;
  }

  private mac(userId: string, pathname: string, exp: number): string {
    return createHmac('sha256', this.secret).update(`${userId}\n${pathname}\n${exp}`).digest('base64url');
  }
}
