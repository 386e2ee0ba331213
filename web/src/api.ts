/**
 * Typed client for the PopCon HTTP API. Every helper resolves to the parsed body
 * or rejects with an ApiError whose message is safe to show to the user.
 *
 * Replies are cast to these types, not parsed with a schema: the server is
 * same-origin and ships with this bundle, and zod would add ~50 KB to a page
 * that only reads a handful of fields. Display code tolerates missing fields.
 */

import { type FirebaseWebConfig, idToken, promptSignIn } from './auth/session.ts';

export type JobStatus = 'queued' | 'running' | 'paused' | 'completed' | 'failed';
export type JobStage = 'prepare' | 'animate' | 'encode' | 'package' | 'done';
export type EmojiStatus = 'pending' | 'running' | 'completed' | 'failed';

export interface NumberParam {
  min: number;
  max: number;
  default: number;
}

/** The knobs an action offers (GET /api/config → actions[].params). */
export interface ActionParamSpec {
  speed: NumberParam;
  intensity: NumberParam;
  caption: { maxLength: number; suggestion: string };
  accent: { default: string };
}

export interface ActionInfo {
  id: string;
  label: string;
  glyph: string;
  tags: string[];
  defaultDurationMs: number;
  defaultFrames: number;
  /** Absent from servers older than per-emoji knobs. */
  params?: ActionParamSpec;
}

export interface CharacterInfo {
  id: string;
  label: string;
  defaultColor: string;
  presets: Record<string, string>;
}

export type PlatformFormat = 'apng' | 'gif' | 'webp' | 'webm';

/** How often an animation plays: forever, or a bounded number of times within a total time. */
export type LoopRule = { kind: 'forever' } | { kind: 'plays'; min: number; max: number; maxTotalMs: number };

/** A still image shipped in the ZIP next to the animations (tab, main image, tray icon). */
export interface ExtraImage {
  name: string;
  width: number;
  height: number;
  maxBytes?: number;
}

/** One target's rules and whether this server can make it (GET /api/config → platforms[]). */
export interface PlatformInfo {
  id: string;
  label: string;
  format: PlatformFormat;
  /** Exact canvas size, or the maxima when `minSide` is set. */
  width: number;
  height: number;
  minSide?: number;
  maxBytes: number;
  minFrames?: number;
  maxFrames?: number;
  minDurationMs?: number;
  maxDurationMs?: number;
  wholeSeconds?: boolean;
  maxFps?: number;
  loop?: LoopRule;
  transparency: boolean;
  minSetSize: number;
  maxSetSize: number;
  /** Only these set sizes (LINE stickers: 8, 16, 24). */
  setSizes?: number[];
  extras: ExtraImage[];
  /** The ZIP's naming pattern, e.g. "001.png, 002.png, …". */
  fileNames: string;
  available: boolean;
  unavailableReason: string | null;
  /** Rules not confirmed on the platform's own pages. */
  assumed?: string[];
}

export interface AppConfig {
  authMode: 'local' | 'firebase';
  firebase?: FirebaseWebConfig | null;
  actions: ActionInfo[];
  characters: CharacterInfo[];
  platforms: PlatformInfo[];
  maxUploadBytes: number;
  maxSetSize: number;
}

export interface ValidationCheck {
  rule: string;
  ok: boolean;
  message: string;
}

export interface PlatformValidation {
  ok: boolean;
  bytes: number;
  checks: ValidationCheck[];
}

/** The knobs an emoji was made with. */
export interface EmojiParams {
  caption?: string;
  accent?: string;
  speed?: number;
  intensity?: number;
  /** Set on a retried emoji: which variant of the action it is. */
  seed?: number;
}

export interface Emoji {
  index: number;
  action: string;
  label: string;
  status: EmojiStatus;
  /** The first made platform's file; `assetUrls` has every platform's. */
  assetUrl: string | null;
  assetUrls?: Record<string, string | null>;
  bytes: number | null;
  sizes?: Record<string, number | null>;
  params?: EmojiParams;
  validation: Record<string, PlatformValidation> | null;
  error: string | null;
}

export interface JobSource {
  kind: 'upload' | 'character';
  character?: string;
  color?: string;
  /** An upload's file name. */
  fileName?: string;
}

export interface Job {
  id: string;
  status: JobStatus;
  stage: JobStage;
  createdAt: string;
  updatedAt: string;
  error: string | null;
  source: JobSource;
  platforms: string[];
  /** Platforms asked for that this server could not make, with the reason. */
  unavailable?: Record<string, string>;
  progress: { done: number; total: number };
  emojis: Emoji[];
  downloads: Record<string, string>;
  /** Finished, or failed after its emojis were made: the refine page can work on it. */
  refinable?: boolean;
}

/** The platform the editor chooses until the user picks others. */
export const DEFAULT_PLATFORM = 'line-emoji';

/** An API failure with the server's error code and a user-facing message. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** What the server said about when to try again (Retry-After, an off-hours opening). */
  readonly retry: RetryHint;

  constructor(message: string, code: string, status: number, retry: RetryHint = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.retry = retry;
  }
}

/** When a refused request may work: seconds from the Retry-After header, the ISO time PopCon opens. */
export interface RetryHint {
  afterSeconds?: number;
  opensAt?: string;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; opensAt?: unknown };
}

/** Turns a non-2xx response into an ApiError, using the `{error:{code,message}}` body when present. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: ErrorBody | undefined;
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    body = undefined;
  }
  const code = typeof body?.error?.code === 'string' ? body.error.code : `http_${res.status}`;
  const message =
    typeof body?.error?.message === 'string' && body.error.message !== ''
      ? body.error.message
      : fallbackMessage(res.status);
  const retry: RetryHint = {};
  const after = Number(res.headers.get('retry-after') ?? Number.NaN);
  if (Number.isFinite(after) && after >= 0) retry.afterSeconds = after;
  if (typeof body?.error?.opensAt === 'string') retry.opensAt = body.error.opensAt;
  return new ApiError(message, code, res.status, retry);
}

function fallbackMessage(status: number): string {
  if (status === 404) return 'We couldn’t find that.';
  if (status === 413) return 'That file is too large.';
  if (status === 429) return 'Too many requests — wait a moment and try again.';
  if (status >= 500) return 'Something went wrong on our side. Please try again.';
  return `The request failed (HTTP ${status}).`;
}

/**
 * fetch() with the caller's ID token. A 401 gets one retry with a freshly
 * renewed token; a second 401 asks the user to sign in again.
 */
export async function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const send = async (forceRefresh: boolean) => {
    const token = await idToken(forceRefresh);
    const headers = new Headers(init.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    try {
      return { token, res: await fetch(path, { ...init, headers }) };
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError('Can’t reach PopCon. Check your connection and try again.', 'network', 0);
    }
  };
  let { token, res } = await send(false);
  if (res.status === 401 && token) {
    ({ res } = await send(true));
    if (res.status === 401) promptSignIn();
  }
  return res;
}

/** A JSON request through `authorizedFetch`: the parsed body, or an ApiError. */
export async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await authorizedFetch(path, {
    ...init,
    headers: { accept: 'application/json', ...init?.headers },
  });
  if (!res.ok) throw await errorFromResponse(res);
  // A 204 (a delete) has no body; its callers ask for `void`.
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

let configPromise: Promise<AppConfig> | undefined;

/** Loads the action/character/platform catalog once per page load. */
export function getConfig(): Promise<AppConfig> {
  configPromise ??= request<AppConfig>('/api/config').catch((err: unknown) => {
    configPromise = undefined;
    throw err;
  });
  return configPromise;
}

/** Whether `color` (#rrggbb, any case) is one of the character's presets. */
export function isPresetColor(character: CharacterInfo, color: string): boolean {
  return Object.values(character.presets).some((hex) => hex.toLowerCase() === color.toLowerCase());
}

/** URL of a built-in character's preview PNG in the given colour. */
export function characterPreviewUrl(characterId: string, color: string): string {
  return `/api/characters/${encodeURIComponent(characterId)}/preview.png?color=${encodeURIComponent(color)}`;
}

/** A built-in character doing one action, as a small looping picture (preset colours only). */
export function actionPreviewUrl(actionId: string, characterId: string, color?: string): string {
  const query = new URLSearchParams({ character: characterId });
  if (color) query.set('color', color);
  return `/api/actions/${encodeURIComponent(actionId)}/preview.png?${query}`;
}

/** One emoji as the editor asks for it: an action and, optionally, its caption and accent colour. */
export interface EmojiRequest {
  action: string;
  caption?: string;
  accent?: string;
}

/** What the editor submits: an uploaded image or a built-in character, the ordered emojis, the platforms. */
export type GenerateRequest = (
  | { kind: 'upload'; image: File }
  | { kind: 'character'; character: string; color: string }
) & { emojis: EmojiRequest[]; platforms: string[] };

/** Starts a set; resolves to the new job's id. */
export async function generateSet(req: GenerateRequest, signal?: AbortSignal): Promise<string> {
  const form = new FormData();
  if (req.kind === 'upload') {
    form.append('image', req.image, req.image.name);
  } else {
    form.append('character', req.character);
    form.append('color', req.color);
  }
  form.append('emojis', JSON.stringify(req.emojis));
  form.append('platforms', req.platforms.join(','));
  const body = await request<{ jobId: string }>('/api/generate-set', { method: 'POST', body: form, signal });
  return body.jobId;
}

/** Recent jobs, newest first. */
export async function listJobs(signal?: AbortSignal): Promise<Job[]> {
  const body = await request<{ jobs: Job[] }>('/api/jobs', { signal });
  return body.jobs;
}

/** One job with every emoji's state. */
export function getJob(id: string, signal?: AbortSignal): Promise<Job> {
  return request<Job>(`/api/jobs/${encodeURIComponent(id)}`, { signal });
}

/** URL of a job's server-sent event stream. */
export function jobEventsUrl(id: string): string {
  return `/api/jobs/${encodeURIComponent(id)}/events`;
}

export interface Quota {
  runningJobs: { used: number; limit: number };
  dailyEmojis: { used: number; limit: number; resetsAt: string };
}

export interface Me {
  user: { id: string; email: string | null; name: string | null; photoUrl: string | null };
  quota: Quota;
}

/** The signed-in user and what is left of their quota. */
export function getMe(signal?: AbortSignal): Promise<Me> {
  return request<Me>('/api/me', { signal });
}
