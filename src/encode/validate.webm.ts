/**
 * Checks a WebM video sticker against its platform's rules. Structure, codec, tracks,
 * size, timing and frame rate come from our EBML parser; the first frame's pixels come
 * from libvpx, in this process (vp9.decoder.ts), so every rule is checked on any machine.
 * A first block with laced frames, which our parser does not split, is decoded by ffmpeg
 * where it is installed and reported as not checked elsewhere.
 */
import type { PlatformRules } from '../domain/platforms.ts';
import type { ValidationCheck } from '../domain/validation.ts';
import {
  type AnimationFacts,
  bytesCheck,
  firstFrameCheck,
  msFraction,
  ruleChecks,
} from './validate.checks.ts';
import { decodeVp9Keyframe } from './vp9.decoder.ts';
import { decodeWebmFirstFrame } from './webm.encoder.ts';
import { parseWebm, type WebmInfo } from './webm.parser.ts';

const check = (rule: string, ok: boolean, message: string): ValidationCheck => ({ rule, ok, message });

/** Frame times: the gaps between blocks, the last one running to the end of the segment. */
function delays(info: WebmInfo, track: number, fallbackMs: number) {
  const blocks = info.blocks.filter((b) => b.track === track);
  const times = blocks.flatMap((b) => Array.from({ length: b.frames }, () => b.timeMs));
  const end = info.durationMs ?? (times.length > 0 ? (times.at(-1) ?? 0) + fallbackMs : 0);
  return times.map((t, i) => msFraction((i + 1 < times.length ? times[i + 1] : end) - t));
}

function containerChecks(info: WebmInfo, rules: PlatformRules): ValidationCheck[] {
  const video = info.tracks.filter((t) => t.type === 1);
  const audio = info.tracks.filter((t) => t.type === 2);
  const others = info.tracks.filter((t) => t.type !== 1 && t.type !== 2);
  const formatOk = info.docType === 'webm' && video.length === 1 && others.length === 0;
  const out = [
    check(
      'format',
      formatOk,
      formatOk
        ? 'WebM with one video track'
        : `expected a WebM with exactly one video track, got doc type "${info.docType}" with ${video.length} video and ${others.length} other tracks`,
    ),
  ];
  if (rules.videoCodec) {
    const codecs = video.map((t) => t.codecId).join(', ') || 'none';
    const ok = video.length > 0 && video.every((t) => t.codecId === rules.videoCodec);
    out.push(check('codec', ok, `video codec ${codecs}${ok ? '' : `, expected ${rules.videoCodec}`}`));
  }
  if (rules.noAudio) {
    out.push(
      check(
        'audio',
        audio.length === 0,
        audio.length === 0
          ? 'no audio track'
          : `${audio.length} audio track(s) (${audio.map((t) => t.codecId).join(', ')}), expected none`,
      ),
    );
  }
  return out;
}

export interface WebmCheckOptions {
  /** ffmpeg binary for a laced first block (default `ffmpeg` on PATH). */
  ffmpeg?: string;
  /** false: check the container alone and report the first frame as not checked (default true). */
  decodeVideo?: boolean;
}

/** Every check of a WebM platform, decode first. */
export async function webmChecks(
  buf: Uint8Array,
  rules: PlatformRules,
  opts: WebmCheckOptions = {},
): Promise<ValidationCheck[]> {
  let info: WebmInfo;
  try {
    info = parseWebm(buf);
  } catch (err) {
    const reason = `cannot decode the file: ${(err as Error).message}`;
    return [{ rule: 'decode', ok: false, message: reason }, bytesCheck(buf.length, rules)];
  }
  const video = info.tracks.find((t) => t.type === 1);
  const blocks = info.blocks.filter((b) => b.track === video?.number);
  const width = video?.width ?? 0;
  const height = video?.height ?? 0;
  const fallbackMs = video?.defaultDurationNs ? video.defaultDurationNs / 1e6 : 0;
  const facts: AnimationFacts = {
    width,
    height,
    frameCount: blocks.reduce((n, b) => n + b.frames, 0),
    delays: video ? delays(info, video.number, fallbackMs) : [],
    plays: null,
    hasAlpha: video?.alphaMode === 1 && blocks.length > 0 && blocks[0].additions,
    alphaDetail:
      video?.alphaMode === 1 ? 'the first frame has no alpha block' : 'the video track has no AlphaMode 1',
    firstFrame: null,
  };
  let first: ValidationCheck;
  if (blocks.length === 0) first = check('first_frame', false, 'first frame: the video has no frames');
  else if (!blocks[0].keyframe)
    first = check('first_frame', false, 'first frame: the first block is not a keyframe');
  else {
    try {
      const { frame, alpha } = blocks[0];
      if (opts.decodeVideo === false) facts.firstFrameNote = 'only the container was asked for';
      else if (frame) facts.firstFrame = await decodeVp9Keyframe(frame, alpha, width, height);
      else {
        facts.firstFrame = await decodeWebmFirstFrame(buf, width, height, opts.ffmpeg);
        facts.firstFrameNote = 'the first block is laced, and ffmpeg is not available to decode it here';
      }
      first = firstFrameCheck(facts);
    } catch (err) {
      first = check('first_frame', false, `first frame does not decode: ${(err as Error).message}`);
    }
  }
  return [
    { rule: 'decode', ok: true, message: 'parses as Matroska/WebM' },
    ...containerChecks(info, rules),
    ...ruleChecks(facts, rules),
    bytesCheck(buf.length, rules),
    first,
  ];
}
