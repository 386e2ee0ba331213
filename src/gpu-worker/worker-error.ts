import type { ERROR_CODES } from '../gpu/contract.ts';

export type WorkerErrorCode = keyof typeof ERROR_CODES;

const STATUS: Record<WorkerErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  task_conflict: 409,
  payload_too_large: 413,
  invalid_image: 422,
  render_failed: 422,
  overloaded: 429,
  internal: 500,
  not_ready: 503,
};

/** The gpu-worker's one error type; its code and status are the contract's (see ERROR_CODES). */
export class WorkerError extends Error {
  readonly status: number;

  constructor(
    readonly code: WorkerErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'WorkerError';
    this.status = STATUS[code];
  }
}
