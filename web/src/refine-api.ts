/**
 * The refine and archive part of the API client: re-renders, approvals,
 * versions, frames, matte touch-ups and deleting a set. Like api.ts, replies are
 * cast to these types rather than parsed (same origin, same release).
 */

import {
  ApiError,
  type Emoji,
  type EmojiParams,
  type EmojiStatus,
  type Job,
  type PlatformValidation,
  request,
} from './api.ts';
import { createKeyRing, sendIdempotent } from './lib/idempotency.ts';

/** A pipeline step a job has finished. */
export type PipelineStep = 'prepare' | 'animate' | 'encode' | 'package';
export type VersionOrigin = 'initial' | 'retry' | 'regenerate';

/** A re-render the user asked for that is still running. */
export interface RenderingState {
  version: number;
  status: EmojiStatus;
  origin: VersionOrigin;
}

/** An emoji as the refine page sees it: the version shown, its approval and any re-render under way. */
export interface RefineEmoji extends Emoji {
  version: number;
  versionCount: number;
  approved: boolean;
  approvedAt: string | null;
  rendering: RenderingState | null;
  /** The newest re-render when it failed (the emoji still shows an earlier version). */
  lastFailure: { version: number; origin: VersionOrigin; error: string | null } | null;
}

export interface SetCounts {
  total: number;
  completed: number;
  failed: number;
  approved: number;
  rendering: number;
}

/** A job with what refining and the archive add (GET /api/jobs/:id and GET /api/jobs). */
export interface RefineJob extends Omit<Job, 'emojis'> {
  emojis: RefineEmoji[];
  completedAt: string | null;
  lastStep: PipelineStep | null;
  counts: SetCounts;
  thumbnailUrl: string | null;
  refinable: boolean;
  matteEditable: boolean;
  matteEdits: number;
  /** Per platform, the ZIP of the approved emojis; empty until one is approved. */
  approvedDownloads: Record<string, string>;
}

/** The `status=` filters of the job list. */
export type SetFilter = 'all' | 'completed' | 'failed' | 'unfinished';

/** The reply to a retry or regenerate: the version now rendering. */
export interface RenderStarted {
  jobId: string;
  index: number;
  version: number;
  status: 'pending';
}

/** What a regenerate changes; a field left out keeps its value, null clears it. */
export interface RegenerateBody {
  action?: string;
  caption?: string | null;
  accent?: string | null;
  speed?: number | null;
  intensity?: number | null;
}

/** One render of an emoji. */
export interface EmojiVersion {
  version: number;
  origin: VersionOrigin;
  action: string;
  label: string;
  params: EmojiParams;
  status: EmojiStatus;
  error: string | null;
  createdAt: string;
  completedAt: string | null;
  assetUrls: Record<string, string>;
  sizes: Record<string, number>;
  validation: Record<string, PlatformValidation> | null;
}

export interface VersionList {
  current: number;
  versions: EmojiVersion[];
}

/** Every frame of one platform file, side by side in one PNG, and how long each shows. */
export interface FramesView {
  platform: string;
  index: number;
  version: number;
  width: number;
  height: number;
  frameWidth: number;
  frameHeight: number;
  count: number;
  delaysMs: number[];
  stripUrl: string;
}

/** An upload's picture and its matte, both at the picture's own size. */
export interface MatteView {
  width: number;
  height: number;
  edits: number;
  sourceUrl: string;
  matteUrl: string;
  /** Pixels the edit changed (only in an edit's reply). */
  pixels?: number;
}

export type MatteOp = 'erase' | 'restore';

/** One touch-up: where the user clicked, in the picture's own pixels. */
export interface MatteEdit {
  op: MatteOp;
  x: number;
  y: number;
  tolerance: number;
}

const jobUrl = (id: string) => `/api/jobs/${encodeURIComponent(id)}`;
const emojiUrl = (id: string, index: number) => `${jobUrl(id)}/emojis/${index}`;
const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: body === undefined ? {} : { 'content-type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
});

/** One job with its refine state. */
export function getRefineJob(id: string, signal?: AbortSignal): Promise<RefineJob> {
  return request<RefineJob>(jobUrl(id), { signal });
}

/** The user's sets, newest first, narrowed by status. */
export async function listSets(filter: SetFilter, signal?: AbortSignal): Promise<RefineJob[]> {
  const body = await request<{ jobs: RefineJob[] }>(`/api/jobs?status=${filter}`, { signal });
  return body.jobs;
}

// One key per distinct request until the server answers it: a double click or a
// resend after a network error reuses the key, so the server renders (and charges) once.
const renderKeys = createKeyRing(() => crypto.randomUUID());

function startRender<T = RenderStarted>(path: string, body: unknown): Promise<T> {
  return sendIdempotent(renderKeys, `${path} ${JSON.stringify(body)}`, (key) => {
    const init = json('POST', body);
    return request<T>(path, { ...init, headers: { ...init.headers, 'idempotency-key': key } });
  });
}

/** The reply to a re-render of the whole set. */
export interface RerenderStarted {
  jobId: string;
  renders: { index: number; version: number }[];
  /** Emojis that were rendering already and are left to finish. */
  skipped: number[];
  status: 'pending';
}

/** Renders every emoji again with its knobs and seed: after a touch-up, from the new cut-out. */
export function rerenderAll(jobId: string): Promise<RerenderStarted> {
  return startRender<RerenderStarted>(`${jobUrl(jobId)}/rerender`, {});
}

/** Renders a new variant of an emoji with the same knobs. */
export function retryEmoji(jobId: string, index: number): Promise<RenderStarted> {
  return startRender(`${emojiUrl(jobId, index)}/retry`, {});
}

/** Renders an emoji with changed knobs. */
export function regenerateEmoji(jobId: string, index: number, body: RegenerateBody): Promise<RenderStarted> {
  return startRender(`${emojiUrl(jobId, index)}/regenerate`, body);
}

/** Approves an emoji as shown, or takes the approval back. */
export async function setApproved(jobId: string, index: number, approved: boolean): Promise<void> {
  await request<{ emoji: Emoji }>(`${emojiUrl(jobId, index)}/approve`, json(approved ? 'POST' : 'DELETE'));
}

/** Approves every finished emoji of the set. */
export function approveAll(jobId: string): Promise<{ approved: number; total: number }> {
  return request(`${jobUrl(jobId)}/approve-all`, json('POST'));
}

/** Every render of an emoji and which one is shown. */
export function getVersions(jobId: string, index: number, signal?: AbortSignal): Promise<VersionList> {
  return request<VersionList>(`${emojiUrl(jobId, index)}/versions`, { signal });
}

/** Shows another finished version of an emoji. */
export async function selectVersion(jobId: string, index: number, version: number): Promise<void> {
  await request(`${emojiUrl(jobId, index)}/versions/${version}/select`, json('POST'));
}

/** The frames of the file `platform` gets for an emoji (its shown version unless `version` is given). */
export function getFrames(
  jobId: string,
  index: number,
  platform: string,
  version?: number,
  signal?: AbortSignal,
): Promise<FramesView> {
  const query = new URLSearchParams({ platform });
  if (version !== undefined) query.set('version', String(version));
  return request<FramesView>(`${emojiUrl(jobId, index)}/frames?${query}`, { signal });
}

/** An upload's picture and current matte. */
export function getMatte(jobId: string, signal?: AbortSignal): Promise<MatteView> {
  return request<MatteView>(`${jobUrl(jobId)}/matte`, { signal });
}

/** Erases or restores the region around one point of the picture. */
export function editMatte(jobId: string, edit: MatteEdit): Promise<MatteView> {
  return request<MatteView>(`${jobUrl(jobId)}/matte`, json('POST', edit));
}

/** Deletes a set with its files. A set already gone counts as deleted. */
export async function deleteSet(jobId: string): Promise<void> {
  try {
    await request<void>(jobUrl(jobId), json('DELETE'));
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 404)) throw err;
  }
}
