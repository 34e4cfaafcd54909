import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { C, createCluster, readClusters, readIdeaCards, type IdeaView } from '@semis/shared';
import { serviceAvailable } from '../support/services';
import { CHROMIUM_PATH, LAPTOP, PHONE, newPage, probeChromium, watchErrors, useBrowserSuite, joinPhone as sharedJoinPhone } from '../support/browser';
import { openTools, drag, stickyCenter } from '../support/wall';
import { call, createEvent, facilitator, must, openBoard, participant, waitFor } from '../support/harness';

const ok = await serviceAvailable('chromium', probeChromium, { where: CHROMIUM_PATH, suite: 'end-to-end (browser)' });

/** SEMIS_SCREENSHOTS=<dir> keeps a PNG of each step, to look at the screens. */
const SHOTS = process.env.SEMIS_SCREENSHOTS;
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

const IDEAS = [
  'Une navette vers la gare le samedi',
  'Un bus pour aller à la gare le matin',
  'Un marché de producteurs locaux le dimanche',
  'Vente directe de légumes à la ferme',
  'Une épicerie avec des produits locaux',
  'Un gîte pour les randonneurs de passage',
  'Des circuits de randonnée balisés autour du lac',
];

describe.skipIf(!ok)('from ideas to project candidates in Chromium', () => {
  const suite = useBrowserSuite();

  it('cluster on the wall, accept a suggestion, vote on three phones, promote the winner, edit its card, see the portfolio', async () => {
    const errors: string[] = [];
    const ev = await createEvent(suite.server.url, 1);
    const atelier = ev.ateliers[0]!;
    const code = ev.event.joinCode;

    // Ideas arrive through the socket.io protocol, as phones send them (faster than typing).
    const author = await participant(suite.server.url, code, 'Autrice', atelier.id);
    suite.open.push(author.socket);
    const ids: string[] = [];
    for (const text of IDEAS) ids.push(must(await call<{ idea: IdeaView }>(author.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text })).idea.id);
    const board = openBoard(suite.server.url, atelier.boardId, ev.adminToken);
    suite.boards.push(board);
    await board.synced;
    await waitFor(() => readIdeaCards(board.doc).length === IDEAS.length, 5000, 'ideas in the document');

    // The facilitator's wall.
    const { page: wall } = await newPage(suite.browser, LAPTOP);
    errors.push(...watchErrors(wall));
    wall.on('dialog', (d) => void d.accept());
    await wall.goto(`${suite.server.url}/animer/mur/${atelier.id}#${ev.adminToken}`);
    // The first load may take seconds on a loaded machine (the default poll gives 1 s).
    await expect.poll(() => wall.getByTestId('wall').getAttribute('data-idea-count'), { timeout: 15_000 }).toBe(String(IDEAS.length));
    await expect.poll(() => wall.getByTestId('wall').getAttribute('data-stage-scale')).not.toBeNull();
    await wall.waitForTimeout(100); // the first framing of the stickies

    // Drag the second navette idea onto the first: a cluster is born with an automatic title.
    await drag(wall, await stickyCenter(wall, board.doc, ids[1]!), await stickyCenter(wall, board.doc, ids[0]!));
    const clusters = wall.getByTestId('wall-cluster');
    await expect.poll(() => clusters.count()).toBe(1);
    await expect.poll(() => clusters.first().getAttribute('data-idea-count')).toBe('2');
    await expect.poll(() => wall.getByTestId('cluster-title').first().innerText()).not.toBe('');
    // The wall shows its own write at once; this client gets it through the server's relay.
    await waitFor(() => readClusters(board.doc).length === 1, 5000, 'cluster relayed');
    expect(readClusters(board.doc)[0]!.ideaIds.sort()).toEqual([ids[0]!, ids[1]!].sort());
    await shot(wall, 'wall-cluster');
    // Renamed in place: double-click the title drawn over the frame.
    await wall.getByTestId('cluster-title').first().dblclick();
    await wall.locator('.cluster-rename input').fill('Aller à la gare');
    await wall.locator('.cluster-rename input').press('Enter');
    await expect.poll(() => wall.getByTestId('cluster-title').first().innerText()).toBe('Aller à la gare');
    await expect.poll(() => clusters.first().innerText()).toContain('Aller à la gare');

    // Auto-grouping: suggestions cover only the ideas still free; accept the first one.
    await openTools(wall);
    await wall.getByTestId('wall-tab-suggest').click();
    await wall.getByTestId('suggest-groups').click();
    const suggestion = wall.getByTestId('suggestion').first();
    await suggestion.waitFor();
    const suggested = Number(await suggestion.getAttribute('data-idea-count'));
    expect(suggested).toBeGreaterThan(0);
    await shot(wall, 'wall-suggestions');
    await suggestion.getByTestId('suggestion-accept').click();
    await expect.poll(() => clusters.count()).toBe(2);
    await expect.poll(() => wall.locator('[data-testid="wall-cluster"]').nth(1).getAttribute('data-idea-count')).toBe(String(suggested));
    await expect.poll(() => wall.getByTestId('cluster-frame').count()).toBe(2);

    // Three phones join the atelier.
    const phones: Page[] = [];
    for (const name of ['Léa', 'Marc', 'Inès']) {
      const { page } = await newPage(suite.browser, PHONE);
      errors.push(...watchErrors(page));
      await page.goto(`${suite.server.url}/j/${code}`);
      await page.getByTestId('pseudonym-input').fill(name);
      await page.getByTestId('join-submit').click();
      await page.getByTestId('atelier-choice').first().click();
      await page.getByTestId('idea-input').waitFor();
      phones.push(page);
    }

    // Regroupement: phones list the clusters; then the vote opens with the vote phase.
    const admin = await facilitator(suite.server.url, ev.adminToken);
    suite.open.push(admin);
    must(await call(admin, C.setPhase, { atelierIds: [atelier.id], phase: 'regroupement' }));
    await expect.poll(() => phones[0]!.getByTestId('cluster-list-item').count()).toBe(2);
    must(await call(admin, C.setPhase, { atelierIds: [atelier.id], phase: 'vote' }));
    for (const p of phones) await expect.poll(() => p.getByTestId('vote-screen').first().getAttribute('data-session-status')).toBe('open');

    // Everyone puts two dots on the navette cluster, one on the other: the cap and budget hold.
    const navette = readClusters(board.doc).find((c) => c.ideaIds.includes(ids[0]!))!.id;
    for (const p of phones) {
      const item = p.locator(`[data-testid="vote-item"][data-item-id="${navette}"]`);
      await item.getByTestId('vote-plus').click();
      await item.getByTestId('vote-plus').click();
      await expect.poll(() => item.getAttribute('data-my-dots')).toBe('2');
      await p.locator(`[data-testid="vote-item"]:not([data-item-id="${navette}"])`).first().getByTestId('vote-plus').click();
      await expect.poll(() => p.getByTestId('vote-remaining').innerText()).toBe('2');
    }
    await shot(phones[0]!, 'phone-vote');
    // Results stay hidden on phones while the vote is open (default setting).
    expect(await phones[1]!.getByTestId('vote-results').count()).toBe(0);

    // Closing the vote (phase forward) reveals the results on every phone.
    must(await call(admin, C.setPhase, { atelierIds: [atelier.id], phase: 'restitution' }));
    for (const p of phones) {
      const first = p.locator('[data-testid="result-row"][data-rank="1"]');
      await expect.poll(() => first.getAttribute('data-item-id')).toBe(navette);
      expect(await first.getAttribute('data-dots')).toBe('6');
    }
    await shot(phones[0]!, 'phone-results');

    // The winner becomes a project candidate from the results, where the facilitator sees it
    // win; its card is edited on the wall.
    await openTools(wall);
    await wall.getByTestId('wall-tab-vote').click();
    const winner = wall.locator('[data-testid="result-row"][data-rank="1"]');
    await expect.poll(() => winner.getAttribute('data-item-id')).toBe(navette);
    await winner.getByTestId('promote-item').click();
    const card = wall.getByTestId('candidate-card');
    await card.waitFor();
    await card.getByTestId('candidate-besoin').fill('Rejoindre la gare sans voiture');
    await card.getByTestId('candidate-porteur').fill('Communauté de communes');
    await card.getByTestId('candidate-porteur').blur();
    await card.getByTestId('candidate-saved').waitFor();
    await card.getByTestId('candidate-status').selectOption('etude-opportunite');
    expect(await card.getByTestId('stakeholder-row').count()).toBe(6);
    await expect.poll(() => card.getByTestId('candidate-saved').count()).toBe(1);
    await shot(wall, 'wall-candidate');

    // The portfolio lists it with its status; its card shows what was saved.
    await wall.getByTestId('portfolio-link').click();
    await wall.getByTestId('portfolio').waitFor();
    const row = wall.getByTestId('candidate-row');
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.getAttribute('data-status')).toBe('etude-opportunite');
    await row.getByTestId('candidate-open').click();
    await expect.poll(() => wall.getByTestId('candidate-besoin').inputValue()).toBe('Rejoindre la gare sans voiture');
    await expect.poll(() => wall.getByTestId('candidate-porteur').inputValue()).toBe('Communauté de communes');

    // The final vote: opened from the portfolio, announced on phones whatever their phase.
    await wall.getByTestId('plenary-open').click();
    await expect.poll(() => phones[2]!.getByTestId('plenary-banner').getAttribute('data-status')).toBe('open');
    // With the phone's text at 200 %, the banner's *Voter* stays on the screen.
    const cdp = await phones[2]!.context().newCDPSession(phones[2]!);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 32 } });
    const vote = phones[2]!.getByTestId('plenary-banner').getByRole('button');
    await expect.poll(async () => (await vote.boundingBox())!.x + (await vote.boundingBox())!.width).toBeLessThanOrEqual(PHONE.viewport.width);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16, fixed: 13 } });
    await shot(wall, 'portfolio');
    await shot(phones[2]!, 'phone-plenary');
    await wall.getByTestId('plenary-close').click();
    await expect.poll(() => phones[2]!.getByTestId('plenary-banner').getAttribute('data-status')).toBe('closed');

    expect(errors).toEqual([]);
  });
  const joinPhone = (code: string, name: string, atelierIndex: number, errors: string[]) => sharedJoinPhone(suite.browser, suite.server.url, code, name, atelierIndex, errors);

  it('vote settings from the wall: live results show a tie as a tie; a rating vote fills the 2×2 chart', async () => {
    const errors: string[] = [];
    const ev = await createEvent(suite.server.url, 2);
    const [dotsAtelier, ratingAtelier] = ev.ateliers as [(typeof ev.ateliers)[0], (typeof ev.ateliers)[0]];
    const author = await participant(suite.server.url, ev.event.joinCode, 'Autrice', dotsAtelier.id);
    const admin = await facilitator(suite.server.url, ev.adminToken);
    suite.open.push(author.socket, admin);
    // Two clusters of two ideas on each wall, written as a facilitator's wall would.
    for (const a of [dotsAtelier, ratingAtelier]) {
      const posted: string[] = [];
      for (const text of IDEAS.slice(0, 4)) posted.push(must(await call<{ idea: IdeaView }>(author.socket, C.postIdea, { id: randomUUID(), atelierId: a.id, text })).idea.id);
      const doc = openBoard(suite.server.url, a.boardId, ev.adminToken);
      await doc.synced;
      await waitFor(() => readIdeaCards(doc.doc).length === 4, 5000, 'ideas');
      createCluster(doc.doc, { id: `${a.id.slice(0, 8)}-gare`, title: 'Aller à la gare', x: 0, y: 0, createdAt: '2026-01-01T00:00:00Z' }, posted.slice(0, 2));
      createCluster(doc.doc, { id: `${a.id.slice(0, 8)}-local`, title: 'Produits locaux', x: 0, y: 300, createdAt: '2026-01-01T00:00:01Z' }, posted.slice(2));
      await waitFor(async () => readClusters(doc.doc).length === 2, 2000, 'clusters');
      await new Promise((r) => setTimeout(r, 150)); // let the write reach the server
      doc.destroy();
    }

    // Settings through the wall's vote tab.
    const { page: wall } = await newPage(suite.browser, LAPTOP);
    errors.push(...watchErrors(wall));
    await wall.goto(`${suite.server.url}/animer/mur/${dotsAtelier.id}#${ev.adminToken}`);
    await openTools(wall);
    await wall.getByTestId('wall-tab-vote').click();
    await wall.getByTestId('vote-config-dots').fill('2');
    await wall.getByTestId('vote-config-max').fill('1');
    await wall.getByTestId('vote-config-results').selectOption('live');
    await wall.getByTestId('vote-config-save').click();
    await expect.poll(() => wall.getByRole('status').filter({ hasText: 'Réglages enregistrés' }).count()).toBe(1);

    const phones = [await joinPhone(ev.event.joinCode, 'Léa', 0, errors), await joinPhone(ev.event.joinCode, 'Marc', 0, errors)];
    must(await call(admin, C.setPhase, { atelierIds: 'all', phase: 'regroupement' }));
    must(await call(admin, C.setPhase, { atelierIds: 'all', phase: 'vote' }));
    // Open: budget fields are locked on the wall, with the reason.
    await expect.poll(() => wall.getByTestId('vote-config-dots').isDisabled()).toBe(true);
    expect(await wall.getByTestId('vote-config-results').isDisabled()).toBe(false);

    // Each phone: one dot per cluster (max 1 per item, 2 in all) — a tie, shown live.
    for (const p of phones) {
      await expect.poll(() => p.getByTestId('vote-item').count()).toBe(2);
      for (const item of await p.getByTestId('vote-item').all()) await item.getByTestId('vote-plus').click();
      await expect.poll(() => p.getByTestId('vote-remaining').innerText()).toBe('0');
      // Budget spent: every + is disabled, as the server would refuse it.
      for (const plus of await p.getByTestId('vote-plus').all()) expect(await plus.isDisabled()).toBe(true);
    }
    for (const p of [...phones, wall]) {
      await expect.poll(() => p.locator('[data-testid="result-row"][data-dots="2"][data-rank="1"]').count(), { timeout: 5000 }).toBe(2);
      expect(await p.getByTestId('vote-results').first().innerText()).toContain('ex æquo');
    }
    await shot(phones[0]!, 'phone-live-tie');
    await shot(wall, 'wall-vote-tab');
    // While the vote is open nothing is promoted from its live results.
    expect(await wall.getByTestId('promote-item').count()).toBe(0);

    // The second atelier votes souhaitable × réaliste (set before its vote opens: back one phase).
    must(await call(admin, C.setPhase, { atelierIds: [ratingAtelier.id], phase: 'regroupement' }));
    must(await call(admin, C.voteConfigure, { atelierId: ratingAtelier.id, config: { mode: 'rating' } }));
    must(await call(admin, C.setPhase, { atelierIds: [ratingAtelier.id], phase: 'vote' }));
    const rater = await joinPhone(ev.event.joinCode, 'Inès', 1, errors);
    await expect.poll(() => rater.getByTestId('vote-item').count()).toBe(2);
    const [first, second] = await rater.getByTestId('vote-item').all();
    await first!.getByTestId('rate-desirability').nth(3).click();
    await first!.getByTestId('rate-feasibility').nth(3).click();
    await second!.getByTestId('rate-desirability').nth(0).click();
    await second!.getByTestId('rate-feasibility').nth(2).click();
    await expect.poll(() => second!.getAttribute('data-rated')).toBe('true');
    await shot(rater, 'phone-rating');
    await wall.goto(`${suite.server.url}/animer/mur/${ratingAtelier.id}`);
    await openTools(wall);
    await wall.getByTestId('wall-tab-vote').click();
    await expect.poll(() => wall.getByTestId('rating-row').count()).toBe(2);
    expect(await wall.locator('[data-testid="rating-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-quadrant')))).toEqual(['prioritaire', 'facile-mais-peu-souhaite']);
    await shot(wall, 'wall-rating-chart');
    // Closed, the prioritaire one is promoted from its line of the chart's legend.
    expect(await wall.getByTestId('promote-item').count()).toBe(0);
    must(await call(admin, C.setPhase, { atelierIds: [ratingAtelier.id], phase: 'restitution' }));
    const prioritaire = wall.locator('[data-testid="rating-row"][data-quadrant="prioritaire"]');
    await prioritaire.getByTestId('promote-item').click();
    await expect.poll(() => wall.getByTestId('candidate-card').count()).toBe(1);
    expect(await wall.getByRole('status').filter({ hasText: 'Projet candidat créé' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
