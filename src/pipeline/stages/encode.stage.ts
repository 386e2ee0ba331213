import { PLATFORMS, type PlatformId } from '../../domain/platforms.ts';
import { EncoderUnavailableError } from '../../encode/index.ts';
import { registerAsset } from '../assets.ts';
import { keys } from '../deps.ts';
import { settleEmoji, settleEmojis } from '../emoji-settlement.ts';
import { decodeFrames } from '../frames.codec.ts';
import { PermanentError, type StageHandler } from './stage.ts';

/**
 * encode: fits one emoji into one platform's rules and validates the file. The
 * emoji completes when every platform of the job has its file; a file that fails
 * validation fails the emoji with the rule it breaks, never silently. A platform
 * this machine cannot make (WebM without ffmpeg) is set aside for the whole job,
 * with the reason, instead of failing the emojis of every other platform.
 */
export const encodeStage: StageHandler = async (deps, task, job) => {
  const platform = task.platform as PlatformId;
  const rules = PLATFORMS[platform];
  // Set aside while this task waited: nothing to encode, but the emoji may now be complete.
  if (job.unavailable[platform] !== undefined)
    return (now) => settleEmoji(deps, job.id, task.emojiIndex, now);
  const emoji = deps.jobs.emoji(job.id, task.emojiIndex);
  if (!emoji?.masterKey) throw new PermanentError(`emoji ${task.emojiIndex} has no rendered frames`);
  const seq = decodeFrames(await deps.storage.get(emoji.masterKey));
  let file: Awaited<ReturnType<typeof deps.encoder.encode>>;
  try {
    file = await deps.encoder.encode(seq, platform, emoji.index);
  } catch (err) {
    if (!(err instanceof EncoderUnavailableError)) throw err;
    return (now) => {
      if (!deps.jobs.markUnavailable(job.id, platform, err.message, now)) return;
      deps.logger.warn({ jobId: job.id, platform, reason: err.message }, 'platform unavailable for this job');
      settleEmojis(deps, job.id, now);
    };
  }
  const key = keys.output(job.id, platform, rules.fileName(emoji.index));
  await deps.storage.put(key, file.buffer);

  return (now) => {
    const assetId = registerAsset(deps, job, key, file.contentType, file.buffer.length, now);
    deps.jobs.setOutput(
      job.id,
      emoji.index,
      platform,
      { assetId, bytes: file.buffer.length, validation: file.report },
      now,
    );
    settleEmoji(deps, job.id, emoji.index, now);
  };
};
