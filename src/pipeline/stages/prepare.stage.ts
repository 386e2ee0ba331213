import { AppError } from '../../domain/errors.ts';
import { keys } from '../deps.ts';
import { fromPng, toPng } from '../image-io.ts';
import { PermanentError, type StageHandler } from './stage.ts';

/** prepare: turns the job's source into the cut-out every emoji is animated from, then fans out. */
export const prepareStage: StageHandler = async (deps, _task, job) => {
  const source = job.source;
  let cutout: Awaited<ReturnType<typeof deps.engine.cutout>>;
  if (source.kind === 'character') {
    cutout = await deps.engine.character(source.character, source.color);
  } else {
    const image = await fromPng(await deps.storage.get(keys.source(job.id)));
    try {
      cutout = await deps.engine.cutout(image);
    } catch (err) {
      // The engine's cut-out errors are about the picture itself: retrying will not help.
      if (err instanceof AppError) throw err;
      throw new PermanentError(err instanceof Error ? err.message : String(err));
    }
  }
  await deps.storage.put(keys.cutout(job.id), await toPng(cutout));
  const emojiCount = deps.jobs.emojis(job.id).length;

  return (now) => {
    deps.jobs.update(job.id, { status: 'running', stage: 'animate' }, now);
    deps.events.append({
      userId: job.userId,
      jobId: job.id,
      type: 'job.stage_completed',
      payload: { stage: 'prepare' },
      now,
    });
    deps.queue.enqueue(
      Array.from({ length: emojiCount }, (_, i) => ({
        jobId: job.id,
        kind: 'animate' as const,
        emojiIndex: i,
      })),
      now,
    );
  };
};
