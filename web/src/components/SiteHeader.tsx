import { Link } from './Link.tsx';

/** Top bar: brand and the one call to action. */
export function SiteHeader({ current }: { current: 'landing' | 'create' | 'other' }) {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="brand" aria-label="PopCon home">
          <span className="brand__mark" aria-hidden="true">
            ✦
          </span>
          PopCon
        </Link>
        <nav aria-label="Main">
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
