/**
 * The one error type services throw. Codes are stable strings that clients may
 * branch on; the HTTP status is decided here, once, never in a route.
 */
export type ErrorCode =
  | 'bad_request'
  | 'invalid_image'
  | 'image_too_large'
  | 'unknown_action'
  | 'unknown_character'
  | 'unknown_platform'
  | 'invalid_actions'
  | 'invalid_params'
  | 'not_found'
  | 'not_ready'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'conflict'
  // The same Idempotency-Key was sent with a different request.
  | 'idempotency_key_reused'
  | 'internal'
  // 401: no usable credential. Each token failure has its own code, so a client
  // (and an operator reading logs) knows whether to refresh, re-sign-in or report a bug.
  | 'token_missing'
  | 'token_malformed'
  | 'token_expired'
  | 'token_not_yet_valid'
  | 'token_wrong_audience'
  | 'token_wrong_issuer'
  | 'token_bad_signature'
  | 'token_alg_not_allowed'
  | 'token_unknown_kid'
  | 'token_missing_subject'
  | 'url_signature_invalid'
  // 429: a per-user cost limit; the reply carries Retry-After.
  | 'quota_running_jobs'
  | 'quota_daily_emojis'
  | 'rate_limited'
  // 503: the sign-in certificates could not be fetched.
  | 'auth_unavailable';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_image: 422,
  image_too_large: 422,
  unknown_action: 422,
  unknown_character: 422,
  unknown_platform: 422,
  invalid_actions: 422,
  invalid_params: 422,
  not_found: 404,
  not_ready: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  conflict: 409,
  idempotency_key_reused: 422,
  internal: 500,
  token_missing: 401,
  token_malformed: 401,
  token_expired: 401,
  token_not_yet_valid: 401,
  token_wrong_audience: 401,
  token_wrong_issuer: 401,
  token_bad_signature: 401,
  token_alg_not_allowed: 401,
  token_unknown_kid: 401,
  token_missing_subject: 401,
  url_signature_invalid: 401,
  quota_running_jobs: 429,
  quota_daily_emojis: 429,
  rate_limited: 429,
  auth_unavailable: 503,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Seconds after which a retry may succeed (429, 503); sent as Retry-After. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = STATUS[code];
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

/** True when `err` is an AppError (also across module copies). */
export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
