import { describe, expect, it } from 'vitest';
import { CHARACTERS } from '../../domain/characters.ts';
import { alphaBounds } from '../raster.ts';
import { meanAbsDiff } from '../testing.ts';
import { drawCharacter, listCharacters } from './index.ts';

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
      // Feet on the 94% baseline, head below the 22% headroom line (ears may reach it).
      expect(box.bottom).toBeGreaterThanOrEqual(512 * 0.92);
      expect(box.bottom).toBeLessThanOrEqual(512 * 0.95);
      expect(box.top).toBeGreaterThanOrEqual(512 * 0.2);
      expect(box.top).toBeLessThanOrEqual(512 * 0.26);
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

  it('is deterministic', () => {
    expect(drawCharacter('cat', '#ffb347', 128).data).toEqual(drawCharacter('cat', '#ffb347', 128).data);
  });

  it('rejects an unknown character and a bad colour', () => {
    expect(() => drawCharacter('dragon', '#ffffff', 512)).toThrow(/unknown character/);
    expect(() => drawCharacter('toString', '#ffffff', 512)).toThrow(/unknown character/);
    expect(() => drawCharacter('cat', 'orange', 512)).toThrow(/#rrggbb/);
  });
});
