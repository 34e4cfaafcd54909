import type { Page } from 'playwright-core';
import type * as Y from 'yjs';
import { STICKY, readPosition } from '@semis/shared';

/** Driving the facilitator's wall in Chromium as a person does: open its tools, drag stickies. */

/** The wall's tools panel opens by itself from regroupement on; during idéation, on demand. */
export async function openTools(wall: Page): Promise<void> {
  const toggle = wall.getByTestId('tools-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** Where a sticky is drawn on screen: board box + stage transform published on the wall,
 * and the sticky's position in `doc` (a synced copy of the wall's document). */
export async function stickyCenter(page: Page, doc: Y.Doc, ideaId: string): Promise<{ x: number; y: number }> {
  const pos = readPosition(doc, ideaId);
  if (!pos) throw new Error(`no position for idea ${ideaId}`);
  const wall = page.getByTestId('wall');
  const [x, y, scale] = await Promise.all(['data-stage-x', 'data-stage-y', 'data-stage-scale'].map((a) => wall.getAttribute(a).then(Number)));
  const box = (await page.locator('.board').boundingBox())!;
  return { x: box.x + x + (pos.x + STICKY.width / 2) * scale, y: box.y + y + (pos.y + STICKY.height / 2) * scale };
}

/** A mouse drag in steps, so the wall sees the move between press and release. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}
