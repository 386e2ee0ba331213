import type { FastifyInstance } from 'fastify';
import type { Availability } from './availability.service.ts';

/** Routes that start rendering, as "METHOD pattern" with Fastify's route pattern. */
export const RENDERING_ROUTES: readonly string[] = [
  'POST /api/generate-set',
  'POST /api/jobs/:id/emojis/:index/retry',
  'POST /api/jobs/:id/emojis/:index/regenerate',
];

export interface AvailabilityPluginDeps {
  availability: Availability;
  clock: () => number;
  /** More routes that start rendering (for example a refine route), in the same form. */
  gatedRoutes?: readonly string[];
}

/**
 * GET /api/availability, and the off-hours gate: while the flag is set, a
 * request that would start rendering gets 503 `off_hours` with Retry-After and
 * the next opening. Everything else (jobs, downloads, assets) keeps working.
 * The gate runs on onRequest, before a multipart body is read.
 */
export function registerAvailability(app: FastifyInstance, deps: AvailabilityPluginDeps): void {
  const gated = new Set([...RENDERING_ROUTES, ...(deps.gatedRoutes ?? [])]);

  // Public: the page shows the banner before anyone signs in.
  app.get('/api/availability', { config: { public: true } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return deps.availability.status();
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!gated.has(`${request.method} ${request.routeOptions.url ?? ''}`)) return;
    const flag = await deps.availability.flag();
    if (!flag) return;
    const now = deps.clock();
    const status = deps.availability.describe(flag, now);
    const opensAt = status.opensAt ?? new Date(flag.expiresAt).toISOString();
    const retryAfter = Math.max(1, Math.ceil((Date.parse(opensAt) - now) / 1000));
    return reply
      .status(503)
      .header('retry-after', String(retryAfter))
      .header('cache-control', 'no-store')
      .send({
        error: {
          code: 'off_hours',
          message: `PopCon is closed right now; it opens again at ${opensAt}.`,
          opensAt,
        },
      });
  });
}
