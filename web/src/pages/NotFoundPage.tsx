import { useEffect } from 'react';
import { Link } from '../components/Link.tsx';

/** Any path the app doesn't know. */
export function NotFoundPage() {
  useEffect(() => {
    document.title = 'Not found · PopCon';
  }, []);
  return (
    <div className="container narrow">
      <h1 tabIndex={-1}>Page not found</h1>
      <p className="lead">There’s nothing at this address.</p>
      <p>
        <Link href="/" className="button button--primary">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}
