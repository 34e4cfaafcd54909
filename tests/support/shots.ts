import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Screenshots for a person to look at, taken only when SEMIS_SHOTS names a directory
 * (e.g. `SEMIS_SHOTS=/tmp/shots npx vitest run tests/e2e/room-projector.test.ts`): tests assert,
 * people judge legibility from the back of the hall.
 */
export async function shot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  const dir = process.env.SEMIS_SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: opts.fullPage ?? false });
}
