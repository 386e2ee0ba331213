/**
 * A tiny history router: a handful of pages don't justify a routing library. The
 * server answers unknown non-/api paths with index.html, so deep links work.
 */

export type Route =
  | { name: 'landing' }
  | { name: 'create' }
  | { name: 'job'; id: string }
  | { name: 'refine'; id: string }
  | { name: 'sets' }
  | { name: 'not-found'; path: string };

const JOB_PATH = /^\/jobs\/([^/]+)(\/refine)?$/;

/** Maps a location pathname to a page; trailing slashes are ignored. */
export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '' || path === '/') return { name: 'landing' };
  if (path === '/create') return { name: 'create' };
  if (path === SETS_PATH) return { name: 'sets' };
  const job = JOB_PATH.exec(path);
  if (job) {
    const id = safeDecode(job[1]);
    if (id !== undefined && id.trim() !== '') return { name: job[2] ? 'refine' : 'job', id };
  }
  return { name: 'not-found', path: pathname };
}

/** The path of a job page. */
export function jobPath(id: string): string {
  return `/jobs/${encodeURIComponent(id)}`;
}

/** The path of a set's refine page. */
export function refinePath(id: string): string {
  return `${jobPath(id)}/refine`;
}

/** The archive of the user's sets. */
export const SETS_PATH = '/sets';

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** True when a click should be left to the browser (new tab, download, modified click). */
export function isModifiedClick(event: {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): boolean {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}
