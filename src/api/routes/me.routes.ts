import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type AuditService, parseEventType, presentAuditEvent } from '../../audit/audit.service.ts';
import { AppError } from '../../domain/errors.ts';
import type { QuotaService } from '../../quota/quota.service.ts';

const MAX_PAGE = 200;

const trailQuery = z
  .object({
    job: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
    type: z.string().max(40).optional(),
    cursor: z.string().max(20).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  })
  .strict();

/** The caller: who they are, what is left of their quota, and their own audit trail. */
export function registerMeRoutes(
  app: FastifyInstance,
  quota: QuotaService,
  audit: AuditService,
  clock: () => number,
): void {
  app.get('/api/me', async (request) => {
    const { id, email, name, photoUrl } = request.user;
    return { user: { id, email, name, photoUrl }, quota: quota.usage(id, clock()) };
  });

  app.get('/api/me/events', async (request) => {
    const parsed = trailQuery.safeParse(request.query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('bad_request', `invalid ${issue?.path.join('.') || 'query'}: ${issue?.message}`);
    }
    const q = parsed.data;
    const page = audit.trail({
      userId: request.user.id,
      jobId: q.job,
      type: q.type === undefined ? undefined : parseEventType(q.type),
      cursor: q.cursor,
      limit: q.limit,
    });
    return { events: page.events.map(presentAuditEvent), nextCursor: page.nextCursor };
  });
}
