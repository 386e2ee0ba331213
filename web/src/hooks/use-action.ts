import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import { describeRefusal } from '../lib/refine-errors.ts';

export interface ActionRunner {
  /** The name of the action under way, or null. */
  busy: string | null;
  /** What went wrong with the last action, in words for the user. */
  error: string | null;
  /** Runs `work` unless another action runs; resolves true when it worked. */
  run: (name: string, work: () => Promise<unknown>) => Promise<boolean>;
  clearError: () => void;
}

/** One action at a time for a part of the page (an emoji card, the matte), with its error in plain words. */
export function useAction(): ActionRunner {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A ref as well as state: two clicks in one frame both see the state before either re-render.
  const running = useRef(false);

  const run = useCallback(async (name: string, work: () => Promise<unknown>) => {
    if (running.current) return false;
    running.current = true;
    setBusy(name);
    setError(null);
    try {
      await work();
      return true;
    } catch (err) {
      setError(
        err instanceof ApiError ? describeRefusal(err) : err instanceof Error ? err.message : String(err),
      );
      return false;
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);

  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
