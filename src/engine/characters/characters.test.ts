import { describe, expect, it } from 'vitest';
import { CHARACTERS } from '../../domain/characters.ts';
import { prepareCharacterStage } from '../character-stage.ts';
import { alphaBounds, canvasToImage } from '../raster.ts';
import { meanAbsDiff } from '../testing.ts';
import { characterFace, drawCharacter, EXPRESSIONS, listCharacters, unitToCanvas } from './index.ts';

describe('drawCharacter', () => {
  it('can draw every character of the domain catalog', () => {
    expect(listCharacters().sort()).toEqual(CHARACTERS.map((c) => c.id).sort());
  });

  for (const c of CHARACTERS) {
    it(`draws ${c.id} centred, standing on the baseline, with headroom above`, () => {
      const img = drawCharacter(c.id, c.defaultColor, 512);
      expect(img.width).toBe(512);
      expect(img.data.length).toBe(512 * 512 * 4);
      const box = alphaBounds(img, 128)!;
      expect(box).toBeDefined();
      // Feet on the 94% baseline, head below the headroom line (long ears may reach 17%).
      expect(box.bottom).toBeGreaterThanOrEqual(512 * 0.92);
      expect(box.bottom).toBeLessThanOrEqual(512 * 0.95);
      expect(box.top).toBeGreaterThanOrEqual(512 * 0.17);
      expect(box.top).toBeLessThanOrEqual(512 * 0.3);
      expect(Math.abs((box.left + box.right) / 2 - 256)).toBeLessThan(512 * 0.04);
      expect(box.left).toBeGreaterThan(0);
      expect(box.right).toBeLessThan(512);
      let opaque = 0;
      for (let i = 3; i < img.data.length; i += 4) if (img.data[i] === 255) opaque++;
      expect(opaque / (512 * 512)).toBeGreaterThan(0.15);
    });

    it(`paints ${c.id}'s body in the requested colour`, () => {
      const colours = Object.values(c.presets);
      const a = drawCharacter(c.id, colours[0], 256);
      const b = drawCharacter(c.id, colours[1], 256);
      expect(meanAbsDiff(a.data, b.data)).toBeGreaterThan(3);
    });
  }

  for (const c of CHARACTERS) {
    it(`changes only ${c.id}'s face between expressions, never its outline`, () => {
      const neutral = drawCharacter(c.id, c.defaultColor, 256);
      for (const e of EXPRESSIONS.filter((x) => x !== 'neutral')) {
        const img = drawCharacter(c.id, c.defaultColor, 256, e);
        // Same alpha everywhere: swapping faces mid-animation cannot make the edge flicker.
        let alphaDiff = 0;
        for (let i = 3; i < img.data.length; i += 4)
          alphaDiff = Math.max(alphaDiff, Math.abs(img.data[i] - neutral.data[i]));
        expect(alphaDiff, e).toBe(0);
        expect(meanAbsDiff(img.data, neutral.data), e).toBeGreaterThan(0.01);
      }
    });

    it(`puts ${c.id}'s eye anchors on its eyes`, () => {
      const img = drawCharacter(c.id, c.defaultColor, 256);
      for (const [ux, uy] of characterFace(c.id, c.defaultColor).eyes) {
        const [fx, fy] = unitToCanvas(ux, uy);
        const p = (Math.round(fy * 256) * 256 + Math.round(fx * 256)) * 4;
        expect(img.data[p] + img.data[p + 1] + img.data[p + 2]).toBeLessThan(200);
      }
      // The same anchors, as the animation sees them, land on the eyes of the painted sprite.
      const { stage, face, sprite } = prepareCharacterStage({ id: c.id, color: c.defaultColor }, 180, false);
      const s = sprite('neutral');
      const px = canvasToImage(s.canvas);
      for (const [fx, fy] of face.eyes) {
        const x = Math.round(s.feetX + fx * stage.width);
        const y = Math.round(s.feetY - fy * stage.height);
        const p = (y * px.width + x) * 4;
        expect(px.data[p] + px.data[p + 1] + px.data[p + 2]).toBeLessThan(240);
      }
    });
  }

  it('rejects an unknown expression', () => {
    // @ts-expect-error: not an expression
    expect(() => drawCharacter('cat', '#ffb347', 64, 'smug')).toThrow(/unknown expression/);
  });

  it('is deterministic', () => {
    expect(drawCharacter('cat', '#ffb347', 128).data).toEqual(drawCharacter('cat', '#ffb347', 128).data);
  });

  it('rejects an unknown character and a bad colour', () => {
    expect(() => drawCharacter('dragon', '#ffffff', 512)).toThrow(/unknown character/);
    expect(() => drawCharacter('toString', '#ffffff', 512)).toThrow(/unknown character/);
    expect(() => drawCharacter('cat', 'orange', 512)).toThrow(/#rrggbb/);
  });
});
