// node --import tsx bench/auth.bench.ts [seconds]
// Authenticated GET /api/jobs with 50 connections (autocannon, in its own
// process), against the same server in local mode as the reference: the ratio
// is what verifying a Firebase ID token on every request costs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { buildApp } from '../src/api/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { createRuntime } from '../src/runtime/runtime.ts';
import { startTokenIssuer, validClaims } from '../test/support/token-issuer.ts';

const SECONDS = Number(process.argv[2] ?? 10);
const CONNECTIONS = 50;
const JOBS = 5;
const ACTIONS = 'hello,love,cry,angry,laugh,sleepy,surprised,thanks'.split(',');
const AUTOCANNON = path.resolve(import.meta.dirname, '../node_modules/autocannon/autocannon.js');

interface Result {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  requests: number;
}

/** Runs autocannon as a child process (so it does not share the server's event loop) and parses its JSON. */
function autocannon(url: string, headers: string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const args = [AUTOCANNON, '-c', String(CONNECTIONS), '-d', String(SECONDS), '-j'];
    for (const h of headers) args.push('-H', h);
    const child = spawn(process.execPath, [...args, url], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', () => {
      const r = JSON.parse(out);
      resolve({
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        non2xx: r.non2xx,
        requests: r.requests.total,
      });
    });
  });
}

async function serve(env: Record<string, string>, userId: (token: string | null) => string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-bench-auth-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    QUOTA_REQUESTS_PER_MINUTE: 'off',
    ...env,
  });
  const runtime = createRuntime(config, { logger: pino({ level: 'silent' }) });
  const app = await buildApp(runtime, { logger: false, webRoot: path.join(dataDir, 'no-web') });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    runtime,
    url: `http://127.0.0.1:${port}/api/jobs`,
    async seed(token: string | null) {
      // The worker is not started: the jobs stay queued, each listed with its 8 emojis.
      const id = userId(token);
      runtime.deps.users.upsert({ id, email: null, name: null, photoUrl: null }, Date.now());
      for (let i = 0; i < JOBS; i++)
        await runtime.jobs.create({ userId: id, character: { id: 'cat' }, actions: ACTIONS });
    },
    async close() {
      await app.close();
      await runtime.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const issuer = await startTokenIssuer('popcon-bench');
const token = await issuer.token({ claims: validClaims(issuer.projectId, 'bench-user') });

const runs: [string, Result][] = [];
for (const mode of ['firebase', 'local'] as const) {
  const server = await serve(
    mode === 'firebase'
      ? {
          AUTH_MODE: 'firebase',
          FIREBASE_PROJECT_ID: issuer.projectId,
          AUTH_CERTS_URL: issuer.certsUrl,
          QUOTA_MAX_RUNNING_JOBS: 'off',
          QUOTA_DAILY_EMOJIS: 'off',
        }
      : {},
    () => (mode === 'firebase' ? 'bench-user' : 'local'),
  );
  await server.seed(mode === 'firebase' ? token : null);
  const headers = mode === 'firebase' ? [`authorization=Bearer ${token}`] : [];
  await autocannon(server.url, headers); // warm-up run, discarded
  runs.push([mode, await autocannon(server.url, headers)]);
  await server.close();
}
await issuer.close();

const fmt = (n: number) => n.toFixed(1);
console.log(`GET /api/jobs (${JOBS} jobs × 8 emojis), ${CONNECTIONS} connections, ${SECONDS} s, autocannon`);
console.log('| mode | req/s | p50 ms | p99 ms | non-2xx |');
console.log('|---|---|---|---|---|');
for (const [mode, r] of runs) console.log(`| ${mode} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${r.non2xx} |`);
const [fb, local] = [runs[0]![1], runs[1]![1]];
console.log(`firebase/local throughput: ${(fb.rps / local.rps).toFixed(2)}`);
