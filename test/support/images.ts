import zlib from 'node:zlib';
import sharp from 'sharp';

/** Builds a BMP file in memory: 40-byte info header, optional palette, optional bitfield masks. */
export function bmp(opts: {
  width: number;
  height: number;
  bitCount: number;
  rows: number[][];
  palette?: number[];
  masks?: number[];
  topDown?: boolean;
}): Uint8Array {
  const { width, height, bitCount } = opts;
  const stride = Math.ceil((width * bitCount) / 32) * 4;
  const paletteBytes = (opts.palette?.length ?? 0) * 4;
  const maskBytes = (opts.masks?.length ?? 0) * 4;
  const dataOffset = 14 + 40 + maskBytes + paletteBytes;
  const buf = new Uint8Array(dataOffset + stride * height);
  const v = new DataView(buf.buffer);
  buf[0] = 0x42;
  buf[1] = 0x4d;
  v.setUint32(2, buf.length, true);
  v.setUint32(10, dataOffset, true);
  v.setUint32(14, 40, true);
  v.setInt32(18, width, true);
  v.setInt32(22, opts.topDown ? -height : height, true);
  v.setUint16(26, 1, true);
  v.setUint16(28, bitCount, true);
  v.setUint32(30, opts.masks ? 3 : 0, true);
  v.setUint32(46, opts.palette?.length ?? 0, true);
  let at = 54;
  for (const m of opts.masks ?? []) {
    v.setUint32(at, m, true);
    at += 4;
  }
  for (const c of opts.palette ?? []) {
    v.setUint32(at, c, true);
    at += 4;
  }
  opts.rows.forEach((row, y) => {
    const fileRow = opts.topDown ? y : height - 1 - y;
    const base = dataOffset + fileRow * stride;
    row.forEach((value, x) => {
      if (bitCount === 24) {
        buf[base + x * 3] = value & 255;
        buf[base + x * 3 + 1] = (value >> 8) & 255;
        buf[base + x * 3 + 2] = (value >> 16) & 255;
      } else if (bitCount === 32) {
        v.setUint32(base + x * 4, value >>> 0, true);
      } else if (bitCount === 8) {
        buf[base + x] = value;
      } else if (bitCount === 1) {
        if (value) buf[base + (x >> 3)] |= 0x80 >> (x & 7);
      }
    });
  });
  return buf;
}

/**
 * A simple character on a flat background, as a user might upload: a round
 * body with eyes, drawn from SVG, with no alpha channel.
 */
export async function characterOnFlatBackground(size = 400, background = '#f0e6d2'): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
    <rect width="100%" height="100%" fill="${background}"/>
    <ellipse cx="${size / 2}" cy="${size * 0.58}" rx="${size * 0.3}" ry="${size * 0.28}" fill="#e2574c" stroke="#3a2a2a" stroke-width="${size * 0.02}"/>
    <circle cx="${size * 0.42}" cy="${size * 0.52}" r="${size * 0.035}" fill="#ffffff"/>
    <circle cx="${size * 0.58}" cy="${size * 0.52}" r="${size * 0.035}" fill="#ffffff"/>
    <circle cx="${size * 0.42}" cy="${size * 0.53}" r="${size * 0.018}" fill="#222"/>
    <circle cx="${size * 0.58}" cy="${size * 0.53}" r="${size * 0.018}" fill="#222"/>
  </svg>`;
  return sharp(Buffer.from(svg)).flatten({ background }).png().toBuffer();
}

/** A PNG whose header claims `width`×`height` but holds almost no data: a decompression bomb's calling card. */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();
  const out = Buffer.from(png);
  // IHDR data starts at byte 16 (8 signature + 4 length + 4 type).
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(zlib.crc32(out.subarray(12, 29)), 29);
  return out;
}
