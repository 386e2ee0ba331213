import type { UrlSigner } from '../auth/url-signer.ts';
import { findAction } from '../domain/actions.ts';
import type { EmojiOutput, EmojiResult, EmojiVersion, Job, JobEvent, JobStage } from '../domain/job.ts';
import type { PlatformId, PlatformRules } from '../domain/platforms.ts';
import { madePlatforms } from '../pipeline/emoji-settlement.ts';
import type { PlatformAvailability } from '../pipeline/platform-support.ts';

/**
 * Turns an API path into the URL a browser can fetch without headers: the path
 * itself in local mode, a signed expiring URL for the owner in Firebase mode.
 */
export type Linker = (path: string) => string;

const plain: Linker = (path) => path;

/** The linker for `userId`: signed URLs when a signer is configured. */
export function linkerFor(signer: UrlSigner | null, userId: string): Linker {
  return signer ? (path) => signer.sign(path, userId) : plain;
}

/** Public URL of an asset; assets are only ever reached through the API, by unguessable id. */
export const assetUrl = (assetId: string) => `/api/assets/${assetId}`;

/** Public URL of a job's ZIP for one platform. */
export const downloadUrl = (jobId: string, platform: string) =>
  `/api/jobs/${jobId}/download?platform=${encodeURIComponent(platform)}`;

/** Public URL of a job's ZIP of approved emojis only. */
export const approvedDownloadUrl = (jobId: string, platform: string) =>
  `${downloadUrl(jobId, platform)}&approved=1`;

/** The last step of the pipeline a job finished, by the stage it is at. */
const LAST_STEP: Record<JobStage, JobStage | null> = {
  prepare: null,
  animate: 'prepare',
  encode: 'animate',
  package: 'encode',
  done: 'package',
};

/** Per-platform URL, size and verdict of one render's files. */
export function presentFiles(outputs: EmojiResult['outputs'], link: Linker) {
  const entries = Object.entries(outputs).filter((e): e is [string, EmojiOutput] => e[1] !== undefined);
  return {
    assetUrls: Object.fromEntries(entries.map(([p, out]) => [p, link(assetUrl(out.assetId))])),
    sizes: Object.fromEntries(entries.map(([p, out]) => [p, out.bytes])),
    validation:
      entries.length > 0 ? Object.fromEntries(entries.map(([p, out]) => [p, out.validation])) : null,
  };
}

/** What the job reply adds for refining: renders in progress and how many versions each emoji has. */
export interface RefineState {
  renders: EmojiVersion[];
  /** Re-renders that failed, newer than what their emoji shows. */
  failed: EmojiVersion[];
  versionCounts: Map<number, number>;
}

/** One emoji as the set shows it. */
export function presentEmoji(
  e: EmojiResult,
  preview: PlatformId,
  link: Linker = plain,
  refine?: RefineState,
) {
  const output = e.outputs[preview];
  const rendering = refine?.renders.find((v) => v.index === e.index && v.version !== e.version);
  const failure = rendering ? undefined : refine?.failed.find((v) => v.index === e.index);
  return {
    index: e.index,
    action: e.action,
    label: findAction(e.action)?.label ?? e.action,
    status: e.status,
    assetUrl: e.status === 'completed' && output ? link(assetUrl(output.assetId)) : null,
    ...presentFiles(e.outputs, link),
    bytes: output?.bytes ?? null,
    params: e.params,
    error: e.error,
    version: e.version,
    versionCount: refine?.versionCounts.get(e.index) ?? 1,
    approved: e.approvedAt !== null,
    approvedAt: e.approvedAt === null ? null : new Date(e.approvedAt).toISOString(),
    rendering: rendering
      ? { version: rendering.version, status: rendering.status, origin: rendering.origin }
      : null,
    lastFailure: failure ? { version: failure.version, origin: failure.origin, error: failure.error } : null,
  };
}

/** The JSON shape of a job in API replies. */
export function presentJob(job: Job, emojis: EmojiResult[], link: Linker = plain, refine?: RefineState) {
  const done = emojis.filter((e) => e.status === 'completed' || e.status === 'failed').length;
  const made = madePlatforms(job);
  // The preview everywhere a single picture is shown: the first platform this job makes.
  const first = made[0] ?? job.platforms[0];
  const approved = emojis.filter((e) => e.approvedAt !== null).length;
  const thumbnail = emojis.find((e) => e.status === 'completed' && e.outputs[first]);
  const refinable = (job.status === 'completed' || job.status === 'failed') && job.stage !== 'prepare';
  return {
    id: job.id,
    status: job.status,
    stage: job.stage,
    lastStep: job.status === 'completed' ? ('package' as const) : LAST_STEP[job.stage],
    createdAt: new Date(job.createdAt).toISOString(),
    updatedAt: new Date(job.updatedAt).toISOString(),
    completedAt: job.completedAt === null ? null : new Date(job.completedAt).toISOString(),
    error: job.error,
    source:
      job.source.kind === 'character'
        ? { kind: 'character' as const, character: job.source.character, color: job.source.color }
        : { kind: 'upload' as const, fileName: job.source.fileName },
    platforms: job.platforms,
    unavailable: job.unavailable,
    progress: { done, total: emojis.length },
    counts: {
      total: emojis.length,
      completed: emojis.filter((e) => e.status === 'completed').length,
      failed: emojis.filter((e) => e.status === 'failed').length,
      approved,
      rendering: refine?.renders.filter((v) => v.version > 1).length ?? 0,
    },
    thumbnailUrl: thumbnail ? link(assetUrl(thumbnail.outputs[first]!.assetId)) : null,
    refinable,
    matteEditable: refinable && job.source.kind === 'upload',
    matteEdits: job.matteVersion,
    emojis: emojis.map((e) => presentEmoji(e, first, link, refine)),
    downloads:
      job.status === 'completed'
        ? Object.fromEntries(made.map((p) => [p, link(downloadUrl(job.id, p))]))
        : {},
    approvedDownloads:
      refinable && approved > 0
        ? Object.fromEntries(made.map((p) => [p, link(approvedDownloadUrl(job.id, p))]))
        : {},
  };
}

/** A platform's rules as clients see them (file names as a pattern), with its availability here. */
export function presentPlatform({
  rules,
  availability,
}: {
  rules: PlatformRules;
  availability: PlatformAvailability;
}) {
  const { fileName, ...rest } = rules;
  return {
    ...rest,
    fileNames: `${fileName(0)}, ${fileName(1)}, …`,
    available: availability.available,
    unavailableReason: availability.reason ?? null,
  };
}

/** An event as sent to progress streams: asset ids become URLs. */
export function presentEvent(e: JobEvent, link: Linker = plain) {
  const { assetId, ...rest } = e.payload as { assetId?: string } & Record<string, unknown>;
  return {
    id: e.id,
    type: e.type,
    jobId: e.jobId,
    requestId: e.requestId,
    at: new Date(e.createdAt).toISOString(),
    ...rest,
    ...(typeof assetId === 'string' ? { assetUrl: link(assetUrl(assetId)) } : {}),
  };
}
