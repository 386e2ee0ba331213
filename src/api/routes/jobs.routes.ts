import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { UrlSigner } from '../../auth/url-signer.ts';
import { AppError } from '../../domain/errors.ts';
import type { JobsService } from '../../pipeline/jobs.service.ts';
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
    const link = linkerFor(signer, request.user.id);
    return { jobs: jobs.list(request.user.id).map(({ job, emojis }) => presentJob(job, emojis, link)) };
  });

  app.get('/api/jobs/:id', async (request) => {
    const { job, emojis } = jobs.get(parseId(request.params), request.user.id);
    return presentJob(job, emojis, linkerFor(signer, request.user.id));
  });

  app.get('/api/jobs/:id/download', { config: { signedUrl: true } }, async (request, reply) => {
    const platform = z.object({ platform: z.string().default('line-emoji') }).parse(request.query).platform;
    const { fileName, data } = await jobs.download(parseId(request.params), request.user.id, platform);
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
