import type { MatteEditsRepository } from '../db/matte-edits.repository.ts';
import { AppError } from '../domain/errors.ts';
import type { RgbaImage } from '../domain/image.ts';
import type { Job } from '../domain/job.ts';
import { normalizeCutout, type TouchUpOp, touchUpMatte } from '../engine/index.ts';
import { WORKING_SIZE } from '../gpu/in-process.engine.ts';
import { registerAsset } from './assets.ts';
import { keys, matteKeyOf, type PipelineDeps } from './deps.ts';
import { fromPng, toPng } from './image-io.ts';

/** One touch-up as a request states it; checked here. */
export interface MatteEditInput {
  op: unknown;
  x: unknown;
  y: unknown;
  tolerance?: unknown;
}

/** The matte as the touch-up page shows it: the picture, the matte over it, and how often it was edited. */
export interface MatteView {
  width: number;
  height: number;
  /** Touch-ups so far (0: as the engine cut it). */
  edits: number;
  sourceAssetId: string;
  matteAssetId: string;
  /** Pixels the last edit changed (only on an edit). */
  pixels?: number;
}

/** A middle tolerance: picks a flat colour region with its anti-aliased shades, not its neighbours. */
export const DEFAULT_TOLERANCE = 32;

/**
 * Touch-ups of an upload's matte (erase leftover background, restore what was
 * removed wrongly). Each edit makes a new matte file and a new cut-out; renders
 * made after it use the new cut-out, the ones made before keep theirs.
 */
export class MatteService {
  constructor(
    private readonly deps: PipelineDeps,
    private readonly edits: MatteEditsRepository,
  ) {}

  /** The current matte of the caller's job. */
  async view(jobId: string, userId: string): Promise<MatteView> {
    const job = this.job(jobId, userId);
    const { sourcePng, mattePng } = await this.load(job);
    return this.present(job, await fromPng(mattePng), mattePng.length, sourcePng.length);
  }

  /** Applies one erase or restore at (x, y) and stores the new matte and cut-out. */
  async edit(jobId: string, userId: string, input: MatteEditInput, requestId?: string): Promise<MatteView> {
    const job = this.job(jobId, userId);
    const { sourcePng, mattePng: oldMattePng } = await this.load(job);
    const [source, matte] = await Promise.all([fromPng(sourcePng), fromPng(oldMattePng)]);
    const edit = parseEdit(input, source);
    const result = touchUpMatte(source, matte, edit);
    if (result.pixels === 0) {
      throw new AppError(
        'invalid_params',
        edit.op === 'erase'
          ? `nothing to erase at (${edit.x}, ${edit.y}): that spot is already transparent`
          : `nothing to restore at (${edit.x}, ${edit.y}): that spot was not removed`,
      );
    }
    let cutout: RgbaImage;
    try {
      cutout = normalizeCutout(result.matte, WORKING_SIZE);
    } catch {
      throw new AppError('invalid_params', 'that would erase the whole character; lower the tolerance');
    }
    const version = job.matteVersion + 1;
    const { deps } = this;
    // New files under new keys, then the commit that points the job at them: a render
    // reads the cut-out its job row names, never a half-made one, and an edit that
    // loses a race leaves the winner's files alone.
    const nonce = deps.newId().slice(0, 8);
    const files = {
      matteKey: keys.editedMatte(job.id, version, nonce),
      cutoutKey: keys.editedCutout(job.id, version, nonce),
    };
    const mattePng = await toPng(result.matte);
    await deps.storage.put(files.matteKey, mattePng);
    await deps.storage.put(files.cutoutKey, await toPng(cutout));
    try {
      deps.db
        .transaction(() => {
          const now = deps.clock();
          if (!this.edits.advance(job.id, job.matteVersion, files, now))
            throw new AppError(
              'conflict',
              'the matte changed meanwhile; look at it again and repeat the edit',
            );
          this.edits.record(job.id, version, { ...edit, pixels: result.pixels }, now);
          deps.events.append({
            userId: job.userId,
            jobId: job.id,
            type: 'matte.edited',
            payload: { ...edit, pixels: result.pixels, edits: version },
            requestId,
            now,
          });
        })
        .immediate();
    } catch (err) {
      await Promise.all([deps.storage.delete(files.matteKey), deps.storage.delete(files.cutoutKey)]);
      throw err;
    }
    const updated = deps.jobs.find(job.id) ?? job;
    return {
      ...this.present(updated, result.matte, mattePng.length, sourcePng.length),
      pixels: result.pixels,
    };
  }

  private job(jobId: string, userId: string): Job {
    const job = this.deps.jobs.find(jobId, userId);
    if (!job) throw new AppError('not_found', 'no such job');
    if (job.source.kind !== 'upload')
      throw new AppError(
        'conflict',
        'built-in characters are drawn without a background: there is no matte to touch up',
      );
    if (job.stage === 'prepare') throw new AppError('not_ready', 'the picture has not been cut out yet');
    return job;
  }

  /** The stored picture and its current matte, as PNG files. */
  private async load(job: Job): Promise<{ sourcePng: Buffer; mattePng: Buffer }> {
    const [sourcePng, mattePng] = await Promise.all([
      this.deps.storage.get(keys.source(job.id)),
      this.deps.storage.get(matteKeyOf(job)),
    ]);
    return { sourcePng, mattePng };
  }

  private present(job: Job, matte: RgbaImage, matteBytes: number, sourceBytes: number): MatteView {
    const now = this.deps.clock();
    const register = (key: string, bytes: number) =>
      registerAsset(this.deps, job, key, 'image/png', bytes, now);
    return {
      width: matte.width,
      height: matte.height,
      edits: job.matteVersion,
      sourceAssetId: register(keys.source(job.id), sourceBytes),
      matteAssetId: register(matteKeyOf(job), matteBytes),
    };
  }
}
function parseEdit(
  input: MatteEditInput,
  source: RgbaImage,
): { op: TouchUpOp; x: number; y: number; tolerance: number } {
  if (input.op !== 'erase' && input.op !== 'restore')
    throw new AppError('invalid_params', 'op must be "erase" or "restore"');
  const coordinate = (v: unknown, size: number, name: string) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= size)
      throw new AppError('invalid_params', `${name} must be a whole number of pixels from 0 to ${size - 1}`);
    return v;
  };
  const tolerance = input.tolerance ?? DEFAULT_TOLERANCE;
  if (typeof tolerance !== 'number' || !Number.isInteger(tolerance) || tolerance < 0 || tolerance > 255)
    throw new AppError('invalid_params', 'tolerance must be a whole number from 0 to 255');
  return {
    op: input.op,
    x: coordinate(input.x, source.width, 'x'),
    y: coordinate(input.y, source.height, 'y'),
    tolerance,
  };
}
