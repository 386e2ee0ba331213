import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.ts';
import { createRuntime, type Runtime } from '../runtime/runtime.ts';
import { buildApp, DEFAULT_WEB_ROOT } from './app.ts';

export interface RunningServer {
  app: FastifyInstance;
  runtime: Runtime;
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Builds the web app with Vite when `dist/web` has no build yet (a fresh clone). */
export async function ensureWebBuilt(webRoot = DEFAULT_WEB_ROOT): Promise<void> {
  if (fs.existsSync(path.join(webRoot, 'index.html'))) return;
  process.stderr.write('PopCon: building the web app (first start)…\n');
  const { build } = await import('vite');
  await build({ configFile: path.resolve(import.meta.dirname, '../../vite.config.ts'), logLevel: 'warn' });
}

/** Starts web + in-process worker on one port. */
export async function startServer(config: Config, opts: { worker?: boolean } = {}): Promise<RunningServer> {
  if (config.auth.mode === 'local' && !config.auth.allowRemote && !LOOPBACK.has(config.host)) {
    throw new Error(
      `local mode has no sign-in, so it only listens on loopback; HOST=${config.host} needs LOCAL_MODE_ALLOW_REMOTE=1`,
    );
  }
  const runtime = createRuntime(config);
  const app = await buildApp(runtime);
  if (opts.worker !== false) runtime.worker.start();
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    app,
    runtime,
    url: `http://${host}:${port}`,
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}
