/**
 * WebM (Matroska/EBML) parser: doc type, duration, tracks (codec, size, alpha mode) and
 * every video block's time, read from the bytes so that Telegram files validate on a
 * machine without ffmpeg. Only the elements PopCon checks are interpreted.
 */
import { AppError } from '../domain/errors.ts';

export interface WebmTrack {
  number: number;
  /** Matroska TrackType: 1 video, 2 audio, others (subtitles, …). */
  type: number;
  codecId: string;
  width?: number;
  height?: number;
  /** Video AlphaMode element: 1 when the blocks carry an alpha plane. */
  alphaMode?: number;
  defaultDurationNs?: number;
}

export interface WebmBlock {
  track: number;
  timeMs: number;
  keyframe: boolean;
  /** Frames in the block (more than 1 only with lacing). */
  frames: number;
  /** Has BlockAdditions (where VP9 alpha lives). */
  additions: boolean;
  /** The coded frame, for a block without lacing (a view into the file). */
  frame: Uint8Array | null;
  /** The alpha plane's coded frame: the BlockAdditional with BlockAddID 1, when present. */
  alpha: Uint8Array | null;
}

export interface WebmInfo {
  docType: string;
  /** Segment duration from Info, in ms; null when absent. */
  durationMs: number | null;
  tracks: WebmTrack[];
  blocks: WebmBlock[];
}

const ID = {
  EBML: 0x1a45dfa3,
  DocType: 0x4282,
  Segment: 0x18538067,
  Info: 0x1549a966,
  TimestampScale: 0x2ad7b1,
  Duration: 0x4489,
  Tracks: 0x1654ae6b,
  TrackEntry: 0xae,
  TrackNumber: 0xd7,
  TrackType: 0x83,
  CodecID: 0x86,
  DefaultDuration: 0x23e383,
  Video: 0xe0,
  PixelWidth: 0xb0,
  PixelHeight: 0xba,
  AlphaMode: 0x53c0,
  Cluster: 0x1f43b675,
  Timestamp: 0xe7,
  SimpleBlock: 0xa3,
  BlockGroup: 0xa0,
  Block: 0xa1,
  BlockAdditions: 0x75a1,
  BlockMore: 0xa6,
  BlockAddID: 0xee,
  BlockAdditional: 0xa5,
  ReferenceBlock: 0xfb,
} as const;

/** Level-1 elements: an unknown-size cluster ends where one of these begins. */
const SEGMENT_CHILDREN = new Set([
  0x114d9b74,
  ID.Info,
  ID.Tracks,
  ID.Cluster,
  0x1c53bb6b,
  0x1254c367,
  0x1043a770,
  0x1941a469,
]);

function invalid(message: string): AppError {
  return new AppError('invalid_image', `Malformed WebM: ${message}`);
}

interface Element {
  id: number;
  start: number;
  /** End of the data; the parent's end for unknown-size elements. */
  end: number;
  dataStart: number;
  unknownSize: boolean;
}

/** Reads a variable-length integer; `keepMarker` for IDs. */
function vint(
  buf: Uint8Array,
  at: number,
  keepMarker: boolean,
): { value: number; length: number; allOnes: boolean } {
  if (at >= buf.length) throw invalid(`truncated element header at byte ${at}`);
  const first = buf[at];
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  if (length > 8) throw invalid(`invalid variable-length integer at byte ${at}`);
  if (at + length > buf.length) throw invalid(`truncated element header at byte ${at}`);
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + buf[at + i];
    if (buf[at + i] !== 0xff) allOnes = false;
  }
  return { value, length, allOnes };
}

/** The child elements of the data range [start, end). */
function children(buf: Uint8Array, start: number, end: number): Element[] {
  const out: Element[] = [];
  let at = start;
  while (at < end) {
    const id = vint(buf, at, true);
    const size = vint(buf, at + id.length, false);
    const dataStart = at + id.length + size.length;
    const unknownSize = size.allOnes;
    if (!unknownSize && dataStart + size.value > end) {
      throw invalid(`element 0x${id.value.toString(16)} at byte ${at} runs past its parent`);
    }
    let elEnd = unknownSize ? end : dataStart + size.value;
    if (unknownSize && id.value === ID.Cluster) {
      // An unknown-size (live) cluster ends at the next level-1 element.
      for (const child of children(buf, dataStart, end)) {
        if (SEGMENT_CHILDREN.has(child.id)) {
          elEnd = child.start;
          break;
        }
      }
    }
    out.push({ id: id.value, start: at, end: elEnd, dataStart, unknownSize });
    at = elEnd;
  }
  return out;
}

const data = (buf: Uint8Array, el: Element) => buf.subarray(el.dataStart, el.end);

function uint(buf: Uint8Array, el: Element): number {
  let v = 0;
  for (const b of data(buf, el)) v = v * 256 + b;
  return v;
}

function float(buf: Uint8Array, el: Element): number {
  const d = data(buf, el);
  const view = new DataView(d.buffer, d.byteOffset, d.length);
  if (d.length === 4) return view.getFloat32(0);
  if (d.length === 8) return view.getFloat64(0);
  throw invalid(`float element of ${d.length} bytes`);
}

const text = (buf: Uint8Array, el: Element) =>
  Buffer.from(data(buf, el)).toString('latin1').replace(/\0+$/, '');

function parseTrack(buf: Uint8Array, entry: Element): WebmTrack {
  const track: WebmTrack = { number: 0, type: 0, codecId: '' };
  for (const el of children(buf, entry.dataStart, entry.end)) {
    if (el.id === ID.TrackNumber) track.number = uint(buf, el);
    else if (el.id === ID.TrackType) track.type = uint(buf, el);
    else if (el.id === ID.CodecID) track.codecId = text(buf, el);
    else if (el.id === ID.DefaultDuration) track.defaultDurationNs = uint(buf, el);
    else if (el.id === ID.Video) {
      for (const v of children(buf, el.dataStart, el.end)) {
        if (v.id === ID.PixelWidth) track.width = uint(buf, v);
        else if (v.id === ID.PixelHeight) track.height = uint(buf, v);
        else if (v.id === ID.AlphaMode) track.alphaMode = uint(buf, v);
      }
    }
  }
  return track;
}

/** The BlockAdditional of BlockAddID 1 (the default ID) in a BlockAdditions element. */
function alphaAddition(buf: Uint8Array, additions: Element): Uint8Array | null {
  for (const more of children(buf, additions.dataStart, additions.end)) {
    if (more.id !== ID.BlockMore) continue;
    let addId = 1;
    let payload: Uint8Array | null = null;
    for (const m of children(buf, more.dataStart, more.end)) {
      if (m.id === ID.BlockAddID) addId = uint(buf, m);
      else if (m.id === ID.BlockAdditional) payload = data(buf, m);
    }
    if (addId === 1 && payload) return payload;
  }
  return null;
}

/** Track, relative time, keyframe flag and frame count of a (Simple)Block body. */
function parseBlock(body: Uint8Array, simple: boolean) {
  const track = vint(body, 0, false);
  if (body.length < track.length + 3) throw invalid('block shorter than its header');
  const rel = (body[track.length] << 8) | body[track.length + 1];
  const flags = body[track.length + 2];
  const lacing = (flags >> 1) & 3;
  const frames = lacing === 0 ? 1 : body[track.length + 3] + 1;
  return {
    track: track.value,
    rel: rel > 0x7fff ? rel - 0x10000 : rel,
    keyframe: simple ? (flags & 0x80) !== 0 : null,
    frames,
    frame: lacing === 0 ? body.subarray(track.length + 3) : null,
  };
}

/** Parses a WebM file; throws an `invalid_image` AppError on malformed input. */
export function parseWebm(buf: Uint8Array): WebmInfo {
  const top = children(buf, 0, buf.length);
  const ebml = top[0];
  if (!ebml || ebml.id !== ID.EBML) throw invalid('no EBML header (not a Matroska/WebM file)');
  const docType = children(buf, ebml.dataStart, ebml.end).find((e) => e.id === ID.DocType);
  const segment = top.find((e) => e.id === ID.Segment);
  if (!segment) throw invalid('no Segment element');
  const info: WebmInfo = {
    docType: docType ? text(buf, docType) : 'matroska',
    durationMs: null,
    tracks: [],
    blocks: [],
  };
  let scaleNs = 1_000_000;
  let rawDuration: number | null = null;
  for (const el of children(buf, segment.dataStart, segment.end)) {
    if (el.id === ID.Info) {
      for (const i of children(buf, el.dataStart, el.end)) {
        if (i.id === ID.TimestampScale) scaleNs = uint(buf, i);
        else if (i.id === ID.Duration) rawDuration = float(buf, i);
      }
    } else if (el.id === ID.Tracks) {
      for (const t of children(buf, el.dataStart, el.end))
        if (t.id === ID.TrackEntry) info.tracks.push(parseTrack(buf, t));
    } else if (el.id === ID.Cluster) {
      let clusterTime = 0;
      for (const c of children(buf, el.dataStart, el.end)) {
        if (c.id === ID.Timestamp) clusterTime = uint(buf, c);
        let body: Uint8Array | null = null;
        let additions = false;
        let alpha: Uint8Array | null = null;
        let references = false;
        if (c.id === ID.SimpleBlock) body = data(buf, c);
        else if (c.id === ID.BlockGroup) {
          for (const g of children(buf, c.dataStart, c.end)) {
            if (g.id === ID.Block) body = data(buf, g);
            else if (g.id === ID.BlockAdditions) {
              additions = true;
              alpha = alphaAddition(buf, g);
            } else if (g.id === ID.ReferenceBlock) references = true;
          }
          if (!body) throw invalid(`block group at byte ${c.start} has no block`);
        }
        if (!body) continue;
        const b = parseBlock(body, c.id === ID.SimpleBlock);
        const timeMs = ((clusterTime + b.rel) * scaleNs) / 1e6;
        // A Block in a BlockGroup is a keyframe when it references no other block.
        const keyframe = b.keyframe ?? !references;
        info.blocks.push({
          track: b.track,
          timeMs,
          keyframe,
          frames: b.frames,
          additions,
          frame: b.frame,
          alpha,
        });
      }
    }
  }
  if (rawDuration !== null) info.durationMs = (rawDuration * scaleNs) / 1e6;
  return info;
}
