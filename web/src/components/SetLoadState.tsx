import type { ReactNode } from 'react';
import { Alert } from './Alert.tsx';

/** The heading of a set's page while it loads, when it is missing or failed to load, and once it is ready. */
export function setPageTitle(
  state: { status: 'loading' | 'ready' | 'error'; notFound?: boolean },
  ready: string,
): string {
  if (state.status !== 'error') return ready;
  return state.notFound ? 'We couldn’t find that set' : 'Couldn’t load this set';
}

/** A set's page while the set loads. */
export function SetLoading() {
  return (
    <div aria-busy="true">
      <div className="card skeleton-block" />
      <span className="visually-hidden">Loading…</span>
    </div>
  );
}

/** Why a set cannot be shown (gone, or the request failed), and where to go instead. */
export function SetLoadError({
  notFound,
  message,
  children,
}: {
  notFound: boolean;
  message: string;
  children: ReactNode;
}) {
  return (
    <div className="stack narrow-block">
      {notFound ? (
        <p className="lead">It may have been deleted, or the link is mistyped.</p>
      ) : (
        <Alert>{message}</Alert>
      )}
      <p>{children}</p>
    </div>
  );
}
