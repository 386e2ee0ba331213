import { isAppError } from '../domain/errors.ts';
import type { AnimateRequest, MatteReply, MatteRequest } from '../gpu/contract.ts';
import { encodeMaster, masterHeaders } from '../gpu/master.codec.ts';
import { decodeImage, encodeMaskPng, encodeRgbaPng } from '../gpu/png.codec.ts';
import type { Cutout, RenderEngine } from '../gpu/render-engine.ts';
import { requestDigest } from '../gpu/task-id.ts';
import { type CacheSource, RenderSlots, TaskResults } from './task-results.cache.ts';
import { WorkerError } from './worker-error.ts';

/** An animate result as it goes on the wire: the APNG master and its headers. */
export interface MasterReply {
  body: Buffer;
  headers: Record<string, string>;
}

export interface RenderServiceOptions {
  concurrency: number;
  cacheEntries: number;
}

function engineFailure(err: unknown, code: 'invalid_image' | 'render_failed'): WorkerError {
  if (err instanceof WorkerError) return err;
  if (isAppError(err) && err.status < 500) {
    return new WorkerError(err.code === 'image_too_large' ? 'invalid_image' : code, err.message);
  }
  return new WorkerError(code, err instanceof Error ? err.message : String(err));
}

/**
 * What the gpu-worker does, apart from HTTP: decode, render through the engine,
 * encode for the wire; with admission (at most `concurrency` renders) and the
 * task-id cache in front, so a retried task never renders twice.
 */
export class RenderService {
  readonly renders = { matte: 0, animate: 0 };
  private readonly slots: RenderSlots;
  private readonly mattes: TaskResults<MatteReply>;
  private readonly masters: TaskResults<MasterReply>;

  constructor(
    private readonly engine: RenderEngine,
    opts: RenderServiceOptions,
  ) {
    this.slots = new RenderSlots(opts.concurrency);
    this.mattes = new TaskResults(opts.cacheEntries);
    this.masters = new TaskResults(opts.cacheEntries);
  }

  /** Cuts the character out of `image`: the RGBA cut-out on the working canvas and its mask. */
  matte(req: MatteRequest): Promise<{ reply: MatteReply; cache: CacheSource }> {
    return this.admit(this.mattes, req, async () => {
      const image = await decodeImage(Buffer.from(req.image, 'base64'));
      let cut: Cutout;
      try {
        this.renders.matte++;
        cut = await this.engine.cutout(image);
      } catch (err) {
        throw engineFailure(err, 'invalid_image');
      }
      const [cutout, mask, matte] = await Promise.all([
        encodeRgbaPng(cut.cutout),
        encodeMaskPng(cut.cutout),
        encodeRgbaPng(cut.matte),
      ]);
      return {
        taskId: req.taskId,
        width: cut.cutout.width,
        height: cut.cutout.height,
        cutout: cutout.toString('base64'),
        mask: mask.toString('base64'),
        matte: matte.toString('base64'),
      };
    });
  }

  /** Renders one action from a cut-out (or a built-in character) as a lossless APNG master. */
  animate(req: AnimateRequest): Promise<{ reply: MasterReply; cache: CacheSource }> {
    return this.admit(this.masters, req, async () => {
      const { size, frames, durationMs } = req;
      const opts = { size, frames, durationMs };
      const cutout =
        req.cutout !== undefined ? await decodeImage(Buffer.from(req.cutout, 'base64')) : undefined;
      let seq: Awaited<ReturnType<RenderEngine['animate']>>;
      try {
        this.renders.animate++;
        // A built-in character is drawn with the action's expression; a cut-out can only move.
        seq = cutout
          ? await this.engine.animate(cutout, req.action, req.params, opts)
          : await this.engine.animateCharacter(req.character!, req.action, req.params, opts);
      } catch (err) {
        throw engineFailure(err, 'render_failed');
      }
      return { body: await encodeMaster(seq), headers: masterHeaders(seq, req.taskId) };
    });
  }

  /** One small render through every part (engine, PNG, APNG), so the first real request pays no start-up cost. */
  async warmUp(): Promise<void> {
    const character = await this.engine.character('blob', '#7cc6fe');
    const { cutout: cut } = await this.engine.cutout(character);
    const seq = await this.engine.animate(cut, 'hello', {}, { size: 64, frames: 4, durationMs: 1000 });
    await Promise.all([encodeMaster(seq), encodeRgbaPng(cut), encodeMaskPng(cut).then(decodeImage)]);
  }

  /** Counters for /health. */
  stats() {
    return {
      inFlight: this.slots.inFlight,
      capacity: this.slots.capacity,
      renders: { ...this.renders },
      cache: {
        entries: this.mattes.size + this.masters.size,
        hits: this.mattes.hits + this.masters.hits,
        coalesced: this.mattes.coalesced + this.masters.coalesced,
      },
    };
  }

  private async admit<T>(
    results: TaskResults<T>,
    req: { taskId: string },
    render: () => Promise<T>,
  ): Promise<{ reply: T; cache: CacheSource }> {
    const { taskId, ...rest } = req;
    const digest = requestDigest(rest);
    const known = results.lookup(taskId, digest);
    if (known.kind === 'conflict') {
      throw new WorkerError('task_conflict', `task ${taskId} was already used for a different request`);
    }
    if (known.kind === 'hit') return { reply: known.value, cache: 'hit' };
    if (known.kind === 'coalesced') return { reply: await known.promise, cache: 'coalesced' };
    const release = this.slots.tryAcquire();
    if (!release) {
      throw new WorkerError(
        'overloaded',
        `all ${this.slots.capacity} render slots are busy; retry shortly`,
        1,
      );
    }
    try {
      return { reply: await results.track(taskId, digest, render()), cache: 'miss' };
    } finally {
      release();
    }
  }
}
