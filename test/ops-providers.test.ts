import { afterEach, describe, expect, it } from 'vitest';
import { FlyMachines, flyAuthorization } from '../src/ops/fly.provider.ts';
import { DEFAULT_RETRY } from '../src/ops/http.ts';
import { waitUntilReady } from '../src/ops/ready.probe.ts';
import { RunPodError, RunPodPods } from '../src/ops/runpod.provider.ts';
import { SteppingClock } from './support/contract-servers/clock.ts';
import { FlyContract, type FlyMachineSeed } from './support/contract-servers/fly.server.ts';
import { type PodSeed, RunPodContract } from './support/contract-servers/runpod.server.ts';

const RETRY = { ...DEFAULT_RETRY, timeoutMs: 1000 };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function fly(machines: FlyMachineSeed[], token = 'fly-bearer-token') {
  const clock = new SteppingClock();
  const contract = await FlyContract.start({ token, app: 'popcon', machines, clock: clock.now });
  closers.push(() => contract.close());
  const client = new FlyMachines({
    apiUrl: contract.url,
    token,
    app: 'popcon',
    processGroup: 'worker',
    clock,
    retry: RETRY,
  });
  return { clock, contract, client };
}

async function runpod(pods: PodSeed[]) {
  const clock = new SteppingClock();
  const contract = await RunPodContract.start({ apiKey: 'rp-key', pods, clock: clock.now, warmMs: 60_000 });
  closers.push(() => contract.close());
  const client = new RunPodPods({
    apiUrl: contract.url,
    apiKey: 'rp-key',
    podId: pods[0]!.id,
    clock,
    retry: RETRY,
  });
  return { clock, contract, client };
}

const WORKERS: FlyMachineSeed[] = [
  { id: 'w1', group: 'worker', state: 'stopped' },
  { id: 'w2', group: 'worker', state: 'started' },
  { id: 'web1', group: 'web', state: 'started' },
];

describe('the Fly Machines client', () => {
  it('sends macaroon tokens as FlyV1 and other tokens as Bearer', () => {
    expect(flyAuthorization('fm2_abc,fm2_def')).toBe('FlyV1 fm2_abc,fm2_def');
    expect(flyAuthorization('fm1r_abc')).toBe('FlyV1 fm1r_abc');
    expect(flyAuthorization('FlyV1 fm2_abc')).toBe('FlyV1 fm2_abc');
    expect(flyAuthorization('personal-token')).toBe('Bearer personal-token');
  });

  it('lists only the worker process group', async () => {
    const { client, contract } = await fly(WORKERS, 'fm2_macaroon');
    expect((await client.list()).map((m) => m.id)).toEqual(['w1', 'w2']);
    expect(contract.server.requests[0]?.query.get('metadata.fly_process_group')).toBe('worker');
  });

  it('starts what is stopped, waits through 408s, and a second run sends no start', async () => {
    const { client, contract, clock } = await fly(WORKERS);
    const outcomes = await client.converge('started', clock.now() + 120_000, false);
    expect(outcomes).toEqual([
      { id: 'w1', from: 'stopped', to: 'started', action: 'start', ok: true },
      { id: 'w2', from: 'started', to: 'started', action: 'none', ok: true },
    ]);
    expect(contract.server.statuses).toContain(408);
    expect(contract.stateOf('web1')).toBe('started');
    const starts = contract.server.count(/POST .*\/start$/);
    expect(
      (await client.converge('started', clock.now() + 120_000, false)).every((o) => o.action === 'none'),
    ).toBe(true);
    expect(contract.server.count(/POST .*\/start$/)).toBe(starts);
  });

  it('keeps to about one request a second per machine and action (no 429 from Fly)', async () => {
    const { client, contract, clock } = await fly([{ id: 'w1', group: 'worker', state: 'stopped' }]);
    await client.converge('started', clock.now() + 600_000, false);
    expect(contract.server.count(/GET .*\/wait$/)).toBeGreaterThan(1);
    expect(contract.server.statuses).not.toContain(429);
  });

  it('stops started machines and waits until they are stopped', async () => {
    const { client, contract, clock } = await fly(WORKERS);
    const outcomes = await client.converge('stopped', clock.now() + 120_000, false);
    expect(outcomes.map((o) => [o.id, o.action, o.to])).toEqual([
      ['w1', 'none', 'stopped'],
      ['w2', 'stop', 'stopped'],
    ]);
    expect(contract.stateOf('w2')).toBe('stopped');
  });

  it('rides out a 5xx and a 429 with Retry-After on start', async () => {
    const { client, contract, clock } = await fly([{ id: 'w1', group: 'worker', state: 'stopped' }]);
    contract.server.fail({ match: /POST .*\/start/, status: 502, body: { error: 'bad gateway' } });
    contract.server.fail({
      match: /POST .*\/start/,
      status: 429,
      headers: { 'retry-after': '2' },
      body: { error: 'rate' },
    });
    const [o] = await client.converge('started', clock.now() + 120_000, false);
    expect(o).toMatchObject({ action: 'start', ok: true });
  });

  it('starts a machine that was still stopping once it has stopped (412 first)', async () => {
    const { client, contract, clock } = await fly([{ id: 'w1', group: 'worker', state: 'started' }]);
    await client.stop('w1');
    expect(contract.stateOf('w1')).toBe('stopping');
    clock.t += 1000;
    expect(await client.start('w1')).toBe(false);
    const [o] = await client.converge('started', clock.now() + 300_000, false);
    expect(o).toMatchObject({ to: 'started', ok: true });
  });

  it('reports a machine that does not get there in time', async () => {
    const { client, clock } = await fly([{ id: 'w1', group: 'worker', state: 'stopped' }]);
    const [o] = await client.converge('started', clock.now() + 500, false);
    expect(o).toMatchObject({ ok: false, detail: 'still starting' });
  });

  it('plans without acting in a dry run', async () => {
    const { client, contract, clock } = await fly(WORKERS);
    const outcomes = await client.converge('started', clock.now() + 1000, true);
    expect(outcomes[0]).toMatchObject({ id: 'w1', action: 'planned' });
    expect(contract.server.count(/^POST /)).toBe(0);
  });
});

describe('the RunPod client', () => {
  it('resumes a stopped pod, and a second run sends nothing', async () => {
    const { client, contract, clock } = await runpod([{ id: 'pod1', status: 'EXITED' }]);
    expect(await client.converge('RUNNING', clock.now() + 60_000, false)).toEqual({
      from: 'EXITED',
      to: 'RUNNING',
      action: 'start',
    });
    expect(contract.server.requests.at(-2)?.body).toEqual({ action: 'start' });
    expect(await client.converge('RUNNING', clock.now() + 60_000, false)).toMatchObject({ action: 'none' });
    expect(contract.server.count(/^POST /)).toBe(1);
    expect(contract.server.count(/\/v1\//)).toBe(0);
  });

  it('settles a 409 by reading the pod again: someone else already started it', async () => {
    const { client, contract, clock } = await runpod([{ id: 'pod1', status: 'RUNNING' }]);
    // A stale read says EXITED; the start then gets 409 because the pod is RUNNING.
    contract.server.fail({
      match: /GET \/v2\/pods\/pod1$/,
      status: 200,
      body: { id: 'pod1', desiredStatus: 'EXITED' },
    });
    expect(await client.converge('RUNNING', clock.now() + 60_000, false)).toMatchObject({ to: 'RUNNING' });
    expect(contract.server.statuses).toContain(409);
  });

  it('says clearly when the pod cannot resume because its host has no free GPU', async () => {
    const { client, clock } = await runpod([{ id: 'pod1', status: 'EXITED', noGpuOnHost: true }]);
    const err = await client.converge('RUNNING', clock.now() + 60_000, false).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunPodError);
    expect(err).toMatchObject({
      code: 'no_gpu',
      message: expect.stringMatching(/cannot resume: its host has no free GPU/),
    });
  });

  it('retries a 429 with Retry-After and a 5xx, and abandons a slow reply', async () => {
    const { client, contract, clock } = await runpod([{ id: 'pod1', status: 'EXITED' }]);
    contract.server.fail({
      match: /GET /,
      status: 429,
      headers: { 'retry-after': '1', 'content-type': 'application/problem+json' },
      body: { title: 'Too Many Requests', status: 429 },
    });
    contract.server.fail({
      match: /POST /,
      status: 503,
      body: { title: 'Service Unavailable', status: 503 },
    });
    contract.server.fail({
      match: /GET /,
      status: 200,
      body: { id: 'pod1', desiredStatus: 'EXITED' },
      delayMs: 1500,
    });
    expect(await client.converge('RUNNING', clock.now() + 60_000, false)).toMatchObject({ action: 'start' });
  });

  it('stops a running pod, which stops its billing', async () => {
    const { client, contract, clock } = await runpod([{ id: 'pod1', status: 'RUNNING' }]);
    clock.t += 3_600_000;
    expect(await client.converge('EXITED', clock.now() + 60_000, false)).toMatchObject({ action: 'stop' });
    const billed = contract.billedMs('pod1');
    clock.t += 3_600_000;
    expect(contract.billedMs('pod1')).toBe(billed);
  });

  it('refuses to touch a terminated pod', async () => {
    const { client, clock } = await runpod([{ id: 'pod1', status: 'TERMINATED' }]);
    await expect(client.converge('RUNNING', clock.now() + 60_000, false)).rejects.toMatchObject({
      code: 'terminated',
    });
  });

  it('does not call a RUNNING pod ready until its worker answers /ready', async () => {
    const { client, contract, clock } = await runpod([{ id: 'pod1', status: 'EXITED' }]);
    await client.converge('RUNNING', clock.now() + 60_000, false);
    const probe = await waitUntilReady(contract.readyUrl, clock, clock.now() + 600_000);
    expect(probe).toMatchObject({ ready: true, detail: '200 ready' });
    expect(probe.polls).toBeGreaterThan(1);
    expect(contract.proxy.statuses).toContain(503);
  });
});
