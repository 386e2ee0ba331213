import { findAction } from '../domain/actions.ts';
import type { EmojiVersion } from '../domain/job.ts';
import { type Linker, presentFiles } from './presenters.ts';

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
