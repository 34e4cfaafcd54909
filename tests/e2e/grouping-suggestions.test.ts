import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { API, C, readClusters, readIdeaCards, type CreateEventResult, type IdeaView } from '@semis/shared';
import { serviceAvailable } from '../support/services';
import { CHROMIUM_PATH, FACILITATOR, newPage, probeChromium, useBrowserSuite, watchErrors } from '../support/browser';
import { api, call, must, openBoard, participant, waitFor } from '../support/harness';
import { shot } from '../support/shots';
import { drag, openTools, stickyCenter } from '../support/wall';

const ok = await serviceAvailable('chromium', probeChromium, { where: CHROMIUM_PATH, suite: 'end-to-end (browser)' });

/** One atelier's wall (issue #15): every idea is about energy, and the facilitator needs its
 * sub-topics — solar roofs, wood and biogas, home renovation, sobriety, wind — not one big
 * "énergie" cluster. Written for this test, phone style. */
const SOLAR = ['Des panneaux solaires sur le toit de l’école', 'photovoltaique sur la salle des fetes'];
const IDEAS = [
  ...SOLAR,
  'mettre du solaire sur tous les batiments communaux',
  'centrale solaire citoyenne sur le hangar de la coop',
  'ombrieres photovoltaiques sur le parking de la mairie',
  'une cooperative d’habitants pour financer des panneaux solaires',
  'autoconsommation collective avec les panneaux de l’ecole',
  'chaufferie bois pour l’ecole et la mairie',
  'reseau de chaleur au bois dechiquete',
  'valoriser le bois des haies en plaquettes pour le chauffage',
  'un methaniseur avec le fumier des fermes',
  'methanisation collective entre agriculteurs',
  'faire du biogaz avec les dechets verts',
  'isoler les vieilles maisons du bourg',
  'aides pour isoler les combles',
  'un conseiller renovation energetique a la mairie',
  'remplacer les chaudieres au fioul',
  'thermographie des facades pour voir les pertes',
  'isolation de l’ecole on chauffe dehors',
  'groupement d’achat pour les pompes a chaleur',
  'renover les passoires thermiques en priorite',
  'eteindre l’eclairage public la nuit',
  'passer tous les lampadaires en LED',
  'couper les lumieres de la rue apres minuit',
  'baisser le chauffage de la salle des fetes',
  'defi familles a energie positive',
  'ateliers pour reduire sa facture d’electricite',
  'une eolienne participative',
  'petit eolien sur les fermes',
  'eoliennes oui mais loin des maisons',
  'parc eolien avec les habitants au capital',
  'suivre la conso des batiments communaux chaque mois',
  'merci pour le cafe',
  'qui ramene les chaises ?',
];
/** Posted after the facilitator made a cluster of the two SOLAR ideas (40 ideas in all). */
const LATE = ['panneaux solaires sur le toit du gymnase aussi', 'isoler les murs de la mairie', 'LED dans la salle des sports', 'chaudiere bois a granules pour la poste', 'une eolienne sur la colline du moulin', 'eteindre les vitrines des magasins la nuit'];

describe.skipIf(!ok)('auto-grouping on one atelier’s wall in Chromium', () => {
  const suite = useBrowserSuite();

  async function post(event: CreateEventResult, texts: string[], who: string): Promise<string[]> {
    const atelier = event.ateliers[0]!;
    const author = await participant(suite.server.url, event.event.joinCode, who, atelier.id);
    suite.open.push(author.socket);
    const ids: string[] = [];
    for (const text of texts) ids.push(must(await call<{ idea: IdeaView }>(author.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text })).idea.id);
    return ids;
  }

  it('proposes sub-topics with their reasons, then keeps the facilitator’s own cluster', async () => {
    const { status, body: ev } = await api<CreateEventResult>(suite.server.url, API.createEvent, {
      body: { name: 'Soirée énergie', date: '2026-06-08', place: 'Aromas', ateliers: [{ title: 'Énergie', theme: 'energie', question: 'Comment produire et économiser l’énergie au village ?' }] },
    });
    expect(status).toBe(201);
    const atelier = ev.ateliers[0]!;
    // Several phones, as in the hall (and each under its own rate limit).
    const ids: string[] = [];
    for (let k = 0; k < IDEAS.length; k += 12) ids.push(...(await post(ev, IDEAS.slice(k, k + 12), `Habitant ${k}`)));
    const board = openBoard(suite.server.url, atelier.boardId, ev.adminToken);
    suite.boards.push(board);
    await board.synced;
    await waitFor(() => readIdeaCards(board.doc).length === IDEAS.length, 5000, 'ideas in the document');

    const errors: string[] = [];
    const { page: wall } = await newPage(suite.browser, FACILITATOR);
    errors.push(...watchErrors(wall));
    await wall.goto(`${suite.server.url}/animer/mur/${atelier.id}#${ev.adminToken}`);
    // Generous waits: the machine running the suite may be loaded.
    await expect.poll(() => wall.getByTestId('wall').getAttribute('data-idea-count'), { timeout: 15_000 }).toBe(String(IDEAS.length));
    await expect.poll(() => wall.getByTestId('wall').getAttribute('data-stage-scale'), { timeout: 5000 }).not.toBeNull();
    await wall.waitForTimeout(100); // the first framing of the stickies

    // First ask: several sub-topics, none swallowing the wall, each idea with its reason.
    await openTools(wall);
    await wall.getByTestId('wall-tab-suggest').click();
    await wall.getByTestId('suggest-groups').click();
    const suggestions = wall.getByTestId('suggestion');
    await suggestions.first().waitFor();
    const sizes = await suggestions.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-idea-count'))));
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(IDEAS.length / 2);
    await expect.poll(() => wall.getByTestId('suggestion-why').count(), { timeout: 5000 }).toBeGreaterThan(0);
    expect((await wall.getByTestId('suggestion-why').first().innerText()).replace('↳', '').replace('Mots communs :', '').trim()).not.toBe('');
    expect((await wall.getByTestId('suggestion-keywords').first().innerText()).trim()).not.toBe('');
    await shot(wall, 'grouping-1-suggestions');

    // The facilitator makes a cluster of their own: two solar ideas, dragged together, renamed.
    const solar = SOLAR.map((text) => ids[IDEAS.indexOf(text)]!);
    await drag(wall, await stickyCenter(wall, board.doc, solar[1]!), await stickyCenter(wall, board.doc, solar[0]!));
    await waitFor(() => readClusters(board.doc).length === 1, 5000, 'cluster relayed');
    const mine = readClusters(board.doc)[0]!;
    expect([...mine.ideaIds].sort()).toEqual([...solar].sort());
    await wall.getByTestId('cluster-title').first().dblclick();
    await wall.locator('.cluster-rename input').fill('Solaire sur les toits publics');
    await wall.locator('.cluster-rename input').press('Enter');
    await waitFor(() => readClusters(board.doc)[0]?.title === 'Solaire sur les toits publics', 5000, 'title relayed');

    // New ideas arrive, one of them solar; the facilitator asks again.
    const late = await post(ev, LATE, 'Retardataire');
    await expect.poll(() => wall.getByTestId('wall').getAttribute('data-idea-count'), { timeout: 10_000 }).toBe(String(IDEAS.length + LATE.length));
    await wall.getByTestId('suggest-groups').click();
    const addition = wall.locator(`[data-testid="suggestion-add"][data-keep-id="${mine.id}"]`);
    await addition.waitFor();
    expect(await addition.getByTestId('suggestion-title').innerText()).toBe('Ajouter à « Solaire sur les toits publics »');
    await expect.poll(() => addition.getByTestId('suggestion-idea').allInnerTexts(), { timeout: 5000 }).toContainEqual(expect.stringContaining(LATE[0]!));
    // Its own ideas are proposed nowhere else.
    for (const text of SOLAR) expect(await wall.getByTestId('suggestion').getByTestId('suggestion-idea').filter({ hasText: text }).count()).toBe(0);
    await shot(wall, 'grouping-2-addition');
    // The facilitator takes out of the addition whatever is not solar, reading why it came.
    const others = addition.getByTestId('suggestion-idea').filter({ hasNotText: LATE[0]! });
    while ((await others.count()) > 0) await others.first().getByTestId('suggestion-remove').click();
    expect(await addition.getAttribute('data-idea-count')).toBe('1');

    // Accept everything: the facilitator's cluster keeps its title and ideas, and gains the new one.
    await wall.getByTestId('suggest-accept-all').click();
    await waitFor(() => readClusters(board.doc).length > 1, 5000, 'clusters relayed');
    await waitFor(() => readClusters(board.doc).find((c) => c.id === mine.id)!.ideaIds.includes(late[0]!), 5000, 'addition relayed');
    const kept = readClusters(board.doc).find((c) => c.id === mine.id)!;
    expect(kept.title).toBe('Solaire sur les toits publics');
    expect([...kept.ideaIds].sort()).toEqual([...solar, late[0]!].sort());
    await shot(wall, 'grouping-3-accepted');
    expect(errors).toEqual([]);
  });
});
