import { describe, expect, it } from 'vitest';
import { createKeyRing, isNetworkFailure, sendIdempotent } from './idempotency.ts';

const networkError = () => Object.assign(new Error('offline'), { code: 'network' });
const httpError = (code: string) => Object.assign(new Error(code), { code, status: 409 });
const counter = () => {
  let n = 0;
  return () => `key-${++n}`;
};
const noWait = { wait: async () => {} };

describe('sendIdempotent', () => {
  it('resends with the same key after a network failure', async () => {
    const ring = createKeyRing(counter());
    const keys: string[] = [];
    const answer = await sendIdempotent(
      ring,
      'POST /retry {}',
      async (key) => {
        keys.push(key);
        if (keys.length < 3) throw networkError();
        return 'started';
      },
      noWait,
    );
    expect(answer).toBe('started');
    expect(keys).toEqual(['key-1', 'key-1', 'key-1']);
  });

  it('keeps the key of a request that never got through, for the user’s own resend', async () => {
    const ring = createKeyRing(counter());
    const fail = () => Promise.reject(networkError());
    await expect(sendIdempotent(ring, 'POST /retry {}', fail, { ...noWait, attempts: 2 })).rejects.toThrow(
      'offline',
    );
    const keys: string[] = [];
    await sendIdempotent(ring, 'POST /retry {}', async (key) => keys.push(key), noWait);
    expect(keys).toEqual(['key-1']);
  });

  it('gives a double click the same key while the first request waits for its answer', async () => {
    const ring = createKeyRing(counter());
    const keys: string[] = [];
    let release = () => {};
    const first = sendIdempotent(ring, 'POST /regenerate {"caption":"Hi"}', (key) => {
      keys.push(key);
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    const second = sendIdempotent(ring, 'POST /regenerate {"caption":"Hi"}', async (key) => {
      keys.push(key);
    });
    await second;
    release();
    await first;
    expect(keys).toEqual(['key-1', 'key-1']);
  });

  it('does not resend after an HTTP answer, and the next action gets a fresh key', async () => {
    const ring = createKeyRing(counter());
    const keys: string[] = [];
    const refuse = async (key: string) => {
      keys.push(key);
      throw httpError('conflict');
    };
    await expect(sendIdempotent(ring, 'POST /retry {}', refuse, noWait)).rejects.toThrow('conflict');
    await sendIdempotent(ring, 'POST /retry {}', async (key) => keys.push(key), noWait);
    expect(keys).toEqual(['key-1', 'key-2']);
  });

  it('gives different requests different keys', () => {
    const ring = createKeyRing(counter());
    expect(ring.keyFor('POST /emojis/0/retry {}')).not.toBe(ring.keyFor('POST /emojis/1/retry {}'));
  });
});

describe('isNetworkFailure', () => {
  it('tells a failed fetch from an answer', () => {
    expect(isNetworkFailure(networkError())).toBe(true);
    expect(isNetworkFailure(httpError('quota_daily_emojis'))).toBe(false);
    expect(isNetworkFailure('offline')).toBe(false);
  });
});
