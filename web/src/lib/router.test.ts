import { describe, expect, it } from 'vitest';
import { isModifiedClick, jobPath, matchRoute, refinePath, SETS_PATH } from './router.ts';

describe('matchRoute', () => {
  it('matches the landing page', () => {
    expect(matchRoute('/')).toEqual({ name: 'landing' });
  });

  it('matches the editor with or without a trailing slash', () => {
    expect(matchRoute('/create')).toEqual({ name: 'create' });
    expect(matchRoute('/create/')).toEqual({ name: 'create' });
  });

  it('extracts and decodes a job id', () => {
    expect(matchRoute('/jobs/abc123')).toEqual({ name: 'job', id: 'abc123' });
    expect(matchRoute('/jobs/a%20b')).toEqual({ name: 'job', id: 'a b' });
  });

  it('round-trips ids through jobPath', () => {
    expect(matchRoute(jobPath('id/with?odd#chars'))).toEqual({ name: 'job', id: 'id/with?odd#chars' });
  });

  it('matches a set’s refine page and the archive', () => {
    expect(matchRoute('/jobs/abc123/refine')).toEqual({ name: 'refine', id: 'abc123' });
    expect(matchRoute(refinePath('a/b'))).toEqual({ name: 'refine', id: 'a/b' });
    expect(matchRoute(`${SETS_PATH}/`)).toEqual({ name: 'sets' });
    expect(matchRoute('/jobs/abc/refine/more').name).toBe('not-found');
  });

  it('treats unknown, nested and malformed paths as not found', () => {
    expect(matchRoute('/nope').name).toBe('not-found');
    expect(matchRoute('/jobs').name).toBe('not-found');
    expect(matchRoute('/jobs/a/b').name).toBe('not-found');
    expect(matchRoute('/jobs/%E0%A4%A').name).toBe('not-found');
  });
});

describe('isModifiedClick', () => {
  const plain = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false };

  it('lets a plain left click be handled in-app', () => {
    expect(isModifiedClick(plain)).toBe(false);
  });

  it('leaves ctrl/cmd clicks and middle clicks to the browser', () => {
    expect(isModifiedClick({ ...plain, ctrlKey: true })).toBe(true);
    expect(isModifiedClick({ ...plain, metaKey: true })).toBe(true);
    expect(isModifiedClick({ ...plain, button: 1 })).toBe(true);
  });
});
