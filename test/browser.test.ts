import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, type RunningServer, startServer } from '../src/api/server.ts';
import { loadConfig } from '../src/config/config.ts';
import { hasChromium, launchBrowser, SCREENSHOTS } from './support/browser.ts';
import { characterOnFlatBackground } from './support/images.ts';

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let dataDir: string;

beforeAll(async () => {
  if (!hasChromium) return;
  await ensureWebBuilt();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-browser-'));
  server = await startServer(loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }));
  browser = await launchBrowser();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

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
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));

    await page.goto(server.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'landing.png'), fullPage: true });

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
    await page.screenshot({ path: path.join(SCREENSHOTS, 'editor.png'), fullPage: true });
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
    await page.screenshot({ path: path.join(SCREENSHOTS, 'job-complete.png'), fullPage: true });

    const href = await download.getAttribute('href');
    const zip = await page.evaluate(async (url) => {
      const res = await fetch(url!);
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        size: (await res.arrayBuffer()).byteLength,
      };
    }, href);
    expect(zip.status).toBe(200);
    expect(zip.type).toBe('application/zip');
    expect(zip.size).toBeGreaterThan(10_000);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'job-complete-mobile.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
