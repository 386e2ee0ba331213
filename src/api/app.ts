import fs from 'node:fs';
import path from 'node:path';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { LOCAL_USER, type Runtime } from '../runtime/runtime.ts';
import { errorBody, handleError } from './errors.ts';
import { registerCurrentUser } from './plugins/current-user.ts';
import { registerGenerateSetRoutes } from './routes/generate-set.routes.ts';
import { registerJobEventsRoutes } from './routes/job-events.routes.ts';
import { registerJobsRoutes } from './routes/jobs.routes.ts';
import { registerMetaRoutes } from './routes/meta.routes.ts';

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
  app.setErrorHandler(handleError);
  await app.register(multipart, {
    limits: { fileSize: config.limits.maxUploadBytes, files: 1, fields: 8, parts: 10, fieldSize: 4096 },
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
  });

  registerCurrentUser(app, LOCAL_USER);
  registerMetaRoutes(app, config, runtime.deps.engine);
  registerGenerateSetRoutes(app, runtime.jobs);
  registerJobsRoutes(app, runtime.jobs);
  registerJobEventsRoutes(app, runtime.jobs, runtime.deps.bus);

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
