/**
 * Checks a GIF against its platform's rules by decoding every frame (gif.decoder.ts),
 * keeping only the first one's pixels.
 */
import type { PlatformRules } from '../domain/platforms.ts';
import type { ValidationCheck } from '../domain/validation.ts';
import { type GifInfo, readGif } from './gif.decoder.ts';
import {
  type AnimationFacts,
  bytesCheck,
  firstFrameCheck,
  MotionWatch,
  motionCheck,
  ruleChecks,
} from './validate.checks.ts';

/** Every check of a GIF platform, decode first; undecodable input yields a failed decode check. */
export function gifChecks(buf: Uint8Array, rules: PlatformRules): ValidationCheck[] {
  let gif: GifInfo;
  const watch = new MotionWatch();
  try {
    gif = readGif(buf, (canvas) => watch.see(canvas));
  } catch (err) {
    const reason = `cannot decode the file: ${(err as Error).message}`;
    return [{ rule: 'decode', ok: false, message: reason }, bytesCheck(buf.length, rules)];
  }
  const n = gif.frames.length;
  const facts: AnimationFacts = {
    width: gif.width,
    height: gif.height,
    frameCount: n,
    delays: gif.frames.map((f) => ({ num: BigInt(f.delayCs), den: 100n })),
    // Without a NETSCAPE block a GIF plays once; with one, count n means n more plays (0 = forever).
    plays: gif.loopCount === null ? 1 : gif.loopCount === 0 ? 0 : gif.loopCount + 1,
    hasAlpha: gif.hasTransparency,
    alphaDetail: 'no frame declares a transparent colour index',
    firstFrame: watch.first,
  };
  return [
    { rule: 'decode', ok: true, message: 'decodes as GIF' },
    {
      rule: 'format',
      ok: n > 1,
      message: n > 1 ? `animated GIF with ${n} frames` : 'expected an animated GIF, got a single image',
    },
    ...ruleChecks(facts, rules),
    bytesCheck(buf.length, rules),
    firstFrameCheck(facts),
    motionCheck(watch.moving, n),
  ];
}
