import { isIP } from 'node:net';
import { Redis, type RedisOptions } from 'ioredis';
import {
  type FlagStore,
  freshReports,
  type OffHoursFlag,
  parseFlag,
  REPORT_FRESH_MS,
  type WorkerReport,
} from './flag.ts';

/**
 * Connection options for REDIS_URL. `rediss://` is TLS with certificate checks
 * on: the platform's CA store, the host name verified (SNI). The URL's query is
 * ignored on purpose, so no setting in it can turn the check off.
 */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new Error('REDIS_URL must start with redis:// or rediss://');
  }
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const options: RedisOptions = {
    host,
    port: u.port ? Number(u.port) : 6379,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    // Fail a command after two reconnect attempts instead of queueing it forever:
    // the flag cache then falls back, and the CLI reports the store as down.
    maxRetriesPerRequest: 2,
    connectTimeout: 5000,
    lazyConnect: true,
  };
  if (u.username) options.username = decodeURIComponent(u.username);
  if (u.password) options.password = decodeURIComponent(u.password);
  if (u.protocol === 'rediss:') {
    options.tls = { rejectUnauthorized: true, ...(isIP(host) ? {} : { servername: host }) };
  }
  return options;
}

/** The flag in Redis (REDIS_URL): one key with a TTL, and a hash of worker reports. */
export class RedisFlagStore implements FlagStore {
  readonly kind = 'redis';
  readonly client: Redis;
  private readonly flagKey: string;
  private readonly workersKey: string;

  constructor(url: string, prefix: string) {
    this.client = new Redis(redisOptionsFromUrl(url));
    this.flagKey = `${prefix}:off_hours`;
    this.workersKey = `${prefix}:workers`;
  }

  async get(now: number): Promise<OffHoursFlag | null> {
    const raw = await this.client.get(this.flagKey);
    if (raw === null) return null;
    const flag = parseFlag(raw);
    return flag.expiresAt > now ? flag : null;
  }

  async set(flag: OffHoursFlag, now: number): Promise<void> {
    await this.client.set(this.flagKey, JSON.stringify(flag), 'PX', Math.max(1000, flag.expiresAt - now));
  }

  async clear(): Promise<void> {
    await this.client.del(this.flagKey);
  }

  async report(r: WorkerReport): Promise<void> {
    // The hash outlives its freshest report a little; a dead fleet's reports vanish with it.
    await this.client
      .multi()
      .hset(this.workersKey, r.workerId, JSON.stringify(r))
      .pexpire(this.workersKey, REPORT_FRESH_MS * 4)
      .exec();
  }

  async reports(now: number): Promise<WorkerReport[]> {
    const all = await this.client.hgetall(this.workersKey);
    const fresh = freshReports(Object.values(all), now);
    const stale = Object.keys(all).filter((id) => !fresh.some((r) => r.workerId === id));
    if (stale.length > 0) await this.client.hdel(this.workersKey, ...stale);
    return fresh;
  }

  async close(): Promise<void> {
    // Not connected (never used, or reconnecting to a Redis that is down): drop it,
    // since QUIT would wait for a connection and keep a one-off command alive.
    if (this.client.status !== 'ready') {
      this.client.disconnect();
      return;
    }
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
