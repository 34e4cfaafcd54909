import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { startServer, type BoardClient, type Client, type TestServer } from './harness';
import type { Config } from '../../server/src/config';

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
/** The facilitator's laptop of the field (15 ateliers on one screen) and the hall's projector. */
export const FACILITATOR = { viewport: { width: 1366, height: 768 }, locale: 'fr-FR' } as const;
export const PROJECTOR = { viewport: { width: 1920, height: 1080 }, locale: 'fr-FR' } as const;

/** Collects page errors so a test can assert the UI never threw. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

export async function newPage(browser: Browser, options: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { context, page };
}

/**
 * A real server serving the built client, and Debian's Chromium, for one e2e suite: call it at
 * the top of the suite's `describe`; the getters are valid inside tests.
 */
/** One server with the built client (and `config`) and one Chromium per test file; the sockets
 * and boards a test pushes into `open` and `boards` are closed after it, as with `useServer`. */
export function useBrowserSuite(config: Partial<Config> = {}): { readonly server: TestServer; readonly browser: Browser; open: Client[]; boards: BoardClient[] } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const open: Client[] = [];
  const boards: BoardClient[] = [];
  beforeAll(async () => {
    requireBuiltClient();
    server = await startServer({ config: { clientDir: CLIENT_DIR, ...config } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const b of boards) b.destroy();
    for (const s of open) s.disconnect();
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    open,
    boards,
  };
}

/** A phone (360×740) that opens the participant link, joins and enters an atelier. */
export async function joinPhone(browser: Browser, url: string, code: string, pseudonym: string, atelierIndex: number, errors?: string[]): Promise<Page> {
  const { page } = await newPage(browser, PHONE);
  errors?.push(...watchErrors(page));
  await page.goto(`${url}/j/${code}`);
  await page.getByTestId('pseudonym-input').fill(pseudonym);
  await page.getByTestId('join-submit').click();
  await page.getByTestId('atelier-choice').nth(atelierIndex).click();
  await page.getByTestId('phase-screen').waitFor();
  return page;
}
