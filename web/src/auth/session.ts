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
let sdk: typeof import('firebase/auth') | undefined;
let emulator = false;
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
    sdk = fa;
    // No popup resolver at start: it would load Google's iframe script on every
    // page view (and fail offline, e.g. against the emulator). It is passed to
    // signInWithPopup instead, when someone actually signs in.
    auth = fa.initializeAuth(app, {
      persistence: [fa.indexedDBLocalPersistence, fa.browserLocalPersistence],
    });
    if (firebase.authEmulatorUrl) {
      fa.connectAuthEmulator(auth, firebase.authEmulatorUrl, { disableWarnings: true });
      emulator = true;
    }
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

/**
 * Opens Google sign-in; resolves once signed in. The popup opens synchronously
 * in the click that called this (no await before it), or browsers block it.
 */
export async function signIn(): Promise<void> {
  if (!auth || !sdk) throw new Error('Sign-in is still loading; try again in a moment.');
  if (emulator) return signInToEmulator(auth, sdk);
  await sdk.signInWithPopup(auth, new sdk.GoogleAuthProvider(), sdk.browserPopupRedirectResolver);
}

/**
 * Development against the Auth emulator: Google's popup needs Google's servers
 * (apis.google.com) even with the emulator, so ask for an address and sign in
 * as that fake Google user; the emulator accepts unsigned claims as the token.
 */
async function signInToEmulator(a: Auth, fa: typeof import('firebase/auth')): Promise<void> {
  const email = window.prompt('Auth emulator: sign in as which Google account?', 'ada@example.com');
  if (!email) throw new Error('Sign-in cancelled.');
  const name = email.split('@')[0] ?? email;
  const claims = { sub: `google-${email}`, email, email_verified: true, name };
  await fa.signInWithCredential(a, fa.GoogleAuthProvider.credential(JSON.stringify(claims)));
}

/** Signs out of this browser. */
export async function signOut(): Promise<void> {
  if (!auth || !sdk) return;
  await sdk.signOut(auth);
}

/** Asks the user to sign in again (the server refused a freshly refreshed token). */
export function promptSignIn(): void {
  if (state.status === 'signed-in' || state.status === 'signed-out')
    setState({ status: 'signed-out', prompted: true });
}
