/**
 * A literal WebM (EBML) writer for parser and validator tests: tracks, timings and block
 * flags are spelled out, so tests can build files ffmpeg would never write (an audio track,
 * VP8, 50 fps, a first frame that is not a keyframe). Block payloads are placeholders, not
 * VP9. Not used by production code.
 */

export interface RawTrack {
  number: number;
  type: number;
  codec: string;
  width?: number;
  height?: number;
  alphaMode?: number;
  defaultDurationNs?: number;
}

export interface RawWebm {
  docType?: string;
  /** Segment duration in ms (Info/Duration with a 1 ms timestamp scale); omitted when undefined. */
  durationMs?: number;
  tracks: RawTrack[];
  /** Block times in ms of track 1, each a SimpleBlock unless `groups`. */
  frameTimesMs: number[];
  /** Write blocks as BlockGroups with a BlockAdditions (alpha) element. */
  groups?: boolean;
  /** Index of blocks written without the keyframe flag (default: all but the first). */
  keyframes?: (i: number) => boolean;
  /** Write the cluster with an unknown (live) size. */
  unknownClusterSize?: boolean;
  /** The first block's coded frame and alpha frame (default: placeholder bytes that are not VP9). */
  firstFrame?: { frame: Uint8Array; alpha: Uint8Array };
  /** Write the first block as two laced frames (Xiph lacing). */
  lacedFirstBlock?: boolean;
}

/** Block contents: placeholder bytes except where the spec gives real ones. */
interface BlockSpec {
  timeMs: number;
  key: boolean;
  groups: boolean;
  frame: number[];
  alpha: number[];
  laced: boolean;
}

function vintSize(n: number): number[] {
  for (let len = 1; len <= 8; len++) {
    if (n < 2 ** (7 * len) - 1) {
      const out: number[] = [];
      let v = n;
      for (let i = 0; i < len; i++) {
        out.unshift(v % 256);
        v = Math.floor(v / 256);
      }
      out[0] |= 0x80 >> (len - 1);
      return out;
    }
  }
  throw new Error(`size ${n} too large`);
}

function idBytes(id: number): number[] {
  const out: number[] = [];
  for (let v = id; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return out;
}

/** One EBML element. */
export function el(id: number, body: number[] | Uint8Array): number[] {
  return [...idBytes(id), ...vintSize(body.length), ...body];
}

const uint = (v: number) => {
  const out: number[] = [];
  for (let x = v; x > 0; x = Math.floor(x / 256)) out.unshift(x % 256);
  return out.length ? out : [0];
};
const str = (s: string) => [...Buffer.from(s, 'latin1')];
function f64(v: number): number[] {
  const b = Buffer.alloc(8);
  b.writeDoubleBE(v);
  return [...b];
}

function track(t: RawTrack): number[] {
  const video =
    t.type === 1
      ? el(0xe0, [
          ...el(0xb0, uint(t.width ?? 512)),
          ...el(0xba, uint(t.height ?? 512)),
          ...(t.alphaMode !== undefined ? el(0x53c0, uint(t.alphaMode)) : []),
        ])
      : [];
  return el(0xae, [
    ...el(0xd7, uint(t.number)),
    ...el(0x83, uint(t.type)),
    ...el(0x86, str(t.codec)),
    ...(t.defaultDurationNs ? el(0x23e383, uint(t.defaultDurationNs)) : []),
    ...video,
  ]);
}

function block(b: BlockSpec): number[] {
  const flags = (b.groups ? 0 : b.key ? 0x80 : 0) | (b.laced ? 0x02 : 0);
  // Xiph lacing: the number of frames less one, then each frame's size but the last.
  const lacing = b.laced ? [1, b.frame.length] : [];
  const frames = b.laced ? [...b.frame, ...b.frame] : b.frame;
  const body = [0x81, (b.timeMs >> 8) & 0xff, b.timeMs & 0xff, flags, ...lacing, ...frames];
  if (!b.groups) return el(0xa3, body);
  const additions = el(0x75a1, el(0xa6, [...el(0xee, [1]), ...el(0xa5, b.alpha)]));
  return el(0xa0, [...el(0xa1, body), ...additions, ...(b.key ? [] : el(0xfb, [0xff]))]);
}

/** Builds a WebM file from literal parts. */
export function buildWebm(spec: RawWebm): Buffer {
  const header = el(0x1a45dfa3, [...el(0x4286, [1]), ...el(0x4282, str(spec.docType ?? 'webm'))]);
  const info = el(0x1549a966, [
    ...el(0x2ad7b1, uint(1_000_000)),
    ...(spec.durationMs !== undefined ? el(0x4489, f64(spec.durationMs)) : []),
  ]);
  const tracks = el(0x1654ae6b, spec.tracks.flatMap(track));
  const isKey = spec.keyframes ?? ((i: number) => i === 0);
  const blocks = spec.frameTimesMs.flatMap((timeMs, i) => {
    const real = i === 0 ? spec.firstFrame : undefined;
    return block({
      timeMs,
      key: isKey(i),
      groups: spec.groups ?? false,
      frame: real ? [...real.frame] : [1, 2, 3, 4],
      alpha: real ? [...real.alpha] : [9, 9],
      laced: i === 0 && (spec.lacedFirstBlock ?? false),
    });
  });
  const clusterBody = [...el(0xe7, [0]), ...blocks];
  const cluster = spec.unknownClusterSize
    ? [0x1f, 0x43, 0xb6, 0x75, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, ...clusterBody]
    : el(0x1f43b675, clusterBody);
  return Buffer.from([...header, ...el(0x18538067, [...info, ...tracks, ...cluster])]);
}

/** A VP9 video track with alpha, as ffmpeg writes it for a Telegram sticker. */
export const VP9_TRACK: RawTrack = {
  number: 1,
  type: 1,
  codec: 'V_VP9',
  width: 512,
  height: 512,
  alphaMode: 1,
};

/** Frame times of `frames` evenly spread frames over `durationMs`, in whole ms. */
export const evenTimes = (frames: number, durationMs: number) =>
  Array.from({ length: frames }, (_, i) => Math.round((i * durationMs) / frames));
