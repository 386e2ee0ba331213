import { useCallback, useEffect, useState } from 'react';
import { type AppConfig, getConfig } from '../api.ts';

export type ConfigState =
  | { status: 'loading' }
  | { status: 'ready'; config: AppConfig }
  | { status: 'error'; message: string; retry: () => void };

/** The API catalog (actions, characters, platforms), fetched once and shared. */
export function useConfig(): ConfigState {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ConfigState>({ status: 'loading' });
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    // Reading `attempt` here makes a retry re-run the effect.
    if (attempt > 0) setState({ status: 'loading' });
    getConfig().then(
      (config) => live && setState({ status: 'ready', config }),
      (err: unknown) =>
        live &&
        setState({ status: 'error', message: err instanceof Error ? err.message : String(err), retry }),
    );
    return () => {
      live = false;
    };
  }, [attempt, retry]);

  return state;
}
