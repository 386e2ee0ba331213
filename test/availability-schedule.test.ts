import { describe, expect, it } from 'vitest';
import { parseWindows, Schedule, ScheduleError } from '../src/availability/schedule.ts';
import { instantOf } from '../src/availability/zoned-time.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
const HOUR = 3_600_000;

describe('opening hours', () => {
  const tokyo = Schedule.parse('Mon-Sun 19:00-24:00', 'Asia/Tokyo');

  it('is open from 19:00 to midnight in Tokyo, and says when it closes', () => {
    const s = tokyo.state(at('2026-03-02T10:30:00Z')); // 19:30 JST, a Monday
    expect(s.open).toBe(true);
    expect(iso(s.closesAt)).toBe('2026-03-02T15:00:00.000Z'); // 24:00 JST
    expect(iso(s.opensAt)).toBe('2026-03-03T10:00:00.000Z'); // the next evening
  });

  it('is closed in the morning and names the evening opening and closing', () => {
    const s = tokyo.state(at('2026-03-02T01:00:00Z')); // 10:00 JST
    expect(s).toEqual({
      open: false,
      opensAt: at('2026-03-02T10:00:00Z'),
      closesAt: at('2026-03-02T15:00:00Z'),
    });
  });

  it('treats a window ending at 24:00 as closed at midnight exactly', () => {
    expect(tokyo.state(at('2026-03-02T14:59:59Z')).open).toBe(true);
    expect(tokyo.state(at('2026-03-02T15:00:00Z')).open).toBe(false);
  });

  it('keeps a window that crosses midnight open into the next day', () => {
    const s = Schedule.parse('Fri,Sat 22:00-02:00', 'UTC');
    expect(s.state(at('2026-03-07T01:00:00Z')).open).toBe(true); // Saturday 01:00, Friday's window
    expect(s.state(at('2026-03-08T01:30:00Z')).open).toBe(true); // Sunday 01:30, Saturday's window
    const monday = s.state(at('2026-03-09T01:00:00Z'));
    expect(monday.open).toBe(false);
    expect(iso(monday.opensAt)).toBe('2026-03-13T22:00:00.000Z');
  });

  it('merges touching windows into one and reports its real closing', () => {
    const s = Schedule.parse('Mon 18:00-24:00; Tue 00:00-01:00', 'UTC');
    expect(iso(s.state(at('2026-03-02T23:00:00Z')).closesAt)).toBe('2026-03-03T01:00:00.000Z');
  });

  it('is always open without a schedule, and when the windows cover the whole week', () => {
    expect(Schedule.parse('', 'Asia/Tokyo').state(0)).toEqual({ open: true, opensAt: null, closesAt: null });
    expect(Schedule.parse('daily 00:00-24:00', 'Europe/London').state(at('2026-03-29T01:30:00Z'))).toEqual({
      open: true,
      opensAt: null,
      closesAt: null,
    });
  });

  it('counts 35 opening hours in a week of 19:00-24:00 evenings', () => {
    expect(tokyo.openMsBetween(at('2026-03-02T00:00:00Z'), at('2026-03-09T00:00:00Z'))).toBe(35 * HOUR);
  });
});

describe('opening hours across DST changes', () => {
  const ny = (spec: string) => Schedule.parse(spec, 'America/New_York');

  it('opens at 19:00 local on both sides of the spring change (New York, 2026-03-08)', () => {
    const s = ny('daily 19:00-24:00');
    expect(
      s
        .intervals(at('2026-03-07T12:00:00Z'), at('2026-03-09T12:00:00Z'))
        .map((i) => [iso(i.start), iso(i.end)]),
    ).toEqual([
      ['2026-03-08T00:00:00.000Z', '2026-03-08T05:00:00.000Z'], // Saturday, EST
      ['2026-03-08T23:00:00.000Z', '2026-03-09T04:00:00.000Z'], // Sunday, EDT
    ]);
  });

  it('makes a window spanning the skipped hour one hour shorter, and the repeated hour one longer', () => {
    const spring = ny('Sun 01:00-04:00').intervals(at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'));
    expect(spring.map((i) => (i.end - i.start) / HOUR)).toEqual([2]);
    const fall = ny('Sun 00:00-03:00').intervals(at('2026-11-01T00:00:00Z'), at('2026-11-02T00:00:00Z'));
    expect(fall.map((i) => [iso(i.start), (i.end - i.start) / HOUR])).toEqual([
      ['2026-11-01T04:00:00.000Z', 4],
    ]);
  });

  it('starts a window that begins in the spring gap just after it (02:30 → 03:30 EDT)', () => {
    const s = ny('Sun 02:30-05:00').intervals(at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'));
    expect(s.map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2026-03-08T07:30:00.000Z', '2026-03-08T09:00:00.000Z'],
    ]);
  });

  it('starts a window that begins in the repeated autumn hour at its first occurrence', () => {
    expect(iso(instantOf({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York'))).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('follows British Summer Time in London (2026-03-29 and 2026-10-25)', () => {
    const s = Schedule.parse('Sun 00:00-03:00', 'Europe/London');
    const hours = (from: string, to: string) =>
      s.intervals(at(from), at(to)).map((i) => [iso(i.start), (i.end - i.start) / HOUR]);
    expect(hours('2026-03-28T12:00:00Z', '2026-03-30T00:00:00Z')).toEqual([['2026-03-29T00:00:00.000Z', 2]]);
    expect(hours('2026-10-24T12:00:00Z', '2026-10-26T00:00:00Z')).toEqual([['2026-10-24T23:00:00.000Z', 4]]);
  });

  it('closes at local midnight on the day the clocks change', () => {
    const s = ny('Sun 19:00-24:00').state(at('2026-03-09T03:59:00Z'));
    expect(s.open).toBe(true);
    expect(iso(s.closesAt)).toBe('2026-03-09T04:00:00.000Z');
  });
});

describe('the windows setting', () => {
  it('accepts names, ranges that wrap, lists and daily', () => {
    expect(parseWindows('Fri-Mon 10:00-12:00').map((w) => w.days)).toEqual([[0, 4, 5, 6]]);
    expect(parseWindows('sat, sunday 09:30-10:00; daily 19:00-24:00')).toHaveLength(2);
  });

  it.each([
    ['Mon 25:00-26:00', /bad time/],
    ['Funday 10:00-11:00', /unknown day/],
    ['Mon 10:00', /not like/],
    ['Mon 24:00-01:00', /cannot start at 24:00/],
  ])('refuses %s', (spec, message) => {
    expect(() => parseWindows(spec)).toThrow(ScheduleError);
    expect(() => parseWindows(spec)).toThrow(message);
  });

  it('refuses a time zone that is not IANA', () => {
    expect(() => Schedule.parse('daily 19:00-24:00', 'Mars/Olympus')).toThrow(/unknown time zone/);
  });
});
