/**
 * Checks an APNG file against its platform's rules from PLATFORMS, by decoding it the way
 * a platform would. Every rule yields one check with a stable id (see validate.checks.ts).
 */
import { AppError } from '../domain/errors.ts';
import { PLATFORMS, type PlatformId } from '../domain/platforms.ts';
import type { ValidationCheck, ValidationReport } from '../domain/validation.ts';
import { type AnimationInfo, readApng } from './apng.decoder.ts';
import {
  type AnimationFacts,
  bytesCheck,
  type Fraction,
  firstFrameCheck,
  MotionWatch,
  motionCheck,
  ruleChecks,
  sumFractions,
} from './validate.checks.ts';

/** Sum of the frame delays in seconds as an exact reduced fraction. */
export function totalDelay(anim: AnimationInfo): Fraction {
  return sumFractions(anim.frames.map((f) => ({ num: BigInt(f.delayNum), den: BigInt(f.delayDen) })));
}

function apngFacts(anim: AnimationInfo, firstFrame: Uint8Array | null): AnimationFacts {
  return {
    width: anim.width,
    height: anim.height,
    frameCount: anim.frames.length,
    delays: anim.frames.map((f) => ({ num: BigInt(f.delayNum), den: BigInt(f.delayDen) })),
    plays: anim.numPlays,
    hasAlpha: anim.hasAlpha,
    alphaDetail: `colour type ${anim.colorType} without tRNS is opaque`,
    firstFrame,
  };
}

/** Decodes `buf` and checks it against every rule of an APNG platform; undecodable input fails, never throws. */
export function validateAnimatedFile(buf: Uint8Array, platform: PlatformId): ValidationReport {
  const rules = PLATFORMS[platform];
  if (rules.format !== 'apng') {
    throw new AppError(
      'bad_request',
      `validateAnimatedFile checks APNG platforms; ${platform} uses ${rules.format}`,
    );
  }
  const bytes = bytesCheck(buf.length, rules);
  let checks: ValidationCheck[];
  try {
    const watch = new MotionWatch();
    const anim = readApng(buf, (canvas) => watch.see(canvas));
    const facts = apngFacts(anim, watch.first);
    const n = anim.frames.length;
    checks = [
      { rule: 'decode', ok: true, message: 'decodes as PNG' },
      {
        rule: 'format',
        ok: anim.animated,
        message: anim.animated
          ? `animated PNG with ${n} frames`
          : 'expected an animated PNG (acTL chunk), got a still PNG',
      },
      ...ruleChecks(facts, rules),
      bytes,
      firstFrameCheck(facts),
      motionCheck(watch.moving, n),
    ];
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    checks = [{ rule: 'decode', ok: false, message: `cannot decode the file: ${reason}` }, bytes];
  }
  return { platform, ok: checks.every((c) => c.ok), bytes: buf.length, checks };
}
