import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serviceAvailable } from '../support/services';
import { CHROMIUM_PATH, PHONE, probeChromium, useBrowserSuite, watchErrors } from '../support/browser';
import { createEvent } from '../support/harness';
import { adminGroup, boardOf } from '../support/posters';
import { axeViolations } from '../support/axe';
import { shot } from '../support/shots';

const ok = await serviceAvailable('chromium', probeChromium, { where: CHROMIUM_PATH, suite: 'end-to-end (browser)' });
const TABLET = { viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'fr-FR' } as const;

/** Share of the screen the poster canvas covers. */
async function canvasShare(page: Page): Promise<number> {
  const box = (await page.getByTestId('poster-canvas').boundingBox())!;
  const vp = page.viewportSize()!;
  return (box.width * box.height) / (vp.width * vp.height);
}

async function tapCanvas(page: Page, fx: number, fy: number) {
  const box = (await page.getByTestId('poster-canvas').boundingBox())!;
  await page.touchscreen.tap(box.x + box.width * fx, box.y + box.height * fy);
}

describe.skipIf(!ok)('the poster table on a tablet and a phone', () => {
  const suite = useBrowserSuite();

  for (const [name, device, layout] of [['tablet 768×1024', TABLET, 'tablet'], ['phone 360×740', PHONE, 'phone']] as const) {
    it(`${name}: the canvas keeps most of the screen; symbols come from a drawer; a tap places them`, async () => {
      const ev = await createEvent(suite.server.url, 1);
      const group = await adminGroup(suite.server.url, ev, 'La vallée');
      const context = await suite.browser.newContext(device);
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${suite.server.url}/animer/tableau/${boardOf(group, 'poster')}#${ev.adminToken}`);
      const editor = page.getByTestId('poster-editor');
      await expect.poll(() => editor.getAttribute('data-layout'), { timeout: 10_000 }).toBe(layout);
      await page.getByTestId('poster-canvas').locator('canvas').first().waitFor();
      expect(await canvasShare(page)).toBeGreaterThanOrEqual(0.6);
      // Nothing covers the canvas until asked.
      expect(await page.getByTestId('poster-drawer').count()).toBe(0);
      await shot(page, `poster-${layout}`);

      // A point symbol from the drawer, which closes itself, then one tap on the canvas.
      await page.getByTestId(layout === 'phone' ? 'points-toggle' : 'palette-toggle').click();
      const drawer = page.getByTestId('poster-drawer');
      await drawer.waitFor();
      await shot(page, `poster-${layout}-drawer`);
      expect(await axeViolations(page)).toEqual([]);
      await drawer.locator('button.chorem:not([disabled])').first().click();
      expect(await drawer.count()).toBe(0);
      await tapCanvas(page, 0.4, 0.4);
      await expect.poll(() => editor.getAttribute('data-shape-count'), { timeout: 10_000 }).toBe('1');

      // A post-it, with the reduced tools a phone keeps.
      await page.getByTestId('tool-postit').click();
      await tapCanvas(page, 0.6, 0.6);
      await expect.poll(() => editor.getAttribute('data-shape-count'), { timeout: 10_000 }).not.toBe('1');
      if (layout === 'phone') expect(await page.getByTestId('tool-pen').count()).toBe(0);

      // The legend and layers open on demand over the canvas, and close again.
      await page.getByTestId('panel-toggle').click();
      await expect.poll(() => drawer.getAttribute('data-drawer'), { timeout: 10_000 }).toBe('panel');
      await page.getByTestId('panel-toggle').click();
      expect(await drawer.count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
