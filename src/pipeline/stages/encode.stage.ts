import { PLATFORMS, type PlatformId } from '../../domain/platforms.ts';
import { fitToPlatform } from '../../encode/index.ts';
import { registerAsset } from '../assets.ts';
import { keys } from '../deps.ts';
import { decodeFrames } from '../frames.codec.ts';
import { PermanentError, type StageHandler } from './stage.ts';

const CONTENT_TYPES = {
  apng: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  webm: 'video/webm',
} as const;

/**
 * encode: fits one emoji into one platform's rules and validates the file. The
 * emoji completes when every platform of the job has its file; a file that fails
 * validation fails the emoji with the rule it breaks, never silently.
 */
export const encodeStage: StageHandler = async (deps, task, job) => {
  const platform = task.platform as PlatformId;
  const rules = PLATFORMS[platform];
  const emoji = deps.jobs.emoji(job.id, task.emojiIndex);
  if (!emoji?.masterKey) throw new PermanentError(`emoji ${task.emojiIndex} has no rendered frames`);
  const seq = decodeFrames(await deps.storage.get(emoji.masterKey));
  const { buffer, report } = await fitToPlatform(seq, platform);
  const key = keys.output(job.id, platform, rules.fileName(emoji.index));
  await deps.storage.put(key, buffer);

  return (now) => {
    const assetId = registerAsset(deps, job, key, CONTENT_TYPES[rules.format], buffer.length, now);
    deps.jobs.setOutput(
      job.id,
      emoji.index,
      platform,
      { assetId, bytes: buffer.length, validation: report },
      now,
    );
    const outputs = deps.jobs.emoji(job.id, emoji.index)?.outputs ?? {};
    if (!job.platforms.every((p) => outputs[p])) return;
    const failing = job.platforms.flatMap((p) =>
      (outputs[p]?.validation.checks ?? []).filter((c) => !c.ok).map((c) => `${p}: ${c.message}`),
    );
    const ok = failing.length === 0;
    const reason = ok ? null : `does not pass the platform rules (${failing.join('; ')})`;
    if (!deps.jobs.finishEmoji(job.id, emoji.index, ok ? 'completed' : 'failed', reason, now)) return;
    deps.events.append({
      userId: job.userId,
      jobId: job.id,
      type: ok ? 'emoji.completed' : 'emoji.failed',
      payload: ok
        ? {
            index: emoji.index,
            action: emoji.action,
            assetId: outputs[job.platforms[0]]?.assetId,
            bytes: outputs[job.platforms[0]]?.bytes,
            validation: Object.fromEntries(job.platforms.map((p) => [p, outputs[p]?.validation])),
          }
        : { index: emoji.index, action: emoji.action, reason },
      now,
    });
  };
};
