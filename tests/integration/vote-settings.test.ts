import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { C, clusterMaps, createCluster, readClusters, readIdeaCards, type Atelier, type Candidate, type IdeaView, type VoteState } from '@semis/shared';
import { call, createEvent, facilitator, must, openBoard, participant, useServer, waitFor, type Client } from '../support/harness';

const suite = useServer();
const { open, boards } = suite;

/** One atelier with `ideas` ideas, the first `clustered` of them in one cluster written over Yjs. */
async function wallWithIdeas(ideas: number, clustered: number) {
  const ev = await createEvent(suite.server.url, 2);
  const atelier = ev.ateliers[0]!;
  const admin = await facilitator(suite.server.url, ev.adminToken);
  const author = await participant(suite.server.url, ev.event.joinCode, 'Autrice', atelier.id);
  open.push(admin, author.socket);
  const ideaIds: string[] = [];
  for (let i = 0; i < ideas; i++) ideaIds.push(must(await call<{ idea: IdeaView }>(author.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: `idée ${i}` })).idea.id);
  const wall = openBoard(suite.server.url, atelier.boardId, ev.adminToken);
  const witness = openBoard(suite.server.url, atelier.boardId, ev.adminToken);
  boards.push(wall, witness);
  await Promise.all([wall.synced, witness.synced]);
  await waitFor(() => readIdeaCards(wall.doc).length === ideas, 3000, 'ideas on wall');
  if (clustered > 0) createCluster(wall.doc, { id: 'cl-0', title: 'Mobilité', x: 0, y: 0, createdAt: '2026-01-01T00:00:00Z' }, ideaIds.slice(0, clustered));
  // Another client sees the cluster only once the server has it: the vote will read it.
  await waitFor(() => readClusters(witness.doc).some((c) => c.ideaIds.length === clustered) || clustered === 0, 3000, 'cluster relayed');
  return { ev, atelier, admin, author, ideaIds, wall, witness };
}

/** Phases move one step at a time. */
async function walk(admin: Client, atelierId: string, ...phases: string[]) {
  for (const phase of phases) must(await call(admin, C.setPhase, { atelierIds: [atelierId], phase }));
}

const configure = (admin: Client, atelierId: string, config: unknown) => call<{ atelier: Atelier }>(admin, C.voteConfigure, { atelierId, config });

describe('vote settings are a partial update', () => {
  it('keeps every setting a change does not name, so a rating vote opens as a rating vote', async () => {
    const { ev, atelier, admin, author } = await wallWithIdeas(4, 2);
    must(await configure(admin, atelier.id, { mode: 'rating', results: 'live' }));
    const after = must(await configure(admin, atelier.id, { maxPerItem: 2 })).atelier.vote;
    expect(after).toEqual({ mode: 'rating', target: 'clusters', dotsPerParticipant: 5, maxPerItem: 2, results: 'live', includeUnclustered: false });
    // What another facilitator reads from the server is the same.
    const other = await facilitator(suite.server.url, ev.adminToken);
    open.push(other);
    const seen = must(await call<{ ateliers: Atelier[] }>(other, C.facilitatorAuth, { token: ev.adminToken })).ateliers.find((a) => a.id === atelier.id)!;
    expect(seen.vote).toEqual(after);

    await walk(admin, atelier.id, 'regroupement', 'vote');
    const state = must(await call<VoteState>(author.socket, C.voteGet, { atelierId: atelier.id }));
    expect(state.session?.config).toMatchObject({ mode: 'rating', results: 'live', maxPerItem: 2 });
    const rated = must(await call<VoteState>(author.socket, C.voteRate, { sessionId: state.session!.id, itemId: 'cl-0', desirability: 4, feasibility: 3 }));
    expect(rated.myRatings['cl-0']).toEqual({ desirability: 4, feasibility: 3 });
    expect(await call(author.socket, C.voteDot, { sessionId: state.session!.id, itemId: 'cl-0', delta: 1, opId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    // While open only the results display may change; naming an unchanged setting is harmless.
    must(await configure(admin, atelier.id, { results: 'hidden', mode: 'rating' }));
    expect(await configure(admin, atelier.id, { maxPerItem: 3 })).toMatchObject({ ok: false, error: { code: 'VOTE_OPEN' } });
    expect(must(await call<VoteState>(admin, C.voteGet, { atelierId: atelier.id })).session?.config).toMatchObject({ mode: 'rating', results: 'hidden', maxPerItem: 2 });
  });

  it('refuses unknown keys and out-of-range values without touching the settings', async () => {
    const { atelier, admin } = await wallWithIdeas(0, 0);
    must(await configure(admin, atelier.id, { dotsPerParticipant: 7 }));
    for (const bad of [{ colour: 'red' }, { maxPerItem: 0 }, { mode: 'stars' }, { target: 'candidates' }, { includeUnclustered: 'yes' }, null, []]) {
      expect(await configure(admin, atelier.id, bad)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    const vote = must(await configure(admin, atelier.id, {})).atelier.vote;
    expect(vote).toMatchObject({ dotsPerParticipant: 7, maxPerItem: 3, mode: 'dots' });
  });
});

describe('ideas outside every cluster', () => {
  it('are left out of a cluster vote unless included, then voted on as items of their own', async () => {
    const { atelier, admin, author, ideaIds } = await wallWithIdeas(5, 2);
    // Asked before opening: one cluster, three ideas outside it.
    expect(must(await call(admin, C.votePreview, { atelierId: atelier.id }))).toEqual({ items: 1, left: 3 });
    expect(await call(author.socket, C.votePreview, { atelierId: atelier.id })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    await walk(admin, atelier.id, 'regroupement', 'vote');
    const left = must(await call<VoteState>(admin, C.voteGet, { atelierId: atelier.id }));
    expect(left.items.map((i) => i.itemId)).toEqual(['cl-0']);

    await walk(admin, atelier.id, 'regroupement');
    must(await configure(admin, atelier.id, { includeUnclustered: true }));
    expect(must(await call(admin, C.votePreview, { atelierId: atelier.id }))).toEqual({ items: 4, left: 0 });
    await walk(admin, atelier.id, 'vote');
    const all = must(await call<VoteState>(author.socket, C.voteGet, { atelierId: atelier.id }));
    expect(all.items.map((i) => i.itemId)).toEqual(['cl-0', ...ideaIds.slice(2)]);
    expect(all.items[1]).toMatchObject({ title: 'idée 2', ideaIds: [ideaIds[2]] });
    must(await call(author.socket, C.voteDot, { sessionId: all.session!.id, itemId: ideaIds[4], delta: 1, opId: randomUUID() }));
  });

  it('a near-duplicate folded into another free idea is not an item twice', async () => {
    const { atelier, admin, ideaIds, wall, witness } = await wallWithIdeas(3, 0);
    must(await configure(admin, atelier.id, { includeUnclustered: true }));
    clusterMaps(wall.doc).merged.set(ideaIds[1]!, ideaIds[0]!);
    await waitFor(() => clusterMaps(witness.doc).merged.get(ideaIds[1]!) === ideaIds[0], 3000, 'fold relayed');
    await walk(admin, atelier.id, 'regroupement', 'vote');
    const state = must(await call<VoteState>(admin, C.voteGet, { atelierId: atelier.id }));
    expect(state.items.map((i) => i.itemId)).toEqual([ideaIds[0], ideaIds[2]]);
  });
});

describe('plenary vote settings and ballot', () => {
  it('takes a budget and a cap, keeps them as a partial update, and shows each candidate’s need and atelier', async () => {
    const { ev, atelier, admin, author } = await wallWithIdeas(2, 2);
    await walk(admin, atelier.id, 'regroupement', 'vote', 'restitution');
    const { candidate } = must(await call<{ candidate: Candidate }>(admin, C.promote, { atelierId: atelier.id, itemId: 'cl-0' }));
    must(await call(admin, C.candidateUpdate, { id: candidate.id, patch: { besoin: 'Se déplacer sans voiture' } }));

    const opened = must(await call<VoteState>(admin, C.plenary, { action: 'open', config: { dotsPerParticipant: 8, maxPerItem: 4 } }));
    expect(opened.session?.config).toMatchObject({ target: 'candidates', dotsPerParticipant: 8, maxPerItem: 4 });
    expect(await call(admin, C.plenary, { action: 'open', config: { target: 'ideas' } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const ballot = must(await call<VoteState>(author.socket, C.voteGet, { plenary: true }));
    expect(ballot.items[0]).toMatchObject({ itemId: candidate.id, context: { atelier: atelier.title, besoin: 'Se déplacer sans voiture' } });

    must(await call(admin, C.plenary, { action: 'close' }));
    const reopened = must(await call<VoteState>(admin, C.plenary, { action: 'open', config: { maxPerItem: 2 } }));
    expect(reopened.session?.config).toMatchObject({ dotsPerParticipant: 8, maxPerItem: 2 });
    expect(ev.event.id).toBe(reopened.session?.eventId);
  });
});
