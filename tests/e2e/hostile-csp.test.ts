import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { serviceAvailable } from '../support/services';
import { CHROMIUM_PATH, FACILITATOR, newPage, PHONE, probeChromium, useBrowserSuite, watchErrors } from '../support/browser';
import { createEvent } from '../support/harness';
import { adminGroup, boardOf } from '../support/posters';

const ok = await serviceAvailable('chromium', probeChromium, { where: CHROMIUM_PATH, suite: 'end-to-end (browser)' });

/** Issue #8: the built client works under the Content-Security-Policy (no inline script). */
describe.skipIf(!ok)('the built client under the CSP', () => {
  const suite = useBrowserSuite();

  /** Every CSP violation the page reports, gathered before any of its own scripts run. */
  async function watchCsp(context: BrowserContext, page: Page): Promise<string[]> {
    const violations: string[] = [];
    await context.exposeFunction('__cspViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __cspViolation(v: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`));
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    return violations;
  }

  it('console, wall, poster board and phone run without a single violation', async () => {
    const ev = await createEvent(suite.server.url, 2);
    const group = await adminGroup(suite.server.url, ev, 'Les Hauts');
    const admin = await newPage(suite.browser, FACILITATOR);
    const adminCsp = await watchCsp(admin.context, admin.page);
    const errors = watchErrors(admin.page);
    await admin.page.goto(ev.links.admin.replace(/^https?:\/\/[^/]+/, suite.server.url));
    await admin.page.getByText(ev.ateliers[0]!.title).first().waitFor();
    await admin.page.screenshot({ path: '/tmp/semis-csp-console.png' });
    // The facilitator's setting of who forms poster groups (default: participants, one each).
    await admin.page.getByTestId('row-settings').first().click();
    const groupsToggle = admin.page.getByTestId('toggle-participant-groups').first();
    expect(await groupsToggle.isChecked()).toBe(true);
    await groupsToggle.uncheck();
    await admin.page.screenshot({ path: '/tmp/semis-csp-settings.png' });
    await expect.poll(async () => (await suite.server.semis.storage.getAtelier(ev.ateliers[0]!.id))?.groupCreation?.by).toBe('facilitators');
    await admin.page.goto(`${suite.server.url}/animer/mur/${ev.ateliers[0]!.id}`);
    await admin.page.locator('canvas').first().waitFor();
    await admin.page.goto(`${suite.server.url}/animer/tableau/${boardOf(group, 'poster')}`);
    await admin.page.locator('canvas').first().waitFor();
    await admin.page.screenshot({ path: '/tmp/semis-csp-poster.png' });

    const phone = await newPage(suite.browser, PHONE);
    const phoneCsp = await watchCsp(phone.context, phone.page);
    errors.push(...watchErrors(phone.page));
    await phone.page.goto(`${suite.server.url}/j/${ev.event.joinCode}`);
    await phone.page.getByTestId('pseudonym-input').fill('Léa');
    await phone.page.getByTestId('join-submit').click();
    await phone.page.getByTestId('atelier-choice').first().waitFor();
    await phone.page.screenshot({ path: '/tmp/semis-csp-phone.png' });

    expect(adminCsp).toEqual([]);
    expect(phoneCsp).toEqual([]);
    expect(errors).toEqual([]);
    await admin.context.close();
    await phone.context.close();
  });
});
