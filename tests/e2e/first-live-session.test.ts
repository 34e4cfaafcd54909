import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serviceAvailable } from '../support/services';
import { CHROMIUM_PATH, LAPTOP, PHONE, newPage, probeChromium, watchErrors, useBrowserSuite } from '../support/browser';

const ok = await serviceAvailable('chromium', probeChromium, { where: CHROMIUM_PATH, suite: 'end-to-end (browser)' });

describe.skipIf(!ok)('first live session in Chromium', () => {
  const suite = useBrowserSuite();

  async function joinAndPost(page: Page, code: string, pseudonym: string, atelierIndex: number) {
    await page.goto(suite.server.url + '/');
    await page.getByTestId('code-input').fill(code.toLowerCase());
    await page.getByTestId('code-submit').click();
    await page.getByTestId('pseudonym-input').fill(pseudonym);
    await page.getByTestId('join-submit').click();
    await page.getByTestId('atelier-choice').nth(atelierIndex).click();
    await page.getByTestId('idea-input').waitFor();
  }

  async function post(page: Page, text: string) {
    await page.getByTestId('idea-input').fill(text);
    await page.getByTestId('idea-submit').click();
  }

  it('facilitator creates an event, two phones post, the wall shows both, an offline post arrives once', async () => {
    // The facilitator creates the event with two ateliers.
    const { page: admin } = await newPage(suite.browser, LAPTOP);
    const adminErrors = watchErrors(admin);
    await admin.goto(suite.server.url + '/creer');
    await admin.getByTestId('event-name').fill('Demain Petite Montagne');
    await admin.getByTestId('event-place').fill('Aromas');
    await admin.getByTestId('atelier-title').first().fill('Mobilité');
    await admin.getByTestId('add-atelier').click();
    await admin.getByTestId('atelier-title').nth(1).fill('Tourisme');
    await admin.getByTestId('create-event').click();
    const codeEl = admin.getByTestId('join-code');
    await codeEl.waitFor();
    const code = (await codeEl.innerText()).trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await expect.poll(() => admin.getByTestId('participant-link').getAttribute('href')).toContain(`/j/${code}`);
    expect(await admin.getByTestId('qr-code').isVisible()).toBe(true);
    expect(await admin.getByTestId('open-wall').count()).toBe(2);

    // Its wall for the first atelier.
    await admin.getByTestId('open-wall').first().click();
    await admin.getByTestId('wall').waitFor();

    // Two phones join with the code and post.
    const phoneA = await newPage(suite.browser, PHONE);
    const phoneB = await newPage(suite.browser, PHONE);
    const phoneErrors = [...watchErrors(phoneA.page), ...watchErrors(phoneB.page)];
    await joinAndPost(phoneA.page, code, 'Léa', 0);
    await joinAndPost(phoneB.page, code, 'Marc', 0);
    await post(phoneA.page, 'Une navette vers la gare le samedi');
    await post(phoneB.page, 'Du covoiturage organisé par la mairie');

    const wallIdeas = admin.getByTestId('wall-idea');
    await expect.poll(() => wallIdeas.allInnerTexts(), { timeout: 10_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining('Une navette vers la gare le samedi'), expect.stringContaining('Du covoiturage organisé par la mairie')]),
    );
    await expect.poll(() => admin.getByTestId('wall').getAttribute('data-idea-count')).toBe('2');
    // Each phone sees both ideas in its list, its own marked as such.
    await expect.poll(() => phoneB.page.getByTestId('idea-item').count()).toBe(2);
    await expect.poll(() => phoneA.page.locator('[data-testid="idea-item"][data-mine="true"]').allInnerTexts()).toEqual([expect.stringContaining('Une navette')]);

    // Phone A loses the network, posts, and comes back.
    await phoneA.context.setOffline(true);
    await expect.poll(() => phoneA.page.getByTestId('connection-status').getAttribute('data-online'), { timeout: 15_000 }).toBe('false');
    await post(phoneA.page, 'Un vélo électrique en location à la gare');
    await expect.poll(() => phoneA.page.locator('[data-testid="idea-item"][data-pending="true"]').allInnerTexts()).toEqual([expect.stringContaining('Un vélo électrique')]);
    // Still pending after a reload while offline: the outbox is in local storage.
    await phoneA.context.setOffline(false);
    await expect.poll(() => phoneA.page.getByTestId('connection-status').getAttribute('data-online'), { timeout: 15_000 }).toBe('true');
    await expect.poll(() => phoneA.page.locator('[data-testid="idea-item"][data-pending="true"]').count(), { timeout: 15_000 }).toBe(0);

    await expect.poll(() => wallIdeas.allInnerTexts(), { timeout: 15_000 }).toContainEqual(expect.stringContaining('Un vélo électrique'));
    await new Promise((r) => setTimeout(r, 500));
    const texts = await wallIdeas.allInnerTexts();
    expect(texts.filter((t) => t.includes('Un vélo électrique'))).toHaveLength(1);
    expect(await admin.getByTestId('wall').getAttribute('data-idea-count')).toBe('3');
    await expect.poll(() => phoneB.page.getByTestId('idea-item').count()).toBe(3);

    expect(adminErrors).toEqual([]);
    expect(phoneErrors).toEqual([]);
  });
});
