/** Public API of the encoders: per-platform encoding, validation, extras and ZIP layout; APNG/PNG primitives. */
export { type DecodedAnimation, type DecodedFrame, decodeApng, isApng } from './apng.decoder.ts';
export { type ApngOptions, encodeApng, type FrameDelay, frameDelays } from './apng.encoder.ts';
export { type EncodeAttempt, LADDERS } from './budget.ladder.ts';
export { type FitAttempt, type FitResult, fitToPlatform } from './budget.ts';
export {
  createEncodePool,
  type EncodePool,
  type EncodePoolOptions,
  type PoolEncodeOptions,
  shareFrames,
} from './encode.pool.ts';
export { EncoderUnavailableError, type FfmpegStatus, ffmpegStatus } from './ffmpeg.ts';
export { type DecodedGif, decodeGif } from './gif.decoder.ts';
export { encodeGif, type GifOptions } from './gif.encoder.ts';
export {
  type EncodeForPlatformOptions,
  encodeForPlatform,
  encodeSignature,
  FORMAT_FILES,
  type PlatformFile,
  platformTiming,
} from './platform.encode.ts';
export { platformExtras, type ZipLayout, zipLayout } from './platform.extras.ts';
export { encodePng, makeTabImage } from './png.encoder.ts';
export { psnrRgba, sequenceQuality, ssimRgba } from './quality.ts';
export { type ValidateOptions, validateFile } from './validate.file.ts';
export { totalDelay, validateAnimatedFile } from './validate.ts';
export { decodeWebmRgba, encodeWebm } from './webm.encoder.ts';
export { parseWebm, type WebmInfo } from './webm.parser.ts';
export { encodeWebp } from './webp.encoder.ts';
export { parseWebp, type WebpInfo } from './webp.parser.ts';
