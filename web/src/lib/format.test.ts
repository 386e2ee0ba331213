import { describe, expect, it } from 'vitest';
import { formatBytes, formatRelativeTime } from './format.ts';

describe('formatBytes', () => {
  it('uses B, KB and MB', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(84 * 1024)).toBe('84 KB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
  });
});

describe('formatRelativeTime', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');

  it('says just now, minutes and hours', () => {
    expect(formatRelativeTime('2025-06-01T11:59:50Z', now)).toBe('just now');
    expect(formatRelativeTime('2025-06-01T11:55:00Z', now)).toBe('5 min ago');
    expect(formatRelativeTime('2025-06-01T09:00:00Z', now)).toBe('3 h ago');
  });

  it('is empty for an unparseable date', () => {
    expect(formatRelativeTime('soon', now)).toBe('');
  });
});
