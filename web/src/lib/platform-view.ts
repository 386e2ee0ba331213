/** What the job page needs to know about one of a job's platforms, from the catalog or a fallback. */
import type { ExtraImage, Job, PlatformFormat, PlatformInfo } from '../api.ts';
import { listAnd, nativeSize, shortName } from './platform-rules.ts';

export interface PlatformView {
  id: string;
  label: string;
  /** "Discord", "LINE emoji": as sentences and buttons name it. */
  name: string;
  format: PlatformFormat;
  /** Side of the square files, in pixels. */
  native: number;
  maxBytes: number | null;
  fileNames: string | null;
  extras: ExtraImage[];
  /** Why this job has no files for it, when it has none. */
  unavailable: string | null;
}

/**
 * The platform `id` of `job`, described from the catalog. Without a catalog (it
 * failed to load) the page still shows the files, as 180 px images.
 */
export function platformView(
  id: string,
  job: Pick<Job, 'unavailable'>,
  catalog: readonly PlatformInfo[] | null,
): PlatformView {
  const info = catalog?.find((p) => p.id === id);
  const unavailable = job.unavailable?.[id] ?? null;
  if (!info) {
    return {
      id,
      label: id,
      name: id,
      format: 'apng',
      native: 180,
      maxBytes: null,
      fileNames: null,
      extras: [],
      unavailable,
    };
  }
  return {
    id,
    label: info.label,
    name: shortName(info),
    format: info.format,
    native: nativeSize(info),
    maxBytes: info.maxBytes,
    fileNames: info.fileNames,
    extras: info.extras,
    unavailable,
  };
}

const UPLOAD_HINTS: Record<string, string> = {
  'line-emoji': 'Upload the ZIP to LINE Creators Market as-is.',
  'line-sticker': 'Upload the ZIP to LINE Creators Market as-is.',
  'discord-emoji': 'Add the files under Server Settings → Emoji.',
  'slack-emoji': 'Add the files under Customize workspace → Emoji.',
  'telegram-sticker': 'Send the files to @Stickers in Telegram to make a video sticker set.',
  'whatsapp-sticker': 'Add the pack to WhatsApp with a sticker pack app.',
  'kakao-emoticon': 'Submit the files through Kakao Emoticon Studio.',
};

/** Where the finished files go next, in one sentence. */
export function uploadHint(view: PlatformView): string {
  return UPLOAD_HINTS[view.id] ?? `Upload the files from the ZIP to ${view.name}.`;
}

/** "The ZIP holds 001.gif, 002.gif, … and tab.png.", or null when the catalog didn't say. */
export function zipContents(view: PlatformView): string | null {
  if (!view.fileNames) return null;
  const names = [view.fileNames, ...view.extras.map((e) => e.name)];
  return `The ZIP holds ${listAnd(names)}, with a manifest and the rule report.`;
}
