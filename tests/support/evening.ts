import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import { AFOM_COLUMNS, DEBATE_COLUMNS, putNote, putShapes, setStatement } from '@semis/shared/posters';
import { API, C, createCluster, moveIdea, readIdeaCards, type Candidate, type CreateEventResult, type GroupView, type IdeaView, type VoteState } from '@semis/shared';
import { api, call, facilitator, must, openBoard, participant, waitFor, type Client, type TestServer } from './harness';

/**
 * A *grande soirée* played through the public surface (HTTP, socket.io, Yjs), for the report,
 * export and archive tests and the report benchmark. Texts carry accents, œ and « ».
 */
export interface SeedOptions {
  ateliers: number;
  ideasPerAtelier: number;
  /** Poster groups (poster + AFOM + debate boards), spread over the first ateliers. */
  posters: number;
  /** Ateliers (from the first) that vote; atelier 1 votes souhaitable × réaliste, others by dots. */
  voting: number;
}

export interface SeededEvening {
  ev: CreateEventResult;
  admin: Client;
  sockets: Client[];
  /** Atelier 1 (index 1) is anonymous; its authors' pseudonyms must never be published. */
  anonymousPseudonyms: string[];
  publicPseudonyms: string[];
  hiddenText: string;
  deletedText: string;
  clusterTitles: string[];
  candidates: Candidate[];
  groups: GroupView[];
}

const THEMES = ['Tourisme', 'Agriculture & filière bois', 'Commerces & services', 'Environnement', 'Entrepreneuriat', 'Mobilités', 'Santé', 'Culture', 'Jeunesse', 'Habitat', 'Énergie', 'Numérique', 'Alimentation', 'Artisanat', 'Économie sociale'];
const CLUSTER_WORDS = ['Circuits courts', 'Mobilité partagée', 'Lieux de rencontre', 'Savoir-faire locaux', 'Énergies renouvelables'];

export const ideaText = (a: number, i: number) => `Créer un lieu « ${THEMES[a % THEMES.length]} » : cœur de bourg, idée n°${i} à l’atelier ${a + 1}`;

/** Waits until a fresh reader of the board sees `check` true: the server holds what was written. */
export async function reachedServer(url: string, boardId: string, token: string, check: (doc: Y.Doc) => boolean): Promise<void> {
  const start = Date.now();
  for (;;) {
    const reader = openBoard(url, boardId, token);
    await reader.synced;
    const ok = check(reader.doc);
    reader.destroy();
    if (ok) return;
    if (Date.now() - start > 5000) throw new Error(`board ${boardId} never reached the server`);
  }
}

/** A group's work: a chef-lieu, a flow and a post-it on the poster, an atout and a menace in the AFOM. */
export function drawPoster(poster: Y.Doc, afom: Y.Doc): void {
  putShapes(poster, [
    { id: 'v', z: 1, domain: 'organisation', color: '#5b3a8c', x: 120, y: 80, type: 'symbol', symbol: 'maillage.point', size: 32, label: 'Saint-Claude' },
    { id: 'f', z: 2, domain: 'dynamique', color: '#d35400', x: 20, y: 150, type: 'line', symbol: 'dynamique.ligne', points: [0, 0, 300, -60, 500, 40], arrow: 'end', width: 6 },
    { id: 'p', z: 3, domain: 'ressources', color: '#fff3a3', x: 300, y: 260, type: 'postit', text: 'La forêt, une « pépite » à valoriser', width: 200, height: 110 },
  ]);
  putNote(afom, AFOM_COLUMNS, { id: 'a1', column: 'atouts', text: 'La forêt communale et ses savoir-faire', color: '#c8e6c9', order: 0 });
  putNote(afom, AFOM_COLUMNS, { id: 'm1', column: 'menaces', text: 'Départ des jeunes actifs', color: '#ffe0b2', order: 0 });
}

/** `seedEvening` on a `useServer` suite: its sockets close with the suite's. */
export async function seedSuite(suite: { readonly server: TestServer; open: Client[] }, opts: SeedOptions): Promise<SeededEvening> {
  const seeded = await seedEvening(suite.server.url, opts);
  suite.open.push(...seeded.sockets);
  return seeded;
}

export async function seedEvening(url: string, opts: SeedOptions): Promise<SeededEvening> {
  const created = await api<CreateEventResult>(url, API.createEvent, {
    body: {
      name: 'Soirée des possibles — Haut-Jura « œuvrer ensemble »',
      date: '2026-03-12',
      place: 'Salle des fêtes de Saint-Claude',
      ateliers: Array.from({ length: opts.ateliers }, (_, a) => ({
        title: `${THEMES[a % THEMES.length]} ${a + 1}`,
        theme: THEMES[a % THEMES.length],
        question: `Quels besoins en activités économiques de proximité pour « ${THEMES[a % THEMES.length]} » (atelier ${a + 1}) ?`,
      })),
    },
  });
  if (created.status !== 201) throw new Error(`createEvent: ${created.status} ${JSON.stringify(created.body)}`);
  const ev = created.body;
  const admin = await facilitator(url, ev.adminToken);
  const sockets: Client[] = [admin];
  const out: SeededEvening = { ev, admin, sockets, anonymousPseudonyms: [], publicPseudonyms: [], hiddenText: '', deletedText: '', clusterTitles: [], candidates: [], groups: [] };
  if (opts.ateliers > 1) must(await call(admin, C.configureAtelier, { atelierId: ev.ateliers[1]!.id, showAuthors: false }));
  else must(await call(admin, C.configureAtelier, { atelierId: ev.ateliers[0]!.id, showAuthors: true }));
  for (const [a, atelier] of ev.ateliers.entries()) if (a !== 1) must(await call(admin, C.configureAtelier, { atelierId: atelier.id, showAuthors: true }));

  const voters: Record<number, Client[]> = {};
  for (const [a, atelier] of ev.ateliers.entries()) {
    // Four authors per atelier share the ideas (each phone has its own rate budget).
    const authors = await Promise.all(Array.from({ length: 4 }, (_, k) => participant(url, ev.event.joinCode, `${a === 1 ? 'Anonyme' : 'Habitant'}-${a}-${k}é`, atelier.id)));
    sockets.push(...authors.map((p) => p.socket));
    voters[a] = authors.map((p) => p.socket);
    (a === 1 ? out.anonymousPseudonyms : out.publicPseudonyms).push(...authors.map((p) => p.join.participant.pseudonym));
    const ideas: IdeaView[] = [];
    for (let i = 0; i < opts.ideasPerAtelier; i++) {
      ideas.push(must(await call<{ idea: IdeaView }>(authors[i % 4]!.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: ideaText(a, i) })).idea);
    }
    if (a === 0) {
      out.hiddenText = 'Idée masquée : à ne jamais publier';
      out.deletedText = 'Idée supprimée par son autrice';
      const hidden = must(await call<{ idea: IdeaView }>(authors[0]!.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: out.hiddenText })).idea;
      must(await call(admin, C.moderateIdea, { id: hidden.id, action: 'hide' }));
      const deleted = must(await call<{ idea: IdeaView }>(authors[1]!.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: out.deletedText })).idea;
      must(await call(authors[1]!.socket, C.deleteIdea, { id: deleted.id }));
    }
    // Clusters of four ideas, the last ones left ungrouped.
    const wall = openBoard(url, atelier.boardId, ev.adminToken);
    await wall.synced;
    await waitFor(() => readIdeaCards(wall.doc).length >= ideas.length, 5000, 'ideas on the wall');
    const clusters = Math.min(CLUSTER_WORDS.length, Math.floor(ideas.length / 4));
    for (let c = 0; c < clusters; c++) {
      const title = `${CLUSTER_WORDS[c]} ${a + 1}`;
      if (a < 2) out.clusterTitles.push(title);
      const members = ideas.slice(4 * c, 4 * c + 4).map((x) => x.id);
      createCluster(wall.doc, { id: `cl-${a}-${c}`, title, x: 0, y: c * 240, createdAt: `2026-03-12T19:0${c}:00Z` }, members);
      // Laid out as the wall does when grouping: one row per cluster, ungrouped ideas beside.
      members.forEach((id, k) => moveIdea(wall.doc, id, { x: k * 200, y: c * 240 + 60 }));
    }
    ideas.slice(4 * clusters).forEach((x, k) => moveIdea(wall.doc, x.id, { x: 900 + (k % 2) * 200, y: 60 + Math.floor(k / 2) * 140 }));
    wall.destroy();
    await reachedServer(url, atelier.boardId, ev.adminToken, (doc) => doc.getMap('clusters').size >= clusters);
  }

  for (let a = 0; a < Math.min(opts.voting, opts.ateliers); a++) {
    const atelier = ev.ateliers[a]!;
    if (a === 1) must(await call(admin, C.voteConfigure, { atelierId: atelier.id, config: { mode: 'rating' } }));
    must(await call(admin, C.setPhase, { atelierIds: [atelier.id], phase: 'regroupement' }));
    must(await call(admin, C.setPhase, { atelierIds: [atelier.id], phase: 'vote' }));
    const state = must(await call<VoteState>(admin, C.voteGet, { atelierId: atelier.id }));
    const sessionId = state.session!.id;
    for (const [k, v] of voters[a]!.entries()) {
      for (const [j, item] of state.items.entries()) {
        if (a === 1) must(await call(v, C.voteRate, { sessionId, itemId: item.itemId, desirability: 1 + ((j + k) % 4), feasibility: 1 + ((j * 3 + k) % 4) }));
        else if (j <= k) must(await call(v, C.voteDot, { sessionId, itemId: item.itemId, delta: 1, opId: randomUUID() }));
      }
    }
    must(await call(admin, C.setPhase, { atelierIds: [atelier.id], phase: 'restitution' }));
    const best = state.items[0];
    if (best) {
      const { candidate } = must(await call<{ candidate: Candidate }>(admin, C.promote, { atelierId: atelier.id, itemId: best.itemId }));
      const patch = {
        besoin: `Pas d’épicerie à moins de 15 km (atelier ${a + 1})`,
        ressources: 'Un local communal vacant, des producteurs « bio » motivés',
        porteur: 'Association Bœuf & Cie',
        nextSteps: 'Étude d’opportunité avant l’été',
        modeleEconomique: 'Vente au détail, marge de 25 %, loyer pris en charge la première année',
        steps: [{ text: 'Réunir les producteurs', due: '2026-05-15', done: true }, { text: 'Chiffrer l’aménagement du local', due: '2026-06-30', done: false }],
        status: 'etude-opportunite',
        statusNote: 'Décidé en plénière',
        stakeholders: [
          { partie: 'Pouvoirs publics', apports: 'Local à loyer modéré', interets: 'Revitaliser le centre-bourg' },
          { partie: 'Citoyens', apports: 'Bénévolat, clientèle', interets: 'Acheter local' },
        ],
      };
      out.candidates.push(must(await call<{ candidate: Candidate }>(admin, C.candidateUpdate, { id: candidate.id, patch })).candidate);
    }
  }

  for (let g = 0; g < opts.posters; g++) {
    const atelierIndex = g % Math.max(1, Math.min(opts.ateliers, 3));
    const res = await api<{ group: GroupView }>(url, API.adminGroups, { token: ev.adminToken, body: { atelierId: ev.ateliers[atelierIndex]!.id, name: `Table ${g + 1} — Forêt & rivière`, debate: true } });
    if (res.status !== 201) throw new Error(`adminGroup: ${res.status} ${JSON.stringify(res.body)}`);
    const group = res.body.group;
    out.groups.push(group);
    const board = (kind: string) => group.boards.find((b) => b.kind === kind)!.id;
    const poster = openBoard(url, board('poster'), ev.adminToken);
    const afom = openBoard(url, board('afom'), ev.adminToken);
    const debate = openBoard(url, board('debat'), ev.adminToken);
    await Promise.all([poster.synced, afom.synced, debate.synced]);
    drawPoster(poster.doc, afom.doc);
    setStatement(debate.doc, 'En 2040, le bourg vit de la filière bois');
    putNote(debate.doc, DEBATE_COLUMNS, { id: 'd1', column: 'conditions', text: 'Une scierie coopérative', color: '#fff59d', order: 0 });
    for (const b of [poster, afom, debate]) b.destroy();
    await reachedServer(url, board('poster'), ev.adminToken, (doc) => doc.getMap('shapes').size >= 3);
    await reachedServer(url, board('afom'), ev.adminToken, (doc) => doc.getMap('notes').size >= 2);
    await reachedServer(url, board('debat'), ev.adminToken, (doc) => doc.getMap('notes').size >= 1);
  }

  if (opts.voting > 0 && out.candidates.length > 0) {
    const open = must(await call<VoteState>(admin, C.plenary, { action: 'open', config: {} }));
    const someone = voters[0]![0]!;
    must(await call(someone, C.voteDot, { sessionId: open.session!.id, itemId: open.items[0]!.itemId, delta: 1, opId: randomUUID() }));
    must(await call(admin, C.plenary, { action: 'close' }));
  }
  return out;
}
