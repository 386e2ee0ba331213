import type { UrlSigner } from '../auth/url-signer.ts';
import { findAction } from '../domain/actions.ts';
import type { EmojiResult, Job, JobEvent } from '../domain/job.ts';
import type { PlatformRules } from '../domain/platforms.ts';
import type { ValidationReport } from '../domain/validation.ts';
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

/** The JSON shape of a job in API replies. */
export function presentJob(job: Job, emojis: EmojiResult[], link: Linker = plain) {
  const done = emojis.filter((e) => e.status === 'completed' || e.status === 'failed').length;
  const made = madePlatforms(job);
  // The preview everywhere a single picture is shown: the first platform this job makes.
  const first = made[0] ?? job.platforms[0];
  return {
    id: job.id,
    status: job.status,
    stage: job.stage,
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
    emojis: emojis.map((e) => {
      const output = e.outputs[first];
      const validation: Record<string, ValidationReport> = {};
      for (const [platform, out] of Object.entries(e.outputs)) if (out) validation[platform] = out.validation;
      return {
        index: e.index,
        action: e.action,
        label: findAction(e.action)?.label ?? e.action,
        status: e.status,
        assetUrl: e.status === 'completed' && output ? link(assetUrl(output.assetId)) : null,
        assetUrls: Object.fromEntries(
          Object.entries(e.outputs).map(([platform, out]) => [
            platform,
            out ? link(assetUrl(out.assetId)) : null,
          ]),
        ),
        bytes: output?.bytes ?? null,
        sizes: Object.fromEntries(
          Object.entries(e.outputs).map(([platform, out]) => [platform, out?.bytes ?? null]),
        ),
        params: e.params,
        validation: Object.keys(validation).length > 0 ? validation : null,
        error: e.error,
      };
    }),
    downloads:
      job.status === 'completed'
        ? Object.fromEntries(made.map((p) => [p, link(downloadUrl(job.id, p))]))
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
