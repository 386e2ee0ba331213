import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { type Config, ConfigError } from '../config/config.ts';
import type { RenderEngine } from '../gpu/render-engine.ts';
import { buildGpuWorkerApp, type WorkerState } from './app.ts';
import { isLoopbackHost } from './auth.ts';
import { RenderService } from './render.service.ts';

export interface GpuWorkerOverrides {
  /** The engine to serve; default: the built-in CPU engine, loaded after the port is open. */
  engine?: RenderEngine;
  logger?: Logger;
}

export interface RunningGpuWorker {
  app: FastifyInstance;
  url: string;
  /** Resolves once the engines are loaded and the warm-up render is done (then /ready says 200). */
  ready: Promise<void>;
  service(): RenderService | undefined;
  /** Stops accepting work, lets the renders in flight finish, then closes. */
  close(): Promise<void>;
}

/** Refuses a configuration that would expose an unauthenticated render service. */
export function checkGpuWorkerConfig(config: Config): void {
  const { host, token } = config.gpuWorker;
  if (!token && !isLoopbackHost(host)) {
    throw new ConfigError([
      `GPU_WORKER_TOKEN: required when the gpu-worker listens on ${host}; without a token it only binds to loopback`,
    ]);
  }
}

/**
 * Starts the gpu-worker: opens the port first (so /health answers and /ready
 * says 503 while engines load), then loads the engine and renders once, then
 * turns ready.
 */
export async function startGpuWorker(
  config: Config,
  overrides: GpuWorkerOverrides = {},
): Promise<RunningGpuWorker> {
  checkGpuWorkerConfig(config);
  const gw = config.gpuWorker;
  const logger = overrides.logger ?? pino({ level: config.logLevel });
  let state: WorkerState = 'warming';
  let service: RenderService | undefined;
  const app = buildGpuWorkerApp({
    service: () => service,
    state: () => state,
    token: gw.token ?? undefined,
    maxBodyBytes: gw.maxBodyBytes,
    logger,
  });
  await app.listen({ host: gw.host, port: gw.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : gw.port;
  const host = gw.host.includes(':') ? `[${gw.host}]` : gw.host;
  const url = `http://${host}:${port}`;
  logger.info(
    { url, concurrency: gw.concurrency, auth: gw.token ? 'bearer' : 'none (loopback)' },
    'gpu-worker listening',
  );

  const ready = (async () => {
    const started = performance.now();
    // Loaded here rather than imported at the top: the port is already answering /health meanwhile.
    const engine = overrides.engine ?? (await import('../gpu/in-process.engine.ts')).createInProcessEngine();
    const candidate = new RenderService(engine, {
      concurrency: gw.concurrency,
      cacheEntries: gw.cacheEntries,
    });
    await candidate.warmUp();
    if (state !== 'warming') return;
    service = candidate;
    state = 'ready';
    // performance.now() counts from process start: this is the start-to-ready time an operator cares about.
    logger.info(
      {
        warmUpMs: Math.round(performance.now() - started),
        sinceProcessStartMs: Math.round(performance.now()),
      },
      'gpu-worker ready',
    );
  })();

  return {
    app,
    url,
    ready,
    service: () => service,
    async close() {
      state = 'draining';
      await app.close();
      logger.info(service?.stats() ?? {}, 'gpu-worker stopped');
    },
  };
}

/**
 * `popcon gpu-worker`: runs until SIGTERM or SIGINT, then drains (stops
 * accepting, finishes renders in flight) and resolves with the exit code.
 */
export async function runGpuWorker(config: Config, overrides: GpuWorkerOverrides = {}): Promise<number> {
  const signal = new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  const worker = await startGpuWorker(config, overrides);
  const logger = worker.app.log;
  const outcome = await Promise.race([
    worker.ready.then(
      () => signal,
      (err: unknown) => {
        logger.fatal({ err }, 'gpu-worker warm-up failed');
        return 'warm-up failed';
      },
    ),
    signal,
  ]);
  logger.info({ reason: outcome }, 'gpu-worker draining');
  await worker.close();
  return outcome === 'warm-up failed' ? 1 : 0;
}
