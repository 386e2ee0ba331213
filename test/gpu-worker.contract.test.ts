import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AnimateReplyHeadersSchema,
  HealthReplySchema,
  MatteReplySchema,
  ReadyReplySchema,
} from '../src/gpu/contract.ts';
import { createInProcessEngine } from '../src/gpu/in-process.engine.ts';
import { decodeMaster } from '../src/gpu/master.codec.ts';
import { decodeImage } from '../src/gpu/png.codec.ts';
import { freePort, type GpuWorkerProcess, spawnGpuWorker, waitFor } from './support/gpu-worker.harness.ts';
import { characterOnFlatBackground } from './support/images.ts';

const TOKEN = 'contract-test-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-gpu-contract-'));
const children: GpuWorkerProcess[] = [];
let worker: GpuWorkerProcess;
// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is untyped JSON walked by path.
let openapi: any;

beforeAll(async () => {
  worker = spawnGpuWorker({ port: await freePort(), env: { GPU_WORKER_TOKEN: TOKEN } });
  children.push(worker);
  await worker.ready();
  openapi = await (await fetch(`${worker.url}/openapi.json`)).json();
});
afterAll(() => {
  for (const c of children) c.child.kill('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Checks a reply body against the schema the worker itself publishes in /openapi.json. */
function expectPublishedSchema(route: string, method: string, status: number, body: unknown) {
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  let response = openapi.paths[route][method].responses[status];
  if (response.$ref) response = openapi.components.responses[response.$ref.split('/').pop()];
  const schema = response.content['application/json'].schema;
  const validate = ajv.compile(schema);
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

function withoutToken() {
  const { GPU_WORKER_TOKEN: _token, ...env } = process.env;
  return env;
}

const post = (route: string, body: unknown, headers: Record<string, string> = auth) =>
  fetch(`${worker.url}${route}`, { method: 'POST', headers, body: JSON.stringify(body) });

describe('gpu-worker contract (real process on loopback)', () => {
  it('GET /health and GET /ready answer as the schema says', async () => {
    const health = await (await fetch(`${worker.url}/health`)).json();
    expect(HealthReplySchema.parse(health)).toMatchObject({ status: 'ok', state: 'ready', capacity: 2 });
    expectPublishedSchema('/health', 'get', 200, health);
    const ready = await fetch(`${worker.url}/ready`);
    const readyBody = await ready.json();
    expect([ready.status, ReadyReplySchema.parse(readyBody)]).toEqual([200, { status: 'ready' }]);
    expectPublishedSchema('/ready', 'get', 200, readyBody);
  });

  it('GET /openapi.json is an OpenAPI 3.1 document whose every schema compiles', () => {
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths).sort()).toEqual([
      '/health',
      '/openapi.json',
      '/ready',
      '/v1/animate',
      '/v1/matte',
    ]);
    expect(openapi.paths['/v1/animate'].post.security).toEqual([{ bearer: [] }]);
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    for (const route of ['/v1/matte', '/v1/animate']) {
      expect(() =>
        ajv.compile(openapi.paths[route].post.requestBody.content['application/json'].schema),
      ).not.toThrow();
    }
  });

  it('POST /v1/matte returns the cut-out, its mask, and the matte at the picture’s size', async () => {
    const image = (await characterOnFlatBackground(320)).toString('base64');
    const res = await post('/v1/matte', { taskId: 'matte:contract', image });
    const body = await res.json();
    expect(res.status).toBe(200);
    const reply = MatteReplySchema.parse(body);
    expectPublishedSchema('/v1/matte', 'post', 200, body);
    const cutout = await decodeImage(Buffer.from(reply.cutout, 'base64'));
    expect([cutout.width, cutout.height, reply.width, reply.height]).toEqual([512, 512, 512, 512]);
    const maskPng = Buffer.from(reply.mask, 'base64');
    // IHDR: bit depth 8, colour type 0 (greyscale).
    expect([maskPng[24], maskPng[25]]).toEqual([8, 0]);
    const mask = await sharp(maskPng).extractChannel(0).raw().toBuffer();
    const alpha = Buffer.from(cutout.data.filter((_, i) => i % 4 === 3));
    expect(mask.equals(alpha)).toBe(true);
    const matte = await decodeImage(Buffer.from(reply.matte, 'base64'));
    expect([matte.width, matte.height]).toEqual([320, 320]);
    // The corners were flat background: the matte made them transparent.
    expect(matte.data[3]).toBe(0);
    expect(matte.data[matte.data.length - 1]).toBe(0);
  });

  it('POST /v1/animate returns a lossless APNG master, equal to the in-process render, with its timings', async () => {
    const engine = createInProcessEngine();
    const cut = await engine.character('cat', '#ffb347');
    const png = await sharp(cut.data, { raw: { width: 512, height: 512, channels: 4 } })
      .png()
      .toBuffer();
    const request = {
      taskId: 'animate:contract',
      cutout: png.toString('base64'),
      action: 'love',
      params: { seed: 1 },
      size: 180,
      frames: 16,
      durationMs: 2000,
    };
    const res = await post('/v1/animate', request);
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/apng']);
    const headers = AnimateReplyHeadersSchema.parse(Object.fromEntries(res.headers));
    for (const [name, spec] of Object.entries(openapi.paths['/v1/animate'].post.responses[200].headers)) {
      if ((spec as { required: boolean }).required) expect(res.headers.get(name), name).not.toBeNull();
    }
    const seq = decodeMaster(Buffer.from(await res.arrayBuffer()), headers);
    const local = await engine.animate(cut, 'love', { seed: 1 }, { size: 180, frames: 16, durationMs: 2000 });
    expect(seq.durationMs).toBe(local.durationMs);
    expect(seq.frames.every((f, i) => Buffer.from(f).equals(local.frames[i]))).toBe(true);

    const before = (await worker.health()).renders.animate;
    const again = await post('/v1/animate', request);
    expect([again.status, again.headers.get('x-popcon-cache')]).toEqual([200, 'hit']);
    expect((await worker.health()).renders.animate).toBe(before);
  });

  it('refuses no token and a wrong token with 401, in the error shape', async () => {
    const body = {
      taskId: 'x',
      character: { id: 'cat', color: '#ffb347' },
      action: 'love',
      size: 32,
      frames: 2,
      durationMs: 1000,
    };
    for (const headers of [
      { 'content-type': 'application/json' },
      { ...auth, authorization: 'Bearer wrong-token-0123456789' },
    ]) {
      const res = await post('/v1/animate', body, headers);
      const reply = await res.json();
      expect([res.status, reply.error.code]).toEqual([401, 'unauthorized']);
      expectPublishedSchema('/v1/animate', 'post', 401, reply);
    }
  });

  it('refuses to start without a token unless bound to loopback, from the CLI and from the pod entry', () => {
    for (const entry of [
      ['bin/popcon.mjs', 'gpu-worker'],
      ['--import', 'tsx', 'src/gpu-worker/main.ts'],
    ]) {
      const res = spawnSync(process.execPath, entry, {
        env: { ...withoutToken(), GPU_WORKER_HOST: '0.0.0.0', GPU_WORKER_PORT: '0', LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(res.status, entry.join(' ')).toBe(2);
      expect(res.stderr).toMatch(/GPU_WORKER_TOKEN: required when the gpu-worker listens on 0\.0\.0\.0/);
    }
  });

  it("serves the same contract from the pod image's bundle (deploy/build-gpu-worker.sh)", async () => {
    // Inside node_modules, so the bundle's packages resolve as they do in the image.
    const bundle = path.join('node_modules', '.cache', `popcon-test-${process.pid}`, 'gpu-worker.mjs');
    execFileSync('sh', ['deploy/build-gpu-worker.sh', bundle]);
    try {
      const pod = spawnGpuWorker({
        port: await freePort(),
        entry: [bundle],
        env: { GPU_WORKER_TOKEN: TOKEN },
      });
      children.push(pod);
      await pod.ready();
      expect(await (await fetch(`${pod.url}/openapi.json`)).json()).toEqual(openapi);
      const res = await fetch(`${pod.url}/v1/animate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(401);
    } finally {
      fs.rmSync(path.dirname(bundle), { recursive: true, force: true });
    }
  });

  it('answers 429 with Retry-After when busy, and on SIGTERM finishes the render in flight before exiting', async () => {
    const gate = path.join(tmp, 'gate');
    const held = spawnGpuWorker({
      port: await freePort(),
      gateFile: gate,
      env: { GPU_WORKER_CONCURRENCY: '1' },
    });
    children.push(held);
    await held.ready();
    const body = (taskId: string) => ({
      taskId,
      character: { id: 'blob', color: '#7cc6fe' },
      action: 'yes',
      size: 64,
      frames: 5,
      durationMs: 1000,
    });
    const send = (taskId: string) =>
      fetch(`${held.url}/v1/animate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body(taskId)),
      });
    const inFlight = send('first');
    await waitFor('a render in flight', async () =>
      (await held.health()).inFlight === 1 ? true : undefined,
    );
    const busy = await send('second');
    const reply = await busy.json();
    expect([busy.status, busy.headers.get('retry-after'), reply.error.code]).toEqual([
      429,
      '1',
      'overloaded',
    ]);
    expectPublishedSchema('/v1/animate', 'post', 429, reply);

    held.child.kill('SIGTERM');
    // Draining: the port stops accepting new connections while the held render is still running.
    await waitFor('the port to close', async () =>
      (await fetch(`${held.url}/health`).catch(() => 'closed')) === 'closed' ? true : undefined,
    );
    expect(held.child.exitCode).toBeNull();
    fs.writeFileSync(gate, '');
    const finished = await inFlight;
    expect(finished.status).toBe(200);
    expect((await finished.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect(await held.exited).toBe(0);
    // Generous: two worker processes start and drain here, on two cores shared with the rest of the suite.
  }, 180_000);
});
