/**
 * Platform rule checks shared by every format's validator. A validator decodes its file
 * into `AnimationFacts`; these functions turn the facts and the rules table into checks,
 * each with a stable rule id and a message that says what was expected and what the file has.
 */
import type { PlatformRules } from '../domain/platforms.ts';
import type { ValidationCheck } from '../domain/validation.ts';

/** A duration as an exact fraction of a second. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

/** What a validator read from a file. */
export interface AnimationFacts {
  width: number;
  height: number;
  frameCount: number;
  /** Each frame's display time as an exact fraction of a second. */
  delays: Fraction[];
  /** 0 = forever, n = plays n times; null when the format has no loop count (video). */
  plays: number | null;
  hasAlpha: boolean;
  /** Why the file has or lacks alpha, in the format's words. */
  alphaDetail: string;
  /** The first frame as straight RGBA, or null when it could not be decoded here. */
  firstFrame: Uint8Array | null;
  /** Why `firstFrame` is null. */
  firstFrameNote?: string;
}

/** The first frame must show at least this share of the canvas (an empty first frame reads as a broken emoji). */
const MIN_FIRST_FRAME_COVERAGE = 0.05;
/** Pixels at least this opaque count as content that would look clipped on the border. */
const OPAQUE_ALPHA = 128;

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/** Sum of fractions, reduced. */
export function sumFractions(list: readonly Fraction[]): Fraction {
  let num = 0n;
  let den = 1n;
  for (const f of list) {
    num = num * f.den + f.num * den;
    den *= f.den;
    const g = gcd(num, den) || 1n;
    num /= g;
    den /= g;
  }
  return { num, den };
}

/** A fraction of a second from milliseconds given as a (possibly fractional) number. */
export function msFraction(ms: number): Fraction {
  const micro = BigInt(Math.round(ms * 1000));
  return { num: micro, den: 1_000_000n };
}

/** A fraction of a second as milliseconds, exact or with its exact fraction. */
export function formatMs({ num, den }: Fraction): string {
  const ms = Number(num * 1000n) / Number(den);
  return (num * 1000n) % den === 0n ? `${ms} ms` : `${ms.toFixed(3)}… ms (exactly ${num}/${den} s)`;
}

const check = (rule: string, ok: boolean, message: string): ValidationCheck => ({ rule, ok, message });

/** Exact size, or (with `minSide`) within the maxima with the longer side long enough. */
export function dimensionsCheck(f: AnimationFacts, rules: PlatformRules): ValidationCheck {
  const got = `${f.width}x${f.height} px`;
  if (rules.minSide === undefined) {
    const ok = f.width === rules.width && f.height === rules.height;
    return check('dimensions', ok, ok ? got : `${got}, expected ${rules.width}x${rules.height}`);
  }
  const within = f.width <= rules.width && f.height <= rules.height;
  const long = Math.max(f.width, f.height) >= rules.minSide;
  const want = `within ${rules.width}x${rules.height} with one side at least ${rules.minSide}`;
  return check(
    'dimensions',
    within && long,
    within && long ? `${got} (${want})` : `${got}, expected ${want}`,
  );
}

function durationCheck(f: AnimationFacts, rules: PlatformRules): ValidationCheck {
  const total = sumFractions(f.delays);
  const { minDurationMs: min, maxDurationMs: max, wholeSeconds } = rules;
  const ms1000 = total.num * 1000n;
  const problems: string[] = [];
  if (min !== undefined && ms1000 < BigInt(min) * total.den) problems.push(`at least ${min} ms`);
  if (max !== undefined && ms1000 > BigInt(max) * total.den) problems.push(`at most ${max} ms`);
  if (wholeSeconds && total.num % total.den !== 0n) problems.push('a whole number of seconds');
  const wanted = [
    min !== undefined ? `≥ ${min} ms` : null,
    max !== undefined ? `≤ ${max} ms` : null,
    wholeSeconds ? 'whole seconds' : null,
  ].filter(Boolean);
  return problems.length === 0
    ? check('duration', true, `loop time ${formatMs(total)} (${wanted.join(', ')})`)
    : check('duration', false, `loop time is ${formatMs(total)}; it must be ${problems.join(' and ')}`);
}

function loopCheck(f: AnimationFacts, rules: PlatformRules): ValidationCheck | null {
  const loop = rules.loop;
  if (!loop) return null;
  const plays = f.plays ?? 1;
  const said = plays === 0 ? 'loops forever' : `plays ${plays} time${plays === 1 ? '' : 's'}`;
  if (loop.kind === 'forever') {
    return check(
      'loop',
      plays === 0,
      plays === 0 ? said : `${said}, expected to loop forever (loop count 0)`,
    );
  }
  const total = sumFractions(f.delays);
  const within = plays >= loop.min && plays <= loop.max;
  const totalOk = plays !== 0 && total.num * BigInt(plays) * 1000n <= BigInt(loop.maxTotalMs) * total.den;
  const want = `${loop.min}–${loop.max} plays and at most ${loop.maxTotalMs} ms in total`;
  const played = plays === 0 ? 'no end' : formatMs({ num: total.num * BigInt(plays), den: total.den });
  const ok = within && totalOk;
  return check(
    'loop',
    ok,
    ok ? `${said}, ${played} in total (${want})` : `${said} (${played} in total), expected ${want}`,
  );
}

function frameChecks(f: AnimationFacts, rules: PlatformRules): ValidationCheck[] {
  const out: ValidationCheck[] = [];
  const n = f.frameCount;
  const { minFrames: min, maxFrames: max } = rules;
  if (min !== undefined || max !== undefined) {
    const ok = (min === undefined || n >= min) && (max === undefined || n <= max);
    out.push(check('frame_count', ok, `${n} frames, expected ${min ?? 1}–${max ?? '∞'}`));
  }
  if (rules.minFrameMs !== undefined) {
    const shortest = f.delays.reduce((m, d) => Math.min(m, (Number(d.num) * 1000) / Number(d.den)), Infinity);
    const ok = shortest >= rules.minFrameMs;
    out.push(
      check(
        'frame_delay',
        ok,
        `shortest frame ${shortest} ms${ok ? '' : `, expected at least ${rules.minFrameMs} ms`}`,
      ),
    );
  }
  if (rules.maxFps !== undefined) {
    const total = sumFractions(f.delays);
    const fps = (n * Number(total.den)) / Number(total.num);
    const shortest = f.delays.reduce((m, d) => Math.min(m, Number(d.num) / Number(d.den)), Infinity);
    // Timestamps are whole milliseconds, so a single step may be 1 ms short of the nominal rate.
    const ok = fps <= rules.maxFps + 1e-9 && 1 / (shortest + 0.001) <= rules.maxFps;
    out.push(
      check('frame_rate', ok, `${fps.toFixed(2)} fps${ok ? '' : `, expected at most ${rules.maxFps}`}`),
    );
  }
  return out;
}

/** True when some pixel of straight-RGBA `rgba` is not fully opaque. */
function seeThrough(rgba: Uint8Array): boolean {
  for (let s = 3; s < rgba.length; s += 4) if (rgba[s] < 255) return true;
  return false;
}

/** A transparent background: the format carries alpha and the first frame (when decoded) uses it. */
function transparencyCheck(f: AnimationFacts): ValidationCheck {
  if (!f.hasAlpha) return check('transparency', false, `expected transparency; ${f.alphaDetail}`);
  if (f.firstFrame && !seeThrough(f.firstFrame)) {
    return check(
      'transparency',
      false,
      'expected transparency; the file has alpha but every pixel of the first frame is opaque',
    );
  }
  return check('transparency', true, 'has transparency');
}

/** Dimensions, transparency, frames, timing and loop: every rule that needs no more than the first frame. */
export function ruleChecks(f: AnimationFacts, rules: PlatformRules): ValidationCheck[] {
  const out: ValidationCheck[] = [dimensionsCheck(f, rules)];
  if (rules.transparency) out.push(transparencyCheck(f));
  out.push(...frameChecks(f, rules));
  if (rules.minDurationMs !== undefined || rules.maxDurationMs !== undefined || rules.wholeSeconds) {
    out.push(durationCheck(f, rules));
  }
  const loop = loopCheck(f, rules);
  if (loop) out.push(loop);
  return out;
}

/** The byte budget. */
export function bytesCheck(bytes: number, rules: PlatformRules): ValidationCheck {
  const over = bytes > rules.maxBytes;
  return check('bytes', !over, `${bytes} bytes, limit ${rules.maxBytes}${over ? ' (over budget)' : ''}`);
}

/** The first frame is the still image platforms show: it must hold the whole character, unclipped. */
export function firstFrameCheck(f: AnimationFacts): ValidationCheck {
  const rule = 'first_frame';
  if (!f.firstFrame)
    return check(rule, true, `not checked: ${f.firstFrameNote ?? 'the first frame was not decoded'}`);
  if (!f.hasAlpha || !seeThrough(f.firstFrame)) {
    // Without alpha every pixel is "content", so clipping cannot be told apart from a background.
    return check(rule, true, 'not checked: the file has no transparency');
  }
  const { width: w, height: h, firstFrame: rgba } = f;
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
  return problems.length === 0
    ? check(rule, true, `first frame shows the whole character (${pct} of the canvas, clear of the border)`)
    : check(rule, false, `first frame: ${problems.join('; ')}`);
}

/** LINE refuses files whose frames are all the same ("fail to function as animated"). */
export function motionCheck(moving: boolean, frameCount: number): ValidationCheck {
  return check(
    'motion',
    moving,
    moving ? 'frames differ' : `all ${frameCount} frames are identical, expected an animation`,
  );
}

/** Follows composed frames as a decoder reports them: a copy of the first, and whether any later one differs. */
export class MotionWatch {
  first: Buffer | null = null;
  moving = false;

  see(canvas: Uint8Array): void {
    if (!this.first) this.first = Buffer.from(canvas);
    else if (!this.moving) this.moving = !this.first.equals(canvas);
  }
}
