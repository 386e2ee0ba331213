import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { User } from '../../db/users.repository.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: User;
  }
}

/**
 * Attaches the caller to every request. Local single-user mode: everyone on
 * the loopback interface is the local user (a real row in `users`).
 */
export function registerCurrentUser(app: FastifyInstance, localUser: User): void {
  app.decorateRequest('user', null as unknown as User);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.user = localUser;
  });
}
