import { describe, expect, it } from 'vitest';
import { ACTIONS, type ActionDefinition } from '../domain/actions.ts';
import { CHARACTERS, type CharacterDefinition } from '../domain/characters.ts';
import type { FrameSequence } from '../domain/image.ts';
import { animateCharacter } from './animate.ts';
import { prepareCharacterStage } from './character-stage.ts';
import { canvasToImage } from './raster.ts';
import { meanAbsDiff, opaqueOnBorder } from './testing.ts';

const SIZES = [128, 180] as const;
const renders = new Map<string, FrameSequence>();

/** Renders (once) an action for a character in its default colour. */
function render(a: ActionDefinition, c: CharacterDefinition, size: number): FrameSequence {
  const key = `${a.id}/${c.id}/${size}`;
  let seq = renders.get(key);
  if (!seq) {
    const opts = { size, frames: a.defaultFrames, durationMs: a.defaultDurationMs };
    seq = animateCharacter({ id: c.id, color: c.defaultColor }, a.id, {}, opts);
    renders.set(key, seq);
  }
  return seq;
}

const silhouettes = new Map<string, number[]>();

/** Frame pixel indexes of the resting character's solid pixels (the outline is the same for every face). */
function silhouette(c: CharacterDefinition, size: number): number[] {
  const key = `${c.id}/${size}`;
  const hit = silhouettes.get(key);
  if (hit) return hit;
  const { stage, sprite } = prepareCharacterStage({ id: c.id, color: c.defaultColor }, size, false);
  const s = sprite('neutral');
  const img = canvasToImage(s.canvas);
  const ox = Math.round(stage.feetX - s.feetX);
  const oy = Math.round(stage.feetY - s.feetY);
  const solid: number[] = [];
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[(y * img.width + x) * 4 + 3] >= 220) solid.push((y + oy) * size + x + ox);
    }
  }
  silhouettes.set(key, solid);
  return solid;
}

/** Share of the resting silhouette's solid pixels that are opaque in a frame. */
function silhouetteShown(c: CharacterDefinition, size: number, frame: Uint8Array): number {
  const solid = silhouette(c, size);
  return solid.filter((i) => frame[i * 4 + 3] >= 128).length / solid.length;
}

/** Mean difference of two loops compared at the same phases, whatever their frame counts. */
function loopDistance(a: FrameSequence, b: FrameSequence): number {
  const phases = 8;
  let sum = 0;
  for (let k = 0; k < phases; k++) {
    const fa = a.frames[Math.floor((k / phases) * a.frames.length)];
    const fb = b.frames[Math.floor((k / phases) * b.frames.length)];
    sum += meanAbsDiff(fa, fb);
  }
  return sum / phases;
}

describe('animateCharacter', () => {
  for (const a of ACTIONS) {
    for (const c of CHARACTERS) {
      it(`${a.id}/${c.id}: right frames, whole character in frame 0, seamless and moving at 128 and 180 px`, () => {
        for (const size of SIZES) {
          const seq = render(a, c, size);
          expect(seq.width).toBe(size);
          expect(seq.height).toBe(size);
          expect(seq.durationMs).toBe(a.defaultDurationMs);
          expect(seq.frames).toHaveLength(a.defaultFrames);
          for (const f of seq.frames) expect(f.length).toBe(size * size * 4);

          expect(opaqueOnBorder(seq.frames[0], size, 2)).toBe(0);
          expect(silhouetteShown(c, size, seq.frames[0])).toBeGreaterThan(0.99);

          const steps = seq.frames.slice(1).map((f, i) => meanAbsDiff(seq.frames[i], f));
          const wrap = meanAbsDiff(seq.frames[seq.frames.length - 1], seq.frames[0]);
          expect(Math.max(...steps)).toBeGreaterThan(0.5);
          expect(wrap).toBeLessThanOrEqual(1.5 * Math.max(...steps));
        }
      });
    }
  }

  for (const c of CHARACTERS) {
    it(`renders every pair of actions clearly differently for ${c.id}`, () => {
      const seqs = ACTIONS.map((a) => render(a, c, 128));
      let closest = { d: Number.POSITIVE_INFINITY, pair: '' };
      for (let i = 0; i < seqs.length; i++) {
        for (let j = i + 1; j < seqs.length; j++) {
          const d = loopDistance(seqs[i], seqs[j]);
          if (d < closest.d) closest = { d, pair: `${ACTIONS[i].id}~${ACTIONS[j].id}` };
        }
      }
      expect(closest.d, closest.pair).toBeGreaterThan(6);
    });
  }

  it('changes the face with the action: a crying cat does not smile like a laughing one', () => {
    const cat = CHARACTERS.find((c) => c.id === 'cat')!;
    const { stage } = prepareCharacterStage({ id: 'cat', color: cat.defaultColor }, 180, false);
    // Compare only the head, where the expressions differ, in frame 0 (the rest pose).
    const head = (seq: FrameSequence) => {
      const out: number[] = [];
      const top = Math.round(stage.feetY - stage.height);
      for (let y = top; y < top + stage.height * 0.45; y++) {
        for (let x = Math.round(stage.feetX - stage.width / 2); x < stage.feetX + stage.width / 2; x++) {
          const p = (y * 180 + x) * 4;
          out.push(seq.frames[0][p], seq.frames[0][p + 1], seq.frames[0][p + 2]);
        }
      }
      return Uint8Array.from(out);
    };
    const cry = head(render(ACTIONS.find((a) => a.id === 'cry')!, cat, 180));
    const laugh = head(render(ACTIONS.find((a) => a.id === 'laugh')!, cat, 180));
    expect(meanAbsDiff(cry, laugh)).toBeGreaterThan(4);
  });

  it('renders identical bytes for identical inputs', () => {
    const spec = { id: 'frog', color: '#56c2b4' };
    const params = { seed: 42, intensity: 0.8, caption: 'Hi!' };
    for (const id of ['party', 'celebrate', 'cheer', 'dance']) {
      const opts = { size: 180, frames: 8, durationMs: 1000 };
      const a = animateCharacter(spec, id, params, opts);
      const b = animateCharacter(spec, id, params, opts);
      for (const [i, f] of a.frames.entries()) expect(Buffer.compare(f, b.frames[i])).toBe(0);
    }
  });

  it('keeps frame 0 clean and the loop seamless at 512 px and at extreme settings', () => {
    const spec = { id: 'bunny', color: '#a8826a' };
    for (const id of ['jump', 'spin', 'cheer', 'goodnight']) {
      for (const params of [
        { speed: 2, intensity: 1 },
        { speed: 0.5, intensity: 0 },
      ]) {
        const seq = animateCharacter(spec, id, params, { size: 512, frames: 8, durationMs: 2000 });
        expect(opaqueOnBorder(seq.frames[0], 512, 2)).toBe(0);
        const steps = seq.frames.slice(1).map((f, i) => meanAbsDiff(seq.frames[i], f));
        expect(meanAbsDiff(seq.frames[7], seq.frames[0])).toBeLessThanOrEqual(1.5 * Math.max(...steps));
      }
    }
  });

  it('rejects an unknown character, a bad colour and an unknown action', () => {
    const opts = { size: 128, frames: 4, durationMs: 1000 };
    expect(() => animateCharacter({ id: 'dragon', color: '#ffffff' }, 'love', {}, opts)).toThrow(
      /unknown character/,
    );
    expect(() => animateCharacter({ id: 'cat', color: 'orange' }, 'love', {}, opts)).toThrow(/#rrggbb/);
    expect(() => animateCharacter({ id: 'cat', color: '#ffb347' }, 'moonwalk', {}, opts)).toThrow(
      /unknown action/,
    );
  });
});
