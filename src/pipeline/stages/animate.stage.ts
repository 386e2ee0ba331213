import { findAction } from '../../domain/actions.ts';
import type { FrameSequence } from '../../domain/image.ts';
import { renderTaskId } from '../../gpu/task-id.ts';
import { cutoutKeyOf, keys } from '../deps.ts';
import { encodeFrames } from '../frames.codec.ts';
import { fromPng } from '../image-io.ts';
import { renderSizes } from '../platform-support.ts';
import { PermanentError, type StageHandler } from './stage.ts';

/**
 * animate: renders one version of one emoji from the cut-out and keeps its frames as a
 * lossless master at the largest size the job needs. When the engine draws at any size
 * for less than a resize costs, it also draws each smaller platform size, for the
 * encodes that follow (kept in memory: see MasterCache).
 */
export const animateStage: StageHandler = async (deps, task, job) => {
  const version = deps.versions.find(job.id, task.emojiIndex, task.version);
  if (!version) throw new PermanentError(`emoji ${task.emojiIndex} has no version ${task.version}`);
  const action = findAction(version.action);
  if (!action) throw new PermanentError(`unknown action ${version.action}`);
  const [master, ...smaller] = renderSizes(job.platforms);
  const sizes = deps.engine.drawsAtAnySize ? [master, ...smaller] : [master];
  // The cut-out as it is now: a touched-up matte applies to every later render.
  const cutout =
    job.source.kind === 'upload' ? await fromPng(await deps.storage.get(cutoutKeyOf(job))) : null;
  const render = (size: number): Promise<FrameSequence> => {
    const opts = {
      size,
      frames: action.defaultFrames,
      durationMs: action.defaultDurationMs,
      // The same id on a retry of this task, so a remote engine never renders one version twice.
      taskId: renderTaskId(job.id, version.index, version.version),
    };
    return job.source.kind === 'character'
      ? deps.engine.animateCharacter(
          { id: job.source.character, color: job.source.color },
          version.action,
          version.params,
          opts,
        )
      : deps.engine.animate(cutout!, version.action, version.params, opts);
  };
  const masterKey = keys.master(job.id, version.index, version.version);
  for (const size of sizes) {
    const seq = await render(size);
    if (size === master) {
      deps.masters.put(masterKey, seq);
      // The master is the render's durable record; smaller sizes live only in memory
      // (after a restart their encodes resize the master instead).
      await deps.storage.put(masterKey, await encodeFrames(seq));
    } else {
      deps.masters.put(keys.masterAt(job.id, version.index, version.version, size), seq);
    }
  }

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
