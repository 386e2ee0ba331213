import type { Job } from '../domain/job.ts';
import type { PipelineDeps } from './deps.ts';

/** Records a stored file as an asset of the job's owner; the same key keeps its first id. */
export function registerAsset(
  deps: Pick<PipelineDeps, 'assets' | 'newId'>,
  job: Pick<Job, 'id' | 'userId'>,
  storageKey: string,
  contentType: string,
  bytes: number,
  now: number,
): string {
  return deps.assets.upsert(
    { id: deps.newId(), userId: job.userId, jobId: job.id, storageKey, contentType, bytes },
    now,
  );
}
