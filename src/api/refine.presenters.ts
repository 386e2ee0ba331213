import { findAction } from '../domain/actions.ts';
import type { EmojiResult, EmojiVersion } from '../domain/job.ts';
import type { PlatformId } from '../domain/platforms.ts';
import { type Linker, presentEmoji, presentFiles } from './presenters.ts';

/** One emoji in a refine reply: previewed on the first platform it has a file for. */
export function presentRefinedEmoji(e: EmojiResult, link: Linker) {
  const preview = (Object.keys(e.outputs)[0] ?? 'line-emoji') as PlatformId;
  return presentEmoji(e, preview, link);
}

/** One render of an emoji, with its files. */
export function presentVersion(v: EmojiVersion, link: Linker) {
  return {
    version: v.version,
    origin: v.origin,
    action: v.action,
    label: findAction(v.action)?.label ?? v.action,
    params: v.params,
    status: v.status,
    error: v.error,
    createdAt: new Date(v.createdAt).toISOString(),
    completedAt: v.completedAt === null ? null : new Date(v.completedAt).toISOString(),
    ...presentFiles(v.outputs, link),
  };
}
