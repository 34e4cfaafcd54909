import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { C, STICKY, createCluster, readClusters, readIdeaCards, readPosition } from '@semis/shared';
import { serviceAvailable } from '../support/services';
import { CHROMIUM_PATH, probeChromium, useBrowserSuite, watchErrors } from '../support/browser';
import { call, createEvent, facilitator, must, openBoard, participant, waitFor } from '../support/harness';
import { axeViolations } from '../support/axe';
import { shot } from '../support/shots';

const ok = await serviceAvailable('chromium', probeChromium, { where: CHROMIUM_PATH, suite: 'end-to-end (browser)' });
const LAPTOP_1366 = { viewport: { width: 1366, height: 768 }, locale: 'fr-FR' } as const;

describe.skipIf(!ok)('the cockpit for 15 ateliers', () => {
  const suite = useBrowserSuite();

  it('fits 15 ateliers on one 1366×768 screen, with the join code and the private link on top', async () => {
    const ev = await createEvent(suite.server.url, 15);
    const admin = await facilitator(suite.server.url, ev.adminToken);
    const last = ev.ateliers[14]!;
    must(await call(admin, C.configureAtelier, { atelierId: last.id, moderated: true }));
    const p = await participant(suite.server.url, ev.event.joinCode, 'Léa', last.id);
    must(await call(p.socket, C.postIdea, { id: randomUUID(), atelierId: last.id, text: 'Une halle de producteurs' }));

    const context = await suite.browser.newContext(LAPTOP_1366);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${suite.server.url}/animer#${ev.adminToken}`);
    const rows = page.getByTestId('dashboard-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(15);
    const lastRow = page.locator(`[data-testid="dashboard-row"][data-atelier-id="${last.id}"]`);
    // The live numbers arrive: the waiting idea is counted on the last row.
    await expect.poll(() => lastRow.getAttribute('data-ideas-pending'), { timeout: 10_000 }).toBe('1');
    await expect.poll(() => lastRow.getAttribute('data-connected'), { timeout: 10_000 }).toBe('1');

    const box = (await lastRow.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(box.x + box.width).toBeLessThanOrEqual(1366);
    expect(await page.evaluate(() => [document.documentElement.scrollWidth, window.scrollY])).toEqual([1366, 0]);
    for (const id of ['join-code', 'admin-link', 'participant-link']) {
      const b = (await page.getByTestId(id).boundingBox())!;
      expect(b.y, id).toBeLessThan(150);
    }
    expect(await page.getByTestId('join-code').innerText()).toBe(ev.event.joinCode);
    await shot(page, 'cockpit-1366x768-15-ateliers');
    expect(await axeViolations(page)).toEqual([]);

    // Settings unfold under their row on demand, then fold away.
    await lastRow.getByTestId('row-settings').click();
    const settings = page.locator(`#settings-${last.id}`);
    await settings.getByTestId('toggle-private').check();
    await expect.poll(async () => (await call<{ ateliers: { id: string; privateWriting: boolean }[] }>(admin, C.facilitatorAuth, { token: ev.adminToken })).ok && (await settings.getByTestId('toggle-private').isChecked()), { timeout: 10_000 }).toBe(true);
    const stored = must(await call<{ ateliers: { id: string; privateWriting: boolean }[] }>(admin, C.facilitatorAuth, { token: ev.adminToken })).ateliers;
    expect(stored.find((a) => a.id === last.id)?.privateWriting).toBe(true);
    await lastRow.getByTestId('row-settings').click();
    expect(await settings.count()).toBe(0);

    // The waiting count leads to the queue, filtered on that atelier.
    await lastRow.getByTestId('row-pending').click();
    await page.getByTestId('mod-queue-page').waitFor();
    await expect.poll(() => page.getByTestId('mod-queue-filter').inputValue(), { timeout: 10_000 }).toBe(last.id);
    await expect.poll(() => page.getByTestId('mod-queue-idea').count(), { timeout: 10_000 }).toBe(1);
    expect(errors).toEqual([]);
    admin.disconnect();
    p.socket.disconnect();
    await context.close();
  });

  it('moderates every atelier from one queue: filter, tout valider, block and unblock', async () => {
    const ev = await createEvent(suite.server.url, 3);
    const admin = await facilitator(suite.server.url, ev.adminToken);
    for (const a of ev.ateliers) must(await call(admin, C.configureAtelier, { atelierId: a.id, moderated: true }));
    const lea = await participant(suite.server.url, ev.event.joinCode, 'Léa', ev.ateliers[0]!.id);
    const troll = await participant(suite.server.url, ev.event.joinCode, 'Troll', ev.ateliers[1]!.id);
    for (const [who, i, text] of [[lea, 0, 'Un marché du soir'], [troll, 1, 'spam'], [troll, 1, 'encore du spam'], [lea, 0, 'Une navette']] as const) {
      must(await call(who.socket, C.postIdea, { id: randomUUID(), atelierId: ev.ateliers[i]!.id, text }));
    }
    const context = await suite.browser.newContext(LAPTOP_1366);
    const page = await context.newPage();
    const errors = watchErrors(page);
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${suite.server.url}/animer#${ev.adminToken}`);
    await page.getByTestId('open-mod-queue').click();
    const items = page.getByTestId('mod-queue-idea');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(4);

    // Blocking the troll takes both of its ideas out of the queue and lists the person.
    await items.filter({ hasText: 'encore du spam' }).getByTestId('mod-block').click();
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => page.getByTestId('blocked-person').count(), { timeout: 10_000 }).toBe(1);
    await shot(page, 'moderation-queue-1366x768', { fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // A new idea arrives live; the filter narrows the queue; tout valider approves what is shown.
    must(await call(lea.socket, C.postIdea, { id: randomUUID(), atelierId: ev.ateliers[0]!.id, text: 'Un tiers-lieu' }));
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(3);
    await page.getByTestId('mod-queue-filter').selectOption(ev.ateliers[0]!.id);
    await page.getByTestId('mod-approve-all').click();
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(0);
    const mine = must(await call<{ ideas: { status: string }[] }>(lea.socket, C.myIdeas, { atelierId: ev.ateliers[0]!.id })).ideas;
    expect(mine.map((i) => i.status)).toEqual(['visible', 'visible', 'visible']);

    // The way back: unblocking lets the same phone in again.
    await page.getByTestId('unblock').click();
    await expect.poll(() => page.getByTestId('blocked-person').count(), { timeout: 10_000 }).toBe(0);
    const again = await participant(suite.server.url, ev.event.joinCode, 'Troll', ev.ateliers[1]!.id);
    // Let back in (an identical pseudonym is numbered while the first Troll still exists).
    expect(again.join.participant.pseudonym).toMatch(/^Troll/);
    expect(errors).toEqual([]);
    for (const s of [admin, lea.socket, troll.socket, again.socket]) s.disconnect();
    await context.close();
  });
});

describe.skipIf(!ok)('opening a cluster vote from the cockpit', () => {
  const suite = useBrowserSuite();

  it('names the ideas left outside every cluster and offers to vote on them as their own items', async () => {
    const ev = await createEvent(suite.server.url, 1);
    const atelier = ev.ateliers[0]!;
    const admin = await facilitator(suite.server.url, ev.adminToken);
    const p = await participant(suite.server.url, ev.event.joinCode, 'Léa', atelier.id);
    for (const text of ['Navette vers la gare', 'Bus du matin', 'Une crèche parentale']) must(await call(p.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text }));
    const board = openBoard(suite.server.url, atelier.boardId, ev.adminToken);
    await board.synced;
    await waitFor(() => readIdeaCards(board.doc).length === 3, 5000, 'ideas on the wall');
    const [a, b] = readIdeaCards(board.doc).map((c) => c.id);
    createCluster(board.doc, { id: 'mob', title: 'Mobilité', x: 0, y: 0, createdAt: '2026-01-01T00:00:00Z' }, [a!, b!]);
    await waitFor(async () => must(await call<{ items: number }>(admin, C.votePreview, { atelierId: atelier.id })).items === 1, 5000, 'cluster on the server');
    must(await call(admin, C.setPhase, { atelierIds: [atelier.id], phase: 'regroupement' }));

    const context = await suite.browser.newContext(LAPTOP_1366);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${suite.server.url}/animer#${ev.adminToken}`);
    const row = page.getByTestId('dashboard-row').first();
    await expect.poll(() => row.getAttribute('data-phase'), { timeout: 10_000 }).toBe('regroupement');
    await row.getByTestId('phase-next').click();
    const warning = row.getByTestId('vote-left');
    await expect.poll(() => warning.getAttribute('data-count'), { timeout: 10_000 }).toBe('1');
    // Still in regroupement until the facilitator chooses.
    expect(await row.getAttribute('data-phase')).toBe('regroupement');
    await shot(page, 'cockpit-vote-left');
    await warning.getByTestId('vote-left-include').click();
    await expect.poll(() => row.getAttribute('data-phase'), { timeout: 10_000 }).toBe('vote');
    // The cluster and the loose idea: two items (the vote opens just after the phase changes).
    await expect.poll(async () => must(await call<{ items: unknown[] }>(admin, C.voteGet, { atelierId: atelier.id })).items.length, { timeout: 10_000 }).toBe(2);
    expect(errors).toEqual([]);
    board.destroy();
    admin.disconnect();
    p.socket.disconnect();
    await context.close();
  });
});

describe.skipIf(!ok)('the wall with 60 ideas at 1366×768', () => {
  const suite = useBrowserSuite();

  it('header on one line, readable stickies, Ranger leaves no sticky over another, full titles, search by word', async () => {
    const ev = await createEvent(suite.server.url, 1);
    const atelier = ev.ateliers[0]!;
    // Eight phones share the 60 ideas (one phone alone would hit the rate limit).
    const phones = await Promise.all(['Léa', 'Marc', 'Zoé', 'Yann', 'Nina', 'Paul', 'Inès', 'Hugo'].map((n) => participant(suite.server.url, ev.event.joinCode, n, atelier.id)));
    const TEXTS = ['Une épicerie solidaire au bourg', 'Covoiturage vers la gare de Dijon', 'Un tiers-lieu avec atelier vélo', 'Maraîchage bio pour la cantine', 'Navette le samedi vers le marché', 'Une crèche parentale'];
    for (let i = 0; i < 60; i++) must(await call(phones[i % phones.length]!.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: `${TEXTS[i % TEXTS.length]} ${i}` }));
    const board = openBoard(suite.server.url, atelier.boardId, ev.adminToken);
    await board.synced;
    await waitFor(() => readIdeaCards(board.doc).length === 60, 5000, 'ideas on the wall');
    const ids = readIdeaCards(board.doc).map((c) => c.id);
    const TITLE = 'Mobilité du quotidien vers les gares et les marchés du territoire';
    // A one-column cluster with a long name, built where it overlaps nothing yet.
    createCluster(board.doc, { id: 'long', title: TITLE, x: 0, y: 0, createdAt: '2026-01-01T00:00:00Z' }, [ids[1]!]);

    const context = await suite.browser.newContext(LAPTOP_1366);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${suite.server.url}/animer/mur/${atelier.id}#${ev.adminToken}`);
    await expect.poll(() => page.getByTestId('wall').getAttribute('data-idea-count'), { timeout: 10_000 }).toBe('60');
    await expect.poll(() => page.getByTestId('wall').getAttribute('data-stage-scale'), { timeout: 10_000 }).not.toBeNull();
    await page.waitForTimeout(200); // the first framing

    // One line of header at 1366 px, nothing cut off at its end.
    const header = page.locator('.wall-header');
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(52);
    expect(await header.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
    // Idéation: the board has the whole width, so 60 stickies are drawn at a readable zoom.
    expect(Number(await page.getByTestId('wall').getAttribute('data-stage-scale'))).toBeGreaterThanOrEqual(0.55);
    await shot(page, 'wall-60-ideas-1366x768');

    // Ranger: a tidy grid where no sticky overlaps another, and each frame holds only its own.
    await page.getByTestId('wall-tidy').click();
    // The cluster's stored corner moves to the grid's first frame (x = −frame padding).
    await waitFor(() => readClusters(board.doc)[0]!.x < 0, 5000, 'tidy layout relayed');
    await waitFor(() => {
      const ps = ids.map((id) => readPosition(board.doc, id)!);
      return ps.every((p, i) => ps.every((q, j) => i === j || Math.abs(p.x - q.x) >= STICKY.width || Math.abs(p.y - q.y) >= STICKY.height));
    }, 5000, 'no overlapping stickies');

    // The long cluster title is drawn whole.
    const title = page.getByTestId('cluster-title').first();
    expect(await title.innerText()).toBe(TITLE);
    expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1)).toBe(true);

    // Search by word, accents ignored: every matching idea is counted and highlighted.
    await page.getByTestId('wall-search').fill('creche');
    await expect.poll(() => page.getByTestId('wall-search-count').getAttribute('data-count'), { timeout: 10_000 }).toBe('10');
    await shot(page, 'wall-search');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('wall-search').fill('');
    expect(await page.getByTestId('wall-search-count').getAttribute('data-count')).toBe('');
    expect(errors).toEqual([]);
    board.destroy();
    for (const p of phones) p.socket.disconnect();
    await context.close();
  });
});
