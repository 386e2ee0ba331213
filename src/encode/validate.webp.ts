/**
 * Checks an animated WebP against its platform's rules: structure from our RIFF parser,
 * pixels of the first frame from libwebp (through sharp), the decoder platforms use too.
 */
import sharp from 'sharp';
import type { PlatformRules } from '../domain/platforms.ts';
import type { ValidationCheck } from '../domain/validation.ts';
import { type AnimationFacts, bytesCheck, firstFrameCheck, ruleChecks } from './validate.checks.ts';
import { parseWebp, type WebpInfo } from './webp.parser.ts';

/** The composed first frame as straight RGBA. */
async function firstFrame(buf: Uint8Array, info: WebpInfo): Promise<Uint8Array> {
  const raw = await sharp(buf, { page: 0, pages: 1 })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (raw.info.width !== info.width || raw.info.height !== info.height) {
    throw new Error(
      `libwebp decodes a ${raw.info.width}x${raw.info.height} first frame on a ${info.width}x${info.height} canvas`,
    );
  }
  return new Uint8Array(raw.data.buffer, raw.data.byteOffset, raw.data.length);
}

/** Every check of a WebP platform, decode first; undecodable input yields a failed decode check. */
export async function webpChecks(buf: Uint8Array, rules: PlatformRules): Promise<ValidationCheck[]> {
  let info: WebpInfo;
  let first: Uint8Array;
  try {
    info = parseWebp(buf);
    first = await firstFrame(buf, info);
  } catch (err) {
    const reason = `cannot decode the file: ${(err as Error).message}`;
    return [{ rule: 'decode', ok: false, message: reason }, bytesCheck(buf.length, rules)];
  }
  const n = info.frames.length;
  const facts: AnimationFacts = {
    width: info.width,
    height: info.height,
    frameCount: n,
    delays: info.frames.map((f) => ({ num: BigInt(f.durationMs), den: 1000n })),
    plays: info.loopCount ?? 1,
    hasAlpha: info.hasAlpha,
    alphaDetail: 'the VP8X alpha flag is not set',
    firstFrame: first,
  };
  return [
    { rule: 'decode', ok: true, message: 'decodes as WebP' },
    {
      rule: 'format',
      ok: info.animated && n > 1,
      message:
        info.animated && n > 1
          ? `animated WebP with ${n} frames`
          : 'expected an animated WebP (VP8X + ANIM + ANMF), got a still image',
    },
    ...ruleChecks(facts, rules),
    bytesCheck(buf.length, rules),
    firstFrameCheck(facts),
  ];
}
