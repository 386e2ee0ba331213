import { z } from 'zod';
import { HttpError, JsonHttpClient, type OpsClock, type RetryPolicy } from './http.ts';

const PodSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  /** What RunPod is asked to keep the pod at: RUNNING, EXITED (stopped), TERMINATED… */
  desiredStatus: z.string().min(1),
  lastStatusChange: z.string().optional(),
  costPerHr: z.number().optional(),
});
export type RunPodPod = z.infer<typeof PodSchema>;

/** RFC 9457 problem details, RunPod v2's error body. */
const ProblemSchema = z.object({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().optional(),
  detail: z.string().optional(),
});

/** RunPod's wording when the host of a stopped pod has no free GPU left for it. */
const NO_GPU = /not enough free gpus|no (?:free |available )?gpus? (?:is |are )?(?:available|free)|no-gpu/i;

/** A RunPod refusal, with a code the controller reports and a message an operator can act on. */
export class RunPodError extends Error {
  override name = 'RunPodError';
  constructor(
    readonly code: 'no_gpu' | 'conflict' | 'terminated',
    message: string,
  ) {
    super(message);
  }
}

/** What a converge did to the pod. */
export interface PodOutcome {
  from: string;
  to: string;
  action: 'none' | 'start' | 'stop' | 'planned';
}

/**
 * The RunPod REST v2 API for the GPU pod: read it, start it, stop it. A pod
 * that RunPod calls RUNNING is not a ready service; the controller polls the
 * GPU worker's /ready for that.
 */
export class RunPodPods {
  private readonly http: JsonHttpClient;
  private readonly path: string;

  constructor(
    private readonly options: {
      apiUrl: string;
      apiKey: string;
      podId: string;
      clock: OpsClock;
      retry?: RetryPolicy;
    },
  ) {
    this.http = new JsonHttpClient({
      name: 'RunPod',
      baseUrl: options.apiUrl,
      authorization: `Bearer ${options.apiKey}`,
      clock: options.clock,
      retry: options.retry,
    });
    this.path = `/v2/pods/${encodeURIComponent(options.podId)}`;
  }

  /** The pod. */
  async get(): Promise<RunPodPod> {
    return (await this.http.send({ method: 'GET', path: this.path, schema: PodSchema })).data;
  }

  /** Asks RunPod to start or stop the pod; throws RunPodError when it refuses. */
  async action(action: 'start' | 'stop'): Promise<void> {
    try {
      await this.http.send({
        method: 'POST',
        path: `${this.path}/action`,
        body: { action },
        schema: z.unknown(),
      });
    } catch (err) {
      throw this.explain(err, action);
    }
  }

  /**
   * Brings the pod to RUNNING or EXITED. Already there: nothing is sent. A 409
   * (the action is not valid in the pod's status) is settled by reading the pod
   * again: someone else may have done it. A pod that cannot resume because its
   * host has no free GPU is reported as such.
   */
  async converge(target: 'RUNNING' | 'EXITED', deadline: number, dryRun: boolean): Promise<PodOutcome> {
    const pod = await this.get();
    const from = pod.desiredStatus;
    const action = target === 'RUNNING' ? 'start' : 'stop';
    if (from === target) return { from, to: from, action: 'none' };
    if (from === 'TERMINATED') {
      throw new RunPodError(
        'terminated',
        `pod ${pod.id} is terminated; create a new pod and set RUNPOD_POD_ID`,
      );
    }
    if (dryRun) return { from, to: target, action: 'planned' };
    try {
      await this.action(action);
    } catch (err) {
      if (!(err instanceof RunPodError) || err.code !== 'conflict') throw err;
      if ((await this.get()).desiredStatus !== target) throw err;
    }
    // RunPod records the new desired status at once; poll briefly in case it lags.
    for (;;) {
      const now = (await this.get()).desiredStatus;
      if (now === target) return { from, to: now, action };
      if (this.options.clock.now() >= deadline) {
        throw new RunPodError('conflict', `pod ${pod.id} is still ${now} after asking it to ${action}`);
      }
      await this.options.clock.sleep(2000);
    }
  }

  private explain(err: unknown, action: 'start' | 'stop'): unknown {
    if (!(err instanceof HttpError)) return err;
    const problem = ProblemSchema.safeParse(err.body);
    const text = problem.success ? [problem.data.title, problem.data.detail].filter(Boolean).join(': ') : '';
    const pod = this.options.podId;
    if (action === 'start' && NO_GPU.test(`${text} ${problem.success ? (problem.data.type ?? '') : ''}`)) {
      return new RunPodError(
        'no_gpu',
        `pod ${pod} cannot resume: its host has no free GPU (RunPod: "${problem.data?.detail ?? text}"). ` +
          'Wait and run `availability up` again, or move the pod to another host.',
      );
    }
    if (err.status === 409) {
      return new RunPodError(
        'conflict',
        `RunPod refused to ${action} pod ${pod} in its current status: ${text || 'conflict'}`,
      );
    }
    return new Error(`${err.message}${text ? `: ${text}` : ''}`, { cause: err });
  }
}
