// The real gpu-worker server in its own OS process, with one test hook: when
// GATE_FILE is set, every animate waits until that file exists, so a test can
// hold renders in flight (to overload the worker, or kill it mid-task).
import fs from 'node:fs';
import { loadConfig } from '../../src/config/config.ts';
import { createInProcessEngine } from '../../src/gpu/in-process.engine.ts';
import type { RenderEngine } from '../../src/gpu/render-engine.ts';
import { runGpuWorker } from '../../src/gpu-worker/server.ts';

const gateFile = process.env.GATE_FILE;
const inner = createInProcessEngine();
let calls = 0;
/** Holds every render but the first (the warm-up, which must pass for /ready to turn 200) until the gate file exists. */
async function gate(): Promise<void> {
  while (gateFile && calls++ > 0 && !fs.existsSync(gateFile)) await new Promise((r) => setTimeout(r, 20));
}
const engine: RenderEngine = {
  ...inner,
  async animate(...args) {
    await gate();
    return inner.animate(...args);
  },
  async animateCharacter(...args) {
    await gate();
    return inner.animateCharacter(...args);
  },
};
process.exitCode = await runGpuWorker(loadConfig(), { engine });
