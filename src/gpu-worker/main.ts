// Lean entry of the gpu-worker (`npm run start:gpu-worker`, the pod image's command).
// `popcon gpu-worker` runs the same server, but the CLI first loads every command's
// modules (web app, auth, database): about twice the start-up time, measured in
// bench/gpu-worker.bench.ts, on a service whose start to /ready is its cold start.
import { ConfigError, loadConfig } from '../config/config.ts';
import { runGpuWorker } from './server.ts';

try {
  process.exitCode = await runGpuWorker(loadConfig());
} catch (err) {
  process.stderr.write(`popcon gpu-worker: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = err instanceof ConfigError ? 2 : 1;
}
