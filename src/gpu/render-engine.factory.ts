import type { Logger } from 'pino';
import type { GpuWorkerConfig } from '../config/config.ts';
import { createHttpEngine } from './http.engine.ts';
import { createInProcessEngine } from './in-process.engine.ts';
import type { RenderEngine } from './render-engine.ts';

/** The engine the configuration asks for: the gpu-worker over HTTP when GPU_WORKER_URL is set, else in-process. */
export function createRenderEngine(gpuWorker: GpuWorkerConfig, logger: Logger): RenderEngine {
  if (!gpuWorker.url) return createInProcessEngine();
  logger.info({ url: gpuWorker.url, retries: gpuWorker.retries }, 'rendering through the gpu-worker');
  return createHttpEngine({
    url: gpuWorker.url,
    token: gpuWorker.token ?? undefined,
    timeoutMs: gpuWorker.timeoutMs,
    retries: gpuWorker.retries,
    readyTimeoutMs: gpuWorker.readyTimeoutMs,
    logger,
  });
}
