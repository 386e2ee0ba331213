import { useEffect, useState } from 'react';
import { getMe, type Quota } from '../api.ts';
import { useUser } from '../auth/AuthProvider.tsx';
import { usePathname } from '../lib/history.ts';
import { SETS_PATH } from '../lib/router.ts';
import { Link } from './Link.tsx';

/** Which part of the site a page belongs to, for the header's current link. */
export type HeaderSection = 'landing' | 'create' | 'sets' | 'other';

/** Top bar: brand, My sets, the call to action and, when signed in, the user, their quota and sign-out. */
export function SiteHeader({ current }: { current: HeaderSection }) {
  const { state, signOut } = useUser();
  const quota = useQuota(state.status === 'signed-in');
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="brand" aria-label="PopCon home">
          <span className="brand__mark" aria-hidden="true">
            ✦
          </span>
          PopCon
        </Link>
        <nav aria-label="Main" className="site-header__nav">
          {state.status === 'signed-in' && (
            <span className="account">
              {quota && (
                <span
                  className="account__quota"
                  title={`Resets ${new Date(quota.dailyEmojis.resetsAt).toLocaleString()}`}
                >
                  {Math.max(0, quota.dailyEmojis.limit - quota.dailyEmojis.used)} emojis left today
                </span>
              )}
              <span className="account__name">{state.user.name ?? state.user.email ?? 'Signed in'}</span>
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => void signOut()}
              >
                Sign out
              </button>
            </span>
          )}
          <Link
            href={SETS_PATH}
            className="button button--small button--quiet"
            aria-current={current === 'sets' ? 'page' : undefined}
          >
            My sets
          </Link>
          <Link
            href="/create"
            className="button button--small button--ghost"
            aria-current={current === 'create' ? 'page' : undefined}
          >
            Create a set
          </Link>
        </nav>
      </div>
    </header>
  );
}

/** The signed-in user's quota, refreshed on every page change. */
function useQuota(signedIn: boolean): Quota | null {
  const pathname = usePathname();
  const [quota, setQuota] = useState<Quota | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger: refresh the quota on each page change.
  useEffect(() => {
    if (!signedIn) {
      setQuota(null);
      return;
    }
    const abort = new AbortController();
    getMe(abort.signal).then(
      (me) => setQuota(me.quota),
      () => setQuota(null),
    );
    return () => abort.abort();
  }, [signedIn, pathname]);
  return quota;
}
