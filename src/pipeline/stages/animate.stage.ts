import { findAction } from '../../domain/actions.ts';
import { renderTaskId } from '../../gpu/task-id.ts';
import { cutoutKeyOf, keys } from '../deps.ts';
import { encodeFrames } from '../frames.codec.ts';
import { fromPng } from '../image-io.ts';
import { masterSize } from '../platform-support.ts';
import { PermanentError, type StageHandler } from './stage.ts';

/** animate: renders one version of one emoji from the cut-out and keeps its frames as a lossless master. */
export const animateStage: StageHandler = async (deps, task, job) => {
  const version = deps.versions.find(job.id, task.emojiIndex, task.version);
  if (!version) throw new PermanentError(`emoji ${task.emojiIndex} has no version ${task.version}`);
  const action = findAction(version.action);
  if (!action) throw new PermanentError(`unknown action ${version.action}`);
  const opts = {
    size: masterSize(job.platforms),
    frames: action.defaultFrames,
    durationMs: action.defaultDurationMs,
    // The same id on a retry of this task, so a remote engine never renders one version twice.
    taskId: renderTaskId(job.id, version.index, version.version),
  };
  const seq =
    job.source.kind === 'character'
      ? await deps.engine.animateCharacter(
          { id: job.source.character, color: job.source.color },
          version.action,
          version.params,
          opts,
        )
      : await deps.engine.animate(
          // The cut-out as it is now: a touched-up matte applies to every later render.
          await fromPng(await deps.storage.get(cutoutKeyOf(job))),
          version.action,
          version.params,
          opts,
        );
  const masterKey = keys.master(job.id, version.index, version.version);
  await deps.storage.put(masterKey, encodeFrames(seq));

  return (now) => {
    deps.versions.setMaster(job.id, version.index, version.version, masterKey, now);
    deps.jobs.refreshIfCurrent(job.id, version.index, version.version, now);
    deps.queue.enqueue(
      job.platforms.map((platform) => ({
        jobId: job.id,
        kind: 'encode' as const,
        emojiIndex: version.index,
        platform,
        version: version.version,
      })),
      now,
    );
  };
};
