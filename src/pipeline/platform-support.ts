import { PLATFORMS, type PlatformId } from '../domain/platforms.ts';

/**
 * Platforms this build can produce and validate. The rules table in the domain
 * lists every platform; a target joins this list when it has an encoder, a
 * budget fitter and a validator.
 */
export const SUPPORTED_PLATFORMS: readonly PlatformId[] = ['line-emoji'];

/** True when PopCon can produce files for the platform. */
export function isSupportedPlatform(id: PlatformId): boolean {
  return SUPPORTED_PLATFORMS.includes(id);
}

/** The frame size to animate at: the largest any of the job's platforms needs. */
export function masterSize(platforms: readonly PlatformId[]): number {
  return Math.max(...platforms.map((p) => Math.max(PLATFORMS[p].width, PLATFORMS[p].height)));
}
