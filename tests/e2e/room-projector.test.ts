import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { C, type Atelier, type VoteState } from '@semis/shared';
import { serviceAvailable } from '../support/services';
import { CHROMIUM_PATH, FACILITATOR, PROJECTOR, joinPhone, newPage, probeChromium, watchErrors, useBrowserSuite } from '../support/browser';
import { call, createEvent, facilitator, must, participant, type Client } from '../support/harness';
import { fieldIdeas, seedWall } from '../support/room';
import { adminGroup, boardOf } from '../support/posters';
import { axeViolations } from '../support/axe';
import { shot } from '../support/shots';

const ok = await serviceAvailable('chromium', probeChromium, { where: CHROMIUM_PATH, suite: 'end-to-end (browser)' });

const LONG_TITLE = 'Services de proximité pour les aînés et les familles du plateau';
const LONG_IDEA =
  'Une maison de services au public dans l’ancienne gare : guichet de la Poste, permanence de la CAF et de France Travail, aide aux démarches en ligne et un coin café tenu par les bénévoles du comité des fêtes le samedi matin';

/** 45 ideas in 6 clusters, from real phone posts (and one long one). */
function groups() {
  const ideas = fieldIdeas().filter((i) => i.theme !== 'hors-sujet').map((i) => i.text);
  const titles = ['Mobilité', LONG_TITLE, 'Circuits courts', 'Énergie', 'Logement', 'Tourisme'];
  const sizes = [8, 8, 8, 7, 7, 7];
  let at = 0;
  return titles.map((title, g) => {
    const texts = ideas.slice(at, at + sizes[g]!);
    at += sizes[g]!;
    if (g === 1) texts[0] = LONG_IDEA;
    return { title, texts };
  });
}

interface Seen {
  text: string;
  /** The first words, or the test id: what an assertion message names. */
  what: string;
  fontPx: number;
  heightPx: number;
  inside: boolean;
  clipped: boolean;
}

/** The elements as shown now: text, size, and whether each is wholly inside its `within` ancestor. */
function measured(items: Locator, within: string): Promise<Seen[]> {
  return items.evaluateAll(
    (els, within) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        const box = el.closest(within)!.getBoundingClientRect();
        const style = getComputedStyle(el);
        return {
          text: el.textContent ?? '',
          what: `${el.tagName.toLowerCase()} ${el.getAttribute('data-testid') ?? el.firstChild?.textContent?.trim() ?? ''}`,
          fontPx: parseFloat(style.fontSize),
          heightPx: r.height,
          inside: r.width > 0 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 && r.left >= box.left - 0.5 && r.right <= box.right + 0.5,
          clipped: el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1 || style.textOverflow === 'ellipsis',
        };
      }),
    within,
  );
}

/** Each idea on the projector's board now. */
const visibleIdeas = (page: Page) => measured(page.getByTestId('projector-idea'), '.projector-board');
/** Every label and field of the projector's settings bar, on the whole screen. */
const settingsBar = (page: Page) => measured(page.locator('.projector-controls').locator('label, select, input'), '.projector-view');

describe.skipIf(!ok)('the projector, read from the back of a hall (1920×1080)', () => {
  const suite = useBrowserSuite();

  it('45 ideas in 6 clusters: all in full at ≥ 28 px, titles in full; a phone’s new idea appears by itself', async () => {
    const ev = await createEvent(suite.server.url, 2);
    const atelier = ev.ateliers[0]!;
    const seeded = groups();
    const { wall, sockets } = await seedWall(suite.server.url, ev, atelier, seeded);
    const { context, page } = await newPage(suite.browser, PROJECTOR);
    const errors = watchErrors(page);
    await page.goto(`${suite.server.url}/projection#${ev.adminToken}`);
    // Default: the first atelier, not a rotation.
    await expect.poll(() => page.getByTestId('projector').getAttribute('data-atelier-id')).toBe(atelier.id);
    const room = page.getByTestId('room-board');
    await expect.poll(() => page.getByTestId('projector-idea').count()).toBeGreaterThan(0);
    // The settings bar is read from the back too (the atelier shown is chosen there, in front of
    // the room): its text is as large as the ideas', its fields as large targets, rotation's included.
    await page.getByTestId('projector-select').selectOption('__rotation');
    await page.getByTestId('projector-seconds').waitFor();
    await shot(page, 'projector-settings-rotation');
    const bar = await settingsBar(page);
    expect(bar.map((c) => c.what)).toEqual(expect.arrayContaining(['select projector-select', 'input projector-seconds', 'select projector-view']));
    for (const c of bar) {
      expect(c.fontPx, c.what).toBeGreaterThanOrEqual(28);
      expect(c.heightPx, c.what).toBeGreaterThanOrEqual(44);
      expect(c.inside, `on screen: ${c.what}`).toBe(true);
    }
    await page.getByTestId('projector-select').selectOption(atelier.id);
    await expect.poll(() => page.getByTestId('projector').getAttribute('data-atelier-id')).toBe(atelier.id);
    await expect.poll(() => page.getByTestId('projector-idea').count()).toBeGreaterThan(0);
    const pages = Number(await room.getAttribute('data-pages'));

    const all = seeded.flatMap((g) => g.texts);
    const shown = new Set<string>();
    const titles = new Set<string>();
    for (let p = 1; p <= pages; p++) {
      await expect.poll(() => room.getAttribute('data-page')).toBe(String(p));
      for (const idea of await visibleIdeas(page)) {
        expect(idea.fontPx, idea.text).toBeGreaterThanOrEqual(28);
        expect(idea.inside, `on screen: ${idea.text}`).toBe(true);
        expect(idea.clipped, `not cut: ${idea.text}`).toBe(false);
        shown.add(idea.text);
      }
      for (const t of await page.getByTestId('projector-cluster-title').evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ''))) titles.add(t);
      await shot(page, `projector-room-page-${p}`);
      if (p < pages) await page.getByTestId('room-next').click();
    }
    expect([...shown].sort()).toEqual([...all].sort());
    expect([...titles].sort()).toEqual(seeded.map((g) => g.title).sort());
    expect(pages).toBeLessThanOrEqual(3);
    expect(await axeViolations(page)).toEqual([]);

    // A phone posts: the idea shows on the projector, nobody touching it.
    await page.getByTestId('room-prev').click();
    const phone = await joinPhone(suite.browser, suite.server.url, ev.event.joinCode, 'Nadia', 0, errors);
    await phone.getByTestId('idea-input').fill('Un marché de producteurs le vendredi soir sur la place');
    const posted = Date.now();
    await phone.getByTestId('idea-submit').click();
    await expect.poll(async () => (await visibleIdeas(page)).find((i) => i.text.startsWith('Un marché de producteurs'))?.inside ?? false, { timeout: 10_000, interval: 25 }).toBe(true);
    if (process.env.SEMIS_SHOTS) console.log(`projector: phone post → visible ${Date.now() - posted} ms; layout of 46 ideas ${await room.getAttribute('data-layout-ms')} ms`);
    await shot(page, 'projector-room-new-idea');

    // "Follow me" overrides the room layout while a facilitator leads, then gives it back.
    const lead = await facilitator(suite.server.url, ev.adminToken);
    must(await call(lead, C.follow, { atelierId: atelier.id, viewport: { x: -200, y: -100, scale: 1.5 } }));
    await page.locator('.projector-board canvas').first().waitFor();
    expect(await page.getByTestId('room-board').count()).toBe(0);
    must(await call(lead, C.follow, { atelierId: atelier.id, viewport: null }));
    await page.getByTestId('room-board').waitFor();
    lead.disconnect();

    // The canvas remains available, as an option.
    await page.getByTestId('projector-view').selectOption('canvas');
    await expect.poll(() => page.getByTestId('projector').getAttribute('data-view')).toBe('canvas');
    await page.locator('.projector-board canvas').first().waitFor();
    expect(await page.getByTestId('room-board').count()).toBe(0);
    await shot(page, 'projector-canvas');
    expect(errors).toEqual([]);
    wall.destroy();
    for (const s of sockets) s.disconnect();
    await context.close();
  });

  it('a dot vote: participation live, then ranked results with ties once visible; then a rating vote’s chart', async () => {
    const ev = await createEvent(suite.server.url, 2);
    const [atelier, second] = ev.ateliers as [Atelier, Atelier];
    const clusters = [
      { title: 'Navette du mercredi', texts: ['un bus le mercredi pour la piscine', 'navette vers la gare'] },
      { title: 'Médecins', texts: ['il manque un généraliste'] },
      { title: 'Vente directe', texts: ['vente directe de viande'] },
    ];
    const { wall, sockets } = await seedWall(suite.server.url, ev, atelier, clusters);
    const other = await seedWall(suite.server.url, ev, second, clusters);
    const admin = await facilitator(suite.server.url, ev.adminToken);
    const voters: Client[] = [];
    for (let i = 0; i < 3; i++) voters.push((await participant(suite.server.url, ev.event.joinCode, `Votant ${i}`, atelier.id)).socket);
    for (const phase of ['regroupement', 'vote'] as const) must(await call(admin, C.setPhase, { atelierIds: [atelier.id], phase }));
    const { context, page } = await newPage(suite.browser, PROJECTOR);
    const errors = watchErrors(page);
    await page.goto(`${suite.server.url}/projection?atelier=${atelier.id}#${ev.adminToken}`);
    const vote = page.getByTestId('projector-vote');
    await expect.poll(() => vote.getAttribute('data-status')).toBe('open');
    expect(await vote.getAttribute('data-results')).toBe('hidden');

    // Time's up: "Temps écoulé" stays inside the side panel, as does everything else there.
    must(await call(admin, C.timer, { target: atelier.id, action: 'start', durationMs: 300 }));
    must(await call(admin, C.timer, { target: 'event', action: 'start', durationMs: 2 * 3600_000 }));
    await expect.poll(() => page.getByTestId('projector-timer').getAttribute('data-state')).toBe('expired');
    const spills = await page.getByTestId('projector-side').evaluate((side) => {
      const box = side.getBoundingClientRect();
      return [...side.querySelectorAll('*')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5 || r.bottom > box.bottom + 0.5);
      }).map((el) => el.textContent);
    });
    expect(spills).toEqual([]);
    const progress = page.getByTestId('projector-vote-progress');
    // Three voters and three authors are in the atelier.
    await expect.poll(() => progress.getAttribute('data-connected')).toBe('6');
    expect(await progress.getAttribute('data-voted')).toBe('0');
    expect(await progress.innerText()).toMatch(/0 a voté\s+sur 6 connectés/);

    const state = must(await call<VoteState>(voters[0]!, C.voteGet, { atelierId: atelier.id }));
    const sessionId = state.session!.id;
    const [navette, medecins, vente] = state.items.map((i) => i.itemId);
    const dot = async (s: Client, itemId: string) => must(await call(s, C.voteDot, { sessionId, itemId, delta: 1, opId: randomUUID() }));
    await dot(voters[0]!, navette!);
    await dot(voters[0]!, navette!);
    await dot(voters[1]!, medecins!);
    await dot(voters[1]!, vente!);
    await expect.poll(() => progress.getAttribute('data-voted')).toBe('2');
    expect(await progress.innerText()).toMatch(/2 ont voté\s+sur 6 connectés/);
    // Hidden while open: nothing of the results reaches the room.
    expect(await page.getByTestId('result-row').count()).toBe(0);
    await shot(page, 'projector-vote-open');

    must(await call(admin, C.setPhase, { atelierIds: [atelier.id], phase: 'restitution' }));
    await expect.poll(() => vote.getAttribute('data-results')).toBe('visible');
    const rows = page.getByTestId('result-row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-dots'), e.getAttribute('data-rank')]))).toEqual([['2', '1'], ['1', '2'], ['1', '2']]);
    expect(await rows.nth(1).innerText()).toContain('ex æquo');
    expect(await rows.first().innerText()).toContain('Navette du mercredi');
    const titleSize = await rows.first().locator('.result-title').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(titleSize).toBeGreaterThanOrEqual(28);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'projector-vote-results');

    // A rating vote (souhaitable × réaliste) in the second atelier, results live.
    must(await call(admin, C.voteConfigure, { atelierId: second.id, config: { mode: 'rating', results: 'live' } }));
    for (const phase of ['regroupement', 'vote'] as const) must(await call(admin, C.setPhase, { atelierIds: [second.id], phase }));
    for (const s of voters) must(await call(s, C.enterAtelier, { atelierId: second.id }));
    await page.getByTestId('projector-select').selectOption(second.id);
    await expect.poll(() => vote.getAttribute('data-mode')).toBe('rating');
    const rating = must(await call<VoteState>(voters[0]!, C.voteGet, { atelierId: second.id }));
    const rate = async (s: Client, itemId: string, desirability: number, feasibility: number) =>
      must(await call(s, C.voteRate, { sessionId: rating.session!.id, itemId, desirability, feasibility }));
    await rate(voters[0]!, rating.items[0]!.itemId, 4, 3);
    await rate(voters[1]!, rating.items[0]!.itemId, 4, 4);
    await rate(voters[1]!, rating.items[1]!.itemId, 3, 1);
    await rate(voters[2]!, rating.items[2]!.itemId, 1, 4);
    await expect.poll(() => page.getByTestId('rating-row').count()).toBe(3);
    expect(await page.getByTestId('rating-row').first().getAttribute('data-quadrant')).toBe('prioritaire');
    expect(await page.getByTestId('rating-chart').innerText()).toContain('Navette du mercredi');
    await expect.poll(() => progress.getAttribute('data-voted')).toBe('3');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'projector-rating');
    expect(errors).toEqual([]);
    wall.destroy();
    other.wall.destroy();
    for (const s of [admin, ...voters, ...sockets, ...other.sockets]) s.disconnect();
    await context.close();
  });

  it('présenter: the console steps through clusters and candidates, the projector follows (and its keys step too)', async () => {
    // The second of two ateliers has come furthest: the one to present.
    const ev = await createEvent(suite.server.url, 2);
    const atelier = ev.ateliers[1]!;
    const { wall, sockets } = await seedWall(suite.server.url, ev, atelier, [
      { title: 'Navette du mercredi', texts: ['un bus le mercredi pour la piscine', 'navette vers la gare le samedi'] },
      { title: 'Médecins', texts: ['il manque un généraliste', 'une maison de santé'] },
      { title: 'Vente directe', texts: ['vente directe de viande'] },
    ]);
    const admin = await facilitator(suite.server.url, ev.adminToken);
    for (const phase of ['regroupement'] as const) must(await call(admin, C.setPhase, { atelierIds: [atelier.id], phase }));
    must(await call(admin, C.promote, { atelierId: atelier.id, itemId: 'cl-1' }));
    const { context, page: consolePage } = await newPage(suite.browser, FACILITATOR);
    const errors = watchErrors(consolePage);
    await consolePage.goto(`${suite.server.url}/animer#${ev.adminToken}`);
    const projector = await context.newPage();
    errors.push(...watchErrors(projector));
    await projector.setViewportSize(PROJECTOR.viewport);
    await projector.goto(`${suite.server.url}/projection`);
    await projector.getByTestId('room-board').waitFor();

    expect(await projector.getByTestId('projector-select').inputValue()).toBe(ev.ateliers[0]!.id);
    // The remote starts on the atelier furthest along, not the first of the list.
    expect(await consolePage.getByTestId('present-atelier').inputValue()).toBe(atelier.id);
    await consolePage.getByTestId('present-start-clusters').click();
    const slide = projector.getByTestId('projector-present');
    await expect.poll(() => slide.getAttribute('data-index')).toBe('0');
    expect(await projector.getByTestId('projector-present-title').innerText()).toContain('Navette du mercredi');
    // The projector's own picker says which atelier is on the screen.
    expect(await projector.getByTestId('projector-select').inputValue()).toBe(atelier.id);
    expect(await projector.getByTestId('projector-idea').allInnerTexts()).toEqual(expect.arrayContaining(['navette vers la gare le samedi']));
    await shot(projector, 'projector-present-cluster');
    await consolePage.getByTestId('present-next').click();
    await expect.poll(() => slide.getAttribute('data-index')).toBe('1');
    expect(await projector.getByTestId('projector-present-title').innerText()).toContain('Médecins');
    // A clicker on the projector's machine.
    await projector.keyboard.press('PageDown');
    await expect.poll(() => slide.getAttribute('data-index')).toBe('2');
    await expect.poll(() => consolePage.getByTestId('present-state').getAttribute('data-index')).toBe('2');
    expect(await axeViolations(projector)).toEqual([]);

    await consolePage.getByTestId('present-start-candidates').click();
    await expect.poll(() => slide.getAttribute('data-kind')).toBe('candidates');
    await expect.poll(() => projector.getByTestId('projector-present-title').innerText()).toBe('Médecins');
    expect(await axeViolations(projector)).toEqual([]);
    await shot(projector, 'projector-present-candidate');
    await shot(consolePage, 'console-present', { fullPage: true });

    // A poster group's territory poster, drawn on the canvas.
    const group = await adminGroup(suite.server.url, ev, 'Les Hauts', false, 1);
    await consolePage.getByTestId('present-start-posters').click();
    await expect.poll(() => slide.getAttribute('data-item-id')).toBe(boardOf(group, 'poster'));
    await projector.locator('.poster-slide canvas').first().waitFor();
    await shot(projector, 'projector-present-poster');

    await consolePage.getByTestId('present-stop').click();
    await projector.getByTestId('room-board').waitFor();
    expect(await slide.count()).toBe(0);
    expect(errors).toEqual([]);
    wall.destroy();
    for (const s of [admin, ...sockets]) s.disconnect();
    await context.close();
  });

  it('the plenary vote takes the screen: ballot progress across ateliers, then results with each candidate’s atelier', async () => {
    const ev = await createEvent(suite.server.url, 2);
    const admin = await facilitator(suite.server.url, ev.adminToken);
    const seeded = [];
    for (const [i, a] of ev.ateliers.entries()) {
      seeded.push(await seedWall(suite.server.url, ev, a, [{ title: i === 0 ? 'Navette du mercredi' : 'Halle de producteurs', texts: [`idée ${i}`] }]));
      must(await call(admin, C.setPhase, { atelierIds: [a.id], phase: 'regroupement' }));
      must(await call(admin, C.promote, { atelierId: a.id, itemId: 'cl-0' }));
    }
    const { context, page } = await newPage(suite.browser, PROJECTOR);
    const errors = watchErrors(page);
    await page.goto(`${suite.server.url}/projection#${ev.adminToken}`);
    await page.getByTestId('room-board').waitFor();
    must(await call(admin, C.plenary, { action: 'open', config: { dotsPerParticipant: 2, maxPerItem: 1 } }));
    const vote = page.getByTestId('projector-vote');
    await expect.poll(() => vote.getAttribute('data-status')).toBe('open');
    expect(await page.getByTestId('projector-ballot').innerText()).toMatch(/Navette du mercredi[\s\S]*Atelier « Atelier 1 »/);
    const progress = page.getByTestId('projector-vote-progress');
    await expect.poll(() => progress.getAttribute('data-connected')).toBe('2');
    const voter = seeded[1]!.sockets[0]!;
    const ballot = must(await call<VoteState>(voter, C.voteGet, { plenary: true }));
    const halle = ballot.items.find((i) => i.title === 'Halle de producteurs')!;
    must(await call(voter, C.voteDot, { sessionId: ballot.session!.id, itemId: halle.itemId, delta: 1, opId: randomUUID() }));
    await expect.poll(() => progress.getAttribute('data-voted')).toBe('1');
    await shot(page, 'projector-plenary-open');
    must(await call(admin, C.plenary, { action: 'close' }));
    await expect.poll(() => vote.getAttribute('data-results')).toBe('visible');
    const rows = page.getByTestId('result-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().innerText()).toMatch(/Halle de producteurs[\s\S]*Atelier « Atelier 2 »/);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'projector-plenary-results');
    expect(errors).toEqual([]);
    for (const s of seeded) {
      s.wall.destroy();
      for (const x of s.sockets) x.disconnect();
    }
    admin.disconnect();
    await context.close();
  });
});
