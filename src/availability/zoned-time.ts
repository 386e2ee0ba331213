/**
 * Wall-clock time in an IANA time zone, computed with Intl alone (no date
 * library is installed). Instants are milliseconds since the epoch.
 */

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();
const DAY_MS = 86_400_000;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this Node knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time at `instant` in `timeZone`. */
export function wallTime(instant: number, timeZone: string): WallTime & { second: number } {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
  };
}

/** The zone's offset from UTC at `instant`, in ms (Tokyo: +9 h). Whole seconds only, like the zone data. */
export function offsetAt(instant: number, timeZone: string): number {
  const t = Math.floor(instant / 1000) * 1000;
  const w = wallTime(t, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - t;
}

/**
 * The instant when the wall clock in `timeZone` shows the given local date and
 * time. `day` may overflow (day 32 is the 1st of the next month) and `hour` may
 * be 24 (midnight ending the day). Like Temporal's "compatible" choice: a time
 * skipped by a spring-forward gap maps to the same distance after the gap
 * (02:30 → 03:30), and a time repeated by a fall-back overlap takes the first one.
 */
export function instantOf(
  local: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): number {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // The offsets a day either side bracket any transition near this time.
  const before = offsetAt(asUtc - DAY_MS, timeZone);
  const after = offsetAt(asUtc + DAY_MS, timeZone);
  const target = wallTime(asUtc, 'UTC');
  const matches = [...new Set([before, after])]
    .map((offset) => asUtc - offset)
    .filter((t) => sameMinute(wallTime(t, timeZone), target))
    .sort((a, b) => a - b);
  return matches[0] ?? asUtc - before;
}

function sameMinute(a: WallTime, b: WallTime): boolean {
  return (
    a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute
  );
}
