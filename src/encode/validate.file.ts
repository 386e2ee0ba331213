/**
 * One entry point for validation: decodes a file in its platform's format and checks
 * every rule of that platform (PLATFORMS). Undecodable input fails the report, never throws.
 */
import { PLATFORMS, type PlatformId } from '../domain/platforms.ts';
import type { ValidationReport } from '../domain/validation.ts';
import { gifChecks } from './validate.gif.ts';
import { validateAnimatedFile } from './validate.ts';
import { type WebmCheckOptions, webmChecks } from './validate.webm.ts';
import { webpChecks } from './validate.webp.ts';

/** The options of every format's checks; only WebM's take any. */
export type ValidateOptions = WebmCheckOptions;

/** Decodes `buf` as `platform`'s format and checks it against every rule of the platform. */
export async function validateFile(
  buf: Uint8Array,
  platform: PlatformId,
  opts: ValidateOptions = {},
): Promise<ValidationReport> {
  const rules = PLATFORMS[platform];
  if (rules.format === 'apng') return validateAnimatedFile(buf, platform);
  const checks =
    rules.format === 'gif'
      ? gifChecks(buf, rules)
      : rules.format === 'webp'
        ? await webpChecks(buf, rules)
        : await webmChecks(buf, rules, opts);
  return { platform, ok: checks.every((c) => c.ok), bytes: buf.length, checks };
}
