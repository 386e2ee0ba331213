import { z } from 'zod';
import { HttpError, JsonHttpClient, type OpsClock, type RetryPolicy } from './http.ts';
import { KeyedRateLimiter } from './rate-limit.ts';

const MachineSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  state: z.string().min(1),
  region: z.string().optional(),
  instance_id: z.string().optional(),
  config: z.object({ metadata: z.record(z.string(), z.string()).optional() }).optional(),
});
export type FlyMachine = z.infer<typeof MachineSchema>;

const MachineListSchema = z.array(MachineSchema);
const StartReplySchema = z.object({ previous_state: z.string().optional() });
const OkReplySchema = z.object({ ok: z.boolean().optional() }).nullable();
const WaitReplySchema = z
  .union([z.object({ ok: z.boolean().optional() }), z.object({ error: z.string() })])
  .nullable();

/** The state a converge drives machines to. */
export type FlyTarget = 'started' | 'stopped';

/** One machine's outcome of a converge. */
export interface MachineOutcome {
  id: string;
  from: string;
  to: string;
  action: 'none' | 'start' | 'stop' | 'planned';
  ok: boolean;
  detail?: string;
}

/** Macaroon tokens (`fm1…`, `fm2_…`, or already prefixed) go as `FlyV1`; others as Bearer. */
export function flyAuthorization(token: string): string {
  const t = token.trim();
  if (/^FlyV1\s/.test(t)) return t;
  return /^fm1[ar]?_|^fm2_/.test(t) ? `FlyV1 ${t}` : `Bearer ${t}`;
}

/** States a machine can be started from, or stopped from. */
const STARTABLE = new Set(['stopped', 'suspended', 'created']);
const STOPPABLE = new Set(['started']);

/**
 * The Fly Machines API for one app's process group (the pipeline workers):
 * list, start, stop and wait, paced at one request per second per machine and
 * action (Fly's limit), every reply parsed with a schema.
 */
export class FlyMachines {
  private readonly http: JsonHttpClient;
  private readonly limiter: KeyedRateLimiter;
  private readonly base: string;

  constructor(
    private readonly options: {
      apiUrl: string;
      token: string;
      app: string;
      processGroup: string;
      clock: OpsClock;
      retry?: RetryPolicy;
    },
  ) {
    this.http = new JsonHttpClient({
      name: 'Fly',
      baseUrl: options.apiUrl,
      authorization: flyAuthorization(options.token),
      clock: options.clock,
      retry: options.retry,
    });
    this.limiter = new KeyedRateLimiter(1000, options.clock);
    this.base = `/v1/apps/${encodeURIComponent(options.app)}/machines`;
  }

  /** The process group's machines. */
  async list(): Promise<FlyMachine[]> {
    const group = this.options.processGroup;
    const path = `${this.base}?${new URLSearchParams({ 'metadata.fly_process_group': group })}`;
    const { data } = await this.http.send({ method: 'GET', path, schema: MachineListSchema });
    // Filtered again here: a proxy or an older API that ignores the filter must not widen the set.
    return data.filter((m) => (m.config?.metadata?.fly_process_group ?? group) === group);
  }

  /** One machine. */
  async get(id: string): Promise<FlyMachine> {
    const { data } = await this.http.send({ method: 'GET', path: this.path(id), schema: MachineSchema });
    return data;
  }

  /** Starts a machine; false when its current state does not allow it (Fly's 409/412). */
  async start(id: string): Promise<boolean> {
    return this.act(id, 'start', StartReplySchema, undefined);
  }

  /** Stops a machine (SIGTERM, then Fly's kill timeout); false when its state does not allow it. */
  async stop(id: string): Promise<boolean> {
    return this.act(id, 'stop', OkReplySchema, {});
  }

  /** Waits up to `timeoutS` (≤ 60) for a state; false on Fly's 408. */
  async waitFor(machine: FlyMachine, state: FlyTarget, timeoutS: number): Promise<boolean> {
    await this.limiter.take(`${machine.id}:wait`);
    const query = new URLSearchParams({
      state,
      timeout: String(Math.max(1, Math.min(60, Math.floor(timeoutS)))),
    });
    if (state === 'stopped' && machine.instance_id) query.set('instance_id', machine.instance_id);
    const { status } = await this.http.send({
      method: 'GET',
      path: `${this.path(machine.id)}/wait?${query}`,
      schema: WaitReplySchema,
      accept: [408],
      timeoutMs: (timeoutS + 15) * 1000,
    });
    return status !== 408;
  }

  /**
   * Drives every machine of the group to `target` and waits until each is
   * there or `deadline` passes. Machines already there are left alone, so a
   * second run changes nothing.
   */
  async converge(target: FlyTarget, deadline: number, dryRun: boolean): Promise<MachineOutcome[]> {
    const machines = await this.list();
    return Promise.all(machines.map((m) => this.convergeOne(m, target, deadline, dryRun)));
  }

  private async convergeOne(
    machine: FlyMachine,
    target: FlyTarget,
    deadline: number,
    dryRun: boolean,
  ): Promise<MachineOutcome> {
    const from = machine.state;
    const verb = target === 'started' ? 'start' : 'stop';
    if (from === target) return { id: machine.id, from, to: from, action: 'none', ok: true };
    if (dryRun) return { id: machine.id, from, to: target, action: 'planned', ok: true };
    const canAct = target === 'started' ? STARTABLE : STOPPABLE;
    let m = machine;
    let acted = false;
    const { clock } = this.options;
    while (clock.now() < deadline) {
      if (m.state === target) return { id: m.id, from, to: target, action: acted ? verb : 'none', ok: true };
      if (canAct.has(m.state)) {
        // A machine moving the other way (stopping while we start) conflicts; re-read and retry.
        acted = (verb === 'start' ? await this.start(m.id) : await this.stop(m.id)) || acted;
      }
      const remainingS = (deadline - clock.now()) / 1000;
      if (remainingS <= 0) break;
      if (await this.waitFor(m, target, Math.min(60, remainingS))) {
        return { id: m.id, from, to: target, action: acted ? verb : 'none', ok: true };
      }
      m = await this.get(m.id);
    }
    return {
      id: m.id,
      from,
      to: m.state,
      action: acted ? verb : 'none',
      ok: false,
      detail: `still ${m.state}`,
    };
  }

  private async act(id: string, verb: 'start' | 'stop', schema: z.ZodType, body: unknown): Promise<boolean> {
    await this.limiter.take(`${id}:${verb}`);
    try {
      await this.http.send({ method: 'POST', path: `${this.path(id)}/${verb}`, schema, body });
      return true;
    } catch (err) {
      if (err instanceof HttpError && (err.status === 409 || err.status === 412)) return false;
      throw err;
    }
  }

  private path(id: string): string {
    return `${this.base}/${encodeURIComponent(id)}`;
  }
}
