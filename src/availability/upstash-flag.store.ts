import { Redis } from '@upstash/redis';
import {
  type FlagStore,
  freshReports,
  type OffHoursFlag,
  parseFlag,
  REPORT_FRESH_MS,
  type WorkerReport,
} from './flag.ts';

/**
 * The flag in Upstash Redis over REST (UPSTASH_REDIS_REST_URL and _TOKEN),
 * through the maintained `@upstash/redis` client: the same keys as the Redis
 * store. Values are read raw and parsed with our schema, not auto-deserialised.
 */
export class UpstashFlagStore implements FlagStore {
  readonly kind = 'upstash';
  private readonly client: Redis;
  private readonly flagKey: string;
  private readonly workersKey: string;

  constructor(options: { url: string; token: string; prefix: string; retries?: number }) {
    this.client = new Redis({
      url: options.url,
      token: options.token,
      automaticDeserialization: false,
      enableTelemetry: false,
      // One command per call on the documented `POST /` endpoint; batching saves nothing here.
      enableAutoPipelining: false,
      // The client retries network failures only; 3 tries with a short backoff keep a
      // cron run under a few seconds when Upstash is down, and the CLI then reports it.
      retry: { retries: options.retries ?? 3, backoff: (n) => Math.min(2000, 100 * 2 ** n) },
    });
    this.flagKey = `${options.prefix}:off_hours`;
    this.workersKey = `${options.prefix}:workers`;
  }

  async get(now: number): Promise<OffHoursFlag | null> {
    const raw = await this.client.get<string>(this.flagKey);
    if (raw === null || raw === undefined) return null;
    const flag = parseFlag(String(raw));
    return flag.expiresAt > now ? flag : null;
  }

  async set(flag: OffHoursFlag, now: number): Promise<void> {
    await this.client.set(this.flagKey, JSON.stringify(flag), { px: Math.max(1000, flag.expiresAt - now) });
  }

  async clear(): Promise<void> {
    await this.client.del(this.flagKey);
  }

  async report(r: WorkerReport): Promise<void> {
    await this.client.hset(this.workersKey, { [r.workerId]: JSON.stringify(r) });
    await this.client.pexpire(this.workersKey, REPORT_FRESH_MS * 4);
  }

  async reports(now: number): Promise<WorkerReport[]> {
    // Without auto-deserialisation HGETALL answers Redis's flat [field, value, …] list.
    const raw = (await this.client.hgetall(this.workersKey)) as unknown;
    const values: string[] = [];
    if (Array.isArray(raw)) {
      for (let i = 1; i < raw.length; i += 2) values.push(String(raw[i]));
    } else if (raw && typeof raw === 'object') {
      values.push(...Object.values(raw).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))));
    }
    return freshReports(values, now);
  }

  async close(): Promise<void> {
    // Stateless HTTP: nothing to close.
  }
}
