import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  AvailabilityBanner,
  formatCountdown,
  formatOpening,
  parseAvailability,
} from '../web/src/components/AvailabilityBanner.tsx';

const render = (availability: Parameters<typeof AvailabilityBanner>[0]['availability']) =>
  renderToStaticMarkup(createElement(AvailabilityBanner, { availability }));

describe('the off-hours banner', () => {
  it('shows nothing while open or before the first answer', () => {
    expect(render(null)).toBe('');
    expect(render({ open: true, opensAt: null, closesAt: null, timezone: 'UTC' })).toBe('');
  });

  it('announces the opening as a status, in the reader’s own zone, with a countdown', () => {
    const opensAt = new Date(Date.now() + 2 * 3_600_000 + 5 * 60_000).toISOString();
    const html = render({ open: false, opensAt, closesAt: null, timezone: 'Asia/Tokyo' });
    expect(html).toContain('role="status"');
    expect(html).toContain(`<time dateTime="${opensAt}">${formatOpening(opensAt)}</time>`);
    expect(html).toMatch(/aria-hidden="true">2:0[45]:\d\d</);
    expect(html).toContain('in about 2 hours');
  });

  it('says “soon” when no opening time is known', () => {
    expect(render({ open: false, opensAt: null, closesAt: null, timezone: 'UTC' })).toContain(
      'open again soon',
    );
  });
});

describe('banner helpers', () => {
  it('formats the countdown as h:mm:ss, days beyond a day, and never below zero', () => {
    expect(formatCountdown(2 * 3_600_000 + 5 * 60_000 + 9000)).toBe('2:05:09');
    expect(formatCountdown(3 * 86_400_000 + 4 * 3_600_000)).toBe('3 d 4 h');
    expect(formatCountdown(-5000)).toBe('0:00:00');
  });

  it('writes the opening in a given zone with its zone name', () => {
    const text = formatOpening('2026-03-02T10:00:00Z', 'Asia/Tokyo');
    expect(text).toMatch(/Mon/);
    expect(text).toMatch(/7:00|19:00/);
  });

  it('accepts only a well-formed reply', () => {
    expect(
      parseAvailability({ open: false, opensAt: '2026-03-02T10:00:00Z', closesAt: 'nope', timezone: 'UTC' }),
    ).toEqual({
      open: false,
      opensAt: '2026-03-02T10:00:00Z',
      closesAt: null,
      timezone: 'UTC',
    });
    expect(parseAvailability({ open: 'yes' })).toBeNull();
    expect(parseAvailability(null)).toBeNull();
  });
});
