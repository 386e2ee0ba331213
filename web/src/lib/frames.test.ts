import { describe, expect, it } from 'vitest';
import { clampFrame, frameLabel, frameTimeline, frameTiming, seconds, stripStyle } from './frames.ts';

const delays = [120, 130, 120, 130];

describe('frameTimeline', () => {
  it('adds up the delays into start times and the loop length', () => {
    expect(frameTimeline(delays)).toEqual({ starts: [0, 120, 250, 370], totalMs: 500 });
    expect(frameTimeline([])).toEqual({ starts: [], totalMs: 0 });
  });
});

describe('stripStyle', () => {
  it('scales the strip so one frame fills the square and shifts it to the frame', () => {
    expect(stripStyle(2, 16, 256)).toEqual({
      backgroundSize: '4096px 256px',
      backgroundPosition: '-512px 0px',
    });
  });

  it('never shifts past the last frame', () => {
    expect(stripStyle(20, 4, 100).backgroundPosition).toBe('-300px 0px');
    expect(clampFrame(-3, 4)).toBe(0);
    expect(clampFrame(1.6, 4)).toBe(2);
  });
});

describe('labels', () => {
  it('numbers frames from 1 and says how long each shows', () => {
    expect(frameLabel(0, 16)).toBe('Frame 1 of 16');
    expect(frameTiming(delays, 2)).toBe('shows 120 ms, from 0.25 s of 0.5 s');
    expect(seconds(2000)).toBe('2 s');
    expect(frameTiming([], 0)).toBe('');
  });
});
