/**
 * Idempotency keys for requests that start a render. A key belongs to one
 * request (its route and body) until the server answers it; a double click or a
 * resend after a network error goes out with the same key, so the server starts
 * one render and charges the quota once. After an answer, the next identical
 * request is a new action and gets a fresh key.
 */

/** Keys handed out per request fingerprint, kept until the server answers. */
export interface KeyRing {
  /** The key for `fingerprint`: the one still waiting for an answer, or a fresh one. */
  keyFor(fingerprint: string): string;
  /** Forgets the key once the server answered, whatever it said. */
  answered(fingerprint: string): void;
}

/** A key ring that makes fresh keys with `newKey`. */
export function createKeyRing(newKey: () => string): KeyRing {
  const open = new Map<string, string>();
  return {
    keyFor(fingerprint) {
      let key = open.get(fingerprint);
      if (key === undefined) {
        key = newKey();
        open.set(fingerprint, key);
      }
      return key;
    },
    answered(fingerprint) {
      open.delete(fingerprint);
    },
  };
}

/** True for a failure where the request may not have reached the server (fetch rejected). */
export function isNetworkFailure(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'network';
}

export interface SendOptions {
  /** Tries in all, the first included. */
  attempts?: number;
  /** Waits before try `n` (2, 3, …). */
  wait?: (attempt: number) => Promise<void>;
}

const backoff = (attempt: number) => new Promise<void>((resolve) => setTimeout(resolve, 600 * (attempt - 1)));

/**
 * Sends with the ring's key for `fingerprint`, and again with the same key after a
 * network failure, up to `attempts` times. An HTTP answer (even an error) settles it.
 */
export async function sendIdempotent<T>(
  ring: KeyRing,
  fingerprint: string,
  send: (key: string) => Promise<T>,
  { attempts = 3, wait = backoff }: SendOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const key = ring.keyFor(fingerprint);
    try {
      const answer = await send(key);
      ring.answered(fingerprint);
      return answer;
    } catch (err) {
      if (!isNetworkFailure(err)) {
        ring.answered(fingerprint);
        throw err;
      }
      // The key stays with the request: a later resend, automatic or the user's, reuses it.
      if (attempt >= attempts) throw err;
      await wait(attempt + 1);
    }
  }
}
