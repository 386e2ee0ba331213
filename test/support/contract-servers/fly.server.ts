// The Fly Machines API as documented (https://fly.io/docs/machines/api/machines-resource/):
// list with metadata.fly_process_group, get, start, stop, wait?state=…&timeout=… (408 on
// timeout), Bearer or FlyV1 auth, about 1 request/s per machine and action (429 beyond).
import { flyAuthorization } from '../../../src/ops/fly.provider.ts';
import { type ContractReply, type ContractRequest, ContractServer } from './contract-server.ts';

export interface FlyMachineSeed {
  id: string;
  group: string;
  state: 'started' | 'stopped' | 'suspended' | 'created';
}

interface Machine {
  id: string;
  group: string;
  state: string;
  /** A transition in progress: `state` becomes `to` at `at`. */
  pending?: { to: string; at: number };
  instanceId: string;
  region: string;
  /** Since when it has been started, and the started time before that. */
  since?: number;
  startedTotal: number;
}

const err = (status: number, error: string, headers?: Record<string, string>): ContractReply => ({
  status,
  body: { error },
  headers,
});

/** A Fly app's machines whose transitions take time on the given clock. */
export class FlyContract {
  readonly machines = new Map<string, Machine>();
  private readonly lastCall = new Map<string, number>();
  private instance = 0;

  private constructor(
    readonly server: ContractServer,
    private readonly options: FlyContractOptions,
  ) {}

  static async start(options: FlyContractOptions): Promise<FlyContract> {
    let self: FlyContract | undefined;
    const server = await ContractServer.start((req) => self!.handle(req));
    self = new FlyContract(server, options);
    for (const m of options.machines) {
      self.machines.set(m.id, {
        id: m.id,
        group: m.group,
        state: m.state,
        instanceId: self.nextInstance(),
        region: 'nrt',
        since: m.state === 'started' ? options.clock() : undefined,
        startedTotal: 0,
      });
    }
    return self;
  }

  get url(): string {
    return this.server.url;
  }

  /** A machine's state now (transitions applied). */
  stateOf(id: string): string {
    const m = this.machines.get(id)!;
    this.settle(m);
    return m.state;
  }

  /** The machine dies (OOM, host trouble): stopped, as Fly reports a crashed machine. */
  crash(id: string): void {
    const m = this.machines.get(id)!;
    this.settle(m);
    this.account(m, this.options.clock());
    m.state = 'stopped';
    m.pending = undefined;
  }

  /** How long a machine has been started in all (what Fly bills). */
  startedMs(id: string): number {
    const m = this.machines.get(id)!;
    this.settle(m);
    return m.startedTotal + (m.since === undefined ? 0 : this.options.clock() - m.since);
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private async handle(req: ContractRequest): Promise<ContractReply> {
    if (req.headers.authorization !== flyAuthorization(this.options.token)) return err(401, 'unauthorized');
    const m = /^\/v1\/apps\/([^/]+)\/machines(?:\/([^/]+)(?:\/(start|stop|wait))?)?$/.exec(req.path);
    if (!m) return err(404, 'not found');
    if (m[1] !== this.options.app) return err(404, 'app not found');
    const [, , id, verb] = m;
    if (!id) {
      if (req.method !== 'GET') return err(405, 'method not allowed');
      const group = req.query.get('metadata.fly_process_group');
      const list = [...this.machines.values()]
        .filter((x) => !group || x.group === group)
        .map((x) => this.view(x));
      return { status: 200, body: list };
    }
    const machine = this.machines.get(id);
    if (!machine) return err(404, 'machine not found');
    this.settle(machine);
    if (!verb) return { status: 200, body: this.view(machine) };
    const now = this.options.clock();
    const key = `${id}:${verb}`;
    const last = this.lastCall.get(key);
    if (last !== undefined && now - last < 1000)
      return err(429, 'rate limit exceeded', { 'retry-after': '1' });
    this.lastCall.set(key, now);
    if (verb === 'wait') return this.wait(machine, req);
    if (req.method !== 'POST') return err(405, 'method not allowed');
    if (verb === 'start') {
      if (!['stopped', 'suspended', 'created'].includes(machine.state)) {
        return err(
          412,
          `failed_precondition: unable to start machine from current state: '${machine.state}'`,
        );
      }
      const previous = machine.state;
      machine.state = 'starting';
      machine.instanceId = this.nextInstance();
      machine.pending = { to: 'started', at: now + (this.options.startMs ?? 3000) };
      return { status: 200, body: { previous_state: previous, migrated: false, new_host: '' } };
    }
    if (machine.state !== 'started') {
      return err(412, `failed_precondition: unable to stop machine from current state: '${machine.state}'`);
    }
    this.account(machine, now);
    machine.state = 'stopping';
    machine.pending = { to: 'stopped', at: now + (this.options.stopMs ?? 5000) };
    return { status: 200, body: { ok: true } };
  }

  private async wait(machine: Machine, req: ContractRequest): Promise<ContractReply> {
    const state = req.query.get('state') ?? 'started';
    if (!['started', 'stopped', 'suspended', 'destroyed'].includes(state))
      return err(400, `invalid state ${state}`);
    const timeout = Number(req.query.get('timeout') ?? '60');
    if (!Number.isInteger(timeout) || timeout < 1 || timeout > 60)
      return err(400, 'timeout must be 1 to 60 seconds');
    // Hold briefly in real time: on a virtual clock the machine only moves when the caller's clock does.
    const until = Date.now() + (this.options.holdMs ?? 20);
    for (;;) {
      this.settle(machine);
      if (machine.state === state) return { status: 200, body: { ok: true } };
      if (Date.now() >= until)
        return err(408, 'deadline_exceeded: machine did not reach the desired state in time');
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  private settle(m: Machine): void {
    if (m.pending && this.options.clock() >= m.pending.at) {
      if (m.pending.to === 'started') m.since = m.pending.at;
      m.state = m.pending.to;
      m.pending = undefined;
    }
  }

  private account(m: Machine, now: number): void {
    if (m.since !== undefined) m.startedTotal += now - m.since;
    m.since = undefined;
  }

  private view(m: Machine) {
    return {
      id: m.id,
      name: `popcon-${m.group}-${m.id.slice(0, 4)}`,
      state: m.state,
      region: m.region,
      instance_id: m.instanceId,
      config: { metadata: { fly_process_group: m.group, fly_platform_version: 'v2' } },
    };
  }

  private nextInstance(): string {
    this.instance += 1;
    return `01J${String(this.instance).padStart(10, '0')}`;
  }
}

export interface FlyContractOptions {
  token: string;
  app: string;
  machines: FlyMachineSeed[];
  clock: () => number;
  startMs?: number;
  stopMs?: number;
  /** Real ms a wait holds before its 408. */
  holdMs?: number;
}
