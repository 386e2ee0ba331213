import {
  canvasSize,
  PLATFORM_IDS,
  PLATFORMS,
  type PlatformId,
  type PlatformRules,
} from '../domain/platforms.ts';
import { ffmpegStatus } from '../encode/index.ts';

/** Whether this machine can produce a platform's files, and why not when it cannot. */
export interface PlatformAvailability {
  available: boolean;
  reason?: string;
}

/**
 * Whether `platform` can be encoded here. Only WebM needs an outside tool (ffmpeg with
 * libvpx-vp9); every other format is encoded in-process. The answer is cached per binary.
 */
export async function platformAvailability(
  platform: PlatformId,
  ffmpeg = 'ffmpeg',
): Promise<PlatformAvailability> {
  if (PLATFORMS[platform].format !== 'webm') return { available: true };
  const status = await ffmpegStatus(ffmpeg);
  return status.available ? { available: true } : { available: false, reason: status.reason };
}

/** Every platform with its availability on this machine, in table order. */
export async function platformCatalog(
  ffmpeg = 'ffmpeg',
): Promise<{ rules: PlatformRules; availability: PlatformAvailability }[]> {
  return Promise.all(
    PLATFORM_IDS.map(async (id) => ({
      rules: PLATFORMS[id],
      availability: await platformAvailability(id, ffmpeg),
    })),
  );
}

/** Why a set of `size` emojis does not suit `rules`, or null when it does. */
export function setSizeProblem(rules: PlatformRules, size: number): string | null {
  if (rules.setSizes && !rules.setSizes.includes(size))
    return `${rules.label} sets have ${listOr(rules.setSizes)} emojis; this one has ${size}`;
  if (size < rules.minSetSize || size > rules.maxSetSize) {
    const range =
      rules.minSetSize === rules.maxSetSize
        ? `exactly ${rules.minSetSize}`
        : `${rules.minSetSize} to ${rules.maxSetSize}`;
    return `${rules.label} sets have ${range} emojis; this one has ${size}`;
  }
  return null;
}

function listOr(values: readonly number[]): string {
  return values.length === 1 ? String(values[0]) : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

/** The frame size to animate at: the largest any of the job's platforms needs. */
export function masterSize(platforms: readonly PlatformId[]): number {
  return Math.max(...platforms.map((p) => Math.max(PLATFORMS[p].width, PLATFORMS[p].height)));
}

/** The side a platform's frames have when made from a square master of side `master`. */
export function platformSide(platform: PlatformId, master: number): number {
  const { width, height } = canvasSize(PLATFORMS[platform], master, master);
  return Math.max(width, height);
}

/** Every frame size the job's platforms need, largest first (the master's size comes first). */
export function renderSizes(platforms: readonly PlatformId[]): number[] {
  const master = masterSize(platforms);
  return [...new Set([master, ...platforms.map((p) => platformSide(p, master))])].sort((a, b) => b - a);
}
