import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { C, S, createCluster, readIdeaCards, type Candidate, type IdeaView, type JoinResult, type VoteState } from '@semis/shared';
import { call, connect, createEvent, facilitator, must, openBoard, participant, record, sleep, untilServerDoc, useServer, waitFor, type Client } from '../support/harness';

const suite = useServer();
const { open } = suite;

/** Seeded so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 2 ** 32;
    return seed / 2 ** 32;
  };
}

/** An event whose first atelier has `n` clusters of ideas on its wall, moved to the vote phase. */
async function atelierInVote(clusters: number, config: Record<string, unknown> = {}) {
  const ev = await createEvent(suite.server.url, 1);
  const atelier = ev.ateliers[0]!;
  const admin = await facilitator(suite.server.url, ev.adminToken);
  open.push(admin);
  const author = await participant(suite.server.url, ev.event.joinCode, 'Autrice', atelier.id);
  open.push(author.socket);
  const ideaIds: string[] = [];
  for (let i = 0; i < clusters * 2; i++) ideaIds.push(must(await call<{ idea: IdeaView }>(author.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: `idée ${i}` })).idea.id);
  const wall = openBoard(suite.server.url, atelier.boardId, ev.adminToken);
  await wall.synced;
  await waitFor(() => readIdeaCards(wall.doc).length === ideaIds.length, 3000, 'ideas on wall');
  const clusterIds = Array.from({ length: clusters }, (_, i) => `cl-${i}`);
  clusterIds.forEach((id, i) => createCluster(wall.doc, { id, title: `Groupe ${i}`, x: 0, y: 0, createdAt: `2026-01-01T00:00:0${i}Z` }, ideaIds.slice(2 * i, 2 * i + 2)));
  // A malformed cluster written by a buggy client is skipped, never voted on.
  wall.doc.getMap('clusters').set('bad', { title: 42 });
  wall.doc.getMap('membership').set(ideaIds[0]!, 'bad');
  wall.doc.getMap('membership').set(ideaIds[0]!, 'cl-0');
  await untilServerDoc(suite.server, atelier.boardId, (doc) => doc.getMap('clusters').size === clusters + 1 && doc.getMap('membership').get(ideaIds[0]!) === 'cl-0');
  if (Object.keys(config).length) must(await call(admin, C.voteConfigure, { atelierId: atelier.id, config }));
  must(await call(admin, C.setPhase, { atelierIds: [atelier.id], phase: 'regroupement' }));
  must(await call(admin, C.setPhase, { atelierIds: [atelier.id], phase: 'vote' }));
  const state = must(await call<VoteState>(admin, C.voteGet, { atelierId: atelier.id }));
  return { ev, atelier, admin, wall, clusterIds, ideaIds, sessionId: state.session!.id, state };
}

describe('dot voting under load', () => {
  it('150 phones vote at once with retries and second tabs: tallies equal a recount, no budget exceeded', async () => {
    const { ev, atelier, admin, clusterIds, sessionId, state } = await atelierInVote(6);
    expect(state.items.map((i) => i.itemId)).toEqual(clusterIds);
    expect(state.session?.config).toMatchObject({ dotsPerParticipant: 5, maxPerItem: 3, results: 'hidden' });
    const random = rng(7);

    const voters: { sockets: Client[]; join: JoinResult }[] = [];
    await Promise.all(
      Array.from({ length: 150 }, async (_, i) => {
        const p = await participant(suite.server.url, ev.event.joinCode, `Votant ${i}`, atelier.id);
        const sockets = [p.socket];
        if (i % 7 === 0) {
          const tab = await connect(suite.server.url);
          must(await call(tab, C.join, { token: p.join.token }));
          sockets.push(tab);
        }
        open.push(...sockets);
        voters.push({ sockets, join: p.join });
      }),
    );

    const acked = new Map<string, { participant: string; itemId: string; delta: 1 | -1 }>();
    await Promise.all(
      voters.map(async (v) => {
        const ops = Array.from({ length: 9 }, () => ({ opId: randomUUID(), itemId: clusterIds[Math.floor(random() * clusterIds.length)]!, delta: (random() < 0.2 ? -1 : 1) as 1 | -1 }));
        await Promise.all(
          ops.map(async (op, k) => {
            // Each op from one of the tabs, resent 0–2 times (sometimes concurrently), like a flaky network.
            const tries = 1 + Math.floor(random() * 3);
            const sends = Array.from({ length: tries }, (_, t) =>
              sleep(random() * 30 * t).then(() => call<VoteState>(v.sockets[(k + t) % v.sockets.length]!, C.voteDot, { sessionId, ...op })),
            );
            for (const ack of await Promise.all(sends)) {
              if (ack.ok) acked.set(op.opId, { participant: v.join.participant.id, itemId: op.itemId, delta: op.delta });
              else expect(['VOTE_BUDGET_SPENT', 'VOTE_ITEM_CAP', 'VOTE_NOTHING_TO_REMOVE']).toContain(ack.error.code);
            }
          }),
        );
      }),
    );

    // Independent recount from the acknowledgements alone.
    const recount = new Map(clusterIds.map((id) => [id, 0]));
    const perVoter = new Map<string, Map<string, number>>();
    for (const op of acked.values()) {
      recount.set(op.itemId, recount.get(op.itemId)! + op.delta);
      const mine = perVoter.get(op.participant) ?? new Map<string, number>();
      mine.set(op.itemId, (mine.get(op.itemId) ?? 0) + op.delta);
      perVoter.set(op.participant, mine);
    }
    const results = must(await call<VoteState>(admin, C.voteGet, { atelierId: atelier.id })).results!;
    expect(Object.fromEntries(results.tally.map((r) => [r.itemId, r.dots]))).toEqual(Object.fromEntries(recount));
    for (const mine of perVoter.values()) {
      const values = [...mine.values()];
      expect(values.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5);
      for (const n of values) {
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(3);
      }
    }
    // And what the server stored agrees, participant by participant.
    const stored = await suite.server.semis.storage.votes.allDots(sessionId);
    for (const d of stored) expect(perVoter.get(d.participantId)?.get(d.itemId)).toBe(d.dots);
    expect(results.tally.map((r) => r.rank)).toEqual([...results.tally.map((r) => r.rank)].sort((a, b) => a - b));
  }, 60_000);
});

describe('vote rules and bad input', () => {
  it('hides results from participants until the vote closes, then shows them, ties as ties', async () => {
    const { ev, atelier, admin, clusterIds, sessionId } = await atelierInVote(3);
    const p1 = await participant(suite.server.url, ev.event.joinCode, 'Un', atelier.id);
    const p2 = await participant(suite.server.url, ev.event.joinCode, 'Deux', atelier.id);
    open.push(p1.socket, p2.socket);
    const seen = record(p2.socket);
    const adminSeen = record(admin);
    const v1 = must(await call<VoteState>(p1.socket, C.voteDot, { sessionId, itemId: clusterIds[0], delta: 1, opId: randomUUID() }));
    expect(v1).toMatchObject({ mine: { [clusterIds[0]!]: 1 }, remaining: 4, results: null });
    must(await call(p2.socket, C.voteDot, { sessionId, itemId: clusterIds[1], delta: 1, opId: randomUUID() }));
    await sleep(700);
    expect(seen.filter((e) => e.event === S.voteResults)).toEqual([]);
    expect(must(await call<VoteState>(p2.socket, C.voteGet, { atelierId: atelier.id })).results).toBeNull();
    expect(adminSeen.some((e) => e.event === S.voteResults)).toBe(true);

    const closed = new Promise((r) => p2.socket.once(S.voteChanged, r));
    must(await call(admin, C.setPhase, { atelierIds: [atelier.id], phase: 'restitution' }));
    await closed;
    await waitFor(() => seen.some((e) => e.event === S.voteResults), 3000, 'results pushed at close');
    const after = must(await call<VoteState>(p2.socket, C.voteGet, { atelierId: atelier.id }));
    expect(after.results!.tally).toEqual([
      { itemId: clusterIds[0], dots: 1, voters: 1, rank: 1, tied: true },
      { itemId: clusterIds[1], dots: 1, voters: 1, rank: 1, tied: true },
      { itemId: clusterIds[2], dots: 0, voters: 0, rank: 3, tied: false },
    ]);
    // Closed: no more votes.
    expect(await call(p1.socket, C.voteDot, { sessionId, itemId: clusterIds[0], delta: 1, opId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'NO_OPEN_VOTE' } });
  });

  it('refuses over-budget, over-cap, unknown items, removing nothing, and votes outside the vote phase', async () => {
    const { ev, atelier, admin, clusterIds, sessionId } = await atelierInVote(2, { dotsPerParticipant: 3, maxPerItem: 2, results: 'live' });
    const { socket } = await participant(suite.server.url, ev.event.joinCode, 'Testeur', atelier.id);
    open.push(socket);
    const dot = (itemId: string, delta: 1 | -1 = 1) => call<VoteState>(socket, C.voteDot, { sessionId, itemId, delta, opId: randomUUID() });
    expect(await dot(clusterIds[0]!, -1)).toMatchObject({ ok: false, error: { code: 'VOTE_NOTHING_TO_REMOVE' } });
    must(await dot(clusterIds[0]!));
    must(await dot(clusterIds[0]!));
    expect(await dot(clusterIds[0]!)).toMatchObject({ ok: false, error: { code: 'VOTE_ITEM_CAP' } });
    const live = must(await dot(clusterIds[1]!));
    expect(live.remaining).toBe(0);
    expect(live.results?.tally[0]).toMatchObject({ itemId: clusterIds[0], dots: 2 });
    expect(await dot(clusterIds[1]!)).toMatchObject({ ok: false, error: { code: 'VOTE_BUDGET_SPENT' } });
    expect(await dot('no-such-cluster')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_VOTE_ITEM' } });
    expect(await dot('bad')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_VOTE_ITEM' } });
    expect(await call(socket, C.voteDot, { sessionId, itemId: clusterIds[0], delta: 2, opId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await call(socket, C.voteRate, { sessionId, itemId: clusterIds[0], desirability: 3, feasibility: 3 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    // Settings can't change under people's feet.
    expect(await call(admin, C.voteConfigure, { atelierId: atelier.id, config: { dotsPerParticipant: 10 } })).toMatchObject({ ok: false, error: { code: 'VOTE_OPEN' } });
    // Back to regroupement: the vote closes; votes are refused with the phase's reason.
    must(await call(admin, C.setPhase, { atelierIds: [atelier.id], phase: 'regroupement' }));
    expect(await dot(clusterIds[0]!, -1)).toMatchObject({ ok: false, error: { code: 'NO_OPEN_VOTE' } });
    // The undo is undone: the same vote reopens with the dots already cast.
    must(await call(admin, C.setPhase, { atelierIds: [atelier.id], phase: 'vote' }));
    expect(must(await call<VoteState>(socket, C.voteGet, { atelierId: atelier.id })).mine).toEqual({ [clusterIds[0]!]: 2, [clusterIds[1]!]: 1 });
  });

  it('gives dots back when a voted cluster disappears before the vote reopens', async () => {
    const { ev, atelier, admin, wall, clusterIds, sessionId } = await atelierInVote(2);
    const { socket } = await participant(suite.server.url, ev.event.joinCode, 'Rendu', atelier.id);
    open.push(socket);
    must(await call(socket, C.voteDot, { sessionId, itemId: clusterIds[1], delta: 1, opId: randomUUID() }));
    must(await call(admin, C.setPhase, { atelierIds: [atelier.id], phase: 'regroupement' }));
    wall.doc.getMap('clusters').delete(clusterIds[1]!);
    await untilServerDoc(suite.server, atelier.boardId, (doc) => !doc.getMap('clusters').has(clusterIds[1]!));
    must(await call(admin, C.setPhase, { atelierIds: [atelier.id], phase: 'vote' }));
    const state = must(await call<VoteState>(socket, C.voteGet, { atelierId: atelier.id }));
    expect(state.items.map((i) => i.itemId)).toEqual([clusterIds[0]]);
    expect(state).toMatchObject({ mine: {}, remaining: 5 });
  });

  it('refuses votes from blocked participants, and facilitator commands from participants', async () => {
    const { ev, atelier, admin, clusterIds, sessionId } = await atelierInVote(1);
    const p = await participant(suite.server.url, ev.event.joinCode, 'Bloqué', atelier.id);
    open.push(p.socket);
    expect(await call(p.socket, C.promote, { atelierId: atelier.id, itemId: clusterIds[0] })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    expect(await call(p.socket, C.plenary, { action: 'open' })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    expect(await call(p.socket, C.groupingSuggest, { atelierId: atelier.id })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    const before = must(await call<VoteState>(admin, C.voteGet, { atelierId: atelier.id })).results;
    const ack = new Promise((r) => p.socket.once('participant:blocked', r));
    must(await call(admin, C.block, { participantId: p.join.participant.id }));
    await ack;
    const again = await connect(suite.server.url);
    open.push(again);
    expect(await call(again, C.join, { token: p.join.token })).toMatchObject({ ok: false, error: { code: 'BLOCKED' } });
    expect(await call(again, C.voteDot, { sessionId, itemId: clusterIds[0], delta: 1, opId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });
    expect(must(await call<VoteState>(admin, C.voteGet, { atelierId: atelier.id })).results).toEqual(before);
  });

  it('rates on souhaitable × réaliste and summarises the 2×2 chart', async () => {
    const { ev, atelier, admin, clusterIds, sessionId } = await atelierInVote(2, { mode: 'rating', results: 'live' });
    for (const [i, [d, f]] of [[4, 4], [3, 2], [4, 3]].entries()) {
      const p = await participant(suite.server.url, ev.event.joinCode, `Noteur ${i}`, atelier.id);
      open.push(p.socket);
      must(await call(p.socket, C.voteRate, { sessionId, itemId: clusterIds[0], desirability: d, feasibility: f }));
      must(await call(p.socket, C.voteRate, { sessionId, itemId: clusterIds[0], desirability: d, feasibility: f }));
      expect(await call(p.socket, C.voteRate, { sessionId, itemId: clusterIds[1], desirability: 5, feasibility: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    const r = must(await call<VoteState>(admin, C.voteGet, { atelierId: atelier.id })).results!;
    expect(r.ratings[0]).toEqual({ itemId: clusterIds[0], raters: 3, desirability: 11 / 3, feasibility: 3, quadrant: 'prioritaire' });
    expect(r.ratings[1]).toMatchObject({ raters: 0, quadrant: null });
  });
});

describe('project candidates', () => {
  it('promotes the winner, edits its card, lists it in the portfolio, votes in plenary, all across a restart', async () => {
    const { ev, atelier, admin, clusterIds, sessionId } = await atelierInVote(2);
    const p = await participant(suite.server.url, ev.event.joinCode, 'Fan', atelier.id);
    open.push(p.socket);
    must(await call(p.socket, C.voteDot, { sessionId, itemId: clusterIds[1], delta: 1, opId: randomUUID() }));
    must(await call(admin, C.setPhase, { atelierIds: [atelier.id], phase: 'restitution' }));
    const { candidate, created } = must(await call<{ candidate: Candidate; created: boolean }>(admin, C.promote, { atelierId: atelier.id, itemId: clusterIds[1] }));
    expect(created).toBe(true);
    expect(candidate).toMatchObject({ title: 'Groupe 1', status: 'idee', source: { kind: 'cluster', id: clusterIds[1] }, votes: { dots: 1, voters: 1, rank: 1 } });
    expect(candidate.ideaIds).toHaveLength(2);
    expect(candidate.stakeholders.map((s) => s.partie)).toEqual(['Pouvoirs publics', 'Associations', 'Entreprises', 'Citoyens', 'Universités', 'Médias']);
    expect(must(await call<{ created: boolean }>(admin, C.promote, { atelierId: atelier.id, itemId: clusterIds[1] })).created).toBe(false);
    expect(await call(admin, C.promote, { atelierId: atelier.id, itemId: 'nope' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_VOTE_ITEM' } });

    const stakeholders = candidate.stakeholders.map((s) => (s.partie === 'Associations' ? { ...s, apports: 'Bénévoles', interets: 'Lien social' } : s));
    must(await call(admin, C.candidateUpdate, { id: candidate.id, patch: { besoin: 'Se déplacer sans voiture', porteur: 'Association Mobil’Aromas', status: 'etude-opportunite', stakeholders } }));
    expect(await call(admin, C.candidateUpdate, { id: candidate.id, patch: { status: 'termine' } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await call(admin, C.candidateUpdate, { id: randomUUID(), patch: {} })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CANDIDATE' } });

    await suite.restart();
    const admin2 = await facilitator(suite.server.url, ev.adminToken);
    open.push(admin2);
    const [saved] = must(await call<{ candidates: Candidate[] }>(admin2, C.candidates, {})).candidates;
    expect(saved).toMatchObject({ id: candidate.id, besoin: 'Se déplacer sans voiture', porteur: 'Association Mobil’Aromas', status: 'etude-opportunite' });
    expect(saved!.stakeholders[1]).toEqual({ partie: 'Associations', apports: 'Bénévoles', interets: 'Lien social' });

    // The plenary vote across the portfolio, from a phone whose atelier is already over.
    const plenary = must(await call<VoteState>(admin2, C.plenary, { action: 'open', config: { dotsPerParticipant: 2 } }));
    expect(plenary.items.map((i) => i.itemId)).toEqual([candidate.id]);
    const again = await connect(suite.server.url);
    open.push(again);
    must(await call(again, C.join, { token: p.join.token }));
    const mine = must(await call<VoteState>(again, C.voteGet, { plenary: true }));
    expect(mine.session?.config).toMatchObject({ target: 'candidates', dotsPerParticipant: 2 });
    must(await call(again, C.voteDot, { sessionId: mine.session!.id, itemId: candidate.id, delta: 1, opId: randomUUID() }));
    const closed = must(await call<VoteState>(admin2, C.plenary, { action: 'close' }));
    expect(closed.results?.tally).toEqual([{ itemId: candidate.id, dots: 1, voters: 1, rank: 1, tied: false }]);
  });
});

describe('auto-grouping suggestions', () => {
  it('proposes clusters for the wall’s ideas, offline, for facilitators', async () => {
    const ev = await createEvent(suite.server.url, 1);
    const atelier = ev.ateliers[0]!;
    const admin = await facilitator(suite.server.url, ev.adminToken);
    const { socket } = await participant(suite.server.url, ev.event.joinCode, 'Idées', atelier.id);
    open.push(admin, socket);
    const texts = ['covoit pour aller au marché', 'une navette vers la gare', 'du covoiturage entre voisins', 'un médecin au village', 'maison de santé pluripro', 'une epicerie solidaire'];
    for (const text of texts) must(await call(socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text }));
    const s = must(await call<{ clusters: { ideaIds: string[]; title: string }[]; duplicates: unknown[] }>(admin, C.groupingSuggest, { atelierId: atelier.id, granularity: 0.5 }));
    expect(s.clusters.flatMap((c) => c.ideaIds)).toHaveLength(texts.length);
    expect(s.clusters.every((c) => c.title.length > 0)).toBe(true);
    expect(await call(admin, C.groupingSuggest, { atelierId: atelier.id, granularity: 2 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    // Ideas a facilitator already grouped are left out of new suggestions.
    const wall = openBoard(suite.server.url, atelier.boardId, ev.adminToken);
    await wall.synced;
    const grouped = readIdeaCards(wall.doc).slice(0, 2).map((c) => c.id);
    createCluster(wall.doc, { id: 'mine', title: 'Déjà fait', x: 0, y: 0, createdAt: 'x' }, grouped);
    await untilServerDoc(suite.server, atelier.boardId, (doc) => grouped.every((id) => doc.getMap('membership').get(id) === 'mine'));
    const again = must(await call<{ clusters: { ideaIds: string[] }[] }>(admin, C.groupingSuggest, { atelierId: atelier.id }));
    const suggested = again.clusters.flatMap((c) => c.ideaIds);
    expect(suggested).toHaveLength(texts.length - 2);
    for (const id of grouped) expect(suggested).not.toContain(id);
    wall.destroy();
  });
});
