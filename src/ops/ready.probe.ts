import { ReadyReplySchema } from '../gpu/contract.ts';
import { backoffDelay, type OpsClock } from './http.ts';

/** One look at the GPU worker's GET /ready. */
export interface ReadyProbe {
  ready: boolean;
  /** What it answered: `200 ready`, `503 warming`, `502`, `no reply`… */
  detail: string;
}

/** Asks /ready once; never throws (a pod that is down answers nothing, or the proxy's 502). */
export async function probeReady(url: string, timeoutMs = 10_000): Promise<ReadyProbe> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let status = '';
    try {
      const parsed = ReadyReplySchema.safeParse(JSON.parse(text));
      if (parsed.success) status = parsed.data.status;
    } catch {
      // Not JSON: a proxy's error page. The HTTP status says enough.
    }
    return {
      ready: res.status === 200 && status === 'ready',
      detail: `${res.status}${status ? ` ${status}` : ''}`,
    };
  } catch (err) {
    const timedOut = err instanceof Error && err.name === 'TimeoutError';
    return { ready: false, detail: timedOut ? 'no reply in time' : 'no connection' };
  }
}

/**
 * Polls /ready until it says ready or `deadline` passes: 1 s, 2 s, 4 s, then
 * every 5 s. A RUNNING pod still loads its engines for a minute or more.
 */
export async function waitUntilReady(
  url: string,
  clock: OpsClock,
  deadline: number,
): Promise<ReadyProbe & { polls: number }> {
  const policy = { attempts: 0, baseDelayMs: 1000, maxDelayMs: 5000, timeoutMs: 10_000, maxRetryAfterMs: 0 };
  for (let polls = 1; ; polls++) {
    const probe = await probeReady(url);
    if (probe.ready || clock.now() >= deadline) return { ...probe, polls };
    await clock.sleep(
      Math.min(
        backoffDelay(polls, policy, () => 1),
        Math.max(0, deadline - clock.now()),
      ),
    );
  }
}
