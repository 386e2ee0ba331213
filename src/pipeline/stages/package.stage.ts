import { PLATFORMS, type PlatformId } from '../../domain/platforms.ts';
import { registerAsset } from '../assets.ts';
import { keys } from '../deps.ts';
import { buildPlatformZip } from '../platform-zip.ts';
import { PermanentError, type StageHandler } from './stage.ts';

/** package: one ZIP per platform with the platform's file names, its still images, a manifest and the validation report. */
export const packageStage: StageHandler = async (deps, task, job) => {
  const platform = task.platform as PlatformId;
  const rules = PLATFORMS[platform];
  const emojis = deps.jobs.emojis(job.id);
  const failing = emojis.filter((e) => e.status !== 'completed' || !e.outputs[platform]?.validation.ok);
  if (failing.length > 0) {
    // Never package a file that breaks the platform's rules.
    throw new PermanentError(
      `emoji ${failing.map((e) => e.index + 1).join(', ')} did not pass ${rules.label} rules`,
    );
  }
  const zip = await buildPlatformZip(deps, job, platform, emojis);
  const key = keys.zip(job.id, platform);
  await deps.storage.put(key, zip);

  return (now) => {
    registerAsset(deps, job, key, 'application/zip', zip.length, now);
  };
};
