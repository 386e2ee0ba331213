/**
 * Moves pixels between the domain's straight-RGBA `RgbaImage` and Skia canvases, and
 * measures what is visible in an image.
 */
import { type Canvas, createCanvas } from '@napi-rs/canvas';
import type { RgbaImage } from '../domain/image.ts';

/** Puts an `RgbaImage` on a new canvas of the same size (Skia premultiplies it on the way in). */
export function imageToCanvas(img: RgbaImage): Canvas {
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(img.width, img.height);
  data.data.set(img.data);
  ctx.putImageData(data, 0, 0);
  return canvas;
}

/** Reads a canvas back as a straight-RGBA `RgbaImage`. */
export function canvasToImage(canvas: Canvas): RgbaImage {
  const { width, height } = canvas;
  const pixels = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  return { width, height, data: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength).slice() };
}

export interface Box {
  left: number;
  top: number;
  /** Exclusive. */
  right: number;
  /** Exclusive. */
  bottom: number;
}

/** Bounding box of pixels whose alpha exceeds `threshold`; undefined when there are none. */
export function alphaBounds(img: RgbaImage, threshold = 8): Box | undefined {
  const { width, height, data } = img;
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width * 4;
    let rowLeft = -1;
    let rowRight = -1;
    for (let x = 0; x < width; x++) {
      if (data[row + x * 4 + 3] > threshold) {
        if (rowLeft < 0) rowLeft = x;
        rowRight = x;
      }
    }
    if (rowLeft < 0) continue;
    if (top > y) top = y;
    bottom = y;
    if (rowLeft < left) left = rowLeft;
    if (rowRight > right) right = rowRight;
  }
  if (right < 0) return undefined;
  return { left, top, right: right + 1, bottom: bottom + 1 };
}

/** Copies a rectangle out of an image. */
export function crop(img: RgbaImage, box: Box): RgbaImage {
  const width = box.right - box.left;
  const height = box.bottom - box.top;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((box.top + y) * img.width + box.left) * 4;
    data.set(img.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { width, height, data };
}
