import { describe, expect, it } from 'vitest';
import { animateCharacter } from './animate.ts';
import { captionFontFile, emojiFontFile, renderCaption } from './caption.ts';
import { canvasToImage } from './raster.ts';
import { meanAbsDiff, opaqueOnBorder } from './testing.ts';

const SIZE = 128;
const hasCjkFont = captionFontFile() !== undefined;
const hasEmojiFont = emojiFontFile() !== undefined;

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

  it.skipIf(!hasEmojiFont)('draws emoji in a caption in colour, next to the text (Hi ❤️)', () => {
    const data = layer('Hi ❤️');
    let red = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 200 && data[i] > 180 && data[i + 1] < 90 && data[i + 2] < 90) red++;
    }
    expect(red).toBeGreaterThan(40);
    expect(whiteInk(data)).toBeGreaterThan(30);
    // Colour glyphs, not one-colour boxes: the text itself is white on dark ink, so only an
    // emoji font puts saturated pixels on the layer.
    const saturated = (text: string) => {
      const d = layer(text);
      let n = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] > 200 && Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 100)
          n++;
      }
      return n;
    };
    expect(saturated('👋')).toBeGreaterThan(40);
    expect(saturated('🎉')).toBeGreaterThan(40);
    expect(saturated('Hi')).toBe(0);
    expect(meanAbsDiff(layer('👋'), layer('🎉'))).toBeGreaterThan(0.5);
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
