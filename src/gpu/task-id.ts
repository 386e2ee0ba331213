import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so equal requests hash equally whatever order their fields were built in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** SHA-256 of a request's canonical JSON, base64url: what a task id is checked against on the worker. */
export function requestDigest(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('base64url');
}

/**
 * The id of a pipeline render: job, emoji and version, so a retried task asks
 * the worker for the same render and a refined emoji (new version) for a new one.
 */
export function renderTaskId(jobId: string, emojiIndex: number, version: number): string {
  return `emoji:${jobId}:${emojiIndex}:v${version}`;
}

/**
 * An id derived from the request itself, for callers that pass none: a retry
 * sends the same bytes, so it gets the same id, and equal requests from two
 * jobs may share one render, which is correct because rendering is deterministic.
 */
export function contentTaskId(kind: 'matte' | 'animate', body: unknown): string {
  return `${kind}:sha256:${requestDigest(body)}`;
}
