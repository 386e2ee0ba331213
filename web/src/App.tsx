import { useEffect, useRef } from 'react';
import { AuthProvider } from './auth/AuthProvider.tsx';
import { RequireUser } from './auth/RequireUser.tsx';
import { SiteFooter } from './components/SiteFooter.tsx';
import { SiteHeader } from './components/SiteHeader.tsx';
import { usePathname } from './lib/history.ts';
import { matchRoute, type Route } from './lib/router.ts';
import { EditorPage } from './pages/EditorPage.tsx';
import { JobPage } from './pages/JobPage.tsx';
import { LandingPage } from './pages/LandingPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'landing':
      return <LandingPage />;
    case 'create':
      return (
        <RequireUser what="create a set">
          <EditorPage />
        </RequireUser>
      );
    case 'job':
      return (
        <RequireUser what="see this set">
          <JobPage key={route.id} id={route.id} />
        </RequireUser>
      );
    case 'not-found':
      return <NotFoundPage />;
  }
}

/** Shell: skip link, header, the routed page, footer. */
export function App() {
  const pathname = usePathname();
  const route = matchRoute(pathname);
  const shownPath = useRef(pathname);

  // After an in-app navigation, move focus to the new page's heading so screen
  // readers announce it, as a full page load would.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    window.scrollTo(0, 0);
    const heading = document.querySelector<HTMLElement>('main h1');
    heading?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <AuthProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader
        current={route.name === 'create' ? 'create' : route.name === 'landing' ? 'landing' : 'other'}
      />
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
      <SiteFooter />
    </AuthProvider>
  );
}
