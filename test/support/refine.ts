import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { AppError } from '../../src/domain/errors.ts';
import { createInProcessEngine } from '../../src/gpu/in-process.engine.ts';
import type { RenderEngine } from '../../src/gpu/render-engine.ts';
import type { Runtime } from '../../src/runtime/runtime.ts';
import { tempRuntime, waitUntil } from './temp-runtime.ts';

/** Resolves with a version once its render finished (completed or failed); rejects after `timeoutMs`. */
export function waitForVersion(
  runtime: Runtime,
  jobId: string,
  index: number,
  version: number,
  timeoutMs = 60_000,
) {
  return waitUntil(
    runtime,
    jobId,
    () => {
      const v = runtime.deps.versions.find(jobId, index, version);
      return v && (v.status === 'completed' || v.status === 'failed') ? v : undefined;
    },
    timeoutMs,
    `version ${version} of emoji ${index}`,
  );
}

/**
 * A local-mode app on a fresh runtime for a test file, with its worker running, whose
 * engine refuses the first render of "cry" while `refuse(true)` holds. Registers its own
 * beforeAll/afterAll; read `app` and `ctx` inside tests.
 */
export function refineFixture() {
  const state = { refuseCry: false };
  let ctx: ReturnType<typeof tempRuntime> | undefined;
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    ctx = tempRuntime({}, { engine: refusingEngine('cry', (p) => state.refuseCry && !p.seed) });
    app = await buildApp(ctx.runtime, { logger: false, webRoot: path.join(ctx.dataDir, 'no-web') });
    ctx.runtime.worker.start();
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.dispose();
  });
  return {
    get app(): FastifyInstance {
      return app!;
    },
    get ctx(): ReturnType<typeof tempRuntime> {
      return ctx!;
    },
    /** While on, the test engine refuses the first render of "cry" (seed 0). */
    refuse(on: boolean) {
      state.refuseCry = on;
    },
  };
}

/**
 * The CPU engine, except that it refuses `action` while `refuse()` says so: a render
 * that fails for good (an AppError is never retried), as a broken model would.
 */
export function refusingEngine(action: string, refuse: (params: { seed?: number }) => boolean): RenderEngine {
  const engine = createInProcessEngine();
  const check = (id: string, params: { seed?: number }) => {
    if (id === action && refuse(params)) throw new AppError('internal', `the test engine refuses ${action}`);
  };
  return {
    ...engine,
    async animateCharacter(character, id, params, opts) {
      check(id, params);
      return engine.animateCharacter(character, id, params, opts);
    },
    async animate(cutout, id, params, opts) {
      check(id, params);
      return engine.animate(cutout, id, params, opts);
    },
  };
}

/** POSTs JSON (or nothing) through `inject`. */
export function post(
  app: FastifyInstance,
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'POST',
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** Row counts of the tables a refused refine request must leave alone. */
export function refineCounts(runtime: Runtime) {
  const count = (sql: string) => (runtime.deps.db.prepare(sql).get() as { n: number }).n;
  return {
    versions: count('SELECT COUNT(*) AS n FROM emoji_versions'),
    charges: count('SELECT COUNT(*) AS n FROM render_charges'),
    tasks: count('SELECT COUNT(*) AS n FROM tasks'),
    events: count('SELECT COUNT(*) AS n FROM events'),
  };
}
