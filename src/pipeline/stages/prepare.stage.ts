import type { RgbaImage } from '../../domain/image.ts';
import { keys } from '../deps.ts';
import { fromPng, toPng } from '../image-io.ts';
import type { StageHandler } from './stage.ts';

/**
 * prepare: turns the job's source into the cut-out every emoji is animated from,
 * then fans out. An upload's matte is kept at the picture's own size, so the user
 * can touch it up later (src/pipeline/matte.service.ts).
 */
export const prepareStage: StageHandler = async (deps, _task, job) => {
  const source = job.source;
  let cutout: RgbaImage;
  if (source.kind === 'character') {
    cutout = await deps.engine.character(source.character, source.color);
  } else {
    const image = await fromPng(await deps.storage.get(keys.source(job.id)));
    // A picture the engine refuses comes back as an AppError (never retried); anything
    // else, such as a render service that is away, is retried with backoff.
    const cut = await deps.engine.cutout(image, { taskId: `matte:${job.id}` });
    await deps.storage.put(keys.matte(job.id), await toPng(cut.matte));
    cutout = cut.cutout;
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
