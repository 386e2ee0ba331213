import { describe, expect, it } from 'vitest';
import { buildWebm, evenTimes, VP9_TRACK } from './webm.fixtures.ts';
import { parseWebm } from './webm.parser.ts';

describe('parseWebm', () => {
  it('reads doc type, duration, tracks and every block', () => {
    const info = parseWebm(
      buildWebm({
        durationMs: 2000,
        tracks: [{ ...VP9_TRACK, defaultDurationNs: 125_000_000 }],
        frameTimesMs: evenTimes(16, 2000),
      }),
    );
    expect(info.docType).toBe('webm');
    expect(info.durationMs).toBe(2000);
    expect(info.tracks).toEqual([
      {
        number: 1,
        type: 1,
        codecId: 'V_VP9',
        width: 512,
        height: 512,
        alphaMode: 1,
        defaultDurationNs: 125_000_000,
      },
    ]);
    expect(info.blocks).toHaveLength(16);
    const { frame, ...rest } = info.blocks[1];
    expect(rest).toEqual({
      track: 1,
      timeMs: 125,
      keyframe: false,
      frames: 1,
      additions: false,
      alpha: null,
    });
    expect(Array.from(frame ?? [])).toEqual([1, 2, 3, 4]);
    expect(info.blocks[0].keyframe).toBe(true);
  });

  it('reads BlockGroups: alpha additions and keyframes from the absence of a reference', () => {
    const info = parseWebm(
      buildWebm({ durationMs: 1000, tracks: [VP9_TRACK], frameTimesMs: [0, 500], groups: true }),
    );
    expect(info.blocks.map((b) => [b.keyframe, b.additions])).toEqual([
      [true, true],
      [false, true],
    ]);
    // The coded frame and the alpha plane's frame (BlockAddID 1) are handed out as bytes.
    expect(info.blocks.map((b) => [Array.from(b.frame ?? []), Array.from(b.alpha ?? [])])).toEqual([
      [
        [1, 2, 3, 4],
        [9, 9],
      ],
      [
        [1, 2, 3, 4],
        [9, 9],
      ],
    ]);
  });

  it('reads an unknown-size (live) cluster up to the end of the segment', () => {
    const info = parseWebm(
      buildWebm({ tracks: [VP9_TRACK], frameTimesMs: [0, 100, 200], unknownClusterSize: true }),
    );
    expect(info.blocks.map((b) => b.timeMs)).toEqual([0, 100, 200]);
    expect(info.durationMs).toBeNull();
  });

  it('refuses files that are not EBML or whose elements overrun their parent', () => {
    expect(() => parseWebm(Buffer.from('RIFF....WEBP'))).toThrow(/Malformed WebM/);
    const good = buildWebm({ durationMs: 1000, tracks: [VP9_TRACK], frameTimesMs: [0] });
    expect(() => parseWebm(good.subarray(0, good.length - 3))).toThrow(/runs past its parent|truncated/);
    expect(() => parseWebm(Buffer.alloc(0))).toThrow(/no EBML header/);
  });
});
