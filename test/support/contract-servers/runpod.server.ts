// RunPod REST v2 for one account's pods: GET /v2/pods/{id}, POST /v2/pods/{id}/action
// {"action":"start"|"stop"}; 409 when the action is not valid for the pod's status, errors
// as application/problem+json, v1 switched off (410). A second server plays the pod's
// proxy URL, where the GPU worker answers GET /ready only after it has warmed up.
import { type ContractReply, type ContractRequest, ContractServer } from './contract-server.ts';

export interface PodSeed {
  id: string;
  status: 'RUNNING' | 'EXITED' | 'TERMINATED';
  /** The pod's host has no free GPU: a start is refused. */
  noGpuOnHost?: boolean;
}

interface Pod extends PodSeed {
  lastStatusChange: number;
  /** Billed time before the current RUNNING stretch. */
  billedTotal: number;
}

const PROBLEM = 'application/problem+json';
const problem = (status: number, title: string, detail: string, type = 'about:blank'): ContractReply => ({
  status,
  headers: { 'content-type': PROBLEM },
  body: { type, title, status, detail },
});

export interface RunPodContractOptions {
  apiKey: string;
  pods: PodSeed[];
  clock: () => number;
  /** How long the GPU worker warms up after the pod starts (on the clock). */
  warmMs?: number;
  costPerHr?: number;
}

/** Pods that bill while RUNNING, and a /ready endpoint that says ready only after warm-up. */
export class RunPodContract {
  readonly pods = new Map<string, Pod>();

  private constructor(
    readonly server: ContractServer,
    readonly proxy: ContractServer,
    private readonly options: RunPodContractOptions,
  ) {
    for (const p of options.pods)
      this.pods.set(p.id, { ...p, lastStatusChange: options.clock(), billedTotal: 0 });
  }

  static async start(options: RunPodContractOptions): Promise<RunPodContract> {
    let self: RunPodContract | undefined;
    const server = await ContractServer.start((req) => self!.handle(req));
    const proxy = await ContractServer.start((req) => self!.ready(req));
    self = new RunPodContract(server, proxy, options);
    return self;
  }

  get url(): string {
    return this.server.url;
  }

  /** The GPU worker's readiness URL for the (first) pod. */
  get readyUrl(): string {
    return `${this.proxy.url}/ready`;
  }

  /** RUNNING time billed so far, in ms. */
  billedMs(id: string): number {
    const p = this.pods.get(id)!;
    return p.billedTotal + (p.status === 'RUNNING' ? this.options.clock() - p.lastStatusChange : 0);
  }

  async close(): Promise<void> {
    await Promise.all([this.server.close(), this.proxy.close()]);
  }

  private handle(req: ContractRequest): ContractReply {
    if (req.headers.authorization !== `Bearer ${this.options.apiKey}`) {
      return problem(401, 'Unauthorized', 'missing or invalid API key');
    }
    if (req.path.startsWith('/v1/')) return problem(410, 'Gone', 'REST v1 is switched off; use /v2');
    const m = /^\/v2\/pods\/([^/]+)(\/action)?$/.exec(req.path);
    if (!m) return problem(404, 'Not Found', `no route ${req.method} ${req.path}`);
    const pod = this.pods.get(m[1]!);
    if (!pod) return problem(404, 'Not Found', `pod ${m[1]} does not exist`);
    if (!m[2])
      return req.method === 'GET'
        ? { status: 200, body: this.view(pod) }
        : problem(405, 'Method Not Allowed', '');
    const action = (req.body as { action?: unknown } | undefined)?.action;
    if (req.method !== 'POST' || (action !== 'start' && action !== 'stop')) {
      return problem(400, 'Bad Request', 'body must be {"action":"start"|"stop"}');
    }
    const now = this.options.clock();
    if (action === 'start') {
      if (pod.status !== 'EXITED') {
        return problem(409, 'Conflict', `start is not valid for a pod in status ${pod.status}`);
      }
      if (pod.noGpuOnHost) {
        return problem(
          409,
          'Pod cannot be resumed',
          'There are not enough free GPUs on the host machine to start this pod.',
          'https://docs.runpod.io/problems/no-gpu-available',
        );
      }
      pod.status = 'RUNNING';
    } else {
      if (pod.status !== 'RUNNING')
        return problem(409, 'Conflict', `stop is not valid for a pod in status ${pod.status}`);
      pod.billedTotal += now - pod.lastStatusChange;
      pod.status = 'EXITED';
    }
    pod.lastStatusChange = now;
    return { status: 200, body: this.view(pod) };
  }

  /** True when the (first) pod's GPU worker would answer /ready with 200. */
  isReady(): boolean {
    const pod = [...this.pods.values()][0]!;
    return (
      pod.status === 'RUNNING' &&
      this.options.clock() - pod.lastStatusChange >= (this.options.warmMs ?? 30_000)
    );
  }

  private ready(req: ContractRequest): ContractReply {
    if (req.path !== '/ready')
      return { status: 404, body: { error: { code: 'not_found', message: req.path } } };
    const pod = [...this.pods.values()][0]!;
    // The proxy has no pod to reach: it answers for it, not the worker.
    if (pod.status !== 'RUNNING') return { status: 502, body: 'Bad Gateway' };
    const warm = this.options.clock() - pod.lastStatusChange >= (this.options.warmMs ?? 30_000);
    return warm
      ? { status: 200, body: { status: 'ready' } }
      : { status: 503, headers: { 'retry-after': '1' }, body: { status: 'warming' } };
  }

  private view(p: Pod) {
    return {
      id: p.id,
      name: `popcon-gpu-${p.id}`,
      desiredStatus: p.status,
      lastStatusChange: new Date(p.lastStatusChange).toISOString(),
      costPerHr: this.options.costPerHr ?? 0.44,
      gpuCount: 1,
    };
  }
}
