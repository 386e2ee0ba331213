import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
} from 'fastify';
import type { Logger } from 'pino';
import type { ZodType, z } from 'zod';
import { isAppError } from '../domain/errors.ts';
import {
  AnimateRequestSchema,
  CONTRACT_VERSION,
  type HealthReply,
  MASTER_CONTENT_TYPE,
  MASTER_HEADERS,
  MatteRequestSchema,
  ROUTES,
} from '../gpu/contract.ts';
import { bearerMatches } from './auth.ts';
import { buildOpenApiDocument } from './openapi.ts';
import type { RenderService } from './render.service.ts';
import { WorkerError } from './worker-error.ts';

/** warming: listening, engines loading; ready: serving; draining: finishing work in flight before exit. */
export type WorkerState = 'warming' | 'ready' | 'draining';

export interface GpuWorkerAppDeps {
  /** Undefined until the engines are loaded. */
  service: () => RenderService | undefined;
  state: () => WorkerState;
  /** Undefined only on loopback (checked at start). */
  token: string | undefined;
  maxBodyBytes: number;
  logger: Logger;
}

function send(reply: FastifyReply, err: WorkerError) {
  if (err.retryAfterSeconds !== undefined) reply.header('retry-after', String(err.retryAfterSeconds));
  if (err.code === 'unauthorized') reply.header('www-authenticate', 'Bearer');
  return reply.status(err.status).send({ error: { code: err.code, message: err.message } });
}

function parse<S extends ZodType>(s: S, body: unknown): z.output<S> {
  const r = s.safeParse(body);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new WorkerError(
      'bad_request',
      `${first?.path.join('.') || 'body'}: ${first?.message ?? 'invalid'}`,
    );
  }
  return r.data;
}

/** Maps every error to the contract's one error shape; unknown errors are a logged 500. */
function toWorkerError(err: unknown): WorkerError | undefined {
  if (err instanceof WorkerError) return err;
  if (isAppError(err) && err.status < 500) {
    // Decoding errors of the pictures we were sent (png.codec) are the client's input, not our failure.
    const code =
      err.code === 'payload_too_large'
        ? 'payload_too_large'
        : err.code === 'invalid_image' || err.code === 'image_too_large'
          ? 'invalid_image'
          : 'bad_request';
    return new WorkerError(code, err.message);
  }
  const fe = err as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new WorkerError('payload_too_large', 'the request is too large');
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new WorkerError('bad_request', 'send application/json');
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new WorkerError('bad_request', fe.message);
  }
  return undefined;
}

/**
 * The gpu-worker HTTP app, built apart from listening so tests can `inject`.
 * Routes are thin: auth and readiness in hooks, the work in RenderService.
 */
export function buildGpuWorkerApp(deps: GpuWorkerAppDeps): FastifyInstance {
  const app = Fastify({
    // pino's Logger is a superset of Fastify's logger interface; the cast only narrows it.
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.maxBodyBytes,
    // New requests on kept-alive connections get 503 while closing, which the client retries.
    return503OnClosing: true,
  });

  app.setErrorHandler((err, request, reply) => {
    const known = toWorkerError(err);
    if (known) return send(reply, known);
    request.log.error({ err }, 'render failed');
    return send(reply, new WorkerError('internal', 'the render failed on the worker; retry'));
  });

  // Before the body is read: an unauthenticated client cannot make us buffer 16 MB.
  app.addHook('onRequest', async (request, reply) => {
    // The matched route, not the raw URL: `/%761/animate` routes to /v1/animate too.
    if (!request.routeOptions.url?.startsWith('/v1/')) return;
    if (deps.token !== undefined && !bearerMatches(request.headers.authorization, deps.token)) {
      return send(reply, new WorkerError('unauthorized', 'missing or wrong bearer token'));
    }
    if (deps.state() !== 'ready' || !deps.service()) {
      const why = deps.state() === 'draining' ? 'shutting down' : 'warming up';
      return send(reply, new WorkerError('not_ready', `the worker is ${why}; wait for /ready`, 1));
    }
  });

  // While draining, end each connection with its reply: a kept-alive socket would hold close() open.
  app.addHook('onSend', async (_request, reply) => {
    if (deps.state() === 'draining') reply.header('connection', 'close');
  });

  app.get(ROUTES.health, async (): Promise<HealthReply> => {
    const stats = deps.service()?.stats() ?? {
      inFlight: 0,
      capacity: 1,
      renders: { matte: 0, animate: 0 },
      cache: { entries: 0, hits: 0, coalesced: 0 },
    };
    return { status: 'ok', state: deps.state(), contract: CONTRACT_VERSION, ...stats };
  });

  app.get(ROUTES.ready, async (_request, reply) => {
    const state = deps.state();
    if (state === 'ready') return { status: 'ready' };
    return reply.status(503).header('retry-after', '1').send({ status: state });
  });

  const openapi = buildOpenApiDocument();
  app.get(ROUTES.openapi, async () => openapi);

  app.post(ROUTES.matte, async (request, reply) => {
    const { reply: body, cache } = await deps.service()!.matte(parse(MatteRequestSchema, request.body));
    return reply.header(MASTER_HEADERS.cache, cache).send(body);
  });

  app.post(ROUTES.animate, async (request, reply) => {
    const { reply: master, cache } = await deps.service()!.animate(parse(AnimateRequestSchema, request.body));
    return reply
      .headers({ ...master.headers, [MASTER_HEADERS.cache]: cache })
      .type(MASTER_CONTENT_TYPE)
      .send(master.body);
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, new WorkerError('not_found', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
  return app;
}
