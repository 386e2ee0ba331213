import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  browserServerForFile,
  fetchInPage,
  fullPageScreenshot,
  hasChromium,
  openPage,
  SCREENSHOTS,
} from './support/browser.ts';
import { makeSet, RING_HOLE, RING_SIZE, ringOnCream } from './support/refine-browser.ts';

const ctx = browserServerForFile('popcon-browser-refine-');
let ring: string;
let cat: string;

beforeAll(async () => {
  if (!hasChromium) return;
  // Oldest first: the archive lists the ring (the one refined here) first, newest on top.
  cat = await makeSet(ctx.server, { character: 'cat' }, ['discord-emoji']);
  await makeSet(ctx.server, { character: 'bear' }, ['line-emoji']);
  ring = await makeSet(ctx.server, { upload: await ringOnCream(), fileName: 'ring.png' }, [
    'line-emoji',
    'discord-emoji',
  ]);
}, 300_000);

/** The card of emoji `n` (1-based) on the refine page. */
const card = (page: Page, label: string, n: number) =>
  page.getByRole('listitem', { name: new RegExp(`^${label}, emoji ${n}$`) });

/** Clicks the middle of the ring's hole on the matte picture, which the page shows scaled. */
async function clickHole(page: Page): Promise<void> {
  const matte = page.locator('img.matte__matte');
  await matte.scrollIntoViewIfNeeded();
  const box = (await matte.boundingBox())!;
  await page.mouse.click(
    box.x + (box.width * (RING_HOLE.x + 0.5)) / RING_SIZE,
    box.y + (box.height * (RING_HOLE.y + 0.5)) / RING_SIZE,
  );
}

/** The numbers of a status line like "Erased 1,130 pixels at (200, 210)." */
async function pixelsOf(status: Locator, verb: string): Promise<number> {
  const text = (await status.textContent()) ?? '';
  const match = new RegExp(`${verb} ([\\d,]+) pixels`).exec(text);
  return match ? Number(match[1].replace(/,/g, '')) : 0;
}

describe.skipIf(!hasChromium)('refining a set in a real browser', () => {
  it('regenerates with a caption, touches up the matte, approves all and downloads the approved ZIP', async () => {
    const { page, errors } = await openPage(ctx);

    // From the job page, "Refine this set" leads to the refine page.
    await page.goto(`${ctx.server.url}/jobs/${ring}`);
    await page.getByRole('link', { name: /refine this set/i }).click();
    await page.waitForURL(/\/jobs\/[^/]+\/refine$/);
    await page.mouse.move(0, 0);
    const hello = card(page, 'Hello', 1);
    await hello.waitFor();
    expect(await page.getByRole('tab').allTextContents()).toEqual(['LINE emoji', 'Discord']);

    // Regenerate Hello with a caption: the request carries only the change and an idempotency key.
    await hello.getByRole('button', { name: /^Regenerate/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Caption' }).fill('Hi there');
    expect(await dialog.getByText('8 / 16').isVisible()).toBe(true);
    const sent = page.waitForRequest((r) => r.url().endsWith('/emojis/0/regenerate'));
    await dialog.getByRole('button', { name: 'Render version 2' }).click();
    const request = await sent;
    expect(request.postDataJSON()).toEqual({ caption: 'Hi there' });
    expect(request.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => dialog.count()).toBe(0);
    // The new version arrives over the followed event stream and replaces the shown one.
    await expect.poll(() => hello.getByText('“Hi there”').isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await hello.getByText(/^v2 of 2/).isVisible()).toBe(true);
    expect(await hello.getByRole('img', { name: /Hello, version 2/ }).getAttribute('src')).toMatch(
      /^\/api\/assets\//,
    );

    // Erase the hole of the ring: a click on the shown picture becomes the original's pixel.
    const picture = page.getByRole('button', { name: /^Erase at the crosshair/ });
    const status = page.locator('.matte__result');
    await picture.waitFor();
    const edit = page.waitForRequest((r) => r.url().endsWith(`/jobs/${ring}/matte`) && r.method() === 'POST');
    await clickHole(page);
    const point = (await edit).postDataJSON() as { op: string; x: number; y: number; tolerance: number };
    expect(point.op).toBe('erase');
    expect(Math.abs(point.x - RING_HOLE.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(point.y - RING_HOLE.y)).toBeLessThanOrEqual(1);
    expect(point.tolerance).toBe(32);
    await expect.poll(() => pixelsOf(status, 'Erased')).toBeGreaterThan(900);
    // The hole's inside, about π·19² pixels, and nothing of the ring around it.
    expect(await pixelsOf(status, 'Erased')).toBeLessThan(1500);
    expect(await status.textContent()).toContain('1 touch-up so far');

    // The keyboard way: Restore, the arrow keys move the crosshair (from the last click), Enter applies.
    await page.getByText('Restore', { exact: true }).click();
    await page
      .getByRole('button', {
        name: `Restore at the crosshair, x ${point.x}, y ${point.y} of 400 by 400 pixels`,
      })
      .focus();
    await page.keyboard.press('ArrowDown');
    const moved = page.getByRole('button', {
      name: `Restore at the crosshair, x ${point.x}, y ${point.y + 8} of 400 by 400 pixels`,
    });
    await expect.poll(() => moved.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => pixelsOf(status, 'Restored')).toBeGreaterThan(900);
    expect(await status.textContent()).toContain('2 touch-ups so far');
    await page.getByText('Erase', { exact: true }).click();
    await clickHole(page);
    await expect.poll(() => status.textContent()).toContain('3 touch-ups so far');

    // A refused retry is said in plain words; a retry whose first send was lost goes again with the same key.
    await page.route('**/emojis/2/retry', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'retry-after': '3600', 'content-type': 'application/json' },
        body: JSON.stringify({
          error: { code: 'quota_daily_emojis', message: 'daily emoji limit: 120 emojis a day' },
        }),
      }),
    );
    const cry = card(page, 'Cry', 3);
    await cry.getByRole('button', { name: /^Retry/ }).click();
    await expect
      .poll(() => cry.getByRole('alert').textContent())
      .toBe('You’ve used all of today’s emojis. You can render again in 1 h.');
    await page.unroute('**/emojis/2/retry');
    const keys: string[] = [];
    await page.route('**/emojis/3/retry', async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      if (keys.length === 1) await route.abort('failed');
      else await route.continue();
    });
    const angry = card(page, 'Angry', 4);
    await angry.getByRole('button', { name: /^Retry/ }).click();
    await expect.poll(() => angry.getByText(/^v2 of 2/).isVisible(), { timeout: 60_000 }).toBe(true);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    await page.unroute('**/emojis/3/retry');

    // Until something is approved, the approved download is held back and says why.
    const held = page.getByRole('button', { name: 'Download approved ZIP for LINE emoji' });
    expect(await held.isDisabled()).toBe(true);
    expect(
      await page.getByText('Approve at least one emoji to download the approved ones.').isVisible(),
    ).toBe(true);

    await page.getByRole('button', { name: 'Approve all' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'All approved' }).isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('heading', { name: '8 of 8 approved for LINE emoji' }).count())
      .toBe(1);
    const download = page.getByRole('link', { name: 'Download approved ZIP for LINE emoji' });
    await download.waitFor();
    const zip = await fetchInPage(page, (await download.getAttribute('href'))!);
    expect(zip.type).toBe('application/zip');
    const files = unzipSync(zip.body);
    const numbered = Object.keys(files).filter((f) => /^\d+\.png$/.test(f));
    expect(numbered.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `00${i + 1}.png`));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['tab.png', 'manifest.json', 'validation.json']),
    );
    const manifest = JSON.parse(Buffer.from(files['manifest.json']).toString()) as {
      platform: string;
      emojis: { action: string }[];
    };
    expect(manifest.platform).toBe('line-emoji');
    expect(manifest.emojis.map((e) => e.action)).toEqual([
      'hello',
      'love',
      'cry',
      'angry',
      'laugh',
      'sleepy',
      'surprised',
      'thanks',
    ]);

    // The frame scrubber steps through the LINE file's frames from the keyboard.
    const love = card(page, 'Love', 2);
    await love.getByRole('button', { name: /^Frames/ }).click();
    const slider = love.getByRole('slider', { name: /Frame of Love/ });
    await slider.waitFor();
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^Frame 1 of \d+, shows \d+ ms/);
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => love.locator('.scrubber__readout').textContent()).toMatch(/^Frame 2 of \d+/);
    await page.mouse.move(0, 0);
    await fullPageScreenshot(page, 'refine.png');

    // Versions side by side; "Use this version" shows another and the card follows.
    await hello.getByRole('button', { name: /^Versions/ }).click();
    const versions = page.getByRole('dialog');
    const items = versions.getByRole('listitem');
    await expect.poll(() => items.count()).toBe(2);
    await expect
      .poll(() =>
        versions.locator('img').evaluateAll((els) => els.every((el) => (el as HTMLImageElement).complete)),
      )
      .toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'refine-versions.png'), animations: 'disabled' });
    await versions.getByRole('button', { name: /Use this version \(version 1\)/ }).click();
    await expect.poll(() => versions.getByRole('status').textContent()).toContain('Version 1 is shown now');
    await expect.poll(() => hello.getByText(/^v1 of 2/).isVisible()).toBe(true);
    await versions.getByRole('button', { name: /Use this version \(version 2\)/ }).click();
    await expect.poll(() => hello.getByText(/^v2 of 2/).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => versions.count()).toBe(0);

    // After the touch-ups, every emoji again from the new cut-out in one click: each card
    // moves on to its next version (Hello and Angry were re-rendered once before).
    await page.getByRole('button', { name: 'Re-render all 8 emojis with this cut-out' }).click();
    await expect.poll(() => status.textContent()).toContain('Re-rendering 8 emojis from the new cut-out.');
    const next = [3, 2, 2, 3, 2, 2, 2, 2];
    const labels = ['Hello', 'Love', 'Cry', 'Angry', 'Laugh', 'Sleepy', 'Surprised', 'Thanks'];
    for (const [i, label] of labels.entries()) {
      const shown = card(page, label, i + 1).getByText(new RegExp(`^v${next[i]} of ${next[i]}`));
      await expect.poll(() => shown.isVisible(), { timeout: 120_000 }).toBe(true);
    }

    // A phone: one column, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await page.mouse.move(0, 0);
    await fullPageScreenshot(page, 'refine-mobile.png');
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(errors).toEqual([]);
    await page.close();
  }, 360_000);

  it('lists past sets, filters them, reopens one where it stopped and deletes another', async () => {
    const { page, errors } = await openPage(ctx);
    await page.goto(ctx.server.url);
    await page.getByRole('link', { name: 'My sets' }).click();
    await page.waitForURL(/\/sets$/);
    const rows = page.getByRole('list', { name: 'Your sets' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.first().textContent()).toContain('ring.png');
    expect(await rows.first().textContent()).toMatch(/approved/);

    await page.getByText('Failed', { exact: true }).click();
    await expect.poll(() => page.getByText('No failed sets.').isVisible()).toBe(true);
    // The filter is in the URL: a reload (or a shared link) shows the same list.
    expect(new URL(page.url()).search).toBe('?status=failed');
    await page.reload();
    await expect.poll(() => page.getByText('No failed sets.').isVisible()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Failed' }).isChecked()).toBe(true);
    await page.getByText('Finished', { exact: true }).click();
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByText('All', { exact: true }).click();
    await expect.poll(() => rows.count()).toBe(3);
    await expect
      .poll(() =>
        page
          .locator('.set-row__thumb img')
          .evaluateAll((els) => els.every((el) => (el as HTMLImageElement).complete)),
      )
      .toBe(true);
    await page.mouse.move(0, 0);
    await fullPageScreenshot(page, 'archive.png');

    // Delete the cat set: a confirm dialog first, then the row goes.
    await page.getByRole('button', { name: 'Delete Cat' }).click();
    const confirm = page.getByRole('dialog');
    expect(await confirm.getByRole('heading').textContent()).toBe('Delete “Cat”?');
    await confirm.getByRole('button', { name: 'Delete set' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByRole('button', { name: 'Delete Cat' }).count()).toBe(0);
    expect((await fetch(`${ctx.server.url}/api/jobs/${cat}`)).status).toBe(404);

    // A finished set reopens on its refine page.
    await page.getByRole('link', { name: 'Refine ring.png' }).click();
    await page.waitForURL(new RegExp(`/jobs/${ring}/refine$`));
    await card(page, 'Hello', 1).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
