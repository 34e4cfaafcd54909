import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceAvailable } from '../support/services';
import { CHROMIUM_PATH, CLIENT_DIR, FACILITATOR, LAPTOP, PHONE, newPage, probeChromium, requireBuiltClient, watchErrors, useBrowserSuite } from '../support/browser';
import { API, type CreateEventResult } from '@semis/shared';
import { api, createEvent, startServer, type TestServer } from '../support/harness';
import { axeViolations } from '../support/axe';
import { shot } from '../support/shots';

const ok = await serviceAvailable('chromium', probeChromium, { where: CHROMIUM_PATH, suite: 'end-to-end (browser)' });

/** A documentation address (TEST-NET-2), standing for the laptop's address on the venue Wi-Fi. */
const LAN = '198.51.100.7';

describe.skipIf(!ok)('the join path: an address phones can reach, /j, /j/CODE, per-atelier links and QR posters', () => {
  const suite = useBrowserSuite();
  // Listening on every interface like `npm start`, with a known LAN address: the facilitator
  // browses on 127.0.0.1 (as the README suggests) and the links must still say the LAN address.
  let lanServer: TestServer;
  beforeAll(async () => {
    requireBuiltClient();
    lanServer = await startServer({ config: { clientDir: CLIENT_DIR, host: '0.0.0.0', lanAddresses: () => [LAN] } });
  });
  afterAll(() => lanServer?.stop());

  it('console, projector and printed posters give the LAN address, never localhost', async () => {
    const port = new URL(lanServer.url).port;
    const local = `http://127.0.0.1:${port}`;
    // The longest title and question the schema allows: the poster still fits its page.
    const { body: ev } = await api<CreateEventResult>(local, API.createEvent, {
      body: {
        name: 'Soirée test',
        date: '2026-06-08',
        place: 'Aromas',
        ateliers: [
          { title: 'Mobilité', theme: 'mobilite', question: 'Quels besoins ?' },
          { title: 'Commerces, services de proximité et lieux de vie pour les habitants du plateau', theme: 'commerces-services', question: 'Quels besoins en activités économiques de proximité ? '.repeat(5).slice(0, 280) },
          { title: 'Tourisme', theme: 'tourisme', question: '' },
        ],
      },
    });
    expect(ev.links.participant).toBe(`http://${LAN}:${port}/j/${ev.event.joinCode}`);
    const { context, page } = await newPage(suite.browser, FACILITATOR);
    const errors = watchErrors(page);
    await page.goto(`${local}/animer#${ev.adminToken}`);
    const link = page.getByTestId('participant-link');
    await expect.poll(() => link.innerText()).toBe(`http://${LAN}:${port}/j/${ev.event.joinCode}`);
    expect(await link.getAttribute('data-reach')).toBe('lan');
    expect(await page.getByTestId('join-loopback').count()).toBe(0);
    expect(await page.getByTestId('qr-code').first().getAttribute('data-text')).toBe(ev.links.participant);
    await shot(page, 'console-join-lan');

    const projector = await context.newPage();
    errors.push(...watchErrors(projector));
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${local}/projection?atelier=${ev.ateliers[0]!.id}`);
    const join = projector.getByTestId('projector-join-url');
    await join.waitFor();
    expect(await join.innerText()).toContain(`${LAN}:${port}/j`);
    expect(await projector.getByTestId('projector').innerText()).not.toMatch(/localhost|127\.0\.0\.1/);

    // The posters: the event's, then one per atelier whose QR opens that atelier.
    const posters = await context.newPage();
    errors.push(...watchErrors(posters));
    await posters.goto(`${local}/animer/affiches`);
    const sheets = posters.getByTestId('qr-sheet');
    await expect.poll(() => sheets.count()).toBe(4);
    const texts = await posters.getByTestId('qr-code').evaluateAll((els) => els.map((e) => e.getAttribute('data-text')));
    expect(texts).toEqual([ev.links.participant, ...ev.ateliers.map((a) => `${ev.links.participant}/${a.id}`)]);
    expect(await posters.locator('body').innerText()).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(await posters.getByTestId('qr-sheet-code').allInnerTexts()).toEqual(Array(4).fill(ev.event.joinCode));
    expect(await axeViolations(posters)).toEqual([]);
    await shot(posters, 'qr-posters-screen', { fullPage: false });

    // Printed: one A4 page per sheet, nothing cut (each sheet's content fits its page).
    const pdf = await posters.pdf({ preferCSSPageSize: true, printBackground: true });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semis-pdf-'));
    const file = path.join(dir, 'affiches.pdf');
    fs.writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+4\b/);
    expect(info).toMatch(/Page size:\s+59[45]\.\d* x 841\.\d* pts \(A4\)/);
    if (process.env.SEMIS_SHOTS) execFileSync('pdftoppm', ['-png', '-r', '50', file, path.join(process.env.SEMIS_SHOTS, 'qr-poster')]);
    await posters.emulateMedia({ media: 'print' });
    const overflow = await sheets.evaluateAll((els) => els.filter((e) => e.scrollHeight > e.clientHeight + 1).length);
    expect(overflow).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a server only on loopback says so plainly on the console', async () => {
    const ev = await createEvent(suite.server.url, 1);
    const { context, page } = await newPage(suite.browser, LAPTOP);
    await page.goto(`${suite.server.url}/animer#${ev.adminToken}`);
    await page.getByTestId('join-loopback').waitFor();
    expect(await page.getByTestId('participant-link').getAttribute('data-reach')).toBe('loopback');
    await context.close();
  });

  it('/j asks for the code, /j/CODE for a pseudonym, /j/CODE/<atelier> lands in that atelier', async () => {
    const ev = await createEvent(suite.server.url, 3);
    const { context, page } = await newPage(suite.browser, PHONE);
    const errors = watchErrors(page);
    await page.goto(`${suite.server.url}/j`);
    await page.getByTestId('code-input').fill(ev.event.joinCode.toLowerCase());
    await page.getByTestId('code-submit').click();
    await page.getByTestId('pseudonym-input').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/j/${ev.event.joinCode}`);
    await context.close();

    // The second atelier's poster: pseudonym, then straight into it (no picker).
    const target = ev.ateliers[1]!;
    const phone = await newPage(suite.browser, PHONE);
    errors.push(...watchErrors(phone.page));
    await phone.page.goto(`${suite.server.url}/j/${ev.event.joinCode}/${target.id}`);
    await phone.page.getByTestId('pseudonym-input').fill('Inès');
    await phone.page.getByTestId('join-submit').click();
    await phone.page.getByTestId('phase-screen').waitFor();
    expect(await phone.page.locator('.atelier-head h1').innerText()).toBe(target.title);
    expect(new URL(phone.page.url()).pathname).toBe(`/j/${ev.event.joinCode}`);
    expect(await phone.page.getByTestId('atelier-choice').count()).toBe(0);
    // And *changer d'atelier* still shows the picker.
    await phone.page.getByTestId('change-atelier').click();
    await expect.poll(() => phone.page.getByTestId('atelier-choice').count()).toBe(3);

    // An unknown atelier id falls back to the picker rather than an error.
    const other = await newPage(suite.browser, PHONE);
    await other.page.goto(`${suite.server.url}/j/${ev.event.joinCode}/00000000-0000-4000-8000-000000000000`);
    await other.page.getByTestId('pseudonym-input').fill('Paul');
    await other.page.getByTestId('join-submit').click();
    await expect.poll(() => other.page.getByTestId('atelier-choice').count()).toBe(3);
    expect(errors).toEqual([]);
    await phone.context.close();
    await other.context.close();
  });
});
