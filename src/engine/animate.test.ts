import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../domain/actions.ts';
import { CHARACTERS } from '../domain/characters.ts';
import type { FrameSequence, RgbaImage } from '../domain/image.ts';
import { animate } from './animate.ts';
import { drawCharacter } from './characters/index.ts';
import { normalizeCutout } from './cutout.ts';
import { canvasToImage } from './raster.ts';
import { prepareStage } from './stage.ts';
import { meanAbsDiff, opaqueOnBorder } from './testing.ts';

const SIZE = 180;
const SIZES = [128, 180] as const;
const cutouts = new Map<string, RgbaImage>();
const renders = new Map<string, FrameSequence>();

beforeAll(() => {
  for (const c of CHARACTERS) {
    const cut = normalizeCutout(drawCharacter(c.id, c.defaultColor, 512));
    cutouts.set(c.id, cut);
    for (const a of ACTIONS) {
      for (const size of SIZES) {
        const opts = { size, frames: a.defaultFrames, durationMs: a.defaultDurationMs };
        renders.set(`${a.id}/${c.id}/${size}`, animate(cut, a.id, {}, opts));
      }
    }
  }
});

/** Share of the resting character's solid pixels that are opaque in a frame. */
function restingCharacterShown(cut: RgbaImage, frame: Uint8Array, captioned = false, size = SIZE): number {
  const { stage, sprite } = prepareStage(cut, size, captioned);
  const img = canvasToImage(sprite.canvas);
  const ox = Math.round(stage.feetX - sprite.feetX);
  const oy = Math.round(stage.feetY - sprite.feetY);
  let solid = 0;
  let shown = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[(y * img.width + x) * 4 + 3] < 220) continue;
      solid++;
      if (frame[((y + oy) * size + x + ox) * 4 + 3] >= 128) shown++;
    }
  }
  return shown / solid;
}

describe('animate', () => {
  for (const a of ACTIONS) {
    for (const c of CHARACTERS) {
      it(`${a.id}/${c.id} cut-out: right frames, whole character in frame 0, seamless and moving at 128 and 180 px`, () => {
        for (const size of SIZES) {
          const seq = renders.get(`${a.id}/${c.id}/${size}`)!;
          expect(seq.width).toBe(size);
          expect(seq.height).toBe(size);
          expect(seq.durationMs).toBe(a.defaultDurationMs);
          expect(seq.frames).toHaveLength(a.defaultFrames);
          for (const f of seq.frames) expect(f.length).toBe(size * size * 4);

          expect(opaqueOnBorder(seq.frames[0], size, 2)).toBe(0);
          expect(restingCharacterShown(cutouts.get(c.id)!, seq.frames[0], false, size)).toBeGreaterThan(0.99);

          const steps = seq.frames.slice(1).map((f, i) => meanAbsDiff(seq.frames[i], f));
          const wrap = meanAbsDiff(seq.frames[seq.frames.length - 1], seq.frames[0]);
          expect(Math.max(...steps)).toBeGreaterThan(0.5);
          expect(wrap).toBeLessThanOrEqual(1.5 * Math.max(...steps));
        }
      });
    }
  }

  it('renders every pair of actions clearly differently for an upload too', () => {
    // An upload keeps one face, so only motion and effects tell its actions apart.
    const seqs = ACTIONS.map((a) => renders.get(`${a.id}/cat/128`)!);
    const phases = 8;
    let closest = { d: Number.POSITIVE_INFINITY, pair: '' };
    for (let i = 0; i < seqs.length; i++) {
      for (let j = i + 1; j < seqs.length; j++) {
        let d = 0;
        for (let k = 0; k < phases; k++) {
          const a = seqs[i].frames[Math.floor((k / phases) * seqs[i].frames.length)];
          const b = seqs[j].frames[Math.floor((k / phases) * seqs[j].frames.length)];
          d += meanAbsDiff(a, b) / phases;
        }
        if (d < closest.d) closest = { d, pair: `${ACTIONS[i].id}~${ACTIONS[j].id}` };
      }
    }
    expect(closest.d, closest.pair).toBeGreaterThan(6);
  });

  it('renders a visibly different variant of every action for a new seed (a retry), still seamless with the whole character in frame 0', () => {
    const cut = cutouts.get('cat')!;
    for (const a of ACTIONS) {
      const base = renders.get(`${a.id}/cat/128`)!;
      for (const seed of [1, 987654321]) {
        const seq = animate(
          cut,
          a.id,
          { seed },
          { size: 128, frames: a.defaultFrames, durationMs: a.defaultDurationMs },
        );
        let apart = 0;
        for (let i = 1; i < seq.frames.length; i++)
          apart += meanAbsDiff(base.frames[i], seq.frames[i]) / (seq.frames.length - 1);
        expect(apart, `${a.id} seed ${seed}`).toBeGreaterThan(1);
        expect(opaqueOnBorder(seq.frames[0], 128, 2)).toBe(0);
        expect(restingCharacterShown(cut, seq.frames[0], false, 128)).toBeGreaterThan(0.99);
        const steps = seq.frames.slice(1).map((f, i) => meanAbsDiff(seq.frames[i], f));
        expect(meanAbsDiff(seq.frames[seq.frames.length - 1], seq.frames[0])).toBeLessThanOrEqual(
          1.5 * Math.max(...steps),
        );
      }
    }
  });

  it('renders identical bytes for identical inputs', () => {
    const cut = cutouts.get('bear')!;
    const params = { seed: 42, intensity: 0.8, caption: 'Hi!' };
    for (const id of ['party', 'love', 'angry']) {
      const a = animate(cut, id, params, { size: SIZE, frames: 8, durationMs: 1000 });
      const b = animate(cut, id, params, { size: SIZE, frames: 8, durationMs: 1000 });
      for (const [i, f] of a.frames.entries()) expect(Buffer.compare(f, b.frames[i])).toBe(0);
    }
  });

  it('draws the same frames into one block of shared memory when asked', () => {
    const cut = cutouts.get('bear')!;
    const opts = { size: SIZE, frames: 6, durationMs: 1000 };
    const plain = animate(cut, 'party', { seed: 7 }, opts);
    const shared = animate(cut, 'party', { seed: 7 }, { ...opts, shared: true });
    const block = shared.frames[0].buffer;
    expect(block).toBeInstanceOf(SharedArrayBuffer);
    expect(block.byteLength).toBe(6 * SIZE * SIZE * 4);
    for (const [i, f] of shared.frames.entries()) {
      expect(f.buffer).toBe(block);
      expect(Buffer.compare(f, plain.frames[i])).toBe(0);
    }
    expect(plain.frames[0].buffer).toBeInstanceOf(ArrayBuffer);
  });

  it('varies particle effects with the seed', () => {
    const cut = cutouts.get('blob')!;
    for (const id of ['party', 'love']) {
      const a = animate(cut, id, { seed: 1 }, { size: SIZE, frames: 6, durationMs: 1000 });
      const b = animate(cut, id, { seed: 2 }, { size: SIZE, frames: 6, durationMs: 1000 });
      expect(meanAbsDiff(a.frames[3], b.frames[3])).toBeGreaterThan(0.3);
    }
  });

  it('stays seamless and keeps frame 0 clean at every speed and intensity', () => {
    const cut = cutouts.get('cat')!;
    for (const speed of [0.5, 1.5, 2]) {
      for (const intensity of [0, 1]) {
        for (const id of ['jump', 'party', 'angry', 'hello']) {
          const seq = animate(cut, id, { speed, intensity }, { size: SIZE, frames: 12, durationMs: 1000 });
          const steps = seq.frames.slice(1).map((f, i) => meanAbsDiff(seq.frames[i], f));
          expect(meanAbsDiff(seq.frames[11], seq.frames[0])).toBeLessThanOrEqual(1.5 * Math.max(...steps));
          expect(opaqueOnBorder(seq.frames[0], SIZE, 2)).toBe(0);
        }
      }
    }
  });

  it('draws a caption in the bottom band without breaking the frame-0 rule', () => {
    const cut = cutouts.get('bear')!;
    const opts = { size: SIZE, frames: 4, durationMs: 1000 };
    const plain = animate(cut, 'hello', {}, opts);
    const captioned = animate(cut, 'hello', { caption: 'Thank you so much!!' }, opts);
    expect(opaqueOnBorder(captioned.frames[0], SIZE, 2)).toBe(0);
    expect(restingCharacterShown(cut, captioned.frames[0], true)).toBeGreaterThan(0.99);
    let inkInBand = 0;
    for (let y = Math.floor(SIZE * 0.8); y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) if (captioned.frames[0][(y * SIZE + x) * 4 + 3] >= 128) inkInBand++;
    }
    expect(inkInBand).toBeGreaterThan(SIZE * 2);
    expect(meanAbsDiff(plain.frames[0], captioned.frames[0])).toBeGreaterThan(1);
  });

  it('lets every action take an accent colour, an intensity and a speed', () => {
    const cut = cutouts.get('cat')!;
    const opts = { size: 96, frames: 16, durationMs: 2000 };
    const loopDiff = (x: FrameSequence, y: FrameSequence) =>
      x.frames.reduce((sum, f, i) => sum + meanAbsDiff(f, y.frames[i]), 0) / x.frames.length;
    for (const a of ACTIONS) {
      const base = animate(cut, a.id, {}, opts);
      expect(
        loopDiff(base, animate(cut, a.id, { accent: '#22aa44' }, opts)),
        `${a.id} accent`,
      ).toBeGreaterThan(0.05);
      expect(loopDiff(base, animate(cut, a.id, { intensity: 1 }, opts)), `${a.id} intensity`).toBeGreaterThan(
        0.2,
      );
      expect(loopDiff(base, animate(cut, a.id, { speed: 2 }, opts)), `${a.id} speed`).toBeGreaterThan(0.2);
    }
  });

  it('rejects an unknown action, a bad accent and bad options', () => {
    const cut = cutouts.get('cat')!;
    const opts = { size: SIZE, frames: 4, durationMs: 1000 };
    expect(() => animate(cut, 'moonwalk', {}, opts)).toThrow(/unknown action/);
    expect(() => animate(cut, 'love', { accent: 'red' }, opts)).toThrow(/#rrggbb/);
    expect(() => animate(cut, 'love', {}, { ...opts, frames: 0 })).toThrow(/frames/);
  });
});
