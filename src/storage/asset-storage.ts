/**
 * Where assets (uploads, cut-outs, master frames, outputs, ZIPs) are kept. Keys
 * are relative, slash-separated names chosen by PopCon, never by users.
 */
export interface AssetStorage {
  /** Writes the bytes atomically: readers see the old content or the new, never half. */
  put(key: string, data: Uint8Array): Promise<void>;
  /** The bytes, or throws a not-found Error. */
  get(key: string): Promise<Buffer>;
  exists(key: string): Promise<boolean>;
  /** Removes one asset; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** Removes every asset under `prefix` (a folder-like key). */
  deletePrefix(prefix: string): Promise<void>;
}

const KEY = /^[a-z0-9_-][a-z0-9_.-]*(\/[a-z0-9_-][a-z0-9_.-]*)*$/i;

/** Throws unless `key` is a safe relative key (no `..`, no absolute path, no odd characters). */
export function assertSafeKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
    throw new Error(`unsafe storage key: ${JSON.stringify(key)}`);
  }
}
