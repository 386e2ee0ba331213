import { describe, expect, it } from 'vitest';
import type { Emoji, Job } from '../api.ts';
import { applyJobEvent, isFinished, parseJobEvent } from './job-events.ts';

function emoji(index: number, action: string): Emoji {
  return {
    index,
    action,
    label: action,
    status: 'pending',
    assetUrl: null,
    bytes: null,
    validation: null,
    error: null,
  };
}

function job(overrides: Partial<Job> = {}): Job {
  return {
    id: 'j1',
    status: 'queued',
    stage: 'prepare',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    error: null,
    source: { kind: 'character', character: 'blob', color: '#7cc6fe' },
    platforms: ['line-emoji', 'discord-emoji'],
    progress: { done: 0, total: 2 },
    emojis: [emoji(0, 'hello'), emoji(1, 'love')],
    downloads: {},
    ...overrides,
  };
}

const validation = { 'line-emoji': { ok: true, bytes: 100, checks: [] } };

describe('parseJobEvent', () => {
  it('parses an emoji.completed message', () => {
    const data = JSON.stringify({ index: 1, action: 'love', assetUrl: '/a/1.png', bytes: 100, validation });
    expect(parseJobEvent('emoji.completed', data)).toEqual({
      type: 'emoji.completed',
      index: 1,
      action: 'love',
      assetUrl: '/a/1.png',
      bytes: 100,
      validation,
    });
  });

  it('parses an emoji.paused message with when it was recorded', () => {
    const data = JSON.stringify({
      index: 3,
      action: 'cry',
      stage: 'animate',
      at: '2025-01-01T00:05:00.000Z',
    });
    expect(parseJobEvent('emoji.paused', data)).toEqual({
      type: 'emoji.paused',
      index: 3,
      at: Date.parse('2025-01-01T00:05:00.000Z'),
    });
    expect(parseJobEvent('emoji.paused', '{"index":1}')).toEqual({
      type: 'emoji.paused',
      index: 1,
      at: null,
    });
  });

  it('parses an emoji.failed message, with a reason even when none is sent', () => {
    expect(parseJobEvent('emoji.failed', '{"index":2,"reason":"too big"}')).toEqual({
      type: 'emoji.failed',
      index: 2,
      reason: 'too big',
    });
    expect(parseJobEvent('emoji.failed', '{"index":2}')).toMatchObject({ reason: expect.any(String) });
  });

  it('ignores malformed data and unknown types', () => {
    expect(parseJobEvent('emoji.completed', 'not json')).toBeNull();
    expect(parseJobEvent('emoji.completed', '{"index":"x"}')).toBeNull();
    expect(parseJobEvent('job.stage_completed', '{"stage":"warp"}')).toBeNull();
    expect(parseJobEvent('job.exploded', '{}')).toBeNull();
    expect(parseJobEvent('emoji.paused', '{"index":"x"}')).toBeNull();
    expect(parseJobEvent('emoji.failed', '{}')).toBeNull();
  });

  it('gives a failed job a reason even when the server sends none', () => {
    expect(parseJobEvent('job.failed', '{}')).toEqual({ type: 'job.failed', reason: expect.any(String) });
  });
});

describe('applyJobEvent', () => {
  it('fills in a completed emoji and advances progress', () => {
    const next = applyJobEvent(job(), {
      type: 'emoji.completed',
      index: 1,
      action: 'love',
      assetUrl: '/a/1.png',
      bytes: 100,
      validation,
    });
    expect(next.emojis[1]).toMatchObject({ status: 'completed', assetUrl: '/a/1.png', bytes: 100 });
    expect(next.emojis[0].status).toBe('pending');
    expect(next.progress).toEqual({ done: 1, total: 2 });
    expect(next.status).toBe('running');
  });

  it('files the event’s asset under the first platform the job makes', () => {
    const event = {
      type: 'emoji.completed' as const,
      index: 0,
      action: 'hello',
      assetUrl: '/a/0.gif',
      bytes: 7,
      validation: null,
    };
    const telegramFirst = job({ platforms: ['telegram-sticker', 'discord-emoji'] });
    const expected = { assetUrls: { 'discord-emoji': '/a/0.gif' }, sizes: { 'discord-emoji': 7 } };
    // Known unavailable platforms are skipped…
    const known = job({ ...telegramFirst, unavailable: { 'telegram-sticker': 'no ffmpeg' } });
    expect(applyJobEvent(known, event).emojis[0]).toMatchObject(expected);
    // …and the verdicts name the made platforms even before the page knows one was set aside.
    const report = { ok: true, bytes: 7, checks: [] };
    const withVerdicts = { ...event, validation: { 'discord-emoji': report } };
    expect(applyJobEvent(telegramFirst, withVerdicts).emojis[0]).toMatchObject(expected);
  });

  it('marks a failed emoji with its reason and counts it as finished', () => {
    const next = applyJobEvent(job(), { type: 'emoji.failed', index: 1, reason: 'breaks the byte cap' });
    expect(next.emojis[1]).toMatchObject({ status: 'failed', error: 'breaks the byte cap' });
    expect(next.progress.done).toBe(1);
  });

  it('counts a replayed emoji event once', () => {
    const event = {
      type: 'emoji.completed' as const,
      index: 0,
      action: 'hello',
      assetUrl: '/a/0.png',
      bytes: 1,
      validation: null,
    };
    expect(applyJobEvent(applyJobEvent(job(), event), event).progress.done).toBe(1);
  });

  it('moves to the stage after the completed one, never backwards', () => {
    const animating = applyJobEvent(job(), { type: 'job.stage_completed', stage: 'prepare' });
    expect(animating.stage).toBe('animate');
    expect(applyJobEvent(animating, { type: 'job.stage_completed', stage: 'prepare' }).stage).toBe('animate');
  });

  it('marks the job finished on completion or failure', () => {
    expect(isFinished(applyJobEvent(job(), { type: 'job.completed' }))).toBe(true);
    const failed = applyJobEvent(job(), { type: 'job.failed', reason: 'GPU worker unreachable' });
    expect(failed).toMatchObject({ status: 'failed', error: 'GPU worker unreachable' });
  });
});

describe('applyJobEvent with emoji.paused', () => {
  const at = (iso: string) => Date.parse(iso);
  const running = job({ status: 'running', stage: 'animate', updatedAt: '2025-01-01T00:01:00Z' });

  it('pauses a running job live', () => {
    const next = applyJobEvent(running, { type: 'emoji.paused', index: 0, at: at('2025-01-01T00:02:00Z') });
    expect(next.status).toBe('paused');
    expect(next.emojis).toBe(running.emojis);
  });

  it('keeps a job paused while work already in flight finishes', () => {
    const paused = applyJobEvent(running, { type: 'emoji.paused', index: 1, at: at('2025-01-01T00:02:00Z') });
    const next = applyJobEvent(paused, {
      type: 'emoji.completed',
      index: 0,
      action: 'hello',
      assetUrl: '/a/0.png',
      bytes: 1,
      validation: null,
    });
    expect(next.status).toBe('paused');
    expect(next.emojis[0].status).toBe('completed');
  });

  it('ignores a replayed pause from off hours that ended before the job was fetched', () => {
    const resumed = job({ status: 'running', stage: 'animate', updatedAt: '2025-01-01T08:00:00Z' });
    const old = { type: 'emoji.paused' as const, index: 0, at: at('2025-01-01T00:02:00Z') };
    expect(applyJobEvent(resumed, old).status).toBe('running');
  });

  it('never pauses a finished job', () => {
    const done = job({ status: 'completed', stage: 'done' });
    expect(applyJobEvent(done, { type: 'emoji.paused', index: 0, at: null }).status).toBe('completed');
  });
});
