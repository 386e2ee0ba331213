import { PLATFORMS, type PlatformId } from '../../domain/platforms.ts';
import { EncoderUnavailableError } from '../../encode/index.ts';
import { registerAsset } from '../assets.ts';
import { keys } from '../deps.ts';
import { settleVersion, settleVersions } from '../emoji-settlement.ts';
import { masterSize, platformSide } from '../platform-support.ts';
import { PermanentError, type StageHandler } from './stage.ts';

/**
 * encode: fits one render of one emoji into one platform's rules and validates the
 * file. The render finishes when every platform of the job has its file; a file
 * that fails validation fails the render with the rule it breaks, never silently.
 * A platform this machine cannot make (WebM without ffmpeg) is set aside for the
 * whole job, with the reason, instead of failing the emojis of every other platform.
 */
export const encodeStage: StageHandler = async (deps, task, job) => {
  const platform = task.platform as PlatformId;
  const rules = PLATFORMS[platform];
  const { emojiIndex: index, version } = task;
  // Set aside while this task waited: nothing to encode, but the render may now be complete.
  if (job.unavailable[platform] !== undefined)
    return (now) => settleVersion(deps, job.id, index, version, now);
  const v = deps.versions.find(job.id, index, version);
  if (!v?.masterKey) throw new PermanentError(`emoji ${index} version ${version} has no rendered frames`);
  // The frames drawn at this platform's size when the engine made them, else the master (resized).
  const side = platformSide(platform, masterSize(job.platforms));
  const seq =
    deps.masters.peek(keys.masterAt(job.id, index, version, side)) ??
    (await deps.masters.get(v.masterKey, (k) => deps.storage.get(k)));
  let file: Awaited<ReturnType<typeof deps.encoder.encode>>;
  try {
    file = await deps.encoder.encode(seq, platform, index);
  } catch (err) {
    if (!(err instanceof EncoderUnavailableError)) throw err;
    return (now) => {
      if (!deps.jobs.markUnavailable(job.id, platform, err.message, now)) return;
      deps.logger.warn({ jobId: job.id, platform, reason: err.message }, 'platform unavailable for this job');
      settleVersions(deps, job.id, now);
    };
  }
  const key = keys.versionOutput(job.id, platform, rules.fileName(index), version);
  await deps.storage.put(key, file.buffer);

  return (now) => {
    const assetId = registerAsset(deps, job, key, file.contentType, file.buffer.length, now);
    const output = { assetId, key, bytes: file.buffer.length, validation: file.report };
    deps.versions.setOutput(job.id, index, version, platform, output, now);
    deps.jobs.refreshIfCurrent(job.id, index, version, now);
    settleVersion(deps, job.id, index, version, now);
  };
};
