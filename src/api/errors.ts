import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../domain/errors.ts';

/** The one error body shape of the API. */
export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/**
 * Maps every error to HTTP in one place: AppErrors by their code, framework
 * errors (bad JSON, body limits, multipart limits) to clear 4xx replies, and
 * anything else to a plain 500 that is logged with its cause.
 */
export function handleError(err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (isAppError(err)) {
    if (err.retryAfterSeconds !== undefined) reply.header('retry-after', String(err.retryAfterSeconds));
    if (err.status === 401) request.log.info({ code: err.code }, 'request refused: no valid credential');
    if (err.status >= 500) request.log.error({ err }, err.message);
    return reply.status(err.status).send(errorBody(err.code, err.message));
  }
  const fe = err as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply.status(400).send(errorBody('bad_request', 'the request body is not valid JSON'));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return reply.status(413).send(errorBody('payload_too_large', tooLargeMessage(fe.code)));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply
        .status(415)
        .send(errorBody('unsupported_media_type', 'send multipart/form-data or application/json'));
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return reply.status(400).send(errorBody('bad_request', 'the multipart body is malformed'));
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Other framework-level client errors (for example a malformed multipart stream).
    return reply.status(fe.statusCode).send(errorBody('bad_request', fe.message));
  }
  request.log.error({ err }, 'unhandled error');
  return reply.status(500).send(errorBody('internal', 'something went wrong on our side; please try again'));
}

function tooLargeMessage(code: string): string {
  if (code === 'FST_REQ_FILE_TOO_LARGE') return 'the image is larger than the upload limit';
  if (code === 'FST_FILES_LIMIT') return 'send one image per request';
  return 'the request is too large';
}
