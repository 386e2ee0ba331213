/**
 * The signed-in session, outside React so the API client can ask it for a
 * token. In local mode there is no sign-in at all; in Firebase mode the
 * Firebase JS SDK is loaded on demand (it is only needed there) and configured
 * from /api/config at run time, so one build serves every environment.
 */
import type { Auth, User } from 'firebase/auth';

export interface FirebaseWebConfig {
  apiKey: string;
  authDomain: string;
  projectId: string;
  authEmulatorUrl?: string | null;
}

export interface SessionUser {
  uid: string;
  email: string | null;
  name: string | null;
  photoUrl: string | null;
}

export type AuthState =
  | { status: 'loading' }
  | { status: 'local' }
  | { status: 'signed-out'; prompted: boolean }
  | { status: 'signed-in'; user: SessionUser };

type Listener = (state: AuthState) => void;

let state: AuthState = { status: 'loading' };
let auth: Auth | undefined;
let initialised: Promise<void> | undefined;
const listeners = new Set<Listener>();

function setState(next: AuthState): void {
  state = next;
  for (const listener of listeners) listener(state);
}

/** The current auth state. */
export function authState(): AuthState {
  return state;
}

/** Calls `listener` on every change; returns the unsubscribe function. */
export function subscribeAuth(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Sets the session up once from the runtime config. */
export function initAuth(
  mode: 'local' | 'firebase',
  firebase: FirebaseWebConfig | null | undefined,
): Promise<void> {
  initialised ??= (async () => {
    if (mode !== 'firebase' || !firebase) {
      setState({ status: 'local' });
      return;
    }
    const [{ initializeApp }, fa] = await Promise.all([import('firebase/app'), import('firebase/auth')]);
    const app = initializeApp({
      apiKey: firebase.apiKey,
      authDomain: firebase.authDomain,
      projectId: firebase.projectId,
    });
    auth = fa.getAuth(app);
    if (firebase.authEmulatorUrl)
      fa.connectAuthEmulator(auth, firebase.authEmulatorUrl, { disableWarnings: true });
    await new Promise<void>((resolve) => {
      fa.onIdTokenChanged(auth!, (user) => {
        setState(
          user
            ? { status: 'signed-in', user: toSessionUser(user) }
            : { status: 'signed-out', prompted: false },
        );
        resolve();
      });
    });
  })();
  return initialised;
}

function toSessionUser(user: User): SessionUser {
  return { uid: user.uid, email: user.email, name: user.displayName, photoUrl: user.photoURL };
}

/**
 * A fresh ID token, or null in local mode or when signed out. The SDK renews a
 * token that is close to expiry before handing it out; `forceRefresh` renews
 * it regardless (after the server answered 401).
 */
export async function idToken(forceRefresh = false): Promise<string | null> {
  await initialised;
  const user = auth?.currentUser;
  return user ? user.getIdToken(forceRefresh) : null;
}

/** Opens Google sign-in; resolves once signed in. */
export async function signIn(): Promise<void> {
  await initialised;
  if (!auth) return;
  const fa = await import('firebase/auth');
  await fa.signInWithPopup(auth, new fa.GoogleAuthProvider());
}

/** Signs out of this browser. */
export async function signOut(): Promise<void> {
  await initialised;
  if (!auth) return;
  const fa = await import('firebase/auth');
  await fa.signOut(auth);
}

/** Asks the user to sign in again (the server refused a freshly refreshed token). */
export function promptSignIn(): void {
  if (state.status === 'signed-in' || state.status === 'signed-out')
    setState({ status: 'signed-out', prompted: true });
}
