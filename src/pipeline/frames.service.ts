import { AppError } from '../domain/errors.ts';
import { isPlatformId, PLATFORMS, type PlatformId } from '../domain/platforms.ts';
import { registerAsset } from './assets.ts';
import { keys, outputKeyOf, type PipelineDeps } from './deps.ts';
import { decodePlatformFile, frameStrip } from './frames-preview.ts';

/** What the frame scrubber needs: a strip of every frame of one platform file, and their timing. */
export interface FramesView {
  platform: PlatformId;
  index: number;
  version: number;
  /** Size of the file's frames. */
  width: number;
  height: number;
  /** Size of one frame in the strip (the file's, or a whole fraction of it). */
  frameWidth: number;
  frameHeight: number;
  count: number;
  delaysMs: number[];
  stripAssetId: string;
}

/** Decoded frames of the files the pipeline made, for the refine page's scrubber. */
export class FramesService {
  constructor(
    private readonly deps: PipelineDeps,
    private readonly ffmpeg = 'ffmpeg',
  ) {}

  /** The frames of emoji `index`'s file for `platform`, of its current version unless `version` is given. */
  async frames(
    jobId: string,
    userId: string,
    index: number,
    platform: string,
    version?: number,
  ): Promise<FramesView> {
    const job = this.deps.jobs.find(jobId, userId);
    if (!job) throw new AppError('not_found', 'no such job');
    if (!isPlatformId(platform) || !job.platforms.includes(platform))
      throw new AppError('not_found', `this job has no ${platform} files`);
    const emoji = Number.isInteger(index) ? this.deps.jobs.emoji(jobId, index) : undefined;
    if (!emoji) throw new AppError('not_found', `this set has no emoji ${index}`);
    const v = this.deps.versions.find(jobId, index, version ?? emoji.version);
    if (!v) throw new AppError('not_found', `emoji ${index + 1} has no version ${version}`);
    const output = v.outputs[platform];
    if (!output)
      throw new AppError('not_ready', `emoji ${index + 1} has no ${PLATFORMS[platform].label} file yet`);
    const stripKey = `${keys.jobPrefix(jobId)}/frames/${platform}/${String(index).padStart(3, '0')}.v${v.version}.png`;
    const metaKey = `${stripKey}.json`;
    // A version's files never change, so its strip is decoded once (a WebM's takes an
    // ffmpeg run) and then served from what was stored.
    let meta: Omit<FramesView, 'stripAssetId'> & { stripBytes: number };
    if (await this.deps.storage.exists(metaKey)) {
      meta = JSON.parse((await this.deps.storage.get(metaKey)).toString('utf8'));
    } else {
      const file = await this.deps.storage.get(outputKeyOf(jobId, platform, index, output));
      const decoded = await decodePlatformFile(file, PLATFORMS[platform].format, this.ffmpeg);
      const strip = await frameStrip(decoded);
      meta = {
        platform,
        index,
        version: v.version,
        width: decoded.width,
        height: decoded.height,
        frameWidth: strip.frameWidth,
        frameHeight: strip.frameHeight,
        count: decoded.frames.length,
        delaysMs: decoded.delaysMs,
        stripBytes: strip.png.length,
      };
      await this.deps.storage.put(stripKey, strip.png);
      await this.deps.storage.put(metaKey, Buffer.from(JSON.stringify(meta)));
    }
    const { stripBytes, ...view } = meta;
    const stripAssetId = registerAsset(this.deps, job, stripKey, 'image/png', stripBytes, this.deps.clock());
    return { ...view, stripAssetId };
  }
}
