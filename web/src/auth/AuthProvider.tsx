import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { useConfig } from '../hooks/use-config.ts';
import { type AuthState, authState, initAuth, signIn, signOut, subscribeAuth } from './session.ts';

const AuthContext = createContext<AuthState>({ status: 'loading' });

/** Starts the session from the runtime config and shares its state with the tree. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const config = useConfig();
  const [state, setState] = useState<AuthState>(authState());

  useEffect(() => subscribeAuth(setState), []);
  useEffect(() => {
    if (config.status !== 'ready') return;
    initAuth(config.config.authMode, config.config.firebase).catch(() => {
      // Without the SDK nobody can sign in; the gate shows the sign-in card with its error.
    });
  }, [config]);

  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}

export interface UseUser {
  state: AuthState;
  /** True when pages may be used: local mode, or signed in. */
  allowed: boolean;
  signIn: () => Promise<void>;
  signOut: () => Promise<void>;
}

/** The session state and the sign-in/out actions. */
export function useUser(): UseUser {
  const state = useContext(AuthContext);
  return { state, allowed: state.status === 'local' || state.status === 'signed-in', signIn, signOut };
}
