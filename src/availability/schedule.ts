import { instantOf, isValidTimeZone, wallTime } from './zoned-time.ts';

/**
 * Opening hours, from configuration such as `AVAILABILITY_WINDOWS="Mon-Fri
 * 18:00-23:30; Sat,Sun 10:00-24:00"` in `AVAILABILITY_TIMEZONE`. Entries are
 * separated by `;`; days are names, ranges (`Fri-Mon` wraps) or `daily`; an end
 * at or before the start runs past midnight into the next day. Every boundary
 * is wall-clock time in the zone, so a window keeps its hours across DST.
 */

export interface WindowRule {
  /** 0 = Monday … 6 = Sunday: the days a window starts on. */
  days: number[];
  /** Minutes after local midnight, 0–1439. */
  startMinute: number;
  /** Minutes after the start day's midnight, up to 2880 (past midnight adds 1440). */
  endMinute: number;
}

export interface Interval {
  start: number;
  end: number;
}

/** Open now or not, with the next edges (null: no schedule, or no such edge within a week). */
export interface ScheduleState {
  open: boolean;
  opensAt: number | null;
  closesAt: number | null;
}

export class ScheduleError extends Error {
  override name = 'ScheduleError';
}

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const FULL_DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const DAY_MS = 86_400_000;
const ENTRY = /^([A-Za-z,\- ]+?)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/;

/** Parses the windows setting; throws a ScheduleError naming the bad entry. */
export function parseWindows(spec: string): WindowRule[] {
  return spec
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((entry) => {
      const m = ENTRY.exec(entry);
      if (!m) throw new ScheduleError(`"${entry}" is not like "Mon-Fri 19:00-24:00"`);
      const start = minutes(entry, Number(m[2]), Number(m[3]));
      let end = minutes(entry, Number(m[4]), Number(m[5]));
      if (start === 1440) throw new ScheduleError(`"${entry}": a window cannot start at 24:00`);
      if (end <= start) end += 1440;
      return { days: parseDays(entry, m[1] ?? ''), startMinute: start, endMinute: end };
    });
}

function minutes(entry: string, h: number, m: number): number {
  if (h > 24 || m > 59 || (h === 24 && m !== 0)) throw new ScheduleError(`"${entry}": bad time`);
  return h * 60 + m;
}

function parseDays(entry: string, text: string): number[] {
  const days = new Set<number>();
  for (const part of text.toLowerCase().replace(/\s+/g, '').split(',')) {
    if (part === 'daily') {
      for (let d = 0; d < 7; d++) days.add(d);
      continue;
    }
    const [from, to] = part
      .split('-')
      .map((name) => (DAY_NAMES.includes(name) ? DAY_NAMES.indexOf(name) : FULL_DAY_NAMES.indexOf(name)));
    if (from === undefined || from < 0 || (to !== undefined && to < 0) || part.split('-').length > 2) {
      throw new ScheduleError(`"${entry}": unknown day in "${part}" (use Mon … Sun or daily)`);
    }
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === (to ?? from)) break;
    }
  }
  return [...days].sort();
}

/** A parsed schedule in one zone. With no rules, PopCon is always open. */
export class Schedule {
  private constructor(
    readonly rules: readonly WindowRule[],
    readonly timeZone: string,
  ) {}

  /** Builds a schedule; throws a ScheduleError for a bad zone or window. */
  static parse(spec: string, timeZone: string): Schedule {
    if (!isValidTimeZone(timeZone)) throw new ScheduleError(`unknown time zone "${timeZone}"`);
    return new Schedule(parseWindows(spec), timeZone);
  }

  /** True when no window is configured: always open. */
  get alwaysOpen(): boolean {
    return this.rules.length === 0;
  }

  /** The open intervals overlapping [from, to), merged where they touch. */
  intervals(from: number, to: number): Interval[] {
    if (this.alwaysOpen) return [{ start: from, end: to }];
    const raw: Interval[] = [];
    // Start two local days early: a window that began yesterday may still be open.
    const first = wallTime(from - 2 * DAY_MS, this.timeZone);
    const days = Math.ceil((to - from) / DAY_MS) + 4;
    for (let i = 0; i < days; i++) {
      const date = new Date(Date.UTC(first.year, first.month - 1, first.day + i));
      const weekday = (date.getUTCDay() + 6) % 7;
      const y = date.getUTCFullYear();
      const mo = date.getUTCMonth() + 1;
      const d = date.getUTCDate();
      for (const rule of this.rules) {
        if (!rule.days.includes(weekday)) continue;
        const at = (m: number) =>
          instantOf(
            { year: y, month: mo, day: d + Math.floor(m / 1440), hour: 0, minute: m % 1440 },
            this.timeZone,
          );
        const start = at(rule.startMinute);
        const end = at(rule.endMinute);
        // A window inside a spring-forward gap can collapse to nothing.
        if (end > start && end > from && start < to) raw.push({ start, end });
      }
    }
    raw.sort((a, b) => a.start - b.start);
    const merged: Interval[] = [];
    for (const iv of raw) {
      const last = merged.at(-1);
      if (last && iv.start <= last.end) last.end = Math.max(last.end, iv.end);
      else merged.push({ ...iv });
    }
    return merged;
  }

  /** Whether the schedule is open at `now`, and its next opening and closing. */
  state(now: number): ScheduleState {
    if (this.alwaysOpen) return { open: true, opensAt: null, closesAt: null };
    // 16 days ahead: a weekly window's edges always fall inside; an interval that
    // lasts past 8 days covers the whole week and never closes.
    const horizon = now + 16 * DAY_MS;
    const ivs = this.intervals(now - DAY_MS, horizon);
    const unbounded = (iv: Interval) => iv.end - Math.max(iv.start, now) > 8 * DAY_MS;
    const current = ivs.find((iv) => iv.start <= now && now < iv.end);
    if (current) {
      if (unbounded(current)) return { open: true, opensAt: null, closesAt: null };
      const next = ivs.find((iv) => iv.start >= current.end);
      return { open: true, opensAt: next?.start ?? null, closesAt: current.end };
    }
    const next = ivs.find((iv) => iv.start > now);
    if (!next) return { open: false, opensAt: null, closesAt: null };
    return { open: false, opensAt: next.start, closesAt: unbounded(next) ? null : next.end };
  }

  /** Milliseconds of opening hours inside [from, to). */
  openMsBetween(from: number, to: number): number {
    return this.intervals(from, to).reduce(
      (sum, iv) => sum + Math.max(0, Math.min(iv.end, to) - Math.max(iv.start, from)),
      0,
    );
  }
}
