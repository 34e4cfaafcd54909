import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serviceAvailable } from '../support/services';
import { CHROMIUM_PATH, LAPTOP, newPage, probeChromium, watchErrors, useBrowserSuite, joinPhone as sharedJoinPhone } from '../support/browser';
import { createEvent } from '../support/harness';

const ok = await serviceAvailable('chromium', probeChromium, { where: CHROMIUM_PATH, suite: 'end-to-end (browser)' });

describe.skipIf(!ok)('running the evening in Chromium', () => {
  const suite = useBrowserSuite();

  const joinPhone = (code: string, name: string, atelierIndex: number) => sharedJoinPhone(suite.browser, suite.server.url, code, name, atelierIndex, errors);

  const phaseOf = (page: Page) => page.getByTestId('phase-screen').getAttribute('data-phase');
  const texts = (page: Page, testId: string) => page.getByTestId(testId).allInnerTexts();
  const errors: string[] = [];

  it('two ateliers go through private idéation, reveal and regroupement; phones, dashboard and projector follow', async () => {
    const created = await createEvent(suite.server.url, 2);
    const [a1, a2] = created.ateliers;
    const code = created.event.joinCode;

    // The console, opened with the admin link (token in the fragment).
    const { context: adminContext, page: admin } = await newPage(suite.browser, LAPTOP);
    errors.push(...watchErrors(admin));
    admin.on('dialog', (d) => void d.accept());
    await admin.goto(`${suite.server.url}/animer#${created.adminToken}`);
    const rows = admin.getByTestId('dashboard-row');
    await expect.poll(() => rows.count()).toBe(2);
    const row1 = admin.locator(`[data-testid="dashboard-row"][data-atelier-id="${a1!.id}"]`);
    const row2 = admin.locator(`[data-testid="dashboard-row"][data-atelier-id="${a2!.id}"]`);
    // Each row's settings (timer, modes) unfold under it on demand.
    await row1.getByTestId('row-settings').click();
    await row2.getByTestId('row-settings').click();
    const settings1 = admin.locator(`#settings-${a1!.id}`);
    const settings2 = admin.locator(`#settings-${a2!.id}`);

    // Hold both ateliers in préparation while people arrive.
    await admin.getByTestId('select-all').check();
    await admin.getByTestId('bulk-phase-prev').click();
    await expect.poll(() => row1.getAttribute('data-phase')).toBe('preparation');
    await expect.poll(() => row2.getAttribute('data-phase')).toBe('preparation');
    // Écriture privée on both.
    await settings1.getByTestId('toggle-private').check();
    await settings2.getByTestId('toggle-private').check();
    await expect.poll(() => settings2.getByTestId('toggle-private').isChecked()).toBe(true);

    const lea = await joinPhone(code, 'Léa', 0);
    const marc = await joinPhone(code, 'Marc', 0);
    const zoe = await joinPhone(code, 'Zoé', 1);
    for (const phone of [lea, marc, zoe]) {
      await expect.poll(() => phaseOf(phone)).toBe('preparation');
      expect(await phone.getByTestId('idea-input').count()).toBe(0);
    }
    await expect.poll(() => row1.getAttribute('data-connected'), { timeout: 5000 }).toBe('2');

    // The projector shows atelier 1; the wall of atelier 1 is open too.
    const projector = await adminContext.newPage();
    errors.push(...watchErrors(projector));
    await projector.goto(`${suite.server.url}/projection?atelier=${a1!.id}`);
    await expect.poll(() => projector.getByTestId('projector').getAttribute('data-atelier-id')).toBe(a1!.id);
    expect(await projector.getByTestId('projector-code').innerText()).toBe(code);
    const wall = await adminContext.newPage();
    errors.push(...watchErrors(wall));
    await wall.goto(`${suite.server.url}/animer/mur/${a1!.id}`);
    await wall.getByTestId('private-panel').waitFor();

    // Idéation starts everywhere at once, with a 15-minute countdown on atelier 1.
    await admin.getByTestId('bulk-phase-next').click();
    for (const phone of [lea, marc, zoe]) await expect.poll(() => phaseOf(phone)).toBe('ideation');
    await settings1.getByTestId('timer-start-preset').selectOption('ideation');
    await settings1.getByTestId('timer-start').click();
    for (const timer of [lea.getByTestId('countdown'), projector.getByTestId('projector-timer')]) {
      await expect.poll(() => timer.getAttribute('data-state')).toBe('running');
      const left = Number(await timer.getAttribute('data-remaining-ms'));
      expect(left).toBeGreaterThan(14 * 60_000);
      expect(left).toBeLessThanOrEqual(15 * 60_000);
    }
    expect(await zoe.getByTestId('countdown').getAttribute('data-state')).toBe('none');

    // Private ideas: each author sees its own, nobody else's; the facilitator sees both beside the wall.
    await lea.getByTestId('idea-input').fill('Une halle pour le marché de producteurs');
    await lea.getByTestId('idea-submit').click();
    await marc.getByTestId('idea-input').fill('Un tiers-lieu dans l’ancienne gare');
    await marc.getByTestId('idea-submit').click();
    const leaMine = lea.locator('[data-testid="idea-item"][data-mine="true"]');
    await expect.poll(() => leaMine.getAttribute('data-status')).toBe('private');
    await expect.poll(() => marc.locator('[data-testid="idea-item"][data-status="private"]').count()).toBe(1);
    await expect.poll(() => row1.getAttribute('data-ideas-private')).toBe('2');
    await expect.poll(() => wall.getByTestId('private-idea').count()).toBe(2);
    expect(await texts(lea, 'idea-item')).toEqual([expect.stringContaining('Une halle')]);
    expect(await texts(marc, 'idea-item')).toEqual([expect.stringContaining('tiers-lieu')]);
    expect(await projector.getByTestId('wall-idea').count()).toBe(0);

    // Reveal: both ideas reach both phones, the wall and the projector.
    await settings1.getByTestId('reveal-ideas').click();
    for (const phone of [lea, marc]) {
      await expect.poll(() => phone.locator('[data-testid="idea-item"][data-status="visible"]').count()).toBe(2);
    }
    await expect.poll(() => projector.getByTestId('wall-idea').count()).toBe(2);
    expect(await texts(projector, 'wall-idea')).toEqual(expect.arrayContaining([expect.stringContaining('Une halle'), expect.stringContaining('tiers-lieu')]));
    await expect.poll(() => wall.getByTestId('private-idea').count()).toBe(0);
    await expect.poll(() => lea.locator('[data-testid="idea-item"][data-mine="true"]').count()).toBe(1);
    expect(await zoe.getByTestId('idea-item').count()).toBe(0);

    // Pausing freezes the same number on the phone and the projector.
    await settings1.getByTestId('timer-pause').click();
    await expect.poll(() => lea.getByTestId('countdown').getAttribute('data-state')).toBe('paused');
    await expect.poll(() => projector.getByTestId('projector-timer').getAttribute('data-state')).toBe('paused');
    expect(await lea.getByTestId('countdown').getAttribute('data-remaining-ms')).toBe(await projector.getByTestId('projector-timer').getAttribute('data-remaining-ms'));

    // Regroupement for both: the form disappears, the ideas stay readable.
    await admin.getByTestId('bulk-phase-next').click();
    for (const phone of [lea, marc, zoe]) await expect.poll(() => phaseOf(phone)).toBe('regroupement');
    expect(await lea.getByTestId('idea-input').count()).toBe(0);
    expect(await lea.getByTestId('idea-edit').count()).toBe(0);
    expect(await lea.getByTestId('idea-item').count()).toBe(2);
    await expect.poll(() => projector.getByTestId('projector-phase').getAttribute('data-phase')).toBe('regroupement');
    await expect.poll(() => projector.getByTestId('projector-counts').getAttribute('data-connected')).toBe('2');

    expect(errors).toEqual([]);
  });
});
