import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { API } from '@semis/shared';
import { serviceAvailable } from '../support/services';
import { CHROMIUM_PATH, LAPTOP, PHONE, newPage, probeChromium, useBrowserSuite, watchErrors } from '../support/browser';
import { seedEvening, type SeededEvening } from '../support/evening';
import { pdfText, probePdftotext } from '../support/pdf';

const ok = await serviceAvailable('chromium', probeChromium, { where: CHROMIUM_PATH, suite: 'end-to-end (browser)' });
const pdfOk = await serviceAvailable('poppler', probePdftotext, { suite: 'report download check' });

/** SEMIS_SCREENSHOTS=<dir> keeps a PNG of each step, to look at the screens. */
const SHOTS = process.env.SEMIS_SCREENSHOTS;
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe.skipIf(!ok)('after the evening, in Chromium', () => {
  const suite = useBrowserSuite();
  let seeded: SeededEvening;
  let page: Page;
  let errors: string[];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semis-e2e-downloads-'));

  beforeAll(async () => {
    seeded = await seedEvening(suite.server.url, { ateliers: 2, ideasPerAtelier: 8, posters: 1, voting: 1 });
    ({ page } = await newPage(suite.browser, LAPTOP));
    errors = watchErrors(page);
    await page.goto(`${suite.server.url}/animer#${seeded.ev.adminToken}`);
  }, 60_000);
  afterAll(() => {
    for (const s of seeded?.sockets ?? []) s.disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the facilitator clicks the report button and downloads a PDF of the evening', async () => {
    const button = page.getByTestId('report-pdf');
    await button.scrollIntoViewIfNeeded();
    await shot(page, 'report-panel');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^restitution-soiree-des-possibles.*\.pdf$/);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (pdfOk) {
      const text = pdfText(bytes);
      expect(text).toContain('Soirée des possibles');
      expect(text).toContain(seeded.ev.ateliers[0]!.question);
    }
    await page.getByText('Rapport téléchargé.').waitFor();
    expect(errors).toEqual([]);
  });

  it('prints the whole portfolio unclipped, and downloads it as a PDF', async () => {
    await page.goto(`${suite.server.url}/animer/projets`);
    await page.getByTestId('portfolio').waitFor();
    await expect.poll(() => page.getByTestId('candidate-row').count()).toBe(seeded.candidates.length);
    await page.emulateMedia({ media: 'print' });
    const printed = page.getByTestId('portfolio-print');
    await printed.waitFor({ state: 'visible' });
    expect(await printed.locator('.print-card').count()).toBe(seeded.candidates.length);
    const text = await printed.innerText();
    expect(text).toContain('Vente au détail, marge de 25 %, loyer pris en charge la première année');
    expect(text).toContain('Revitaliser le centre-bourg');
    expect(await page.getByTestId('candidate-filter').isVisible()).toBe(false);
    await shot(page, 'portfolio-print');
    await page.emulateMedia({ media: 'screen' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('portfolio-pdf').click()]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    if (pdfOk) expect(pdfText(fs.readFileSync(file))).toContain(seeded.candidates[0]!.title);
  });

  it('exports an atelier\'s wall to PNG from the wall page', async () => {
    const atelier = seeded.ev.ateliers[0]!;
    await page.goto(`${suite.server.url}/animer/mur/${atelier.id}`);
    await page.getByTestId('wall').waitFor();
    await shot(page, 'wall-page');
    // Exports sit in the header's "Plus" menu, with the other less frequent tools.
    await page.getByTestId('wall-more').locator('summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const png = fs.readFileSync(file);
    expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(4000);
    expect(errors).toEqual([]);
  });

  it('sets how long pseudonyms are kept, and the phone says so before joining', async () => {
    await page.goto(`${suite.server.url}/animer#${seeded.ev.adminToken}`);
    await page.getByText('Durée de conservation des pseudonymes (RGPD)').click();
    const days = page.getByTestId('retention-days');
    expect(await days.inputValue()).toBe('30');
    await days.fill('7');
    await page.getByTestId('retention-save').click();
    await page.getByText('Durée enregistrée.').waitFor();
    await shot(page, 'retention-setting');
    const { context, page: phone } = await newPage(suite.browser, PHONE);
    const phoneErrors = watchErrors(phone);
    await phone.goto(`${suite.server.url}/j/${seeded.ev.event.joinCode}`);
    const notice = phone.getByTestId('privacy-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toBe('Seul votre pseudo vous identifie (ni compte ni e-mail)\u00a0; il est effacé 7\u00a0jours après la soirée, vos idées restent, anonymes.');
    // Visible on a 360 × 740 screen without scrolling, under the join button.
    const box = await notice.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(740);
    await shot(phone, 'join-privacy-360');
    await context.close();
    expect(phoneErrors).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('duplicates the event for another territory and finds its ateliers there', async () => {
    await page.goto(`${suite.server.url}/animer#${seeded.ev.adminToken}`);
    await page.getByText('Dupliquer pour un autre territoire').click();
    await page.getByTestId('duplicate-name').fill('Soirée des possibles — Haut-Doubs');
    await page.getByTestId('duplicate-place').fill('Pontarlier');
    await page.getByTestId('duplicate-submit').click();
    const link = page.getByTestId('duplicate-link');
    await link.waitFor();
    await shot(page, 'duplicated');
    // The link names the address phones reach (the LAN's); the test server listens on loopback.
    const adminToken = new URL((await link.getAttribute('href')) ?? '').hash.slice(1);
    expect(adminToken.length).toBeGreaterThan(20);
    // Only the fragment differs from the page we are on: leave it, so the app starts afresh.
    await page.goto('about:blank');
    await page.goto(`${suite.server.url}/animer#${adminToken}`);
    await page.getByRole('heading', { name: 'Soirée des possibles — Haut-Doubs' }).waitFor();
    const rows = page.getByTestId('dashboard-row');
    await expect.poll(() => rows.count()).toBe(seeded.ev.ateliers.length);
    for (const a of seeded.ev.ateliers) await page.getByTestId('dashboard-row').filter({ hasText: a.title }).first().waitFor();
    expect(errors).toEqual([]);
  });

  it('creates an event from the poster workshop template and finds its atelier, tables and timers', async () => {
    await page.goto('about:blank');
    await page.goto(`${suite.server.url}/creer`);
    await page.getByTestId('template-atelier-posters').click();
    await page.getByTestId('template-hint').waitFor();
    expect(await page.getByTestId('atelier-title').first().inputValue()).toBe('Dessiner son territoire');
    await page.getByTestId('event-name').fill('Dessiner le Haut-Jura');
    await shot(page, 'create-from-template');
    await page.getByTestId('create-event').click();
    await page.getByTestId('join-code').waitFor();
    await page.getByTestId('dashboard-row').filter({ hasText: 'Dessiner son territoire' }).first().waitFor();
    // Its five tables, each with a poster and an AFOM matrix, ready in the poster section.
    for (const table of ['Table 1', 'Table 5']) await page.getByRole('heading', { name: table }).first().waitFor();
    await expect.poll(() => page.getByText('Matrice AFOM', { exact: true }).count()).toBe(5);
    // An hour to draw on the atelier's timer, ten minutes per presentation on the evening's.
    await page.getByText('1:00:00', { exact: true }).first().waitFor();
    await page.getByText('10:00', { exact: true }).first().waitFor();
    await shot(page, 'created-from-template');
    expect(errors).toEqual([]);
  });

  // Last: it deletes the seeded event.
  it('adds ideas collected beforehand, keeps the archive, deletes the event and brings it back from the archive', async () => {
    await page.goto('about:blank');
    await page.goto(`${suite.server.url}/animer#${seeded.ev.adminToken}`);
    await page.getByText('Idées collectées avant la soirée').click();
    await page.getByTestId('import-atelier').selectOption(seeded.ev.ateliers[1]!.id);
    await page.getByTestId('import-text').fill('Une halle de producteurs\n\nUn tiers-lieu à la gare');
    await page.getByTestId('import-submit').click();
    await page.getByText('2 idées ajoutées, 0 ignorées').waitFor();
    expect(await page.getByTestId('import-text').inputValue()).toBe('');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-ideas').click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    expect(fs.readFileSync(await csv.path(), 'utf8')).toContain('Un tiers-lieu à la gare');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('archive-export').click()]);
    const archive = path.join(dir, 'archive.json');
    await download.saveAs(archive);

    await page.getByText('Supprimer l’événement pour de bon').click();
    const remove = page.getByTestId('delete-event');
    expect(await remove.isDisabled()).toBe(true);
    await page.getByTestId('delete-code').fill(seeded.ev.event.joinCode.toLowerCase());
    await remove.click();
    await page.waitForURL(`${suite.server.url}/`);
    expect((await fetch(suite.server.url + API.join(seeded.ev.event.joinCode))).status).toBe(404);

    await page.goto(`${suite.server.url}/creer`);
    await page.getByTestId('archive-input').setInputFiles(archive);
    await page.getByText('Événement « Soirée des possibles — Haut-Jura « œuvrer ensemble » » importé').waitFor();
    const back = (await (await fetch(suite.server.url + API.join(seeded.ev.event.joinCode))).json()) as { ateliers: unknown[] };
    expect(back.ateliers).toHaveLength(seeded.ev.ateliers.length);
    expect(errors).toEqual([]);
  });
});
