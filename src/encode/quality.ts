/**
 * Alpha-aware image quality against a lossless reference, for benchmarks and tests.
 * Colours are compared as a viewer shows them: PSNR on premultiplied RGB plus alpha
 * (invisible pixels cannot differ), SSIM on the luma of both images composited over
 * black and over white (a dark or a light fringe each lose on one of the two).
 */

/** PSNR in dB of straight-RGBA `b` against `a` (premultiplied RGB and alpha); 99 when identical. */
export function psnrRgba(a: Uint8Array, b: Uint8Array): number {
  let se = 0;
  for (let i = 0; i < a.length; i += 4) {
    const aa = a[i + 3] / 255;
    const ba = b[i + 3] / 255;
    for (let c = 0; c < 3; c++) se += (a[i + c] * aa - b[i + c] * ba) ** 2;
    se += (a[i + 3] - b[i + 3]) ** 2;
  }
  const mse = se / a.length;
  return mse === 0 ? 99 : 10 * Math.log10((255 * 255) / mse);
}

/** Luma of straight RGBA composited over a grey level `bg` (0 black … 255 white). */
function lumaOver(img: Uint8Array, bg: number): Float32Array {
  const out = new Float32Array(img.length / 4);
  for (let p = 0; p < out.length; p++) {
    const s = p * 4;
    const a = img[s + 3] / 255;
    const y = 0.299 * img[s] + 0.587 * img[s + 1] + 0.114 * img[s + 2];
    out[p] = y * a + bg * (1 - a);
  }
  return out;
}

const C1 = (0.01 * 255) ** 2;
const C2 = (0.03 * 255) ** 2;
const WINDOW = 8;
const STRIDE = 4;

/** Mean SSIM of two luma planes over 8×8 windows every 4 px. */
function ssimPlane(x: Float32Array, y: Float32Array, width: number, height: number): number {
  let sum = 0;
  let count = 0;
  const n = WINDOW * WINDOW;
  for (let wy = 0; wy + WINDOW <= height; wy += STRIDE) {
    for (let wx = 0; wx + WINDOW <= width; wx += STRIDE) {
      let sx = 0;
      let sy = 0;
      let sxx = 0;
      let syy = 0;
      let sxy = 0;
      for (let dy = 0; dy < WINDOW; dy++) {
        const row = (wy + dy) * width + wx;
        for (let dx = 0; dx < WINDOW; dx++) {
          const u = x[row + dx];
          const v = y[row + dx];
          sx += u;
          sy += v;
          sxx += u * u;
          syy += v * v;
          sxy += u * v;
        }
      }
      const mx = sx / n;
      const my = sy / n;
      const vx = sxx / n - mx * mx;
      const vy = syy / n - my * my;
      const cov = sxy / n - mx * my;
      sum += ((2 * mx * my + C1) * (2 * cov + C2)) / ((mx * mx + my * my + C1) * (vx + vy + C2));
      count++;
    }
  }
  return count === 0 ? 1 : sum / count;
}

/** SSIM (0…1) of straight-RGBA `b` against `a`, averaged over black and white backgrounds. */
export function ssimRgba(a: Uint8Array, b: Uint8Array, width: number, height: number): number {
  let total = 0;
  for (const bg of [0, 255]) total += ssimPlane(lumaOver(a, bg), lumaOver(b, bg), width, height);
  return total / 2;
}

/** Mean PSNR and SSIM over frame pairs. */
export function sequenceQuality(
  reference: readonly Uint8Array[],
  decoded: readonly Uint8Array[],
  width: number,
  height: number,
): { psnr: number; ssim: number } {
  let psnr = 0;
  let ssim = 0;
  decoded.forEach((frame, i) => {
    psnr += psnrRgba(reference[i], frame);
    ssim += ssimRgba(reference[i], frame, width, height);
  });
  return { psnr: psnr / decoded.length, ssim: ssim / decoded.length };
}
