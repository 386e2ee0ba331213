/**
 * Checks an encoded animation file against its platform's rules from PLATFORMS, by
 * decoding it the way a platform would. Every rule yields one check with a stable id.
 */
import { AppError } from '../domain/errors.ts';
import { PLATFORMS, type PlatformId, type PlatformRules } from '../domain/platforms.ts';
import type { ValidationCheck, ValidationReport } from '../domain/validation.ts';
import { type DecodedAnimation, decodeApng } from './apng.decoder.ts';

/** The first frame must show at least this share of the canvas (an empty first frame reads as a broken emoji). */
const MIN_FIRST_FRAME_COVERAGE = 0.05;
/** Pixels at least this opaque count as content that would look clipped on the border. */
const OPAQUE_ALPHA = 128;

const big = (n: number) => BigInt(n);
const bigGcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : bigGcd(b, a % b));

/** Sum of the frame delays in seconds as an exact reduced fraction. */
export function totalDelay(anim: DecodedAnimation): { num: bigint; den: bigint } {
  let num = 0n;
  let den = 1n;
  for (const f of anim.frames) {
    num = num * big(f.delayDen) + big(f.delayNum) * den;
    den *= big(f.delayDen);
    const g = bigGcd(num, den);
    num /= g;
    den /= g;
  }
  return { num, den };
}

function formatLoopTime({ num, den }: { num: bigint; den: bigint }): string {
  const ms = Number(num * 1000n) / Number(den);
  const exact = (num * 1000n) % den === 0n;
  return exact ? `${ms} ms` : `${ms.toFixed(3)}… ms (exactly ${num}/${den} s)`;
}

function durationCheck(anim: DecodedAnimation, rules: PlatformRules): ValidationCheck {
  const total = totalDelay(anim);
  const { minDurationMs: min, maxDurationMs: max, wholeSeconds } = rules;
  const ms1000 = total.num * 1000n;
  const problems: string[] = [];
  if (min !== undefined && ms1000 < big(min) * total.den) problems.push(`at least ${min} ms`);
  if (max !== undefined && ms1000 > big(max) * total.den) problems.push(`at most ${max} ms`);
  if (wholeSeconds && total.num % total.den !== 0n) problems.push('a whole number of seconds');
  const wanted = [
    min !== undefined ? `≥ ${min} ms` : null,
    max !== undefined ? `≤ ${max} ms` : null,
    wholeSeconds ? 'whole seconds' : null,
  ].filter(Boolean);
  return {
    rule: 'duration',
    ok: problems.length === 0,
    message:
      problems.length === 0
        ? `loop time ${formatLoopTime(total)} (${wanted.join(', ')})`
        : `loop time is ${formatLoopTime(total)}; it must be ${problems.join(' and ')}`,
  };
}

function firstFrameCheck(anim: DecodedAnimation): ValidationCheck {
  const rule = 'first_frame';
  if (!anim.hasAlpha) {
    // Without alpha every pixel is "content", so clipping cannot be told apart from a background.
    return {
      rule,
      ok: true,
      message: 'not checked: the file has no transparency (see the transparency check)',
    };
  }
  const { width: w, height: h } = anim;
  const rgba = anim.frames[0].rgba;
  let covered = 0;
  const edges = new Set<string>();
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const a = rgba[(y * w + x) * 4 + 3];
      if (a > 0) covered++;
      if (a < OPAQUE_ALPHA) continue;
      if (y === 0) edges.add('top');
      if (y === h - 1) edges.add('bottom');
      if (x === 0) edges.add('left');
      if (x === w - 1) edges.add('right');
    }
  }
  const share = covered / (w * h);
  const pct = `${(share * 100).toFixed(1)}%`;
  const problems: string[] = [];
  if (share < MIN_FIRST_FRAME_COVERAGE) {
    problems.push(
      `its content covers ${pct} of the canvas, expected at least ${MIN_FIRST_FRAME_COVERAGE * 100}%`,
    );
  }
  if (edges.size > 0)
    problems.push(`opaque pixels touch the ${[...edges].join(', ')} border (the character is clipped)`);
  return {
    rule,
    ok: problems.length === 0,
    message:
      problems.length === 0
        ? `first frame shows the whole character (${pct} of the canvas, clear of the border)`
        : `first frame: ${problems.join('; ')}`,
  };
}

function ruleChecks(anim: DecodedAnimation, rules: PlatformRules): ValidationCheck[] {
  const checks: ValidationCheck[] = [];
  const n = anim.frames.length;
  checks.push({
    rule: 'format',
    ok: anim.animated,
    message: anim.animated
      ? `animated PNG with ${n} frames`
      : 'expected an animated PNG (acTL chunk), got a still PNG',
  });
  const sizeOk = anim.width === rules.width && anim.height === rules.height;
  checks.push({
    rule: 'dimensions',
    ok: sizeOk,
    message: `${anim.width}x${anim.height} px${sizeOk ? '' : `, expected ${rules.width}x${rules.height}`}`,
  });
  checks.push({
    rule: 'transparency',
    ok: anim.hasAlpha,
    message: anim.hasAlpha
      ? 'has transparency'
      : `expected an alpha channel or tRNS chunk; colour type ${anim.colorType} without tRNS is opaque`,
  });
  const { minFrames: min, maxFrames: max } = rules;
  if (min !== undefined || max !== undefined) {
    const ok = (min === undefined || n >= min) && (max === undefined || n <= max);
    checks.push({ rule: 'frame_count', ok, message: `${n} frames, expected ${min ?? 1}–${max ?? '∞'}` });
  }
  if (rules.minDurationMs !== undefined || rules.maxDurationMs !== undefined || rules.wholeSeconds) {
    checks.push(durationCheck(anim, rules));
  }
  if (rules.loopForever) {
    const ok = anim.numPlays === 0;
    const plays = ok ? 'loops forever' : `plays ${anim.numPlays} time${anim.numPlays === 1 ? '' : 's'}`;
    checks.push({
      rule: 'loop',
      ok,
      message: ok ? plays : `${plays}, expected to loop forever (num_plays 0)`,
    });
  }
  return checks;
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
  const bytes: ValidationCheck = {
    rule: 'bytes',
    ok: buf.length <= rules.maxBytes,
    message: `${buf.length} bytes, limit ${rules.maxBytes}${buf.length > rules.maxBytes ? ' (over budget)' : ''}`,
  };
  let checks: ValidationCheck[];
  try {
    const anim = decodeApng(buf);
    checks = [{ rule: 'decode', ok: true, message: 'decodes as PNG' }, ...ruleChecks(anim, rules), bytes];
    checks.push(firstFrameCheck(anim));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    checks = [{ rule: 'decode', ok: false, message: `cannot decode the file: ${reason}` }, bytes];
  }
  return { platform, ok: checks.every((c) => c.ok), bytes: buf.length, checks };
}
