/**
 * PNG scanline filters (None, Sub, Up, Average, Paeth) in both directions.
 * `bpp` is bytes per complete pixel, at least 1 (sub-byte depths use 1).
 */
import { AppError } from '../domain/errors.ts';

/** `adaptive` picks a filter per row; a number fixes one filter type (0 None … 4 Paeth) for every row. */
export type FilterMode = 'adaptive' | 0 | 1 | 2 | 3 | 4;

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

function predict(type: number, row: Uint8Array, prev: Uint8Array | null, i: number, bpp: number): number {
  const a = i >= bpp ? row[i - bpp] : 0;
  const b = prev ? prev[i] : 0;
  switch (type) {
    case 1:
      return a;
    case 2:
      return b;
    case 3:
      return (a + b) >>> 1;
    case 4:
      return paeth(a, b, i >= bpp && prev ? prev[i - bpp] : 0);
    default:
      return 0;
  }
}

/** Sum of the filtered bytes read as signed values: the libpng "minimum sum of absolute differences" cost. */
function filterCost(
  type: number,
  row: Uint8Array,
  prev: Uint8Array | null,
  bpp: number,
  limit: number,
): number {
  let sum = 0;
  for (let i = 0; i < row.length && sum < limit; i++) {
    const v = (row[i] - predict(type, row, prev, i, bpp)) & 0xff;
    sum += v < 128 ? v : 256 - v;
  }
  return sum;
}

/**
 * Prefixes each row with a filter byte and filters it. `adaptive` picks per row the filter
 * with the smallest sum of absolute differences.
 */
export function filterRows(
  raw: Uint8Array,
  height: number,
  rowBytes: number,
  bpp: number,
  mode: FilterMode,
): Uint8Array {
  const out = new Uint8Array(height * (rowBytes + 1));
  for (let y = 0; y < height; y++) {
    const row = raw.subarray(y * rowBytes, (y + 1) * rowBytes);
    const prev = y > 0 ? raw.subarray((y - 1) * rowBytes, y * rowBytes) : null;
    let best: number = mode === 'adaptive' ? 0 : mode;
    if (mode === 'adaptive') {
      let bestCost = filterCost(0, row, prev, bpp, Number.POSITIVE_INFINITY);
      for (let type = 1; type <= 4 && bestCost > 0; type++) {
        const cost = filterCost(type, row, prev, bpp, bestCost);
        if (cost < bestCost) {
          bestCost = cost;
          best = type;
        }
      }
    }
    const at = y * (rowBytes + 1);
    out[at] = best;
    if (best === 0) out.set(row, at + 1);
    else for (let i = 0; i < rowBytes; i++) out[at + 1 + i] = row[i] - predict(best, row, prev, i, bpp);
  }
  return out;
}

/** Reverses the filters of `height` rows of `rowBytes` bytes; throws on an unknown filter type or short data. */
export function unfilterRows(data: Uint8Array, height: number, rowBytes: number, bpp: number): Uint8Array {
  const stride = rowBytes + 1;
  if (data.length < height * stride) {
    throw new AppError(
      'invalid_image',
      `Malformed PNG: image data too short (${data.length} bytes, need ${height * stride})`,
    );
  }
  const out = new Uint8Array(height * rowBytes);
  for (let y = 0; y < height; y++) {
    const type = data[y * stride];
    const src = data.subarray(y * stride + 1, (y + 1) * stride);
    const row = out.subarray(y * rowBytes, (y + 1) * rowBytes);
    const prev = y > 0 ? out.subarray((y - 1) * rowBytes, y * rowBytes) : null;
    switch (type) {
      case 0:
        row.set(src);
        break;
      case 1:
        for (let i = 0; i < rowBytes; i++) row[i] = src[i] + (i >= bpp ? row[i - bpp] : 0);
        break;
      case 2:
        if (prev) for (let i = 0; i < rowBytes; i++) row[i] = src[i] + prev[i];
        else row.set(src);
        break;
      case 3:
        for (let i = 0; i < rowBytes; i++) {
          row[i] = src[i] + (((i >= bpp ? row[i - bpp] : 0) + (prev ? prev[i] : 0)) >>> 1);
        }
        break;
      case 4:
        for (let i = 0; i < rowBytes; i++) {
          const a = i >= bpp ? row[i - bpp] : 0;
          const b = prev ? prev[i] : 0;
          const c = prev && i >= bpp ? prev[i - bpp] : 0;
          row[i] = src[i] + paeth(a, b, c);
        }
        break;
      default:
        throw new AppError('invalid_image', `Malformed PNG: unknown filter type ${type} on row ${y}`);
    }
  }
  return out;
}
