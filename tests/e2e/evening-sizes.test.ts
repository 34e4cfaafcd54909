import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { API, C, createCluster, moveIdea, readIdeaCards, type Candidate, type GroupView, type VoteState } from '@semis/shared';
import { serviceAvailable } from '../support/services';
import { CHROMIUM_PATH, FACILITATOR, PHONE, PROJECTOR, newPage, probeChromium, useBrowserSuite, watchErrors } from '../support/browser';
import { api, call, facilitator, must, openBoard, waitFor, type Client } from '../support/harness';
import { audit, largeText, overlaps, PHONE_ZOOM_130, type Audit, type AuditOptions } from '../support/audit';
import { shot } from '../support/shots';
import { drawPoster } from '../support/evening';

const ok = await serviceAvailable('chromium', probeChromium, { where: CHROMIUM_PATH, suite: 'end-to-end (browser)' });

const IDEAS = [
  'Une navette vers la gare le samedi matin pour les personnes âgées sans voiture',
  'Un marché de producteurs locaux le dimanche',
  'Une épicerie coopérative avec des produits du coin',
  'Du covoiturage organisé par la mairie',
  'Un tiers-lieu dans l’ancienne gare',
  'Des ateliers de réparation de vélos',
];

/**
 * The whole *grande soirée* at the sizes people use it — the facilitator's laptop (1366×768,
 * 15 ateliers), the hall's projector (1920×1080), phones (360×740, zoomed to 130 %, text at
 * 150 %) — checked as drawn: no sideways scrolling, nothing clipped, finger-sized targets, text
 * readable from the back of the hall, no English in French screens.
 * `SEMIS_SHOTS=/tmp/evening-shots` keeps a PNG of every screen.
 */
describe.skipIf(!ok)('the evening at the sizes people use', () => {
  const suite = useBrowserSuite();
  const sockets: Client[] = [];
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];
  const findings: Record<string, Partial<Audit>> = {};
  afterAll(async () => {
    console.log(JSON.stringify(findings, null, 1));
    for (const s of sockets) s.disconnect();
    for (const c of contexts) await c.close().catch(() => {});
  });

  /** Screenshot, then audit; only the problems are kept. */
  async function look(page: Page, name: string, opts: AuditOptions): Promise<void> {
    await page.waitForTimeout(300);
    await shot(page, name);
    const a = await audit(page, opts);
    const problems = Object.fromEntries(Object.entries(a).filter(([k, v]) => (k === 'overflowX' ? v > 0 : (v as string[]).length > 0)));
    if (Object.keys(problems).length > 0) findings[name] = problems;
  }
  const PHONE_RULES = { minTarget: 44, minFont: 14 } as const;
  // The atelier picker at the bottom of the projector is the facilitator's, not the hall's.
  const PROJECTOR_RULES = { minTarget: 0, minFont: 24, ignore: '.projector-controls' } as const;
  const CONSOLE_RULES = { minTarget: 24, minFont: 12 } as const;

  /** Pseudonym, then an atelier, on a phone at the join form; the named screens are looked at on the way. */
  async function joinOn(page: Page, pseudonym: string, atelier: number, shots: { pseudonym?: string; ateliers?: string }): Promise<void> {
    await page.getByTestId('pseudonym-input').waitFor();
    if (shots.pseudonym) await look(page, shots.pseudonym, PHONE_RULES);
    await page.getByTestId('pseudonym-input').fill(pseudonym);
    await page.getByTestId('join-submit').click();
    await page.getByTestId('atelier-choice').first().waitFor();
    if (shots.ateliers) await look(page, shots.ateliers, PHONE_RULES);
    await page.getByTestId('atelier-choice').nth(atelier).click();
    await page.getByTestId('phase-screen').waitFor();
  }

  async function open(options: Parameters<typeof newPage>[1], large = false): Promise<Page> {
    const { context, page } = await newPage(suite.browser, options);
    contexts.push(context);
    errors.push(...watchErrors(page));
    page.on('dialog', (d) => void d.accept());
    if (large) await largeText(page);
    return page;
  }

  it('create → join → ideas → moderation → clusters → votes → candidates → posters → plenary → report → closing', async () => {
    const url = suite.server.url;

    // The facilitator creates the evening from the template (15 ateliers) on a 1366×768 laptop.
    const consolePage = await open(FACILITATOR);
    await consolePage.goto(`${url}/creer`);
    await look(consolePage, '01-creer-empty', CONSOLE_RULES);
    await consolePage.getByTestId('event-name').fill('Soirée des possibles — Haut-Jura');
    await consolePage.getByTestId('event-place').fill('Salle des fêtes de Saint-Claude');
    await consolePage.getByTestId('template-grande-soiree').click();
    await look(consolePage, '02-creer-template', CONSOLE_RULES);
    await consolePage.getByTestId('create-event').click();
    const code = (await consolePage.getByTestId('join-code').innerText()).trim();
    await expect.poll(() => consolePage.getByTestId('dashboard-row').count()).toBe(15);
    await look(consolePage, '03-console-15-ateliers', CONSOLE_RULES);
    // The join block's parts side by side, none drawn over another (the QR code must scan).
    const JOIN_PARTS = ['[data-testid="join-code"]', '[data-testid="participant-link"]', '[data-testid="join-loopback"]', '[data-testid="qr-code"]', '.console-private', '.console-nav'];
    expect(await overlaps(consolePage, JOIN_PARTS)).toEqual([]);
    const lastRow = (await consolePage.getByTestId('dashboard-row').last().boundingBox())!;
    expect(lastRow.y + lastRow.height).toBeLessThanOrEqual(768);
    // The console keeps the admin link's token on this laptop (JSON-encoded).
    const adminToken = (await consolePage.evaluate(() => localStorage.getItem('semis.admin.token') ?? '')).replace(/^"|"$/g, '');
    expect(adminToken).not.toBe('');
    const admin = await facilitator(url, adminToken);
    sockets.push(admin);
    const ateliers = (await api<{ ateliers: { id: string; boardId: string; title: string }[] }>(url, `${API.adminEvent}`, { token: adminToken })).body.ateliers;
    const [a1, a2] = ateliers;

    // The projector shows the join code and QR code.
    const projector = await open(PROJECTOR);
    await projector.goto(`${url}/projection#${adminToken}`);
    await projector.getByTestId('projector').waitFor();
    await look(projector, '04-projector-join', PROJECTOR_RULES);
    // No timer yet: nothing about time on the wall.
    expect(await projector.getByTestId('projector-timer').isVisible()).toBe(false);

    // Dead ends a resident may meet: a mistyped code, a stale QR link, a console without its link.
    const lost = await open(PHONE);
    await lost.goto(`${url}/`);
    await lost.getByTestId('code-input').fill('ZZZZZZ');
    await lost.getByTestId('code-submit').click();
    await lost.getByTestId('error-message').waitFor();
    await look(lost, '04b-phone-wrong-code', PHONE_RULES);
    expect(await lost.getByTestId('error-message').innerText()).toMatch(/code/i);
    await lost.goto(`${url}/j/ZZZZZZ`);
    await lost.getByTestId('error-message').waitFor();
    await look(lost, '04c-phone-stale-qr-link', PHONE_RULES);
    expect(await lost.getByRole('link').filter({ hasText: /retour|accueil/i }).count()).toBeGreaterThan(0);
    const stranger = await open(FACILITATOR);
    await stranger.goto(`${url}/animer`);
    await stranger.waitForTimeout(800);
    await look(stranger, '04d-console-without-link', CONSOLE_RULES);

    // Phones: by code at 360 px, by the QR link, zoomed to 130 %, and with text at 150 %.
    const byCode = await open(PHONE);
    await byCode.goto(`${url}/`);
    await look(byCode, '05-phone-code', PHONE_RULES);
    await byCode.getByTestId('code-input').fill(code.toLowerCase());
    await byCode.getByTestId('code-submit').click();
    await joinOn(byCode, 'Jeanne', 0, { pseudonym: '06-phone-pseudonym', ateliers: '07-phone-ateliers' });
    await look(byCode, '08-phone-ideation', PHONE_RULES);

    const byQr = await open(PHONE);
    await byQr.goto(`${url}/j/${code}`);
    // Same pseudonym as the first phone: told apart, and told so.
    await joinOn(byQr, 'Jeanne', 0, { ateliers: '09-phone-qr-ateliers-renamed' });
    expect(await byQr.getByTestId('pseudonym-renamed').innerText()).toContain('Jeanne (2)');

    const zoomed = await open(PHONE_ZOOM_130);
    await zoomed.goto(`${url}/j/${code}`);
    await joinOn(zoomed, 'Marie-Thérèse Dupont-Lefebvre', 1, { pseudonym: '10-phone130-pseudonym', ateliers: '11-phone130-ateliers' });

    const large = await open(PHONE, true);
    await large.goto(`${url}/`);
    // The widest letters a code can have, then the real one spaced as read off the screen: the
    // whole code must stay in sight.
    await large.getByTestId('code-input').fill('WMWMWM');
    await look(large, '12-phone150text-code-widest', PHONE_RULES);
    await large.getByTestId('code-input').fill(`${code.slice(0, 3)} ${code.slice(3)}`);
    await look(large, '12-phone150text-code', PHONE_RULES);
    await large.getByTestId('code-submit').click();
    await joinOn(large, 'Gérard', 0, { ateliers: '13-phone150text-ateliers' });

    // Ideas from the phones.
    const posters = [byCode, byQr, large];
    for (const [i, text] of IDEAS.entries()) {
      const phone = posters[i % posters.length]!;
      await phone.getByTestId('idea-input').fill(text);
      await phone.getByTestId('idea-submit').click();
      await expect.poll(() => phone.locator('[data-testid="idea-item"][data-mine="true"]').allInnerTexts()).toContainEqual(expect.stringContaining(text.slice(0, 20)));
    }
    await zoomed.getByTestId('idea-input').fill('Un lieu pour les jeunes');
    await zoomed.getByTestId('idea-submit').click();
    await look(byCode, '14-phone-ideas', PHONE_RULES);
    await look(large, '15-phone150text-ideas', PHONE_RULES);
    await look(zoomed, '16-phone130-ideas', PHONE_RULES);

    // Moderation: one idea is hidden from the queue.
    must(await call(admin, C.configureAtelier, { atelierId: a1!.id, moderated: true }));
    await byQr.getByTestId('idea-input').fill('Idée à valider par l’animateur');
    await byQr.getByTestId('idea-submit').click();
    await look(byQr, '17-phone-waiting-approval', PHONE_RULES);
    await consolePage.goto(`${url}/animer/moderation`);
    await consolePage.waitForTimeout(500);
    await look(consolePage, '18-moderation-queue', CONSOLE_RULES);

    // Projector on atelier 1 during idéation.
    await projector.goto(`${url}/projection?atelier=${a1!.id}`);
    await expect.poll(() => projector.getByTestId('projector-idea').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    must(await call(admin, C.timer, { target: a1!.id, action: 'start', durationMs: 15 * 60_000, onZero: 'notify' }));
    await projector.getByTestId('projector-timer').waitFor({ state: 'visible' });
    await look(projector, '19-projector-ideation', PROJECTOR_RULES);

    // Clusters on the wall (written through Yjs as the wall does), seen on the wall and the projector.
    const wall = openBoard(url, a1!.boardId, adminToken);
    await wall.synced;
    await waitFor(() => readIdeaCards(wall.doc).length >= IDEAS.length, 5000, 'ideas on the wall');
    const ids = readIdeaCards(wall.doc).map((c) => c.id);
    createCluster(wall.doc, { id: 'cl-1', title: 'Se déplacer sans voiture', x: 0, y: 0, createdAt: '2026-03-12T19:00:00Z' }, [ids[0]!, ids[3]!]);
    createCluster(wall.doc, { id: 'cl-2', title: 'Manger local', x: 0, y: 300, createdAt: '2026-03-12T19:01:00Z' }, [ids[1]!, ids[2]!]);
    [ids[0], ids[3]].forEach((id, k) => moveIdea(wall.doc, id!, { x: k * 200, y: 60 }));
    [ids[1], ids[2]].forEach((id, k) => moveIdea(wall.doc, id!, { x: k * 200, y: 360 }));
    must(await call(admin, C.setPhase, { atelierIds: [a1!.id, a2!.id], phase: 'regroupement' }));
    const wallPage = await open(FACILITATOR);
    await wallPage.goto(`${url}/animer/mur/${a1!.id}#${adminToken}`);
    await wallPage.getByTestId('wall').waitFor();
    // The question is cut to keep the wall's header one line; its title shows it whole.
    await look(wallPage, '20-wall-regroupement', { ...CONSOLE_RULES, ignore: '.wall-question' });
    await expect.poll(() => projector.getByTestId('projector-cluster-title').allInnerTexts(), { timeout: 10_000 }).toEqual(expect.arrayContaining([expect.stringContaining('Manger local'), expect.stringContaining('Se déplacer')]));
    await look(projector, '21-projector-clusters', PROJECTOR_RULES);
    await look(byCode, '22-phone-regroupement', PHONE_RULES);

    // Dot vote on atelier 1, souhaitable × réaliste on atelier 2.
    must(await call(admin, C.voteConfigure, { atelierId: a2!.id, config: { mode: 'rating', includeUnclustered: true } }));
    must(await call(admin, C.setPhase, { atelierIds: [a1!.id, a2!.id], phase: 'vote' }));
    await byCode.getByTestId('vote-screen').waitFor();
    await look(byCode, '23-phone-dots', PHONE_RULES);
    await byCode.getByTestId('vote-plus').first().click();
    await byCode.getByTestId('vote-plus').first().click();
    await large.getByTestId('vote-screen').waitFor();
    await look(large, '24-phone150text-dots', PHONE_RULES);
    await large.getByTestId('vote-plus').nth(1).click();
    await zoomed.getByTestId('vote-screen').waitFor();
    await zoomed.getByTestId('vote-item').first().waitFor();
    await zoomed.getByTestId('vote-item').first().scrollIntoViewIfNeeded();
    await look(zoomed, '25-phone130-rating', PHONE_RULES);
    await look(projector, '26-projector-vote-live', PROJECTOR_RULES);
    must(await call(admin, C.setPhase, { atelierIds: [a1!.id, a2!.id], phase: 'restitution' }));
    await projector.waitForTimeout(800);
    await look(projector, '27-projector-vote-results', PROJECTOR_RULES);
    await look(byCode, '28-phone-restitution', PHONE_RULES);

    // Candidates: the winner is promoted and presented on the projector.
    const state = must(await call<VoteState>(admin, C.voteGet, { atelierId: a1!.id }));
    const { candidate } = must(await call<{ candidate: Candidate }>(admin, C.promote, { atelierId: a1!.id, itemId: state.items[0]!.itemId }));
    must(await call(admin, C.candidateUpdate, { id: candidate.id, patch: { besoin: 'Pas de transport le week-end pour les aînés', ressources: 'Un minibus communal inutilisé le samedi', porteur: 'Association Bouge ton bourg' } }));
    must(await call(admin, C.present, { action: 'start', atelierId: a1!.id, kind: 'candidates' }));
    await projector.getByTestId('projector-present').waitFor();
    await look(projector, '29-projector-present-candidate', PROJECTOR_RULES);
    must(await call(admin, C.present, { action: 'start', atelierId: a1!.id, kind: 'clusters' }));
    await projector.waitForTimeout(500);
    await look(projector, '30-projector-present-cluster', PROJECTOR_RULES);
    must(await call(admin, C.present, { action: 'stop', atelierId: a1!.id }));
    await consolePage.goto(`${url}/animer/projets`);
    await consolePage.waitForTimeout(500);
    await look(consolePage, '31-portfolio', CONSOLE_RULES);

    // Poster groups with AFOM and debate; the phone's groups screen and board.
    const res = await api<{ group: GroupView }>(url, API.adminGroups, { token: adminToken, body: { atelierId: a1!.id, name: 'Table 1 — Forêt & rivière', debate: true } });
    expect(res.status).toBe(201);
    const group = res.body.group;
    const posterBoard = openBoard(url, group.boards.find((b) => b.kind === 'poster')!.id, adminToken);
    const afomBoard = openBoard(url, group.boards.find((b) => b.kind === 'afom')!.id, adminToken);
    await Promise.all([posterBoard.synced, afomBoard.synced]);
    drawPoster(posterBoard.doc, afomBoard.doc);
    await byCode.goto(`${url}/j/${code}/groupes`);
    await byCode.waitForTimeout(800);
    await look(byCode, '32-phone-groups', PHONE_RULES);
    await byCode.locator('details summary').first().click();
    await look(byCode, '32b-phone-groups-react', PHONE_RULES);
    for (const kind of ['poster', 'afom', 'debat'] as const) {
      const board = group.boards.find((b) => b.kind === kind)!;
      await byCode.goto(`${url}/j/${code}/tableau/${board.id}`);
      await byCode.waitForTimeout(1200);
      await look(byCode, `33-phone-board-${kind}`, PHONE_RULES);
      await consolePage.goto(`${url}/animer/tableau/${board.id}`);
      await consolePage.waitForTimeout(1200);
      await look(consolePage, `34-console-board-${kind}`, CONSOLE_RULES);
    }
    posterBoard.destroy();
    afomBoard.destroy();
    await projector.goto(`${url}/animer/presentation/${a1!.id}`);
    await projector.waitForTimeout(1500);
    await look(projector, '35-projector-poster-presentation', PROJECTOR_RULES);

    // Plenary vote across the portfolio.
    const plenary = must(await call<VoteState>(admin, C.plenary, { action: 'open', config: {} }));
    expect(plenary.items.length).toBeGreaterThan(0);
    await byQr.goto(`${url}/j/${code}`);
    await byQr.waitForTimeout(1500);
    await look(byQr, '36-phone-plenary', PHONE_RULES);
    await projector.goto(`${url}/projection?atelier=${a1!.id}`);
    await projector.waitForTimeout(1500);
    await look(projector, '37-projector-plenary', PROJECTOR_RULES);
    must(await call(admin, C.plenary, { action: 'close' }));

    // The report from the console, then closing.
    await consolePage.goto(`${url}/animer`);
    const button = consolePage.getByTestId('report-pdf');
    await button.scrollIntoViewIfNeeded();
    await look(consolePage, '38-console-report', CONSOLE_RULES);
    const [download] = await Promise.all([consolePage.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    must(await call(admin, C.setPhase, { atelierIds: [a1!.id, a2!.id], phase: 'cloture' }));
    await byCode.goto(`${url}/j/${code}`);
    await byCode.waitForTimeout(1500);
    await look(byCode, '39-phone-closed', PHONE_RULES);
    await projector.goto(`${url}/projection?atelier=${a1!.id}`);
    await projector.waitForTimeout(1000);
    await look(projector, '40-projector-closed', PROJECTOR_RULES);
    wall.destroy();

    expect(errors).toEqual([]);
    expect(findings).toEqual({});
  }, 240_000);
});
