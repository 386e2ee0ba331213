import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { HealthReplySchema } from '../../src/gpu/contract.ts';

/** A TCP port that was free a moment ago on loopback. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** Polls `check` until it returns a value; rejects after `timeoutMs` with `what` in the message. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface GpuWorkerProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  stderr: () => string;
  health(): Promise<ReturnType<typeof HealthReplySchema.parse>>;
  ready(): Promise<void>;
}

/**
 * Spawns a gpu-worker on 127.0.0.1:`port`: the real CLI (`popcon gpu-worker`), another
 * entry (`node <args>`), or with `gateFile` the same server with animate held until the
 * file exists.
 */
export function spawnGpuWorker(opts: {
  port: number;
  env?: Record<string, string>;
  gateFile?: string;
  entry?: string[];
}): GpuWorkerProcess {
  const entry = opts.gateFile
    ? ['--import', 'tsx', 'test/support/gpu-worker-process.ts']
    : (opts.entry ?? ['bin/popcon.mjs', 'gpu-worker']);
  const child = spawn(process.execPath, entry, {
    env: {
      ...process.env,
      GPU_WORKER_HOST: '127.0.0.1',
      GPU_WORKER_PORT: String(opts.port),
      LOG_LEVEL: 'warn',
      ...(opts.gateFile ? { GATE_FILE: opts.gateFile } : {}),
      ...opts.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${opts.port}`;
  return {
    child,
    url,
    exited,
    stderr: () => err,
    async health() {
      return HealthReplySchema.parse(await (await fetch(`${url}/health`)).json());
    },
    async ready() {
      await waitFor(`${url}/ready`, async () => {
        if (child.exitCode !== null) throw new Error(`gpu-worker exited with ${child.exitCode}: ${err}`);
        const res = await fetch(`${url}/ready`).catch(() => undefined);
        return res?.status === 200 ? true : undefined;
      });
    },
  };
}
