import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startServer } from '../src/api/server.ts';
import { loadConfig } from '../src/config/config.ts';
import {
  browserServerForFile,
  fetchInPage,
  fullPageScreenshot,
  hasChromium,
  openPage,
  SCREENSHOTS,
} from './support/browser.ts';
import { characterOnFlatBackground } from './support/images.ts';

const ctx = browserServerForFile('popcon-browser-');

/**
 * Distinct screenshots of an emoji over about 1.5 s: more than one means it animates.
 * LINE files play 1–4 times and then rest, so the emoji is shown afresh (a new
 * blob URL starts a new animation) rather than watched after it may have stopped.
 */
async function distinctFrames(page: Page, src: string): Promise<number> {
  await page.evaluate(async (url) => {
    const blob = await (await fetch(url)).blob();
    const img = document.createElement('img');
    img.id = 'animation-probe';
    img.width = 180;
    img.height = 180;
    img.src = URL.createObjectURL(blob);
    document.body.prepend(img);
    await img.decode();
  }, src);
  const selector = '#animation-probe';
  const seen = new Set<string>();
  for (let i = 0; i < 8; i++) {
    seen.add((await page.locator(selector).screenshot()).toString('base64'));
    await page.waitForTimeout(180);
  }
  return seen.size;
}

describe.skipIf(!hasChromium)('PopCon in a real browser', () => {
  it('uploads a picture, generates a set and shows the animated emojis with a download', async () => {
    const { page, errors } = await openPage(ctx);

    await page.goto(ctx.server.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'landing.png'),
      fullPage: true,
      animations: 'disabled',
    });

    await page
      .getByRole('link', { name: /start creating/i })
      .first()
      .click();
    await page.waitForURL(/\/create$/);
    const png = await characterOnFlatBackground(400);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'tomato.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Pick 8' }).click();
    await fullPageScreenshot(page, 'editor.png');
    await page.getByRole('button', { name: /generate set/i }).click();

    await page.waitForURL(/\/jobs\/[A-Za-z0-9_-]+$/);
    const download = page.getByRole('link', { name: /download zip/i });
    await download.waitFor({ timeout: 90_000 });
    const images = page.locator('img.tile__img');
    await expect.poll(() => images.count()).toBe(8);
    await expect
      .poll(() =>
        images.evaluateAll((els) => els.every((el) => (el as HTMLImageElement).naturalWidth === 180)),
      )
      .toBe(true);
    const firstSrc = await images.first().getAttribute('src');
    expect(await distinctFrames(page, firstSrc!)).toBeGreaterThan(1);
    await page.evaluate(() => document.getElementById('animation-probe')?.remove());
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'job-complete.png'),
      fullPage: true,
      animations: 'disabled',
    });

    const zip = await fetchInPage(page, (await download.getAttribute('href'))!);
    expect(zip.status).toBe(200);
    expect(zip.type).toBe('application/zip');
    expect(zip.body.byteLength).toBeGreaterThan(10_000);

    await page.setViewportSize({ width: 390, height: 844 });
    // A phone shows the set two a row, within the screen's width.
    const top = (i: number) => images.nth(i).evaluate((el) => el.getBoundingClientRect().top);
    await expect.poll(async () => (await top(0)) === (await top(1))).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'job-complete-mobile.png'),
      fullPage: true,
      animations: 'disabled',
    });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('makes one set for LINE emoji and Discord, with a caption, and shows each platform in its own tab', async () => {
    const { page, errors } = await openPage(ctx);

    await page.goto(`${ctx.server.url}/create`);
    await page.getByText('Use a built-in').click();
    await page.getByText('Cat', { exact: true }).click();
    expect(await page.getByRole('radio', { name: 'Cat', exact: true }).isChecked()).toBe(true);
    const lineCard = page.getByRole('checkbox', { name: /^LINE animated emoji/ });
    expect(await lineCard.isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: /^Discord emoji/ }).check();
    await page.getByRole('button', { name: 'Pick 8' }).click();

    // The catalog shows the chosen character acting each action out, drawn by the server.
    const previews = page.locator('.action-card__preview');
    expect(await previews.count()).toBe(await page.locator('.action-card').count());
    expect(await previews.first().getAttribute('src')).toMatch(
      /^\/api\/actions\/hello\/preview\.png\?character=cat&color=%23[0-9a-f]{6}$/,
    );
    await page.locator('.action-grid').scrollIntoViewIfNeeded();
    await expect
      .poll(() =>
        previews.evaluateAll((imgs) => imgs.slice(0, 8).map((i) => (i as HTMLImageElement).naturalWidth)),
      )
      .toEqual(Array(8).fill(96));

    // A third platform with its own set-size rule holds the set back, and says why.
    const status = page.locator('#generate-reason');
    const kakao = page.getByRole('checkbox', { name: /^KakaoTalk emoticon/ });
    await kakao.check();
    await expect.poll(() => status.textContent()).toBe('KakaoTalk needs exactly 24 emojis — you have 8.');
    expect(await page.getByRole('button', { name: /generate set/i }).isDisabled()).toBe(true);
    await kakao.uncheck();
    await expect.poll(() => status.textContent()).toBe('Ready: 8 emojis for LINE emoji and Discord.');

    // Emoji 3 (Love) gets a caption: cut at 16 characters as the server counts them.
    await page.getByRole('button', { name: /caption & colour for love \(number 3\)/i }).click();
    const caption = page.getByRole('textbox', { name: 'Caption' });
    expect(await caption.getAttribute('placeholder')).toBe('e.g. Love you');
    await caption.fill('ありがとうございます!!!!!!!!!');
    expect(await caption.inputValue()).toBe('ありがとうございます!!!!!!');
    await caption.fill('Love you!');
    await expect.poll(() => page.getByText('9 / 16').isVisible()).toBe(true);
    await fullPageScreenshot(page, 'editor-caption.png');

    const sent = page.waitForRequest((r) => r.url().endsWith('/api/generate-set'));
    await page.getByRole('button', { name: /generate set/i }).click();
    const form = (await sent).postData() ?? '';
    expect(form).toContain('line-emoji,discord-emoji');
    expect(form).toContain('{"action":"love","caption":"Love you!"}');

    await page.waitForURL(/\/jobs\/[A-Za-z0-9_-]+$/);
    // The pointer stays where Generate was; park it, so no tile is caught hovered in the screenshots.
    await page.mouse.move(0, 0);
    await page.getByRole('link', { name: 'Download ZIP for LINE emoji' }).waitFor({ timeout: 90_000 });
    const tabs = page.getByRole('tab');
    expect(await tabs.allTextContents()).toEqual(['LINE emoji', 'Discord']);
    const panel = page.getByRole('tabpanel');
    expect(await panel.getAttribute('aria-labelledby')).toBe(
      await page.getByRole('tab', { selected: true }).getAttribute('id'),
    );
    await expectFiles(page, panel, { width: 180, shown: 180, type: 'image/png' });
    await expect.poll(() => panel.getByText('“Love you!”').isVisible()).toBe(true);
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'job-line-emoji.png'),
      fullPage: true,
      animations: 'disabled',
    });
    await expectZip(page, 'LINE emoji', ['001.png', '008.png', 'tab.png']);

    // Arrow keys move between tabs and take the focus along.
    await page.getByRole('tab', { name: 'LINE emoji' }).focus();
    await page.keyboard.press('ArrowRight');
    const discord = page.getByRole('tab', { name: 'Discord' });
    await expect.poll(() => discord.getAttribute('aria-selected')).toBe('true');
    expect(await discord.evaluate((el) => el === document.activeElement)).toBe(true);
    // 128 px GIFs, shown twice their size with hard pixel edges.
    await expectFiles(page, panel, { width: 128, shown: 256, type: 'image/gif', pixelated: true });
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'job-discord.png'),
      fullPage: true,
      animations: 'disabled',
    });
    await expectZip(page, 'Discord', ['001.gif', '008.gif']);

    // The large preview shows the selected platform's file.
    await panel.locator('button.tile__media').first().click();
    const dialog = page.getByRole('dialog');
    const preview = dialog.locator('img');
    expect(await preview.getAttribute('src')).toBe(
      await panel.locator('img.tile__img').first().getAttribute('src'),
    );
    await expect.poll(() => preview.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(128);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    const opener = panel.locator('button.tile__media').first();
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);

    // Home and End work from the tabs too.
    await page.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('LINE emoji');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.keyboard.press('ArrowRight');
    await expectFiles(page, panel, { width: 128, shown: 128, type: 'image/gif' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'job-mobile.png'),
      fullPage: true,
      animations: 'disabled',
    });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('shows a platform this server cannot make as disabled, and a refused set’s reason next to the form', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-browser-noffmpeg-'));
    const bare = await startServer(
      loadConfig({ DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent', FFMPEG_PATH: '/nonexistent/ffmpeg' }),
      { worker: false },
    );
    const page = await ctx.browser.context.newPage();
    try {
      await page.goto(`${bare.url}/create`);
      const telegram = page.getByRole('checkbox', { name: /^Telegram video sticker/ });
      await telegram.waitFor();
      expect(await telegram.isDisabled()).toBe(true);
      expect(await telegram.getAttribute('aria-describedby')).toBeTruthy();
      const reason = page.getByText(/^Not available here: .*ffmpeg/);
      expect(await reason.isVisible()).toBe(true);
      expect(await page.getByRole('checkbox', { name: /^Discord emoji/ }).isDisabled()).toBe(false);

      // The server's refusal is shown as it says it, and the emoji it names is opened.
      const refusal = 'emoji 4 (kiss): caption has 28 characters; at most 16 fit';
      await page.route('**/api/generate-set', (route) =>
        route.fulfill({
          status: 422,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'invalid_params', message: refusal } }),
        }),
      );
      await page.getByText('Use a built-in').click();
      await page.getByRole('button', { name: 'Pick 8' }).click();
      await page.getByRole('button', { name: /generate set/i }).click();
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain(refusal);
      const kiss = page.getByRole('button', { name: /caption & colour for kiss \(number 4\)/i });
      expect(await kiss.getAttribute('aria-expanded')).toBe('true');
      expect(
        await page.getByRole('textbox', { name: 'Caption' }).evaluate((el) => el === document.activeElement),
      ).toBe(true);
    } finally {
      await page.close();
      await bare.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** Every tile of the tab panel shows the platform's files: their type, pixel size and display size. */
async function expectFiles(
  page: Page,
  panel: Locator,
  want: { width: number; shown: number; type: string; pixelated?: boolean },
): Promise<void> {
  const images = panel.locator('img.tile__img');
  await expect.poll(() => images.count()).toBe(8);
  await expect
    .poll(() => images.evaluateAll((els) => els.map((el) => (el as HTMLImageElement).naturalWidth)))
    .toEqual(Array(8).fill(want.width));
  const shown = await images.evaluateAll((els) =>
    els.map((el) => ({
      // Layout size; the tiles' entrance animation scales them for a moment.
      width: (el as HTMLElement).offsetWidth,
      rendering: getComputedStyle(el).imageRendering,
    })),
  );
  for (const s of shown) {
    expect(s.width).toBe(want.shown);
    expect(s.rendering).toBe(want.pixelated ? 'pixelated' : 'auto');
  }
  const sources = await images.evaluateAll((els) => els.map((el) => (el as HTMLImageElement).src));
  for (const src of sources) expect((await fetchInPage(page, src)).type).toBe(want.type);
}

/** The selected tab's download is a ZIP of the platform's own files. */
async function expectZip(page: Page, platform: string, names: string[]): Promise<void> {
  const link = page.getByRole('link', { name: `Download ZIP for ${platform}` });
  const zip = await fetchInPage(page, (await link.getAttribute('href'))!);
  expect(zip.type).toBe('application/zip');
  const files = Object.keys(unzipSync(zip.body));
  expect(files).toEqual(expect.arrayContaining([...names, 'manifest.json', 'validation.json']));
  const numbered = files.filter((f) => /^\d+\./.test(f));
  expect(numbered).toHaveLength(8);
  const extension = names[0].split('.').pop();
  expect(numbered.every((f) => f.endsWith(`.${extension}`))).toBe(true);
}
