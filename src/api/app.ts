import fs from 'node:fs';
import path from 'node:path';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { registerAvailability } from '../availability/availability.plugin.ts';
import { RateLimiter } from '../quota/rate-limiter.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { errorBody, handleError } from './errors.ts';
import { registerCurrentUser, registerRouteTable } from './plugins/current-user.ts';
import { registerSecurity } from './plugins/security.ts';
import { registerGenerateSetRoutes } from './routes/generate-set.routes.ts';
import { registerJobEventsRoutes } from './routes/job-events.routes.ts';
import { registerJobsRoutes } from './routes/jobs.routes.ts';
import { registerMeRoutes } from './routes/me.routes.ts';
import { registerMetaRoutes } from './routes/meta.routes.ts';
import { registerRefineRoutes } from './routes/refine.routes.ts';

export interface AppOptions {
  /** Built SPA directory; when it has no index.html, only the API is served. */
  webRoot?: string;
  logger?: Logger | false;
}

/** Where `vite build` writes the web app. */
export const DEFAULT_WEB_ROOT = path.resolve(import.meta.dirname, '../../dist/web');

/** Builds the HTTP app without listening, so tests can drive it with `inject`. */
export async function buildApp(runtime: Runtime, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = runtime;
  const app = Fastify({
    // pino's Logger is a superset of Fastify's logger interface; the cast only narrows it.
    loggerInstance: (options.logger === false
      ? pino({ level: 'silent' })
      : (options.logger ?? runtime.deps.logger)) as FastifyBaseLogger,
    // JSON bodies are small (ids and lists); images travel as multipart.
    bodyLimit: 64 * 1024,
    genReqId: () => runtime.deps.newId().slice(0, 12),
  });
  registerRouteTable(app);
  app.setErrorHandler(handleError);
  await app.register(multipart, {
    limits: { fileSize: config.limits.maxUploadBytes, files: 1, fields: 8, parts: 10, fieldSize: 4096 },
  });

  await registerSecurity(app, config);
  // Users quote it when reporting a problem; operators find it in the audit trail.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const { clock } = runtime.deps;
  const perMinute = config.quota.requestsPerMinute;
  registerCurrentUser(app, {
    authenticator: runtime.authenticator,
    urlSigner: runtime.urlSigner,
    rateLimiter: perMinute === null ? null : new RateLimiter(perMinute, clock),
    clock,
  });
  registerAvailability(app, { availability: runtime.availability, clock });
  registerMetaRoutes(app, config, runtime.deps.engine);
  registerMeRoutes(app, runtime.quota, runtime.audit, clock);
  registerGenerateSetRoutes(app, runtime.jobs, runtime.idempotency);
  registerJobsRoutes(app, runtime.jobs, runtime.urlSigner);
  registerRefineRoutes(app, {
    jobs: runtime.jobs,
    refine: runtime.refine,
    matte: runtime.matte,
    frames: runtime.frames,
    signer: runtime.urlSigner,
  });
  registerJobEventsRoutes(app, runtime.jobs, runtime.deps.bus, runtime.urlSigner);

  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  const hasWeb = fs.existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (!url.startsWith('/api/') && request.method === 'GET' && hasWeb) {
      // History-routed SPA pages (/create, /jobs/…) all load the same shell.
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(errorBody('not_found', `no route ${request.method} ${url}`));
  });
  return app;
}
