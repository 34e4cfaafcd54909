import { DEFAULT_VOTE_CONFIG } from '@semis/shared';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, type Atelier, type PosterBoard } from '@semis/shared';
import type { EventRecord, ParticipantRecord, Storage } from '../../server/src/storage/index';

/** The behaviour every Storage's `posters` store must have (issue #5), run on SQLite and PostgreSQL. */
export function describePosterStoreContract(name: string, open: () => Promise<Storage>): void {
  describe(`PosterStore contract: ${name}`, () => {
    let s: Storage;
    let fx: Fixture;
    beforeAll(async () => {
      s = await open();
    });
    afterAll(() => s?.close());
    beforeEach(async () => {
      fx = await seed(s);
    });

    const newGroup = (atelier = fx.atelier, name = 'Les Hauts') => ({
      id: randomUUID(), eventId: fx.event.id, atelierId: atelier.id, name, animateurId: null, rapporteurId: null, createdAt: new Date().toISOString(),
    });
    const boardsOf = (groupId: string, kinds: PosterBoard['kind'][] = ['poster', 'afom']) =>
      kinds.map((kind): PosterBoard => ({ id: randomUUID(), eventId: fx.event.id, atelierId: fx.atelier.id, groupId, kind, createdAt: new Date().toISOString() }));

    it('creates a group with its boards, positioned in its atelier, idempotently', async () => {
      const g1 = newGroup();
      const boards = boardsOf(g1.id, ['poster', 'afom', 'debat']);
      const created = await s.posters.createGroup(g1, boards);
      expect(created).toEqual({ kind: 'created', group: { ...g1, position: 0 } });
      expect(await s.posters.createGroup(g1, boardsOf(g1.id))).toEqual({ kind: 'existing', group: { ...g1, position: 0 } });
      expect((await s.posters.listBoards(fx.event.id)).map((b) => b.id).sort()).toEqual(boards.map((b) => b.id).sort());
      const g2 = newGroup(fx.atelier, 'Les Bas');
      expect((await s.posters.createGroup(g2, boardsOf(g2.id))).group?.position).toBe(1);
      expect(await s.posters.countGroups(fx.atelier.id)).toBe(2);
      expect((await s.posters.listGroups(fx.event.id)).map((g) => g.name)).toEqual(['Les Hauts', 'Les Bas']);
      expect(await s.posters.getBoard(boards[2]!.id)).toEqual(boards[2]);
      expect(await s.posters.getBoard(randomUUID())).toBeNull();
    });

    it('calls the same group id in another atelier a conflict', async () => {
      const g = newGroup();
      await s.posters.createGroup(g, []);
      expect((await s.posters.createGroup({ ...g, atelierId: fx.other.id }, [])).kind).toBe('conflict');
    });

    it('keeps one group per participant and atelier, and drops roles on leaving', async () => {
      const a = newGroup();
      const b = newGroup(fx.atelier, 'B');
      await s.posters.createGroup(a, []);
      await s.posters.createGroup(b, []);
      expect(await s.posters.joinGroup(a.id, fx.alice.id, later(0))).toEqual({ left: null });
      expect(await s.posters.joinGroup(a.id, fx.alice.id, later(1))).toEqual({ left: null });
      await s.posters.joinGroup(a.id, fx.bob.id, later(2));
      await s.posters.setGroupRoles(a.id, { animateurId: fx.alice.id, rapporteurId: fx.bob.id });
      expect(await s.posters.getGroup(a.id)).toMatchObject({ animateurId: fx.alice.id, rapporteurId: fx.bob.id });

      expect(await s.posters.joinGroup(b.id, fx.alice.id, later(3))).toEqual({ left: a.id });
      expect(await s.posters.getGroup(a.id)).toMatchObject({ animateurId: null, rapporteurId: fx.bob.id });
      expect(await s.posters.groupsOf(fx.alice.id)).toEqual([b.id]);
      expect((await s.posters.listMembers(fx.event.id)).map((m) => [m.groupId, m.participantId])).toEqual([[a.id, fx.bob.id], [b.id, fx.alice.id]]);

      expect(await s.posters.leaveGroup(a.id, fx.bob.id)).toBe(true);
      expect(await s.posters.leaveGroup(a.id, fx.bob.id)).toBe(false);
      expect(await s.posters.getGroup(a.id)).toMatchObject({ rapporteurId: null });
    });

    it('lets a participant be in one group per atelier, in several ateliers', async () => {
      const a = newGroup();
      const c = newGroup(fx.other, 'C');
      await s.posters.createGroup(a, []);
      await s.posters.createGroup(c, []);
      await s.posters.joinGroup(a.id, fx.alice.id, later(0));
      expect(await s.posters.joinGroup(c.id, fx.alice.id, later(1))).toEqual({ left: null });
      expect((await s.posters.groupsOf(fx.alice.id)).sort()).toEqual([a.id, c.id].sort());
    });

    it('counts reactions, one per participant and kind, toggled idempotently', async () => {
      const g = newGroup();
      const [poster] = boardsOf(g.id, ['poster']);
      await s.posters.createGroup(g, [poster!]);
      await s.posters.setReaction(poster!.id, fx.alice.id, 'bravo', true, later(0));
      await s.posters.setReaction(poster!.id, fx.alice.id, 'bravo', true, later(1));
      await s.posters.setReaction(poster!.id, fx.bob.id, 'bravo', true, later(2));
      await s.posters.setReaction(poster!.id, fx.bob.id, 'question', true, later(3));
      expect(await s.posters.reactionCounts(poster!.id)).toEqual({ bravo: 2, accord: 0, question: 1, vigilance: 0 });
      await s.posters.setReaction(poster!.id, fx.bob.id, 'bravo', false, later(4));
      await s.posters.setReaction(poster!.id, fx.bob.id, 'bravo', false, later(5));
      expect(await s.posters.reactionCounts(poster!.id)).toMatchObject({ bravo: 1, question: 1 });
      expect(await s.posters.reactionsOf(poster!.id, fx.bob.id)).toEqual(['question']);
    });

    it('stores comments idempotently and lists them oldest first', async () => {
      const g = newGroup();
      const [poster] = boardsOf(g.id, ['poster']);
      await s.posters.createGroup(g, [poster!]);
      const c1 = { id: randomUUID(), eventId: fx.event.id, boardId: poster!.id, authorId: fx.alice.id, text: 'Et la gare ?', createdAt: later(5) };
      const c0 = { ...c1, id: randomUUID(), text: 'Bravo', createdAt: later(1) };
      expect(await s.posters.insertComment(c1)).toEqual({ kind: 'created', comment: c1 });
      expect(await s.posters.insertComment({ ...c1, text: 'retry' })).toEqual({ kind: 'existing', comment: c1 });
      expect((await s.posters.insertComment({ ...c1, authorId: fx.bob.id })).kind).toBe('conflict');
      await s.posters.insertComment(c0);
      expect((await s.posters.listComments(poster!.id)).map((c) => c.text)).toEqual(['Bravo', 'Et la gare ?']);
    });

    it('stores images byte for byte', async () => {
      const data = new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
      const asset = { id: randomUUID(), eventId: fx.event.id, boardId: randomUUID(), mime: 'image/png' as const, width: 10, height: 20, size: data.length, createdAt: later(0) };
      await s.posters.putAsset(asset, data);
      const back = await s.posters.getAsset(asset.id);
      expect(back?.asset).toEqual(asset);
      expect(back?.data).toEqual(data);
      expect(await s.posters.getAsset(randomUUID())).toBeNull();
    });
  });
}

interface Fixture {
  event: EventRecord;
  atelier: Atelier;
  other: Atelier;
  alice: ParticipantRecord;
  bob: ParticipantRecord;
}

async function seed(s: Storage): Promise<Fixture> {
  const event: EventRecord = {
    id: randomUUID(), name: 'Dessiner son territoire', date: null, place: '', createdAt: new Date().toISOString(), adminTokenHash: randomUUID(), timer: null, retentionDays: 30,
    joinCode: Array.from({ length: 6 }, () => JOIN_CODE_ALPHABET[Math.floor(Math.random() * JOIN_CODE_ALPHABET.length)]).join(''),
  };
  const [atelier, other] = [0, 1].map((position): Atelier => ({ id: randomUUID(), eventId: event.id, position, title: `A${position}`, theme: '', question: '', boardKind: 'mur', boardId: randomUUID(),
    phase: 'ideation', privateWriting: false, moderated: false, showAuthors: true, timer: null, vote: DEFAULT_VOTE_CONFIG }));
  await s.createEvent(event, [atelier!, other!]);
  const person = (pseudonym: string): ParticipantRecord => ({ id: randomUUID(), eventId: event.id, pseudonym, tokenHash: randomUUID(), atelierId: null, createdAt: new Date().toISOString(), blockedAt: null });
  const alice = person('Alice');
  const bob = person('Bob');
  await s.createParticipant(alice);
  await s.createParticipant(bob);
  return { event, atelier: atelier!, other: other!, alice, bob };
}

function later(seconds: number): string {
  return new Date(Date.UTC(2030, 0, 1, 10, 0, seconds)).toISOString();
}
