import { createHash } from 'node:crypto';
import type { IdempotencyRepository, StoredAnswer } from '../db/idempotency.repository.ts';
import type { SqliteDatabase } from '../db/sqlite.ts';
import { AppError } from '../domain/errors.ts';

/** A request's Idempotency-Key and what the request was, so a reused key with other content is caught. */
export interface IdempotencyRequest {
  userId: string;
  key: string;
  fingerprint: string;
}

/** The answer a request gets: its status and body. */
export interface Answer<T> {
  statusCode: number;
  body: T;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

/** Thrown inside a transaction when another request claimed the key first; the transaction rolls back. */
export class KeyAlreadyClaimed extends Error {
  constructor(readonly answer: StoredAnswer) {
    super('idempotency key already claimed');
    this.name = 'KeyAlreadyClaimed';
  }
}

const KEY = /^[\x21-\x7e]{1,255}$/;

/** Checks an Idempotency-Key header value: 1–255 visible ASCII characters. */
export function parseIdempotencyKey(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !KEY.test(value))
    throw new AppError('bad_request', 'Idempotency-Key must be 1 to 255 visible ASCII characters');
  return value;
}

/** A stable digest of what a request asks for (route, parameters, body). */
export function fingerprint(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

/**
 * "The same key twice returns the first answer and starts nothing new." The key is
 * claimed in the same IMMEDIATE transaction as the work it guards, so two identical
 * requests racing (a double click, or two processes) cannot both do the work: the
 * second waits for the write lock, then finds the key and gets the first answer.
 */
export class IdempotencyService {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly repo: IdempotencyRepository,
    private readonly clock: () => number,
  ) {}

  /** Runs synchronous database `work` once per key (or always, without a key), answering `statusCode`. */
  once<T>(req: IdempotencyRequest | undefined, statusCode: number, work: () => T): Answer<T | unknown> {
    if (!req) return { statusCode, body: work(), replayed: false };
    return this.db
      .transaction((): Answer<T | unknown> => {
        const stored = this.replay(req);
        if (stored) return stored;
        const body = work();
        this.repo.save(req.userId, req.key, { fingerprint: req.fingerprint, statusCode, body }, this.clock());
        return { statusCode, body, replayed: false };
      })
      .immediate();
  }

  /** The first answer for this key, if there is one; a key reused for another request is refused. */
  replay(req: IdempotencyRequest): Answer<unknown> | undefined {
    const stored = this.repo.find(req.userId, req.key, this.clock());
    if (!stored) return undefined;
    this.checkSameRequest(req, stored);
    return { statusCode: stored.statusCode, body: stored.body, replayed: true };
  }

  /**
   * For work that is partly asynchronous (an upload): call inside the work's own final
   * transaction. Stores the answer, or throws KeyAlreadyClaimed when a racing request
   * with the same key got there first (so this one's writes roll back).
   */
  claim(req: IdempotencyRequest, statusCode: number, body: unknown): void {
    const stored = this.repo.find(req.userId, req.key, this.clock());
    if (stored) {
      this.checkSameRequest(req, stored);
      throw new KeyAlreadyClaimed(stored);
    }
    this.repo.save(req.userId, req.key, { fingerprint: req.fingerprint, statusCode, body }, this.clock());
  }

  private checkSameRequest(req: IdempotencyRequest, stored: StoredAnswer): void {
    if (stored.fingerprint !== req.fingerprint)
      throw new AppError(
        'idempotency_key_reused',
        'this Idempotency-Key was already used for a different request; use a new key for a new request',
      );
  }
}
