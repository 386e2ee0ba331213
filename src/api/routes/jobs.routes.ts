import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { UrlSigner } from '../../auth/url-signer.ts';
import { AppError } from '../../domain/errors.ts';
import { isJobListFilter, type JobsService } from '../../pipeline/jobs.service.ts';
import { linkerFor, presentJob } from '../presenters.ts';

const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/** Parses a route's `:id`; a malformed id is simply a job that does not exist. */
export function parseId(params: unknown): string {
  const parsed = idParam.safeParse(params);
  if (!parsed.success) throw new AppError('not_found', 'no such job');
  return parsed.data.id;
}

/**
 * Reads of jobs, their ZIPs and their assets, always scoped to the caller. ZIPs
 * and assets also answer signed URLs (Firebase mode), which the job replies
 * hand out, because `<img>` and `<a download>` cannot send a token.
 */
export function registerJobsRoutes(app: FastifyInstance, jobs: JobsService, signer: UrlSigner | null): void {
  app.get('/api/jobs', async (request) => {
    const { status } = z.object({ status: z.string().optional() }).parse(request.query);
    if (status !== undefined && status !== 'all' && !isJobListFilter(status))
      throw new AppError('bad_request', 'status must be one of all, completed, failed, unfinished');
    const link = linkerFor(signer, request.user.id);
    const filter = status === 'all' ? undefined : status;
    return {
      jobs: jobs
        .list(request.user.id, filter)
        .map(({ job, emojis, refine }) => presentJob(job, emojis, link, refine)),
    };
  });

  app.get('/api/jobs/:id', async (request) => {
    const { job, emojis, refine } = jobs.get(parseId(request.params), request.user.id);
    return presentJob(job, emojis, linkerFor(signer, request.user.id), refine);
  });

  app.get('/api/jobs/:id/download', { config: { signedUrl: true } }, async (request, reply) => {
    const query = z
      .object({ platform: z.string().default('line-emoji'), approved: z.enum(['0', '1']).default('0') })
      .safeParse(request.query);
    if (!query.success) throw new AppError('bad_request', 'approved must be 0 or 1');
    const { platform, approved } = query.data;
    const { fileName, data } = await jobs.download(parseId(request.params), request.user.id, platform, {
      approvedOnly: approved === '1',
    });
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(data);
  });

  app.get('/api/assets/:id', { config: { signedUrl: true } }, async (request, reply) => {
    const asset = await jobs.asset(parseId(request.params), request.user.id);
    // Private: assets belong to one user. Short: a refined emoji keeps its id but changes.
    return reply
      .header('content-type', asset.contentType)
      .header('cache-control', 'private, max-age=300')
      .send(asset.data);
  });
}
