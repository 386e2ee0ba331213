/** Public API of the encoders: APNG/PNG encode and decode, platform validation and budget fitting. */
export { type DecodedAnimation, type DecodedFrame, decodeApng, isApng } from './apng.decoder.ts';
export { type ApngOptions, encodeApng, type FrameDelay, frameDelays } from './apng.encoder.ts';
export { type FitAttempt, type FitResult, fitToPlatform } from './budget.ts';
export { encodePng, makeTabImage } from './png.encoder.ts';
export { totalDelay, validateAnimatedFile } from './validate.ts';
