import type { FastifyInstance } from 'fastify';
import type { UrlSigner } from '../../auth/url-signer.ts';
import type { JobEventBus } from '../../pipeline/job-events.ts';
import type { JobsService } from '../../pipeline/jobs.service.ts';
import { linkerFor, presentEvent } from '../presenters.ts';
import { parseId } from './jobs.routes.ts';

const TERMINAL = new Set(['job.completed', 'job.failed']);
/** Fallback poll for events written by another process (a separate worker). */
const POLL_MS = 1000;
/** A comment line keeps proxies from closing an idle stream. */
const KEEPALIVE_MS = 15_000;

/**
 * GET /api/jobs/:id/events: the job's progress as server-sent events. It
 * replays from `Last-Event-ID` (or `?after=`), then streams new events as they
 * are committed, and ends after the job completes or fails (with `?follow=1`: when the
 * client leaves or the job is deleted).
 */
export function registerJobEventsRoutes(
  app: FastifyInstance,
  jobs: JobsService,
  bus: JobEventBus,
  signer: UrlSigner | null,
): void {
  app.get('/api/jobs/:id/events', async (request, reply) => {
    const jobId = parseId(request.params);
    const header = request.headers['last-event-id'];
    const query = request.query as { after?: string; follow?: string };
    // The refine page follows a finished set too, for the re-renders the user starts.
    const follow = query.follow === '1';
    let cursor = Number(header ?? query.after ?? 0) || 0;
    // Checks ownership before the stream opens, so a stranger gets a plain 404.
    const initial = jobs.events(jobId, request.user.id, cursor);
    const link = linkerFor(signer, request.user.id);

    // Headers set through `reply` (CORS, request id) would be lost by hijack; pass them on.
    const replyHeaders = reply.getHeaders();
    reply.hijack();
    const res = reply.raw;
    for (const [name, value] of Object.entries(replyHeaders)) {
      if (value !== undefined) res.setHeader(name, value);
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 2000\n\n');

    let closed = false;
    const send = (events: ReturnType<typeof jobs.events>) => {
      for (const e of events) {
        cursor = e.id;
        res.write(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(presentEvent(e, link))}\n\n`);
        if (!follow && TERMINAL.has(e.type)) {
          close();
          return;
        }
      }
    };
    const pump = () => {
      if (closed) return;
      try {
        send(jobs.events(jobId, request.user.id, cursor));
      } catch (err) {
        request.log.warn({ err, jobId }, 'progress stream stopped');
        close();
      }
    };
    const unsubscribe = bus.subscribe(jobId, pump);
    const poll = setInterval(pump, POLL_MS);
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    function close() {
      if (closed) return;
      closed = true;
      unsubscribe();
      clearInterval(poll);
      clearInterval(keepalive);
      res.end();
    }
    request.raw.on('close', close);
    send(initial);
  });
}
