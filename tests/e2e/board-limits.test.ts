import { describe, expect, it } from 'vitest';
import { serviceAvailable } from '../support/services';
import { CHROMIUM_PATH, LAPTOP, newPage, probeChromium, useBrowserSuite } from '../support/browser';
import { createEvent } from '../support/harness';
import { adminGroup } from '../support/posters';
import { shot } from '../support/shots';

const ok = await serviceAvailable('chromium', probeChromium, { where: CHROMIUM_PATH, suite: 'end-to-end (browser)' });

describe.skipIf(!ok)('a board refused for size says so', () => {
  // A tiny cap, so that a few symbols reach it.
  const suite = useBrowserSuite({ yjsLimits: { maxDocBytes: 1200 } });

  it('shows the editor why its connection was closed (4413), in French', async () => {
    const ev = await createEvent(suite.server.url, 1);
    await adminGroup(suite.server.url, ev, 'La vallée');
    const { page, context } = await newPage(suite.browser, LAPTOP);
    await page.goto(suite.server.url + '/');
    await page.getByTestId('code-input').fill(ev.event.joinCode);
    await page.getByTestId('code-submit').click();
    await page.getByTestId('pseudonym-input').fill('Léa');
    await page.getByTestId('join-submit').click();
    await page.getByTestId('atelier-choice').first().click();
    await page.getByTestId('open-groups').click();
    await page.getByTestId('join-group').click();
    await page.getByTestId('open-poster').click();
    await expect.poll(() => page.getByTestId('board-page').getAttribute('data-can-write')).toBe('true');
    const canvas = page.getByTestId('poster-canvas');
    await canvas.locator('canvas').first().waitFor();
    const box = (await canvas.boundingBox())!;

    const alert = page.getByRole('alert');
    for (let i = 0; i < 30 && !(await alert.count()); i++) {
      await page.getByTestId('chorem-maillage.point').click();
      await page.mouse.click(box.x + 80 + (i % 10) * 40, box.y + 120 + Math.floor(i / 10) * 60);
    }
    await expect.poll(() => alert.innerText(), { timeout: 10_000 }).toContain('taille maximale');
    await shot(page, 'board-too-large');
    await context.close();
  }, 90_000);
});
