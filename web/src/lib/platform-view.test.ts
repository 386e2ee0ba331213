import { describe, expect, it } from 'vitest';
import type { PlatformInfo } from '../api.ts';
import { platformView, uploadHint, zipContents } from './platform-view.ts';

const STICKER: PlatformInfo = {
  id: 'line-sticker',
  label: 'LINE animated sticker',
  format: 'apng',
  width: 320,
  height: 270,
  minSide: 270,
  maxBytes: 300 * 1024,
  transparency: true,
  minSetSize: 8,
  maxSetSize: 24,
  setSizes: [8, 16, 24],
  extras: [
    { name: 'main.png', width: 240, height: 240 },
    { name: 'tab.png', width: 96, height: 74 },
  ],
  fileNames: '01.png, 02.png, …',
  available: true,
  unavailableReason: null,
};

describe('platformView', () => {
  it('describes a job’s platform from the catalog, with the reason when it was not made', () => {
    const view = platformView('line-sticker', { unavailable: {} }, [STICKER]);
    expect(view).toMatchObject({ name: 'LINE stickers', format: 'apng', native: 270, unavailable: null });
    const missing = platformView('line-sticker', { unavailable: { 'line-sticker': 'no encoder' } }, [
      STICKER,
    ]);
    expect(missing.unavailable).toBe('no encoder');
  });

  it('still shows files as images when the catalog did not load', () => {
    expect(platformView('discord-emoji', {}, null)).toMatchObject({
      name: 'discord-emoji',
      format: 'apng',
      native: 180,
      fileNames: null,
    });
  });
});

describe('zipContents and uploadHint', () => {
  it('say what the ZIP holds and where it goes', () => {
    const view = platformView('line-sticker', {}, [STICKER]);
    expect(zipContents(view)).toBe(
      'The ZIP holds 01.png, 02.png, …, main.png and tab.png, with a manifest and the rule report.',
    );
    expect(uploadHint(view)).toMatch(/LINE Creators Market/);
    expect(uploadHint(platformView('somewhere-new', {}, null))).toBe(
      'Upload the files from the ZIP to somewhere-new.',
    );
    expect(zipContents(platformView('somewhere-new', {}, null))).toBeNull();
  });
});
