/**
 * The archive page's words and choices: the status filters, where each set
 * stopped, its counts, and where reopening it leads. Pure, for unit tests.
 */
import type { RefineJob, SetFilter } from '../refine-api.ts';
import { jobPath, refinePath } from './router.ts';

/** The filters, in the order the page offers them. */
export const SET_FILTERS: readonly { value: SetFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'completed', label: 'Finished' },
  { value: 'failed', label: 'Failed' },
  { value: 'unfinished', label: 'In progress' },
];

/** True for a value of the `status=` filter. */
export function isSetFilter(value: string | null): value is SetFilter {
  return SET_FILTERS.some((f) => f.value === value);
}

type ArchivedSet = Pick<RefineJob, 'id' | 'status' | 'lastStep' | 'refinable' | 'counts' | 'source'>;

const AFTER: Record<NonNullable<RefineJob['lastStep']>, string> = {
  prepare: 'the cut-out',
  animate: 'animating',
  encode: 'encoding',
  package: 'packing the ZIPs',
};

const NOW: Record<NonNullable<RefineJob['lastStep']>, string> = {
  prepare: 'Cut out · animating now',
  animate: 'Animated · encoding now',
  encode: 'Encoded · packing now',
  package: 'Packed · finishing',
};

/** Where a set stands, by the last pipeline step it finished. */
export function stepText(job: Pick<ArchivedSet, 'status' | 'lastStep'>): string {
  switch (job.status) {
    case 'completed':
      return 'Every step done';
    case 'failed':
      return job.lastStep ? `Stopped after ${AFTER[job.lastStep]}` : 'Stopped before the cut-out';
    case 'queued':
      return 'Waiting to start';
    default: {
      const now = job.lastStep ? NOW[job.lastStep] : 'Cutting out the picture';
      return job.status === 'paused' ? `Paused · ${now.split(' · ')[0]}` : now;
    }
  }
}

/** "3 of 8 approved · 1 failed", or "5 of 8 made" while it is being made. */
export function countsText(job: Pick<ArchivedSet, 'status' | 'counts'>): string {
  const { total, completed, failed, approved } = job.counts;
  const finished = job.status === 'completed' || job.status === 'failed';
  const parts = [finished ? `${approved} of ${total} approved` : `${completed} of ${total} made`];
  if (failed > 0) parts.push(`${failed} failed`);
  return parts.join(' · ');
}

/** What the set was made from: the uploaded file's name, or the built-in character's. */
export function sourceName(job: Pick<ArchivedSet, 'source'>): string {
  if (job.source.kind === 'upload') return job.source.fileName || 'Your picture';
  const name = job.source.character ?? 'Character';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Where reopening a set leads: live progress while it is made, the refine page once it can be refined. */
export function reopenTarget(job: Pick<ArchivedSet, 'id' | 'status' | 'refinable'>): {
  href: string;
  label: string;
} {
  if (job.status !== 'completed' && job.status !== 'failed')
    return { href: jobPath(job.id), label: 'Watch progress' };
  if (job.refinable) return { href: refinePath(job.id), label: 'Refine' };
  return { href: jobPath(job.id), label: 'See what happened' };
}

/** What the list says when a filter leaves nothing. */
export function emptyText(filter: SetFilter): string {
  switch (filter) {
    case 'completed':
      return 'No finished sets yet.';
    case 'failed':
      return 'No failed sets.';
    case 'unfinished':
      return 'Nothing is being made right now.';
    default:
      return 'You haven’t made a set yet.';
  }
}

/** The list without `id`, and the set to focus next: the one after it, else the one before. */
export function withoutSet<T extends { id: string }>(
  sets: readonly T[],
  id: string,
): { sets: T[]; focus: string | null } {
  const at = sets.findIndex((s) => s.id === id);
  if (at < 0) return { sets: [...sets], focus: null };
  const rest = sets.filter((s) => s.id !== id);
  return { sets: rest, focus: (rest[at] ?? rest[at - 1])?.id ?? null };
}
