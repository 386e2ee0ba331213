import type { ActionParams } from '../domain/actions.ts';
import type { FrameSequence } from '../domain/image.ts';
import {
  AnimateReplyHeadersSchema,
  type AnimateRequest,
  MatteReplySchema,
  type MatteRequest,
  ROUTES,
} from './contract.ts';
import { GpuWorkerClient, type GpuWorkerClientOptions } from './gpu-worker.client.ts';
import { createInProcessEngine } from './in-process.engine.ts';
import { decodeMaster } from './master.codec.ts';
import { decodeImage, encodeRgbaPng } from './png.codec.ts';
import type { AnimateOptions, RenderEngine } from './render-engine.ts';
import { contentTaskId } from './task-id.ts';

/** A reply that parses as HTTP but breaks the contract: a bug or a wrong service at the URL. */
export class ContractError extends Error {
  override name = 'ContractError';
}

function checked<T>(what: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new ContractError(`the render service sent a ${what} that breaks the contract: ${detail}`);
  }
}

/**
 * The render engine over HTTP (GPU_WORKER_URL): cut-outs and animation run on
 * the gpu-worker. Built-in characters are still drawn here: they are a few
 * vector shapes on the CPU, need no model, and a model server on the pod need
 * not know them. Every reply is parsed with the contract's schemas.
 */
export function createHttpEngine(
  options: GpuWorkerClientOptions,
): RenderEngine & { client: GpuWorkerClient } {
  const client = new GpuWorkerClient(options);
  const local = createInProcessEngine();

  /** One /v1/animate call: a cut-out or a built-in character, the action, and its loop. */
  async function postAnimate(
    source: { cutout: string } | { character: { id: string; color: string } },
    action: string,
    params: ActionParams,
    opts: AnimateOptions,
  ): Promise<FrameSequence> {
    const fields = {
      ...source,
      action,
      params,
      size: opts.size,
      frames: opts.frames,
      durationMs: opts.durationMs,
    };
    const request: AnimateRequest = { taskId: opts.taskId ?? contentTaskId('animate', fields), ...fields };
    const reply = await client.post(ROUTES.animate, request);
    const headers = checked('animate reply', () =>
      AnimateReplyHeadersSchema.parse(Object.fromEntries(reply.headers)),
    );
    return checked('animate master', () => decodeMaster(reply.body, headers));
  }

  return {
    client,
    character: (id, color) => local.character(id, color),

    async cutout(image, opts) {
      const fields = { image: (await encodeRgbaPng(image)).toString('base64') };
      const request: MatteRequest = { taskId: opts?.taskId ?? contentTaskId('matte', fields), ...fields };
      const reply = await client.post(ROUTES.matte, request);
      const parsed = checked('matte reply', () =>
        MatteReplySchema.parse(JSON.parse(reply.body.toString('utf8'))),
      );
      const [cutout, matte] = await Promise.all([
        decodeImage(Buffer.from(parsed.cutout, 'base64')),
        decodeImage(Buffer.from(parsed.matte, 'base64')),
      ]);
      return { cutout, matte };
    },

    async animateCharacter(character, action, params, opts): Promise<FrameSequence> {
      return postAnimate({ character }, action, params, opts);
    },

    async animate(cutout, action, params, opts): Promise<FrameSequence> {
      return postAnimate({ cutout: (await encodeRgbaPng(cutout)).toString('base64') }, action, params, opts);
    },
  };
}
