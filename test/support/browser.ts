import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ensureWebBuilt, type RunningServer, startServer } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config/config.ts';

export const CHROMIUM = '/usr/bin/chromium';

/** True when Debian's Chromium is installed (.ci/run installs it). */
export const hasChromium = fs.existsSync(CHROMIUM);

/** Headless Debian Chromium with a throwaway profile and no background network traffic. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where browser tests keep the screenshots people look at. */
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');

/**
 * A full-page screenshot taken with the viewport as tall as the page, so sticky
 * parts (the editor's Generate bar) sit where a reader scrolling down meets them
 * instead of floating over the middle of the picture. CSS entrance animations are
 * finished first (the animated files themselves keep playing).
 */
export async function fullPageScreenshot(page: Page, file: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  await page.screenshot({ path: path.join(SCREENSHOTS, file), animations: 'disabled' });
  await page.setViewportSize(viewport);
}

/** Fetches `url` from inside the page (with its cookies and origin): status, content type and body bytes. */
export async function fetchInPage(
  page: Page,
  url: string,
): Promise<{ status: number; type: string | null; body: Uint8Array }> {
  const reply = await page.evaluate(async (href) => {
    const res = await fetch(href);
    const bytes = new Uint8Array(await res.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return { status: res.status, type: res.headers.get('content-type'), base64: btoa(binary) };
  }, url);
  return {
    status: reply.status,
    type: reply.type,
    body: new Uint8Array(Buffer.from(reply.base64, 'base64')),
  };
}

/** What a browser test file works with: a local-mode server on its own DATA_DIR, and Chromium. */
export interface BrowserServer {
  server: RunningServer;
  browser: Awaited<ReturnType<typeof launchBrowser>>;
}

/**
 * Starts a local-mode server on a fresh DATA_DIR (named after `prefix`) and a
 * browser before the file's tests, and stops both and removes the data after
 * them. The fields are set once the file's first beforeAll has run.
 */
export function browserServerForFile(prefix: string): BrowserServer {
  const ctx = {} as BrowserServer;
  let dataDir: string | undefined;
  beforeAll(async () => {
    if (!hasChromium) return;
    await ensureWebBuilt();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    ctx.server = await startServer(loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }));
    ctx.browser = await launchBrowser();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return ctx;
}

/** A new page of the file's browser, collecting the errors its scripts throw (a test expects none). */
export async function openPage(ctx: BrowserServer): Promise<{ page: Page; errors: string[] }> {
  const page = await ctx.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return { page, errors };
}
