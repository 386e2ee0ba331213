/**
 * The synthetic matte set shared by the matte tests and `bench/matte.bench.ts`: every
 * built-in character composited over flat, gradient, noisy and busy backgrounds, with
 * the character's own alpha as the ground-truth mask, and the measures used to judge
 * a matte against it.
 */
import { CHARACTERS } from '../domain/characters.ts';
import type { RgbaImage } from '../domain/image.ts';
import { seededRandom } from '../domain/random.ts';
import { drawCharacter } from './characters/index.ts';
import { overBackground } from './testing.ts';

/** Kinds of background the matte is judged on; `busy` is a photo-like scene it should refuse. */
export type BackgroundKind = 'flat' | 'gradient' | 'noisy' | 'busy';
export const BACKGROUND_KINDS: readonly BackgroundKind[] = ['flat', 'gradient', 'noisy', 'busy'];

/** An opaque background colour per pixel. */
export type Background = (x: number, y: number) => readonly number[];

/** One composited picture with its ground truth. */
export interface MatteCase {
  name: string;
  kind: BackgroundKind;
  /** The character on transparency: its alpha is the true mask, its colour the true foreground. */
  truth: RgbaImage;
  /** The noise-free background colour at each pixel (what contamination is measured against). */
  background: Background;
  /** What the matte is given: the character composited over the background. */
  input: RgbaImage;
}

const FLATS = [
  [120, 200, 140],
  [255, 255, 255],
  [236, 230, 246],
  [40, 44, 60],
  [250, 214, 120],
  [170, 205, 250],
] as const;

/** Linear gradients in different directions between two soft colours. */
function gradient(i: number, size: number): Background {
  const a = [
    [190, 227, 255],
    [255, 236, 210],
    [214, 244, 220],
  ][i % 3];
  const b = [
    [255, 187, 195],
    [180, 200, 255],
    [250, 250, 190],
  ][(i + 1) % 3];
  const angle = (i * Math.PI) / 3;
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  return (x, y) => {
    const t = Math.min(1, Math.max(0, 0.5 + ((x / size - 0.5) * dx + (y / size - 0.5) * dy) * 0.9));
    return [0, 1, 2].map((c) => a[c] + (b[c] - a[c]) * t);
  };
}

/** Composites `truth` over `bg`, adding per-pixel noise of amplitude ±`noise` (sensor grain, JPEG). */
function composite(truth: RgbaImage, bg: Background, noise: number, seed: number): RgbaImage {
  const random = seededRandom(seed);
  if (noise === 0) return overBackground(truth, bg);
  return overBackground(truth, (x, y) =>
    bg(x, y).map((v) => Math.max(0, Math.min(255, v + (random() * 2 - 1) * noise))),
  );
}

/** A busy, textured background (a photo-like scene): blobs of random colour plus grain. */
function busy(size: number, seed: number): Background {
  const random = seededRandom(seed);
  const spots = Array.from({ length: 40 }, () => ({
    x: random() * size,
    y: random() * size,
    r: size * (0.05 + random() * 0.15),
    c: [random() * 255, random() * 255, random() * 255],
  }));
  return (x, y) => {
    let best = spots[0];
    let bestD = Number.POSITIVE_INFINITY;
    for (const s of spots) {
      const d = Math.hypot(x - s.x, y - s.y) / s.r;
      if (d < bestD) {
        bestD = d;
        best = s;
      }
    }
    const grain = ((x * 7919 + y * 104729) % 61) - 30;
    return best.c.map((v) => Math.max(0, Math.min(255, v + grain)));
  };
}

/** Builds the synthetic set at `size` px: each character on one background of each kind. */
export function matteSet(size = 384, kinds: readonly BackgroundKind[] = BACKGROUND_KINDS): MatteCase[] {
  const cases: MatteCase[] = [];
  CHARACTERS.forEach((c, i) => {
    const truth = drawCharacter(c.id, c.defaultColor, size);
    for (const kind of kinds) {
      const background =
        kind === 'flat'
          ? () => FLATS[i % FLATS.length]
          : kind === 'busy'
            ? busy(size, 100 + i)
            : gradient(i, size);
      const input = composite(truth, background, kind === 'noisy' ? 12 : 0, 7 + i);
      cases.push({ name: `${c.id}/${kind}`, kind, truth, background, input });
    }
  });
  return cases;
}

/** IoU of the (alpha ≥ 128) masks of the true foreground and a matte. */
export function maskIoU(truth: RgbaImage, result: RgbaImage): number {
  let inter = 0;
  let union = 0;
  for (let i = 3; i < truth.data.length; i += 4) {
    const a = truth.data[i] >= 128;
    const b = result.data[i] >= 128;
    if (a && b) inter++;
    if (a || b) union++;
  }
  return union === 0 ? 1 : inter / union;
}

/**
 * Halo: how much background colour is still mixed into edge pixels, as the share t in
 * C ≈ (1 − t)·F + t·B averaged over the partly transparent pixels of the true mask
 * (0 = clean, 1 = pure background). `naive` is the same for the composite left as-is.
 */
export function contamination(
  truth: RgbaImage,
  result: RgbaImage,
  bg: Background,
): { mean: number; naive: number; n: number } {
  let sum = 0;
  let naive = 0;
  let n = 0;
  const composite = overBackground(truth, bg);
  for (let i = 0; i < truth.width * truth.height; i++) {
    const ta = truth.data[i * 4 + 3] / 255;
    if (ta < 0.25 || ta > 0.95 || result.data[i * 4 + 3] < 64) continue;
    const x = i % truth.width;
    const b = bg(x, (i - x) / truth.width);
    let dot = 0;
    let dotNaive = 0;
    let norm = 0;
    for (let c = 0; c < 3; c++) {
      const f = truth.data[i * 4 + c];
      dot += (result.data[i * 4 + c] - f) * (b[c] - f);
      dotNaive += (composite.data[i * 4 + c] - f) * (b[c] - f);
      norm += (b[c] - f) ** 2;
    }
    // Where the foreground is close to the background (a dark outline on a dark wall),
    // the share is ill-conditioned and says nothing about a visible halo: skip it.
    if (norm < 3600) continue;
    sum += dot / norm;
    naive += dotNaive / norm;
    n++;
  }
  return { mean: n ? sum / n : 0, naive: n ? naive / n : 0, n };
}

/** Share of pixels whose colour and alpha the matte left exactly as they were. */
export function untouchedShare(input: RgbaImage, result: RgbaImage): number {
  let same = 0;
  for (let i = 0; i < input.data.length; i += 4) {
    if (
      input.data[i] === result.data[i] &&
      input.data[i + 1] === result.data[i + 1] &&
      input.data[i + 2] === result.data[i + 2] &&
      input.data[i + 3] === result.data[i + 3]
    )
      same++;
  }
  return same / (input.data.length / 4);
}
