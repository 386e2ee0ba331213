import { describe, expect, it } from 'vitest';
import { decodeApng } from './apng.decoder.ts';
import { alphaBounds, encodePng, makeTabImage } from './png.encoder.ts';
import { drawDisc } from './synthetic.fixtures.ts';

function redDisc(width: number, height: number, cx: number, cy: number, r: number) {
  const data = new Uint8Array(width * height * 4);
  drawDisc(data, width, cx, cy, r, () => [230, 30, 30]);
  return { width, height, data };
}

describe('encodePng', () => {
  it('stores RGBA losslessly, alpha included', async () => {
    const img = redDisc(40, 30, 20, 15, 9);
    const anim = decodeApng(await encodePng(img));
    expect([anim.width, anim.height, anim.hasAlpha, anim.animated]).toEqual([40, 30, true, false]);
    expect(Buffer.compare(anim.frames[0].rgba, img.data)).toBe(0);
  });
});

describe('makeTabImage', () => {
  it('trims, scales and centres the character inside a transparent margin', async () => {
    // A small character off-centre on a big canvas must end up filling the tab.
    const img = redDisc(300, 300, 60, 220, 40);
    const tab = decodeApng(await makeTabImage(img, 96, 74));
    expect([tab.width, tab.height]).toEqual([96, 74]);
    const bounds = alphaBounds({ width: 96, height: 74, data: tab.frames[0].rgba });
    expect(bounds).not.toBeNull();
    const b = bounds!;
    expect(b.top).toBeGreaterThanOrEqual(4);
    expect(b.left).toBeGreaterThanOrEqual(4);
    expect(b.top + b.height).toBeLessThanOrEqual(70);
    expect(b.left + b.width).toBeLessThanOrEqual(92);
    // Height is the tight side: 74 − 2·4 = 66 px.
    expect(b.height).toBeGreaterThanOrEqual(64);
    expect(Math.abs(b.left + b.width / 2 - 48)).toBeLessThanOrEqual(1);
    expect(Math.abs(b.top + b.height / 2 - 37)).toBeLessThanOrEqual(1);
  });

  it('keeps edge pixels the colour of the character instead of darkening them', async () => {
    const tab = decodeApng(await makeTabImage(redDisc(400, 400, 200, 200, 190), 96, 74)).frames[0].rgba;
    let edges = 0;
    let dark = 0;
    for (let s = 0; s < tab.length; s += 4) {
      // Below ~16 alpha 8-bit un-premultiplying cannot keep the hue; those pixels are invisible.
      if (tab[s + 3] < 16 || tab[s + 3] === 255) continue;
      edges++;
      if (tab[s] < 200) dark++;
    }
    expect(edges).toBeGreaterThan(20);
    expect(dark).toBe(0);
  });

  it('returns a blank tab for a fully transparent image', async () => {
    const blank = { width: 10, height: 10, data: new Uint8Array(400) };
    const tab = decodeApng(await makeTabImage(blank, 96, 74));
    expect([tab.width, tab.height]).toEqual([96, 74]);
    expect(tab.frames[0].rgba.every((v) => v === 0)).toBe(true);
  });
});
