import { useEffect, useRef } from 'react';
import { AuthProvider } from './auth/AuthProvider.tsx';
import { RequireUser } from './auth/RequireUser.tsx';
import { SiteFooter } from './components/SiteFooter.tsx';
import { type HeaderSection, SiteHeader } from './components/SiteHeader.tsx';
import { usePathname } from './lib/history.ts';
import { matchRoute, type Route } from './lib/router.ts';
import { ArchivePage } from './pages/ArchivePage.tsx';
import { EditorPage } from './pages/EditorPage.tsx';
import { JobPage } from './pages/JobPage.tsx';
import { LandingPage } from './pages/LandingPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { RefinePage } from './pages/RefinePage.tsx';

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
    case 'refine':
      return (
        <RequireUser what="refine this set">
          <RefinePage key={route.id} id={route.id} />
        </RequireUser>
      );
    case 'sets':
      return (
        <RequireUser what="see your sets">
          <ArchivePage />
        </RequireUser>
      );
    case 'not-found':
      return <NotFoundPage />;
  }
}

function headerSection(route: Route): HeaderSection {
  if (route.name === 'create' || route.name === 'landing' || route.name === 'sets') return route.name;
  return 'other';
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
      <SiteHeader current={headerSection(route)} />
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
      <SiteFooter />
    </AuthProvider>
  );
}
