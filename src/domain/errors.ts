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
  | 'not_found'
  | 'not_ready'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'conflict'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_image: 422,
  image_too_large: 422,
  unknown_action: 422,
  unknown_character: 422,
  unknown_platform: 422,
  invalid_actions: 422,
  not_found: 404,
  not_ready: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  conflict: 409,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = STATUS[code];
  }
}

/** True when `err` is an AppError (also across module copies). */
export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
