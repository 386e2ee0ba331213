import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeApng } from './apng.decoder.ts';
import { emojiFrames, fillRect } from './synthetic.fixtures.ts';

const W = 7;
const H = 5;
const source = new Uint8Array(W * H * 4);
for (let i = 0; i < W * H; i++) {
  source.set(
    [(i * 40) % 256, (i * 13) % 256, (i * 7) % 256, i % 3 === 0 ? 0 : i % 3 === 1 ? 255 : 100],
    i * 4,
  );
}
const base = () => sharp(source, { raw: { width: W, height: H, channels: 4 } });

/** What libvips itself decodes from `png`, as 8-bit RGBA. */
async function sharpRgba(png: Buffer): Promise<Uint8Array> {
  return new Uint8Array(await sharp(png).toColourspace('srgb').ensureAlpha().raw().toBuffer());
}

describe('decodeApng reads PNGs written by libvips', () => {
  const cases: [string, () => Sharp, number, number][] = [
    ['RGBA', () => base().png(), 6, 8],
    ['RGB', () => base().removeAlpha().png(), 2, 8],
    ['greyscale', () => base().removeAlpha().toColourspace('b-w').png(), 0, 8],
    ['greyscale + alpha', () => base().toColourspace('b-w').png(), 4, 8],
    ['1-bit palette', () => base().png({ palette: true, colors: 2 }), 3, 1],
    ['2-bit palette', () => base().png({ palette: true, colors: 4 }), 3, 2],
    ['4-bit palette', () => base().png({ palette: true, colors: 16 }), 3, 4],
    ['Adam7-interlaced RGBA', () => base().png({ progressive: true }), 6, 8],
  ];
  for (const [name, make, colorType, bitDepth] of cases) {
    it(`decodes ${name} like libvips does`, async () => {
      const png = await make().toBuffer();
      const anim = decodeApng(png);
      expect([anim.colorType, anim.bitDepth]).toEqual([colorType, bitDepth]);
      expect(anim.frames[0].rgba).toEqual(await sharpRgba(png));
    });
  }

  it('decodes 16-bit RGBA to the 8-bit values it was made from', async () => {
    const png = await base().toColourspace('rgb16').png().toBuffer();
    const anim = decodeApng(png);
    expect(anim.bitDepth).toBe(16);
    expect(anim.frames[0].rgba).toEqual(source);
  });
});

const APNGASM = '/usr/bin/apngasm';
const hasApngasm = fs.existsSync(APNGASM);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-apngasm-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('decodeApng reads files made by apngasm', () => {
  it.skipIf(!hasApngasm)('reproduces every frame of an apngasm-optimised animation exactly', async () => {
    const seq = emojiFrames(48, 48, 6, 1200);
    // apngasm merges identical frames; a marker that walks along the bottom keeps all six.
    for (const [i, frame] of seq.frames.entries())
      fillRect(frame, 48, 4 + i * 6, 44, 3, 3, [20, 200, 90, 255]);
    const names: string[] = [];
    for (const [i, frame] of seq.frames.entries()) {
      const name = path.join(tmp, `f${i}.png`);
      await sharp(frame, { raw: { width: 48, height: 48, channels: 4 } })
        .png()
        .toFile(name);
      names.push(name);
    }
    const out = path.join(tmp, 'anim.png');
    execFileSync(APNGASM, [out, ...names, '1', '5', '-z0'], { stdio: 'ignore' });
    const anim = decodeApng(fs.readFileSync(out));
    expect(anim.frames).toHaveLength(6);
    expect(anim.numPlays).toBe(0);
    for (const [i, f] of anim.frames.entries()) {
      expect([f.delayNum, f.delayDen]).toEqual([1, 5]);
      expect(f.rgba).toEqual(seq.frames[i]);
    }
  });
});
