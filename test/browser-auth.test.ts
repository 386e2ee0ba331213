import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, type RunningServer, startServer } from '../src/api/server.ts';
import { loadConfig } from '../src/config/config.ts';
import { type AuthEmulator, hasFirebaseTools, startAuthEmulator } from './support/auth-emulator.ts';
import { hasChromium, launchBrowser, SCREENSHOTS } from './support/browser.ts';

const enabled = hasChromium && hasFirebaseTools;
let emulator: AuthEmulator | null = null;
let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let dataDir: string;

beforeAll(async () => {
  if (!enabled) return;
  await ensureWebBuilt();
  emulator = await startAuthEmulator('demo-popcon');
  if (!emulator) throw new Error('the Firebase Auth emulator did not start');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-browser-auth-'));
  server = await startServer(
    loadConfig({
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      AUTH_MODE: 'firebase',
      FIREBASE_PROJECT_ID: 'demo-popcon',
      FIREBASE_AUTH_EMULATOR_HOST: emulator.host,
    }),
  );
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await emulator?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

/** Signs in as a fake Google user: in emulator mode the app asks for the account's address. */
async function signInAs(page: Page, email: string, start: () => Promise<void>): Promise<void> {
  page.once('dialog', (dialog) => void dialog.accept(email));
  await start();
}

describe.skipIf(!enabled)('signing in with Google (Auth emulator) in a real browser', () => {
  it('signs in, makes a set, signs out; a second user cannot reach the first user’s job', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(server.url);

    // Signed out, "Start Creating" opens sign-in and continues to the editor.
    await signInAs(page, 'ada@example.com', () =>
      page.getByRole('button', { name: /start creating/i }).click(),
    );
    await page.waitForURL(/\/create$/);
    await expect.poll(() => page.getByRole('button', { name: /sign out/i }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/emojis left today/i).isVisible()).toBe(true);

    await page.getByText('Use a built-in').click();
    await page.getByRole('button', { name: 'Pick 8' }).click();
    await page.getByRole('button', { name: /generate set/i }).click();
    await page.waitForURL(/\/jobs\/[A-Za-z0-9_-]+$/);
    const jobPath = new URL(page.url()).pathname;
    const jobId = jobPath.split('/').pop()!;
    const download = page.getByRole('link', { name: /download zip/i });
    await download.waitFor({ timeout: 90_000 });
    const images = page.locator('img.tile__img');
    await expect.poll(() => images.count()).toBe(8);
    // <img> cannot send the token: the server hands out signed, expiring asset URLs.
    await expect
      .poll(() =>
        images.evaluateAll((els) => els.every((el) => (el as HTMLImageElement).naturalWidth === 180)),
      )
      .toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'signed-in-job.png'), fullPage: true });
    const zipStatus = await page.evaluate(
      async (href) => (await fetch(href!)).status,
      await download.getAttribute('href'),
    );
    expect(zipStatus).toBe(200);

    await page.getByRole('button', { name: /sign out/i }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /sign in to continue/i }).isVisible())
      .toBe(true);

    // A second user, signed in through the same emulator, sees nothing of the first user's job.
    const other = await emulator!.signInWithGoogle({
      sub: 'second-user',
      email: 'second@example.com',
      name: 'Second',
    });
    const headers = { authorization: `Bearer ${other.idToken}` };
    const get = (url: string) => fetch(`${server.url}${url}`, { headers });
    for (const url of [
      `/api/jobs/${jobId}`,
      `/api/jobs/${jobId}/events`,
      `/api/jobs/${jobId}/download?platform=line-emoji`,
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
    }
    const list = (await (await get('/api/jobs')).json()) as { jobs: { id: string }[] };
    expect(list.jobs.map((j) => j.id)).not.toContain(jobId);
    const trail = (await (await get(`/api/me/events?job=${jobId}`)).json()) as { events: unknown[] };
    expect(trail.events).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
