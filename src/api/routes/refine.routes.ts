import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { UrlSigner } from '../../auth/url-signer.ts';
import { AppError } from '../../domain/errors.ts';
import type { FramesService } from '../../pipeline/frames.service.ts';
import { fingerprint, parseIdempotencyKey } from '../../pipeline/idempotency.ts';
import type { JobsService } from '../../pipeline/jobs.service.ts';
import type { MatteService } from '../../pipeline/matte.service.ts';
import type { Caller, RefineService } from '../../pipeline/refine.service.ts';
import { assetUrl, linkerFor, presentJob } from '../presenters.ts';
import { presentVersion } from '../refine.presenters.ts';
import { parseId } from './jobs.routes.ts';
import { EMOJI_KNOBS, parseFields } from './request-fields.ts';

export interface RefineRouteDeps {
  jobs: JobsService;
  refine: RefineService;
  matte: MatteService;
  frames: FramesService;
  signer: UrlSigner | null;
}

/** Emoji positions in URLs are the 0-based `index` of the job reply; anything else is an emoji that does not exist. */
function parseIndex(params: unknown, name = 'index'): number {
  const value = (params as Record<string, unknown>)[name];
  if (typeof value !== 'string' || !/^\d{1,3}$/.test(value))
    throw new AppError('not_found', `no such ${name}`);
  return Number(value);
}

const regenerateBody = z
  .object({
    action: z.string().max(40).optional(),
    ...EMOJI_KNOBS,
  })
  .strict();

const matteBody = z
  .object({
    op: z.enum(['erase', 'restore']),
    x: z.number(),
    y: z.number(),
    tolerance: z.number().optional(),
  })
  .strict();

/** Who is asking; with an Idempotency-Key, the request's fingerprint (route, emoji, body) too. */
function caller(request: FastifyRequest): Caller {
  const key = parseIdempotencyKey(request.headers['idempotency-key']);
  return {
    userId: request.user.id,
    requestId: request.id,
    ...(key && {
      idempotency: {
        userId: request.user.id,
        key,
        fingerprint: fingerprint([
          request.method,
          request.routeOptions.url,
          request.params,
          request.body ?? null,
        ]),
      },
    }),
  };
}

function sendAnswer(reply: FastifyReply, answer: { statusCode: number; body: unknown; replayed: boolean }) {
  if (answer.replayed) reply.header('idempotent-replayed', 'true');
  return reply.status(answer.statusCode).send(answer.body);
}

/**
 * The refine page's API: re-render, approve and pick versions of single emojis,
 * touch up the matte, scrub frames, delete the set. Thin: each route parses its
 * input, calls one service method, presents the result.
 */
export function registerRefineRoutes(app: FastifyInstance, deps: RefineRouteDeps): void {
  const { jobs, refine, matte, frames, signer } = deps;
  const emojiPath = '/api/jobs/:id/emojis/:index';
  /** The emoji as the job reply shows it (versions, renders running), after a change. */
  const emojiReply = (request: FastifyRequest, jobId: string, index: number) => {
    const view = jobs.get(jobId, request.user.id);
    const job = presentJob(view.job, view.emojis, linkerFor(signer, request.user.id), view.refine);
    return { emoji: job.emojis.find((e) => e.index === index) };
  };

  app.post(`${emojiPath}/retry`, async (request, reply) =>
    sendAnswer(reply, refine.retry(parseId(request.params), parseIndex(request.params), caller(request))),
  );

  app.post(`${emojiPath}/regenerate`, async (request, reply) => {
    const input = parseFields(regenerateBody, request.body ?? {});
    return sendAnswer(
      reply,
      refine.regenerate(parseId(request.params), parseIndex(request.params), input, caller(request)),
    );
  });

  app.post(`${emojiPath}/approve`, async (request) => {
    const [id, index] = [parseId(request.params), parseIndex(request.params)];
    refine.approve(id, index, caller(request));
    return emojiReply(request, id, index);
  });

  app.delete(`${emojiPath}/approve`, async (request) => {
    const [id, index] = [parseId(request.params), parseIndex(request.params)];
    refine.unapprove(id, index, caller(request));
    return emojiReply(request, id, index);
  });

  app.post('/api/jobs/:id/rerender', async (request, reply) =>
    sendAnswer(reply, refine.rerenderAll(parseId(request.params), caller(request))),
  );

  app.post('/api/jobs/:id/approve-all', async (request) =>
    refine.approveAll(parseId(request.params), caller(request)),
  );

  app.get(`${emojiPath}/versions`, async (request) => {
    const link = linkerFor(signer, request.user.id);
    const { current, versions } = refine.versions(
      parseId(request.params),
      parseIndex(request.params),
      request.user.id,
    );
    return { current, versions: versions.map((v) => presentVersion(v, link)) };
  });

  app.post(`${emojiPath}/versions/:version/select`, async (request) => {
    const [id, index] = [parseId(request.params), parseIndex(request.params)];
    refine.selectVersion(id, index, parseIndex(request.params, 'version'), caller(request));
    return emojiReply(request, id, index);
  });

  app.get(`${emojiPath}/frames`, async (request) => {
    const query = parseFields(
      z.object({
        platform: z.string().max(40),
        version: z
          .string()
          .regex(/^\d{1,3}$/)
          .optional(),
      }),
      request.query,
    );
    const view = await frames.frames(
      parseId(request.params),
      request.user.id,
      parseIndex(request.params),
      query.platform,
      query.version === undefined ? undefined : Number(query.version),
    );
    const { stripAssetId, ...rest } = view;
    return { ...rest, stripUrl: linkerFor(signer, request.user.id)(assetUrl(stripAssetId)) };
  });

  const presentMatte = (request: FastifyRequest, view: Awaited<ReturnType<MatteService['view']>>) => {
    const link = linkerFor(signer, request.user.id);
    const { sourceAssetId, matteAssetId, ...rest } = view;
    return { ...rest, sourceUrl: link(assetUrl(sourceAssetId)), matteUrl: link(assetUrl(matteAssetId)) };
  };

  app.get('/api/jobs/:id/matte', async (request) =>
    presentMatte(request, await matte.view(parseId(request.params), request.user.id)),
  );

  app.post('/api/jobs/:id/matte', async (request) => {
    const input = parseFields(matteBody, request.body ?? {});
    const view = await matte.edit(parseId(request.params), request.user.id, input, request.id);
    return presentMatte(request, view);
  });

  app.delete('/api/jobs/:id', async (request, reply) => {
    await refine.deleteJob(parseId(request.params), caller(request));
    return reply.status(204).send();
  });
}
