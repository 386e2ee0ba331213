import type { RgbaImage } from '../domain/image.ts';

/**
 * A BMP decoder, because sharp's prebuilt libvips has no BMP loader. Handles the
 * files people actually have: 1/4/8-bit palettes, 16-bit 5-5-5, 24-bit and 32-bit
 * (BI_RGB or BI_BITFIELDS), bottom-up or top-down. RLE compression is refused.
 */
export function decodeBmp(buf: Uint8Array): RgbaImage {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.length < 26 || buf[0] !== 0x42 || buf[1] !== 0x4d) throw new Error('not a BMP file');
  const dataOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  if (headerSize < 40 || 14 + headerSize > buf.length) throw new Error('unsupported BMP header');
  const width = view.getInt32(18, true);
  const rawHeight = view.getInt32(22, true);
  const bitCount = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  const height = Math.abs(rawHeight);
  const topDown = rawHeight < 0;
  if (width <= 0 || height <= 0) throw new Error('BMP has no pixels');
  if (compression !== 0 && compression !== 3) throw new Error('compressed (RLE) BMP files are not supported');

  let masks = { r: 0x00ff0000, g: 0x0000ff00, b: 0x000000ff, a: 0 };
  if (bitCount === 16) masks = { r: 0x7c00, g: 0x03e0, b: 0x001f, a: 0 };
  if (compression === 3) {
    // Masks follow a 40-byte header, or sit inside a V4/V5 header at the same place.
    const at = 14 + 40;
    if (at + 12 > buf.length) throw new Error('truncated BMP bitfields');
    masks = {
      r: view.getUint32(at, true),
      g: view.getUint32(at + 4, true),
      b: view.getUint32(at + 8, true),
      a: headerSize >= 56 && at + 16 <= buf.length ? view.getUint32(at + 12, true) : 0,
    };
  } else if (bitCount === 32 && headerSize >= 108) {
    masks.a = view.getUint32(14 + 52, true);
  }

  const colorsUsed = view.getUint32(46, true);
  const palette: number[] = [];
  if (bitCount <= 8) {
    const count = colorsUsed || 1 << bitCount;
    const at = 14 + headerSize;
    if (at + count * 4 > buf.length) throw new Error('truncated BMP palette');
    for (let i = 0; i < count; i++) palette.push(view.getUint32(at + i * 4, true));
  } else if (![16, 24, 32].includes(bitCount)) {
    throw new Error(`unsupported BMP bit depth ${bitCount}`);
  }

  const stride = Math.ceil((width * bitCount) / 32) * 4;
  if (dataOffset + stride * height > buf.length) throw new Error('truncated BMP pixel data');
  const out = new Uint8Array(width * height * 4);
  const channel = (value: number, mask: number) => {
    if (mask === 0) return 255;
    const shift = Math.clz32(mask & -mask) ^ 31;
    const max = mask >>> shift;
    return Math.round((((value & mask) >>> shift) * 255) / max);
  };
  let anyAlpha = false;
  for (let y = 0; y < height; y++) {
    const row = dataOffset + (topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      if (bitCount <= 8) {
        const bitPos = x * bitCount;
        const byte = buf[row + (bitPos >> 3)];
        const index = (byte >> (8 - bitCount - (bitPos & 7))) & ((1 << bitCount) - 1);
        const c = palette[index] ?? 0;
        out[o] = (c >> 16) & 255;
        out[o + 1] = (c >> 8) & 255;
        out[o + 2] = c & 255;
        out[o + 3] = 255;
      } else if (bitCount === 24) {
        const p = row + x * 3;
        out[o] = buf[p + 2];
        out[o + 1] = buf[p + 1];
        out[o + 2] = buf[p];
        out[o + 3] = 255;
      } else {
        const v = bitCount === 16 ? view.getUint16(row + x * 2, true) : view.getUint32(row + x * 4, true);
        out[o] = channel(v, masks.r);
        out[o + 1] = channel(v, masks.g);
        out[o + 2] = channel(v, masks.b);
        out[o + 3] = channel(v, masks.a);
        if (masks.a !== 0 && out[o + 3] !== 0) anyAlpha = true;
      }
    }
  }
  // Many 32-bit BMPs carry an alpha mask but leave every alpha byte at zero: they mean opaque.
  if (masks.a !== 0 && !anyAlpha) for (let i = 3; i < out.length; i += 4) out[i] = 255;
  return { width, height, data: out };
}

/** Reads width and height from a BMP header without decoding pixels. */
export function bmpDimensions(buf: Uint8Array): { width: number; height: number } {
  if (buf.length < 26 || buf[0] !== 0x42 || buf[1] !== 0x4d) throw new Error('not a BMP file');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  return { width: view.getInt32(18, true), height: Math.abs(view.getInt32(22, true)) };
}
