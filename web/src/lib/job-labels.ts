import type { Emoji, Job, PlatformFormat } from '../api.ts';
import { formatExtension } from './platform-rules.ts';

const STAGE_TEXT: Record<Job['stage'], string> = {
  prepare: 'Preparing your character',
  animate: 'Animating emojis',
  encode: 'Encoding files for each platform',
  package: 'Packing your ZIPs',
  done: 'Finishing up',
};

/** What the page says while off hours hold a job. */
export const PAUSED_TEXT = 'Paused until PopCon opens';

/** What the job is doing right now, in words. */
export function describeProgress(job: Pick<Job, 'status' | 'stage'>): string {
  switch (job.status) {
    case 'queued':
      return 'Waiting for a free worker';
    case 'paused':
      return PAUSED_TEXT;
    case 'completed':
      return 'All done';
    case 'failed':
      return 'Stopped';
    default:
      return STAGE_TEXT[job.stage] ?? 'Working';
  }
}

export type EmojiVerdict =
  | { kind: 'pending' }
  | { kind: 'pass' }
  | { kind: 'fail'; messages: string[] }
  | { kind: 'error'; message: string };

/** Whether one emoji meets a platform's rules, with the failing rules' messages. */
export function emojiVerdict(emoji: Emoji, platform: string): EmojiVerdict {
  if (emoji.status === 'failed')
    return { kind: 'error', message: emoji.error ?? 'This emoji could not be made.' };
  const report = emoji.validation?.[platform];
  if (emoji.status !== 'completed' || !report) return { kind: 'pending' };
  if (report.ok) return { kind: 'pass' };
  const messages = report.checks.filter((c) => !c.ok).map((c) => c.message);
  return { kind: 'fail', messages: messages.length > 0 ? messages : ['Does not meet the platform rules.'] };
}

/** Counts of emojis that pass and that need attention, over finished emojis. */
export function summarizeVerdicts(
  emojis: readonly Emoji[],
  platform: string,
): { pass: number; problems: number } {
  let pass = 0;
  let problems = 0;
  for (const e of emojis) {
    const v = emojiVerdict(e, platform);
    if (v.kind === 'pass') pass++;
    else if (v.kind === 'fail' || v.kind === 'error') problems++;
  }
  return { pass, problems };
}

/** File name for downloading one emoji, numbered like the ZIP: 001-hello.png, 001-hello.gif. */
export function emojiFileName(
  emoji: Pick<Emoji, 'index' | 'action'>,
  format: PlatformFormat = 'apng',
): string {
  return `${String(emoji.index + 1).padStart(3, '0')}-${emoji.action}.${formatExtension(format)}`;
}

/** One emoji's file and size for `platform`; the first-platform fields stand in for old job replies. */
export function emojiAsset(
  emoji: Emoji,
  platform: string,
  firstPlatform: string | undefined,
): { url: string | null; bytes: number | null } {
  if (emoji.status !== 'completed') return { url: null, bytes: null };
  const url = emoji.assetUrls?.[platform] ?? (platform === firstPlatform ? emoji.assetUrl : null);
  const bytes = emoji.sizes?.[platform] ?? (platform === firstPlatform ? emoji.bytes : null);
  return { url, bytes: url ? bytes : null };
}
