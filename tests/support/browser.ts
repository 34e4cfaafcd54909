import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CLIENT_DIR = path.resolve(import.meta.dirname, '../../client/dist');

/** Debian's Chromium, never a downloaded browser; flags keep it off the (closed) network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export async function probeChromium(): Promise<void> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} not found (apt-get install chromium)`);
  const b = await launchChromium();
  await b.close();
}

export function requireBuiltClient(): void {
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) throw new Error(`client not built (${CLIENT_DIR}): run "npm run build" — "npm test" does it`);
}

export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'fr-FR' } as const;
export const LAPTOP = { viewport: { width: 1280, height: 800 }, locale: 'fr-FR' } as const;

/** Collects page errors so a test can assert the UI never threw. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

export async function newPage(browser: Browser, options: typeof PHONE | typeof LAPTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { context, page };
}
