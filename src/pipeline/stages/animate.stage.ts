import { findAction } from '../../domain/actions.ts';
import { renderTaskId } from '../../gpu/task-id.ts';
import { keys } from '../deps.ts';
import { encodeFrames } from '../frames.codec.ts';
import { fromPng } from '../image-io.ts';
import { masterSize } from '../platform-support.ts';
import { PermanentError, type StageHandler } from './stage.ts';

/** animate: renders one emoji's frames from the cut-out and keeps them as a lossless master. */
export const animateStage: StageHandler = async (deps, task, job) => {
  const emoji = deps.jobs.emoji(job.id, task.emojiIndex);
  if (!emoji) throw new PermanentError(`emoji ${task.emojiIndex} does not exist`);
  const action = findAction(emoji.action);
  if (!action) throw new PermanentError(`unknown action ${emoji.action}`);
  const opts = {
    size: masterSize(job.platforms),
    frames: action.defaultFrames,
    durationMs: action.defaultDurationMs,
    // The same id on a retry, so a remote engine never renders one emoji twice.
    taskId: renderTaskId(job.id, emoji.index, emoji.version),
  };
  const seq =
    job.source.kind === 'character'
      ? await deps.engine.animateCharacter(
          { id: job.source.character, color: job.source.color },
          emoji.action,
          emoji.params,
          opts,
        )
      : await deps.engine.animate(
          await fromPng(await deps.storage.get(keys.cutout(job.id))),
          emoji.action,
          emoji.params,
          opts,
        );
  const masterKey = keys.master(job.id, emoji.index);
  await deps.storage.put(masterKey, encodeFrames(seq));

  return (now) => {
    deps.jobs.setMaster(job.id, emoji.index, masterKey, now);
    deps.queue.enqueue(
      job.platforms.map((platform) => ({
        jobId: job.id,
        kind: 'encode' as const,
        emojiIndex: emoji.index,
        platform,
      })),
      now,
    );
  };
};
