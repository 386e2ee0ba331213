import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CachedFlagReader,
  type FlagStore,
  type OffHoursFlag,
  REPORT_FRESH_MS,
} from '../src/availability/flag.ts';
import { RedisFlagStore, redisOptionsFromUrl } from '../src/availability/redis-flag.store.ts';
import { SqliteFlagStore } from '../src/availability/sqlite-flag.store.ts';
import { UpstashFlagStore } from '../src/availability/upstash-flag.store.ts';
import { MIGRATIONS } from '../src/db/migrations/index.ts';
import { migrate } from '../src/db/migrator.ts';
import { openDatabase } from '../src/db/sqlite.ts';
import { UpstashContract } from './support/contract-servers/upstash.server.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
const TOKEN = 'upstash-test-token-0123456789';
const prefix = () => `popcon-test:${randomBytes(6).toString('hex')}`;
const flagAt = (now: number, ttlMs = 60_000): OffHoursFlag => ({
  closedAt: now,
  opensAt: now + ttlMs - 1000,
  expiresAt: now + ttlMs,
  reason: 'schedule',
});

let upstash: UpstashContract;
const admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
const prefixes: string[] = [];

beforeAll(async () => {
  upstash = await UpstashContract.start({ token: TOKEN, clock: Date.now });
});

afterAll(async () => {
  for (const p of prefixes) {
    const keys = await admin.keys(`${p}:*`);
    if (keys.length > 0) await admin.del(...keys);
  }
  admin.disconnect();
  await upstash.close();
});

const stores: Record<string, () => FlagStore> = {
  sqlite: () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS);
    return new SqliteFlagStore(db);
  },
  redis: () => {
    const p = prefix();
    prefixes.push(p);
    return new RedisFlagStore(REDIS_URL, p);
  },
  'upstash (REST contract, @upstash/redis client)': () =>
    new UpstashFlagStore({ url: upstash.url, token: TOKEN, prefix: prefix(), retries: 0 }),
};

describe.each(Object.entries(stores))('the %s flag store', (_name, make) => {
  let store: FlagStore;
  afterEach(async () => {
    await store?.close();
  });

  it('is open until the flag is set, closed while it is, and open again once cleared', async () => {
    store = make();
    const now = Date.now();
    expect(await store.get(now)).toBeNull();
    const flag = flagAt(now);
    await store.set(flag, now);
    expect(await store.get(now)).toEqual(flag);
    await store.clear();
    await store.clear();
    expect(await store.get(now)).toBeNull();
  });

  it('never reports a flag past its expiry, whatever the store still holds', async () => {
    store = make();
    const now = Date.now();
    await store.set(flagAt(now, 5000), now);
    expect(await store.get(now + 4999)).not.toBeNull();
    expect(await store.get(now + 5000)).toBeNull();
  });

  it('keeps the freshest report of each worker and drops stale ones', async () => {
    store = make();
    const now = Date.now();
    await store.report({ workerId: 'w1', inFlight: 2, closed: true, at: now - REPORT_FRESH_MS - 1 });
    await store.report({ workerId: 'w2', inFlight: 1, closed: true, at: now - 1000 });
    await store.report({ workerId: 'w2', inFlight: 0, closed: true, at: now });
    expect(await store.reports(now)).toEqual([{ workerId: 'w2', inFlight: 0, closed: true, at: now }]);
  });
});

describe('the Redis store', () => {
  it('gives the flag key a TTL, so a missed `up` cannot keep PopCon closed', async () => {
    const p = prefix();
    prefixes.push(p);
    const store = new RedisFlagStore(REDIS_URL, p);
    const now = Date.now();
    await store.set(flagAt(now, 90_000), now);
    const ttl = await admin.pttl(`${p}:off_hours`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(90_000);
    await store.close();
  });

  it('connects to rediss:// with certificate checks on, and no URL setting turns them off', () => {
    const options = redisOptionsFromUrl(
      'rediss://popcon:s3cret@cache.example.com:6380/2?rejectUnauthorized=false',
    );
    expect(options.tls).toEqual({ rejectUnauthorized: true, servername: 'cache.example.com' });
    expect(options).toMatchObject({
      host: 'cache.example.com',
      port: 6380,
      db: 2,
      username: 'popcon',
      password: 's3cret',
    });
    expect(JSON.stringify(options)).not.toContain('rejectUnauthorized":false');
    const store = new RedisFlagStore('rediss://cache.example.com:6380', 'popcon-test');
    expect(store.client.options.tls).toMatchObject({ rejectUnauthorized: true });
    store.client.disconnect();
  });

  it('uses plain TCP for redis://', () => {
    expect(redisOptionsFromUrl('redis://127.0.0.1:6379').tls).toBeUndefined();
  });
});

describe('the Upstash store', () => {
  it('speaks the documented REST shape: POST / with a command array and a bearer token', async () => {
    const p = prefix();
    const store = new UpstashFlagStore({ url: upstash.url, token: TOKEN, prefix: p, retries: 0 });
    const before = upstash.server.requests.length;
    const now = Date.now();
    await store.set(flagAt(now), now);
    const req = upstash.server.requests[before]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.body).toEqual(['set', `${p}:off_hours`, expect.any(String), 'px', expect.any(Number)]);
    expect((await store.get(now))?.reason).toBe('schedule');
  });

  it('fails loudly with a wrong token instead of reading an empty flag', async () => {
    const store = new UpstashFlagStore({
      url: upstash.url,
      token: 'wrong-token',
      prefix: prefix(),
      retries: 0,
    });
    await expect(store.get(Date.now())).rejects.toThrow(/Unauthorized/);
  });
});

describe('the flag cache', () => {
  function countingStore(flag: OffHoursFlag | null) {
    const calls = { get: 0, fail: false };
    const store: FlagStore = {
      kind: 'sqlite',
      async get() {
        calls.get++;
        if (calls.fail) throw new Error('store down');
        return flag;
      },
      set: async () => {},
      clear: async () => {},
      report: async () => {},
      reports: async () => [],
      close: async () => {},
    };
    return { store, calls };
  }

  it('reads the store at most once per 5 s', async () => {
    let now = 1_000_000;
    const { store, calls } = countingStore(null);
    const reader = new CachedFlagReader(store, { clock: () => now, maxAgeMs: 5000 });
    await Promise.all([reader.current(), reader.current()]);
    now += 4999;
    await reader.current();
    expect(calls.get).toBe(1);
    now += 1;
    await reader.current();
    expect(calls.get).toBe(2);
  });

  it('refuses to cache longer than 5 s', () => {
    expect(
      () => new CachedFlagReader(countingStore(null).store, { clock: Date.now, maxAgeMs: 6000 }),
    ).toThrow(/5 s/);
  });

  it('keeps the last flag while the store is down, but only until the flag expires', async () => {
    let now = 1_000_000;
    const flag = flagAt(now, 20_000);
    const { store, calls } = countingStore(flag);
    const reader = new CachedFlagReader(store, { clock: () => now, maxAgeMs: 5000 });
    expect(await reader.current()).toEqual(flag);
    calls.fail = true;
    now += 10_000;
    expect(await reader.current()).toEqual(flag);
    now += 10_000;
    expect(await reader.current()).toBeNull();
  });
});
