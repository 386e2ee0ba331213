import { createHash } from 'node:crypto';
import { base64url, compactVerify, decodeProtectedHeader, errors } from 'jose';
import { AppError, type ErrorCode } from '../domain/errors.ts';
import type { CertificateSource } from './certificate-source.ts';

/** What PopCon takes from a verified Firebase ID token. */
export interface VerifiedToken {
  uid: string;
  email: string | null;
  name: string | null;
  picture: string | null;
  /** When the user signed in (seconds): the same for every refreshed token of one sign-in session. */
  authTime: number;
  signInProvider: string | null;
}

export interface TokenVerifierOptions {
  projectId: string;
  certificates: CertificateSource;
  /** Accept the Auth emulator's unsigned (`alg: none`) tokens. Never in production. */
  acceptUnsigned?: boolean;
  clock?: () => number;
  /** Clock skew tolerated on exp, iat and auth_time. */
  skewSeconds?: number;
}

/**
 * Verified tokens are remembered until they expire: a browser sends the same
 * token for up to an hour, and the RSA check cost a quarter of the throughput
 * of GET /api/jobs (bench/auth.bench.ts: 1094 vs 1427 req/s). Bounded, and
 * cleared when full (10,000 × ~300 bytes).
 */
const CACHE_LIMIT = 10_000;

/** The 401 every failed check throws; the code says which check failed. */
function reject(code: ErrorCode, message: string): never {
  throw new AppError(code, message);
}

/**
 * Verifies Firebase ID tokens: RS256 signed by a current Google securetoken
 * certificate (by `kid`), `aud` = project id, `iss` = securetoken issuer of the
 * project, `exp` in the future, `iat` and `auth_time` in the past, `sub`
 * non-empty. The signature is checked with jose; the claims are checked here,
 * one by one, so each failure has its own error code.
 */
export class FirebaseTokenVerifier {
  private readonly issuer: string;
  private readonly clock: () => number;
  private readonly skew: number;
  private readonly verified = new Map<string, { token: VerifiedToken; exp: number }>();

  constructor(private readonly options: TokenVerifierOptions) {
    this.issuer = `https://securetoken.google.com/${options.projectId}`;
    this.clock = options.clock ?? Date.now;
    // 5 s: ID tokens live an hour; servers and Google agree to well under a second (NTP).
    this.skew = options.skewSeconds ?? 5;
  }

  /** The token's user, or an AppError with a token_* code. */
  async verify(token: string): Promise<VerifiedToken> {
    const key = createHash('sha256').update(token).digest('base64url');
    const hit = this.verified.get(key);
    if (hit && hit.exp > this.clock() / 1000 - this.skew) return hit.token;
    if (hit) this.verified.delete(key);
    const result = await this.verifyUncached(token);
    if (this.verified.size >= CACHE_LIMIT) this.verified.clear();
    this.verified.set(key, result);
    return result.token;
  }

  private async verifyUncached(token: string): Promise<{ token: VerifiedToken; exp: number }> {
    const parts = token.split('.');
    if (parts.length !== 3) reject('token_malformed', 'the sign-in token is not a JWT');
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      return reject('token_malformed', 'the sign-in token header cannot be read');
    }
    const claims =
      header.alg === 'none' && this.options.acceptUnsigned && parts[2] === ''
        ? decodeClaims(parts[1])
        : await this.verifySignature(token, header);
    return { token: this.checkClaims(claims), exp: claims.exp as number };
  }

  private async verifySignature(
    token: string,
    header: ReturnType<typeof decodeProtectedHeader>,
  ): Promise<Record<string, unknown>> {
    if (header.alg !== 'RS256') {
      reject('token_alg_not_allowed', `sign-in tokens must be RS256-signed, not ${String(header.alg)}`);
    }
    if (typeof header.kid !== 'string' || header.kid === '')
      reject('token_unknown_kid', 'the sign-in token names no key');
    const key = await this.options.certificates.key(header.kid);
    if (!key) reject('token_unknown_kid', 'the sign-in token was signed by an unknown key');
    try {
      const { payload } = await compactVerify(token, key, { algorithms: ['RS256'] });
      return parseClaims(new TextDecoder().decode(payload));
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (err instanceof errors.JWSSignatureVerificationFailed)
        reject('token_bad_signature', 'the sign-in token signature is not valid');
      return reject('token_malformed', 'the sign-in token is malformed');
    }
  }

  private checkClaims(c: Record<string, unknown>): VerifiedToken {
    const now = this.clock() / 1000;
    if (c.aud !== this.options.projectId)
      reject('token_wrong_audience', 'the sign-in token is for another project');
    if (c.iss !== this.issuer) reject('token_wrong_issuer', 'the sign-in token comes from another issuer');
    if (typeof c.sub !== 'string' || c.sub === '' || c.sub.length > 128)
      reject('token_missing_subject', 'the sign-in token names no user');
    if (!isTime(c.exp) || !isTime(c.iat) || !isTime(c.auth_time))
      reject('token_malformed', 'the sign-in token lacks its times');
    if (c.exp <= now - this.skew) reject('token_expired', 'the sign-in token has expired; sign in again');
    if (c.iat > now + this.skew || c.auth_time > now + this.skew)
      reject('token_not_yet_valid', 'the sign-in token is not valid yet; check the clock');
    const firebase = (typeof c.firebase === 'object' && c.firebase) || {};
    const provider = (firebase as { sign_in_provider?: unknown }).sign_in_provider;
    return {
      uid: c.sub,
      email: optionalString(c.email),
      name: optionalString(c.name),
      picture: optionalString(c.picture),
      authTime: c.auth_time,
      signInProvider: optionalString(provider),
    };
  }
}

function isTime(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function optionalString(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v.slice(0, 2048) : null;
}

function decodeClaims(segment: string): Record<string, unknown> {
  try {
    return parseClaims(new TextDecoder().decode(base64url.decode(segment)));
  } catch (err) {
    if (err instanceof AppError) throw err;
    return reject('token_malformed', 'the sign-in token payload cannot be read');
  }
}

function parseClaims(json: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return reject('token_malformed', 'the sign-in token payload is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    reject('token_malformed', 'the sign-in token payload is not an object');
  return value as Record<string, unknown>;
}
