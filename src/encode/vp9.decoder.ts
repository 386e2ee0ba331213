/**
 * VP9 keyframes decoded in this process by libvpx compiled to WebAssembly (the build the
 * `ogv` package ships), for the WebM validator's first-frame check. Starting ffmpeg for it
 * cost ~75 ms of CPU a sticker before any decoding, nearly all of it the dynamic linker
 * resolving symbols across Debian ffmpeg's ~215 shared libraries; here the colour and
 * alpha keyframes of a 512 px sticker decode in ~12 ms. It also checks the first frame
 * where ffmpeg is not installed.
 */
import { createRequire } from 'node:module';
import { AppError } from '../domain/errors.ts';

interface Plane {
  bytes: Uint8Array;
  stride: number;
}

interface VideoFormat {
  width: number;
  height: number;
  chromaWidth: number;
  chromaHeight: number;
  cropLeft: number;
  cropTop: number;
  cropWidth: number;
  cropHeight: number;
  displayWidth: number;
  displayHeight: number;
}

/** The part of ogv's decoder module this file uses. */
interface OgvVideoDecoder {
  videoFormat: VideoFormat | null;
  frameBuffer: { format: VideoFormat; y: Plane; u: Plane; v: Plane } | null;
  init(done: () => void): void;
  processFrame(data: ArrayBuffer, done: (ok: number) => void): void;
}

type OgvFactory = (options: { videoFormat: VideoFormat }) => Promise<OgvVideoDecoder>;

/** One decoder a thread, made on first use; dropped after a failure so the next call starts clean. */
let decoder: Promise<OgvVideoDecoder> | null = null;

function format(width: number, height: number): VideoFormat {
  return {
    width,
    height,
    chromaWidth: Math.ceil(width / 2),
    chromaHeight: Math.ceil(height / 2),
    cropLeft: 0,
    cropTop: 0,
    cropWidth: width,
    cropHeight: height,
    displayWidth: width,
    displayHeight: height,
  };
}

function load(): Promise<OgvVideoDecoder> {
  decoder ??= (async () => {
    const factory = createRequire(import.meta.url)('ogv/dist/ogv-decoder-video-vp9-wasm.js') as OgvFactory;
    const module = await factory({ videoFormat: format(16, 16) });
    await new Promise<void>((resolve) => module.init(resolve));
    return module;
  })();
  return decoder;
}

function undecodable(message: string): AppError {
  return new AppError('invalid_image', `the VP9 frame does not decode: ${message}`);
}

interface Planes {
  y: Plane;
  u: Plane;
  v: Plane;
}

/** Decodes one coded keyframe and checks it has the size the container says. */
function decodeFrame(module: OgvVideoDecoder, coded: Uint8Array, width: number, height: number): Planes {
  module.videoFormat = format(width, height);
  module.frameBuffer = null;
  let result: number | null = null;
  const copy = coded.buffer.slice(coded.byteOffset, coded.byteOffset + coded.byteLength) as ArrayBuffer;
  module.processFrame(copy, (ok) => {
    result = ok;
  });
  // The single-threaded build answers before processFrame returns.
  if (result === null) throw undecodable('the decoder did not answer at once');
  // Set by the call above (TypeScript cannot see through the callback).
  const frame = module.frameBuffer as OgvVideoDecoder['frameBuffer'];
  if (!result || !frame) throw undecodable('libvpx refused it');
  const { cropWidth: w, cropHeight: h, cropLeft, cropTop } = frame.format;
  if (w !== width || h !== height) throw undecodable(`it is ${w}x${h}, not ${width}x${height}`);
  const cropped = (p: Plane, left: number, top: number): Plane => ({
    bytes: p.bytes.subarray(top * p.stride + left),
    stride: p.stride,
  });
  return {
    y: cropped(frame.y, cropLeft, cropTop),
    u: cropped(frame.u, cropLeft >> 1, cropTop >> 1),
    v: cropped(frame.v, cropLeft >> 1, cropTop >> 1),
  };
}

/**
 * BT.601 limited range in 10-bit fixed point, one table a term: luma's share of every
 * channel, and each chroma sample's share of the channels it feeds.
 */
const FIX = 10;
const tables = (f: (v: number) => number) =>
  Int32Array.from({ length: 256 }, (_, v) => Math.round(f(v) * (1 << FIX)));
const LUMA = tables((y) => 1.164 * (y - 16));
const V_RED = tables((v) => 1.596 * (v - 128));
const U_GREEN = tables((u) => -0.392 * (u - 128));
const V_GREEN = tables((v) => -0.813 * (v - 128));
const U_BLUE = tables((u) => 2.017 * (u - 128));
const HALF = 1 << (FIX - 1);

/** Planes as straight RGBA, alpha 255. */
function toRgba(planes: Planes, width: number, height: number): Uint8Array {
  // Clamped on store: sums past 0..255 at saturated colours land on the nearest byte.
  const rgba = new Uint8ClampedArray(width * height * 4);
  const { y: luma, u: cb, v: cr } = planes;
  const [Y, U, V] = [luma.bytes, cb.bytes, cr.bytes];
  for (let y = 0; y < height; y++) {
    const yRow = y * luma.stride;
    const uRow = (y >> 1) * cb.stride;
    const vRow = (y >> 1) * cr.stride;
    for (let x = 0, o = y * width * 4; x < width; x++, o += 4) {
      const l = LUMA[Y[yRow + x]] + HALF;
      const u = U[uRow + (x >> 1)];
      const v = V[vRow + (x >> 1)];
      rgba[o] = (l + V_RED[v]) >> FIX;
      rgba[o + 1] = (l + U_GREEN[u] + V_GREEN[v]) >> FIX;
      rgba[o + 2] = (l + U_BLUE[u]) >> FIX;
      rgba[o + 3] = 255;
    }
  }
  return new Uint8Array(rgba.buffer);
}

/**
 * A VP9 keyframe (and the keyframe of its alpha plane, when there is one) as straight
 * RGBA: BT.601 limited range with each chroma sample over its 2×2 pixels, as ffmpeg's
 * encoder made it from RGBA; alpha is the alpha stream's luma, 255 without one.
 */
export async function decodeVp9Keyframe(
  coded: Uint8Array,
  alpha: Uint8Array | null,
  width: number,
  height: number,
): Promise<Uint8Array> {
  try {
    const module = await load();
    const colour = decodeFrame(module, coded, width, height);
    const out = toRgba(colour, width, height);
    if (alpha) {
      const a = decodeFrame(module, alpha, width, height).y;
      const A = a.bytes;
      for (let y = 0; y < height; y++) {
        for (let x = 0, row = y * a.stride, o = y * width * 4 + 3; x < width; x++, o += 4)
          out[o] = A[row + x];
      }
    }
    return out;
  } catch (err) {
    // A module that failed to load, or trapped inside its WebAssembly (leaving an unknown
    // state), is dropped: the next call starts a new one.
    if (!(err instanceof AppError)) decoder = null;
    throw err instanceof AppError ? err : undecodable((err as Error).message);
  }
}
