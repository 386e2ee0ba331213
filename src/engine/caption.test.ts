import { describe, expect, it } from 'vitest';
import { animateCharacter } from './animate.ts';
import { captionFontFile, renderCaption } from './caption.ts';
import { canvasToImage } from './raster.ts';
import { meanAbsDiff, opaqueOnBorder } from './testing.ts';

const SIZE = 128;
const hasCjkFont = captionFontFile() !== undefined;

function layer(text: string): Uint8Array {
  const canvas = renderCaption(text, SIZE, 4);
  if (!canvas) throw new Error(`no caption drawn for ${text}`);
  return canvasToImage(canvas).data;
}

/** Pixels of the white caption fill (not the dark outline). */
function whiteInk(data: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 200 && data[i] > 200 && data[i + 2] > 200) n++;
  return n;
}

/**
 * Distinct glyphs must draw distinct shapes: a font without them draws the same
 * "tofu" box for every character, which has ink but says nothing.
 */
function expectRealGlyphs(chars: string[]): void {
  const layers = chars.map(layer);
  for (const l of layers) expect(whiteInk(l)).toBeGreaterThan(30);
  for (let i = 1; i < layers.length; i++) expect(meanAbsDiff(layers[0], layers[i])).toBeGreaterThan(0.5);
}

describe('captions', () => {
  it('draws a Latin caption with a white fill inside a dark outline, in the bottom band', () => {
    const data = layer('Thank you!');
    expect(whiteInk(data)).toBeGreaterThan(80);
    let dark = 0;
    let above = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 200 && data[i] < 80) dark++;
      if (data[i + 3] > 0 && i / 4 / SIZE < SIZE * 0.7) above++;
    }
    expect(dark).toBeGreaterThan(80);
    expect(above).toBe(0);
    expectRealGlyphs(['A', 'g', 'W']);
  });

  it.skipIf(!hasCjkFont)('draws Japanese captions with real glyphs (こんにちは)', () => {
    expect(whiteInk(layer('こんにちは'))).toBeGreaterThan(80);
    expectRealGlyphs(['こ', 'ん', 'に', '日']);
  });

  it.skipIf(!hasCjkFont)('draws Korean captions with real glyphs (안녕)', () => {
    expect(whiteInk(layer('안녕'))).toBeGreaterThan(80);
    expectRealGlyphs(['안', '녕', '하']);
  });

  it('shrinks a long caption to fit the frame and keeps frame 0 off the border', () => {
    for (const caption of ['Thank you so much!!', 'ありがとうございます', '정말 감사합니다']) {
      const seq = animateCharacter(
        { id: 'chick', color: '#ffd95a' },
        'thanks',
        { caption },
        {
          size: SIZE,
          frames: 4,
          durationMs: 1000,
        },
      );
      expect(opaqueOnBorder(seq.frames[0], SIZE, 2)).toBe(0);
    }
  });

  it('draws nothing for a blank caption', () => {
    expect(renderCaption('   ', SIZE, 4)).toBeUndefined();
  });
});
