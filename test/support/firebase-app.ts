import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { tempRuntime } from './temp-runtime.ts';
import type { TokenIssuer } from './token-issuer.ts';

/** A Firebase-mode app (not listening) whose tokens come from `issuer`, on a fresh data dir. */
export async function firebaseApp(issuer: TokenIssuer, env: Record<string, string> = {}) {
  const ctx = tempRuntime({
    AUTH_MODE: 'firebase',
    FIREBASE_PROJECT_ID: issuer.projectId,
    AUTH_CERTS_URL: issuer.certsUrl,
    ...env,
  });
  const app: FastifyInstance = await buildApp(ctx.runtime, {
    logger: false,
    webRoot: path.join(ctx.dataDir, 'no-web'),
  });
  return {
    app,
    ctx,
    async dispose() {
      await app.close();
      await ctx.dispose();
    },
  };
}
