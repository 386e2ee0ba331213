/** Pixel measurements shared by the engine's tests. */
import type { RgbaImage } from '../domain/image.ts';

/** Mean absolute difference per channel (0..255) between two equally sized RGBA buffers. */
export function meanAbsDiff(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

/** Composites a straight-RGBA foreground over an opaque background given per pixel. */
export function overBackground(fg: RgbaImage, bg: (x: number, y: number) => readonly number[]): RgbaImage {
  const data = new Uint8Array(fg.data.length);
  for (let y = 0; y < fg.height; y++) {
    for (let x = 0; x < fg.width; x++) {
      const p = (y * fg.width + x) * 4;
      const a = fg.data[p + 3] / 255;
      const b = bg(x, y);
      for (let c = 0; c < 3; c++) data[p + c] = Math.round(fg.data[p + c] * a + b[c] * (1 - a));
      data[p + 3] = 255;
    }
  }
  return { width: fg.width, height: fg.height, data };
}

/** Number of pixels with alpha ≥ `threshold` within `border` pixels of the image edge. */
export function opaqueOnBorder(data: Uint8Array, size: number, border: number, threshold = 128): number {
  let count = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const onBorder = x < border || y < border || x >= size - border || y >= size - border;
      if (onBorder && data[(y * size + x) * 4 + 3] >= threshold) count++;
    }
  }
  return count;
}
