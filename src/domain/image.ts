/**
 * Pixel containers shared by the engine, the encoders and the pipeline.
 * All pixel data is straight (not premultiplied) RGBA, 8 bits per channel,
 * rows top to bottom, no padding: `data.length === width * height * 4`.
 */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * An animation as lossless frames of equal size shown for equal time.
 * `durationMs` is the time of one whole loop; each frame shows for
 * `durationMs / frames.length`.
 */
export interface FrameSequence {
  width: number;
  height: number;
  frames: Uint8Array[];
  durationMs: number;
}

/** Allocates a fully transparent image. */
export function blankImage(width: number, height: number): RgbaImage {
  return { width, height, data: new Uint8Array(width * height * 4) };
}
