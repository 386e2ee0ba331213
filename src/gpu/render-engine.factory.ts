import type { Logger } from 'pino';
import type { GpuWorkerConfig } from '../config/config.ts';
import { createHttpEngine } from './http.engine.ts';
import { type AnimationRenderer, createInProcessEngine } from './in-process.engine.ts';
import type { RenderEngine } from './render-engine.ts';

/**
 * The engine the configuration asks for: the gpu-worker over HTTP when GPU_WORKER_URL is
 * set, else in-process, drawing with `renderer` when one is given (see createInProcessEngine).
 */
export function createRenderEngine(
  gpuWorker: GpuWorkerConfig,
  logger: Logger,
  renderer?: AnimationRenderer,
): RenderEngine {
  if (!gpuWorker.url) return createInProcessEngine(renderer);
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
