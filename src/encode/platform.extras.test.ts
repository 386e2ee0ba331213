import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PLATFORM_IDS } from '../domain/platforms.ts';
import { platformExtras, zipLayout } from './platform.extras.ts';
import { emojiFrames, noiseFrames } from './synthetic.fixtures.ts';

const character = { width: 512, height: 512, data: emojiFrames(512, 512, 1, 100).frames[0] };

async function describePng(png: Buffer) {
  const meta = await sharp(png).metadata();
  return { format: meta.format, size: `${meta.width}x${meta.height}`, alpha: meta.hasAlpha };
}

describe('platformExtras', () => {
  it('makes LINE emoji a 96×74 tab, LINE stickers a 240×240 main image and the tab', async () => {
    const emoji = await platformExtras(character, 'line-emoji');
    expect(Object.keys(emoji)).toEqual(['tab.png']);
    expect(await describePng(emoji['tab.png'])).toEqual({ format: 'png', size: '96x74', alpha: true });
    const sticker = await platformExtras(character, 'line-sticker');
    expect(Object.keys(sticker)).toEqual(['main.png', 'tab.png']);
    expect(await describePng(sticker['main.png'])).toEqual({ format: 'png', size: '240x240', alpha: true });
  });

  it('makes WhatsApp a 96×96 tray icon under 50 KB, even from a noisy picture', async () => {
    const noisy = { width: 512, height: 512, data: noiseFrames(512, 512, 1, 100, 0).frames[0] };
    for (const img of [character, noisy]) {
      const { 'tray.png': tray } = await platformExtras(img, 'whatsapp-sticker');
      expect(await describePng(tray)).toMatchObject({ format: 'png', size: '96x96' });
      expect(tray.length).toBeLessThanOrEqual(50 * 1024);
    }
  });

  it('makes nothing for platforms without per-set images', async () => {
    for (const p of ['discord-emoji', 'slack-emoji', 'telegram-sticker', 'kakao-emoticon'] as const) {
      expect(await platformExtras(character, p)).toEqual({});
    }
  });
});

describe('zipLayout', () => {
  it('names files the way each platform expects', () => {
    const names = Object.fromEntries(
      PLATFORM_IDS.map((p) => {
        const layout = zipLayout(p);
        return [p, [layout.fileName(0), layout.fileName(23), ...layout.extras]];
      }),
    );
    expect(names).toEqual({
      'line-emoji': ['001.png', '024.png', 'tab.png'],
      'line-sticker': ['01.png', '24.png', 'main.png', 'tab.png'],
      'discord-emoji': ['001.gif', '024.gif'],
      'slack-emoji': ['001.gif', '024.gif'],
      'telegram-sticker': ['001.webm', '024.webm'],
      'whatsapp-sticker': ['001.webp', '024.webp', 'tray.png'],
      'kakao-emoticon': ['001.gif', '024.gif'],
    });
    expect(zipLayout('telegram-sticker')).toMatchObject({ extension: '.webm', contentType: 'video/webm' });
  });
});
