import { spawnSync } from 'node:child_process';
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

const WEB_SOURCES = path.resolve(import.meta.dirname, '../../web');

/** Newest modification time of any file under `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Builds the web app with Vite when `dist/web` has no build yet (a fresh clone)
 * or is older than the sources (after a pull). An image that ships a built
 * `dist/web` and no `web/` sources skips the check.
 */
export async function ensureWebBuilt(webRoot = DEFAULT_WEB_ROOT): Promise<void> {
  const index = path.join(webRoot, 'index.html');
  const built = fs.existsSync(index);
  if (built && (!fs.existsSync(WEB_SOURCES) || fs.statSync(index).mtimeMs >= newestMtime(WEB_SOURCES)))
    return;
  process.stderr.write(`PopCon: building the web app (${built ? 'sources changed' : 'first start'})…\n`);
  // A child process with NODE_ENV=production: a build inside a test or dev
  // process would otherwise inherit its NODE_ENV and ship React's dev build.
  const vite = path.resolve(import.meta.dirname, '../../node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error('building the web app failed (see the output above)');
}

/**
 * How long requests in flight get to finish once the server is closing. After it, the
 * connections still open are cut: a progress stream, or a socket a browser opened ahead
 * of need and never used, which Node counts as busy until its 60 s header timeout and
 * which would otherwise hold the shutdown that long.
 */
const CLOSE_GRACE_MS = 3000;

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
      const cut = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
      try {
        await app.close();
      } finally {
        clearTimeout(cut);
      }
      await runtime.close();
    },
  };
}
