import { type ReactNode, useState } from 'react';
import { Alert } from '../components/Alert.tsx';
import { useUser } from './AuthProvider.tsx';

/** Renders its children for a signed-in user (or in local mode), and a sign-in card otherwise. */
export function RequireUser({ children, what }: { children: ReactNode; what: string }) {
  const { state, allowed } = useUser();
  if (allowed) return <>{children}</>;
  if (state.status === 'loading') {
    return (
      <p className="container muted" aria-live="polite">
        Checking your sign-in…
      </p>
    );
  }
  return <SignInCard what={what} expired={state.status === 'signed-out' && state.prompted} />;
}

/** The sign-in prompt: one Google button, and the reason it is needed. */
export function SignInCard({ what, expired }: { what: string; expired?: boolean }) {
  const { signIn } = useUser();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    setError(null);
    try {
      await signIn();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="container">
      <div className="card signin-card">
        <h1 tabIndex={-1}>{expired ? 'Please sign in again' : 'Sign in to continue'}</h1>
        <p className="muted">
          {expired ? 'Your session ended.' : `Sign in with your Google account to ${what}.`} PopCon keeps your
          sets private to you.
        </p>
        <button
          type="button"
          className="button button--primary button--large"
          onClick={onClick}
          disabled={busy}
        >
          {busy ? 'Opening Google…' : 'Sign in with Google'}
        </button>
        {error && <Alert title="Sign-in didn’t work">{error}</Alert>}
      </div>
    </section>
  );
}
