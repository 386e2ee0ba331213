import { useCallback, useEffect, useState } from 'react';
import '../styles/availability.css';

/** GET /api/availability: open or closed, the next edges (ISO 8601) and the schedule's zone. */
export interface Availability {
  open: boolean;
  opensAt: string | null;
  closesAt: string | null;
  timezone: string;
}

/** How often the hook asks the server; the banner's own countdown ticks every second in between. */
const POLL_MS = 60_000;

/** Reads an availability reply without trusting it; null when it is not one. */
export function parseAvailability(body: unknown): Availability | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  const time = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? v : null);
  if (typeof b.open !== 'boolean') return null;
  return {
    open: b.open,
    opensAt: time(b.opensAt),
    closesAt: time(b.closesAt),
    timezone: String(b.timezone ?? 'UTC'),
  };
}

/**
 * Polls GET /api/availability every 60 s, and once more just after the
 * announced opening. Null until the first answer; a failed poll keeps the last
 * answer (the server refuses renders while closed anyway).
 */
export function useAvailability(): Availability | null {
  const [state, setState] = useState<Availability | null>(null);
  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      const res = await fetch('/api/availability', { headers: { accept: 'application/json' }, signal });
      const parsed = res.ok ? parseAvailability(await res.json()) : null;
      if (parsed) setState(parsed);
    } catch {
      // Offline or aborted: keep what we had.
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    const timer = setInterval(() => void load(controller.signal), POLL_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [load]);

  const opensAt = state && !state.open && state.opensAt ? Date.parse(state.opensAt) : null;
  useEffect(() => {
    if (opensAt === null) return;
    const wait = opensAt - Date.now() + 2000;
    if (wait > POLL_MS) return;
    const timer = setTimeout(() => void load(), Math.max(1000, wait));
    return () => clearTimeout(timer);
  }, [opensAt, load]);

  return state;
}

/** "2:05:09", or "3 d 4 h" beyond a day; "0:00:00" once due. */
export function formatCountdown(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  if (d > 0) return `${d} d ${h} h`;
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** "in about 3 hours" — what a screen reader hears, changing at most once a minute. */
function spokenCountdown(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 1) return 'in less than a minute';
  if (minutes < 90) return `in about ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `in about ${hours} hours` : `in about ${Math.round(hours / 24)} days`;
}

/** The opening in the reader's own zone and language: "Mon 19:00 GMT+9" or "Mon 7:00 PM EST". */
export function formatOpening(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * While PopCon is closed: when it opens, in the reader's own time zone, with a
 * live countdown. Renders nothing while open. The countdown's ticking is hidden
 * from screen readers, which get a coarser phrase instead of a new announcement
 * every second.
 */
export function AvailabilityBanner({ availability }: { availability: Availability | null }) {
  const closed = availability !== null && !availability.open;
  const now = useNow(closed);
  if (!closed) return null;
  const opensAt = availability.opensAt;
  const left = opensAt ? Date.parse(opensAt) - now : 0;
  return (
    <div className="availability-banner" role="status">
      <span className="availability-banner__icon" aria-hidden="true">
        ☾
      </span>
      <div>
        <p className="availability-banner__title">PopCon is resting right now</p>
        {opensAt ? (
          <p className="availability-banner__body">
            New sets open again <time dateTime={opensAt}>{formatOpening(opensAt)}</time>
            <span className="visually-hidden">, {spokenCountdown(left)}</span>
            <span className="availability-banner__countdown" aria-hidden="true">
              {formatCountdown(left)}
            </span>
          </p>
        ) : (
          <p className="availability-banner__body">New sets open again soon.</p>
        )}
        <p className="availability-banner__note">Your finished sets and downloads still work.</p>
      </div>
    </div>
  );
}
