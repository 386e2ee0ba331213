import { describe, expect, it } from 'vitest';
import {
  countsText,
  emptyText,
  isSetFilter,
  reopenTarget,
  SET_FILTERS,
  sourceName,
  stepText,
  withoutSet,
} from './archive.ts';

const counts = { total: 8, completed: 8, failed: 0, approved: 3, rendering: 0 };

describe('the status filter', () => {
  it('offers All, Finished, Failed and In progress, each a status= value of the API', () => {
    expect(SET_FILTERS.map((f) => [f.label, f.value])).toEqual([
      ['All', 'all'],
      ['Finished', 'completed'],
      ['Failed', 'failed'],
      ['In progress', 'unfinished'],
    ]);
    expect(isSetFilter('failed')).toBe(true);
    expect(isSetFilter('running')).toBe(false);
    expect(isSetFilter(null)).toBe(false);
  });

  it('says what an empty filter means', () => {
    expect(emptyText('all')).toBe('You haven’t made a set yet.');
    expect(emptyText('failed')).toBe('No failed sets.');
    expect(emptyText('unfinished')).toBe('Nothing is being made right now.');
  });
});

describe('stepText', () => {
  it('names the last step a set finished', () => {
    expect(stepText({ status: 'completed', lastStep: 'package' })).toBe('Every step done');
    expect(stepText({ status: 'failed', lastStep: 'animate' })).toBe('Stopped after animating');
    expect(stepText({ status: 'failed', lastStep: null })).toBe('Stopped before the cut-out');
    expect(stepText({ status: 'running', lastStep: 'prepare' })).toBe('Cut out · animating now');
    expect(stepText({ status: 'running', lastStep: null })).toBe('Cutting out the picture');
    expect(stepText({ status: 'paused', lastStep: 'animate' })).toBe('Paused · Animated');
    expect(stepText({ status: 'queued', lastStep: null })).toBe('Waiting to start');
  });
});

describe('countsText', () => {
  it('counts approved and failed emojis of a finished set', () => {
    expect(countsText({ status: 'completed', counts })).toBe('3 of 8 approved');
    expect(
      countsText({ status: 'failed', counts: { ...counts, completed: 6, failed: 2, approved: 0 } }),
    ).toBe('0 of 8 approved · 2 failed');
  });

  it('counts made emojis while the set is being made', () => {
    expect(countsText({ status: 'running', counts: { ...counts, completed: 5, approved: 0 } })).toBe(
      '5 of 8 made',
    );
  });
});

describe('sourceName', () => {
  it('names the upload’s file or the built-in character', () => {
    expect(sourceName({ source: { kind: 'upload', fileName: 'ring.png' } })).toBe('ring.png');
    expect(sourceName({ source: { kind: 'upload' } })).toBe('Your picture');
    expect(sourceName({ source: { kind: 'character', character: 'cat' } })).toBe('Cat');
  });
});

describe('reopenTarget', () => {
  it('reopens a set where it stopped', () => {
    expect(reopenTarget({ id: 'a', status: 'running', refinable: false })).toEqual({
      href: '/jobs/a',
      label: 'Watch progress',
    });
    expect(reopenTarget({ id: 'a', status: 'completed', refinable: true })).toEqual({
      href: '/jobs/a/refine',
      label: 'Refine',
    });
    expect(reopenTarget({ id: 'a', status: 'failed', refinable: true }).href).toBe('/jobs/a/refine');
    expect(reopenTarget({ id: 'a', status: 'failed', refinable: false })).toEqual({
      href: '/jobs/a',
      label: 'See what happened',
    });
  });
});

describe('withoutSet', () => {
  const sets = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('drops the deleted set and focuses the next one, or the one before at the end', () => {
    expect(withoutSet(sets, 'b')).toEqual({ sets: [{ id: 'a' }, { id: 'c' }], focus: 'c' });
    expect(withoutSet(sets, 'c')).toEqual({ sets: [{ id: 'a' }, { id: 'b' }], focus: 'b' });
    expect(withoutSet([{ id: 'a' }], 'a')).toEqual({ sets: [], focus: null });
    expect(withoutSet(sets, 'z').focus).toBeNull();
  });
});
