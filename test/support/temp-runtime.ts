import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config/config.ts';
import { createRuntime, type Runtime, type RuntimeOverrides } from '../../src/runtime/runtime.ts';

/** A runtime on a fresh SQLite file and asset folder in a temp dir, with a silent logger. */
export function tempRuntime(env: Record<string, string> = {}, overrides: RuntimeOverrides = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const runtime: Runtime = createRuntime(config, { logger: pino({ level: 'silent' }), ...overrides });
  return {
    runtime,
    dataDir,
    async dispose() {
      await runtime.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every file below `dir`, as paths relative to it. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

/** Counts rows of the tables that a rejected request must leave untouched. */
export function rowCounts(runtime: Runtime) {
  const count = (table: string) =>
    (runtime.deps.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    jobs: count('jobs'),
    emojis: count('emoji_results'),
    tasks: count('tasks'),
    events: count('events'),
    assets: count('assets'),
  };
}

/**
 * Resolves with what `probe` returns once it returns something, looking after every
 * change of the job (and every 100 ms, for other processes); rejects after `timeoutMs`.
 */
export function waitUntil<T>(
  runtime: Runtime,
  jobId: string,
  probe: () => T | undefined,
  timeoutMs: number,
  what: string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const check = () => {
      const found = probe();
      if (found === undefined) return;
      cleanup();
      resolve(found);
    };
    const unsubscribe = runtime.deps.bus.subscribe(jobId, check);
    const poll = setInterval(check, 100);
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${what} did not finish in ${timeoutMs} ms`));
    }, timeoutMs);
    function cleanup() {
      unsubscribe();
      clearInterval(poll);
      clearTimeout(timer);
    }
    check();
  });
}

/** Resolves with the job once it is completed or failed; rejects after `timeoutMs`. */
export function waitForJob(runtime: Runtime, jobId: string, timeoutMs = 60_000, userId = 'local') {
  return waitUntil(
    runtime,
    jobId,
    () => {
      const state = runtime.jobs.get(jobId, userId);
      return state.job.status === 'completed' || state.job.status === 'failed' ? state : undefined;
    },
    timeoutMs,
    `job ${jobId}`,
  );
}
