import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/api/server.ts';
import { loadConfig } from '../src/config/config.ts';

let dataDir: string | null = null;

async function start(): Promise<RunningServer> {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-close-'));
  return startServer(loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }), { worker: false });
}

afterEach(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  dataDir = null;
});

describe('closing the server', () => {
  it('finishes a request in flight, then cuts a socket that never sent one instead of waiting on it', async () => {
    const server = await start();
    const { port } = new URL(server.url);
    // What a browser does ahead of need: a connection that sends nothing. Node counts it as
    // busy until its header timeout (60 s), which held the shutdown that long.
    const silent = net.connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => silent.once('connect', resolve));
    const cut = new Promise((resolve) => silent.once('close', resolve));
    // A request that takes a render to answer, still in flight when the shutdown begins.
    const inFlight = fetch(`${server.url}/api/actions/party/preview.png?character=bunny`).then(async (r) => ({
      status: r.status,
      type: r.headers.get('content-type'),
      bytes: (await r.arrayBuffer()).byteLength,
    }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await server.close();
    expect(await inFlight).toMatchObject({ status: 200, type: 'image/png' });
    expect((await inFlight).bytes).toBeGreaterThan(1000);
    await cut;
    expect(silent.destroyed || silent.readyState === 'closed').toBe(true);
  }, 20_000);
});
