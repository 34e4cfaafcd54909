import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { JOIN_CODE_ALPHABET, PSEUDONYM_MAX, pseudonymChoice, type Atelier } from '@semis/shared';
import { DEFAULT_VOTE_CONFIG } from '@semis/shared';
import { UniqueViolationError, type EventRecord, type NewIdea, type ParticipantRecord, type Storage } from '../../server/src/storage/index';

/**
 * The behaviour every Storage must have. `open` must return a storage on the same database
 * each time it is called (the durability test closes and reopens it). Tests never clean up
 * between themselves: every record has fresh random ids and join codes.
 */
export function describeStorageContract(
  name: string,
  open: () => Promise<Storage>,
  cleanup: () => Promise<void> = async () => {},
): void {
  describe(`Storage contract: ${name}`, () => {
    let s: Storage;
    let fx: Fixture;

    beforeAll(async () => {
      s = await open();
    });
    afterAll(async () => {
      await s?.close();
      await cleanup();
    });
    beforeEach(async () => {
      fx = await seed(s);
    });

    it('reports its kind', () => {
      expect(['sqlite', 'postgres']).toContain(s.kind);
    });

    describe('events', () => {
      it('reads an event back by id, join code and admin token hash', async () => {
        expect(await s.getEvent(fx.event.id)).toEqual(fx.event);
        expect(await s.getEventByJoinCode(fx.event.joinCode)).toEqual(fx.event);
        expect(await s.getEventByAdminTokenHash(fx.event.adminTokenHash)).toEqual(fx.event);
        expect(await s.joinCodeExists(fx.event.joinCode)).toBe(true);
      });

      it('returns null or false for unknown keys', async () => {
        expect(await s.getEvent(randomUUID())).toBeNull();
        expect(await s.getEventByJoinCode(joinCode())).toBeNull();
        expect(await s.getEventByAdminTokenHash(randomUUID())).toBeNull();
        expect(await s.joinCodeExists(joinCode())).toBe(false);
      });

      it('keeps a null date and an empty place', async () => {
        const event = { ...eventRecord(), date: null, place: '' };
        await s.createEvent(event, []);
        expect(await s.getEvent(event.id)).toEqual(event);
      });

      it('rejects a duplicate join code and stores nothing of the rejected event', async () => {
        const dup = { ...eventRecord(), joinCode: fx.event.joinCode };
        const atelier = atelierRecord(dup.id, 0);
        await expect(s.createEvent(dup, [atelier])).rejects.toBeInstanceOf(UniqueViolationError);
        expect(await s.getEvent(dup.id)).toBeNull();
        expect(await s.getAtelier(atelier.id)).toBeNull();
        expect(await s.getEventByJoinCode(fx.event.joinCode)).toEqual(fx.event);
      });
    });

    describe('ateliers', () => {
      it('lists ateliers by position whatever the insertion order', async () => {
        const listed = await s.listAteliers(fx.event.id);
        expect(listed.map((a) => a.position)).toEqual([0, 1, 2]);
        expect(listed).toEqual([...fx.ateliers].sort((a, b) => a.position - b.position));
      });

      it('reads an atelier by id and by board id', async () => {
        const a = fx.ateliers[0]!;
        expect(await s.getAtelier(a.id)).toEqual(a);
        expect(await s.getAtelierByBoardId(a.boardId)).toEqual(a);
        expect(await s.getAtelier(randomUUID())).toBeNull();
        expect(await s.getAtelierByBoardId(randomUUID())).toBeNull();
      });

      it('adds ateliers to an existing event', async () => {
        const more = [atelierRecord(fx.event.id, 4), atelierRecord(fx.event.id, 3)];
        await s.addAteliers(more);
        expect((await s.listAteliers(fx.event.id)).map((a) => a.position)).toEqual([0, 1, 2, 3, 4]);
      });
    });

    describe('participants', () => {
      it('reads a participant by id and by token hash', async () => {
        expect(await s.getParticipant(fx.alice.id)).toEqual(fx.alice);
        expect(await s.getParticipantByTokenHash(fx.alice.tokenHash)).toEqual(fx.alice);
        expect(await s.getParticipant(randomUUID())).toBeNull();
        expect(await s.getParticipantByTokenHash(randomUUID())).toBeNull();
      });

      it('updates only the fields given', async () => {
        const atelierId = fx.ateliers[1]!.id;
        await s.updateParticipant(fx.alice.id, { atelierId });
        expect(await s.getParticipant(fx.alice.id)).toEqual({ ...fx.alice, atelierId });
        await s.updateParticipant(fx.alice.id, { pseudonym: 'Alix' });
        expect(await s.getParticipant(fx.alice.id)).toEqual({ ...fx.alice, atelierId, pseudonym: 'Alix' });
        await s.updateParticipant(fx.alice.id, { atelierId: null });
        await s.updateParticipant(fx.alice.id, {});
        expect(await s.getParticipant(fx.alice.id)).toEqual({ ...fx.alice, atelierId: null, pseudonym: 'Alix' });
      });

      it('maps ids to pseudonyms, leaving out unknown ids', async () => {
        const map = await s.pseudonyms([fx.alice.id, fx.bob.id, randomUUID(), fx.alice.id]);
        expect(map).toEqual(new Map([[fx.alice.id, fx.alice.pseudonym], [fx.bob.id, fx.bob.pseudonym]]));
        expect(await s.pseudonyms([])).toEqual(new Map());
      });

      it('lists the pseudonyms in use in an event, but one participant’s if asked', async () => {
        expect((await s.eventPseudonyms(fx.event.id)).sort()).toEqual([fx.alice.pseudonym, fx.bob.pseudonym].sort());
        expect(await s.eventPseudonyms(fx.event.id, fx.alice.id)).toEqual([fx.bob.pseudonym]);
        expect(await s.eventPseudonyms(randomUUID())).toEqual([]);
        await s.blockParticipant(fx.bob.id, fx.event.id, 'bob-key', new Date().toISOString());
        expect(await s.eventPseudonyms(fx.event.id)).toEqual([fx.alice.pseudonym]);
      });

      it('names participants created or renamed at the same instant under the event’s lock', async () => {
        // Same wanted name at the same instant, distinct results ("Alice" is taken already).
        const created = await Promise.all(
          Array.from({ length: 6 }, () => s.createNamedParticipant(participantRecord(fx.event.id, 'ignored', null), pseudonymChoice('alice', PSEUDONYM_MAX))),
        );
        expect(created.sort()).toEqual(['alice (2)', 'alice (3)', 'alice (4)', 'alice (5)', 'alice (6)', 'alice (7)']);
        const renamed = await Promise.all([fx.alice.id, fx.bob.id].map((id) => s.renameParticipant(id, fx.event.id, pseudonymChoice('Zoé', PSEUDONYM_MAX))));
        expect(renamed.sort()).toEqual(['Zoé', 'Zoé (2)']);
        expect((await s.getParticipant(fx.bob.id))?.pseudonym).toMatch(/^Zoé( \(2\))?$/);
      });

      it('tells names apart by key, following renames, beyond the candidates it looks up first', async () => {
        const named = (wanted: string) => s.createNamedParticipant(participantRecord(fx.event.id, 'ignored', null), pseudonymChoice(wanted, PSEUDONYM_MAX, 4));
        // Alice was renamed: her new name is taken, her old one free again.
        await s.updateParticipant(fx.alice.id, { pseudonym: 'Kévin' });
        expect(await named('KEVlN')).toBe('KEVlN (2)');
        expect(await named('Alice')).toBe('Alice');
        // Four candidates looked up, six people wanting one name: the rest is read whole.
        const tels = [];
        for (let i = 0; i < 6; i++) tels.push(await named('Tel'));
        expect(tels).toEqual(['Tel', 'Tel (2)', 'Tel (3)', 'Tel (4)', 'Tel (5)', 'Tel (6)']);
      });

      it('tells a newcomer apart from names stored without a key (purged people)', async () => {
        // Purged labels carry no key: a join cannot find them by key, it reads them whole.
        await s.retention.purgeParticipants(fx.event.id);
        const named = (wanted: string) => s.createNamedParticipant(participantRecord(fx.event.id, 'ignored', null), pseudonymChoice(wanted, PSEUDONYM_MAX));
        expect(await named('participant 1')).toBe('participant 1 (2)');
        expect(await Promise.all([named('Lou'), named('Lou')]).then((n) => n.sort())).toEqual(['Lou', 'Lou (2)']);
      });
    });

    describe('ideas', () => {
      it('creates an idea', async () => {
        const input = newIdea(fx);
        const outcome = await s.insertIdea(input);
        const expected = {
          id: input.id, eventId: input.eventId, atelierId: input.atelierId, boardId: input.boardId,
          authorId: input.authorId, text: input.text, createdAt: input.now, updatedAt: input.now, deletedAt: null,
          status: 'visible', moderatedAt: null,
        };
        expect(outcome).toEqual({ kind: 'created', idea: expected });
        expect(await s.getIdea(input.id)).toEqual(expected);
        expect(await s.getIdea(randomUUID())).toBeNull();
      });

      it('treats a retry by the same author as existing and changes nothing', async () => {
        const input = newIdea(fx);
        await s.insertIdea(input);
        const stored = await s.getIdea(input.id);
        const retry = await s.insertIdea({ ...input, text: 'changed on retry', now: later(input.now) });
        expect(retry).toEqual({ kind: 'existing', idea: stored });
        expect(await s.getIdea(input.id)).toEqual(stored);
      });

      it('refuses the same id from another author or on another atelier', async () => {
        const input = newIdea(fx);
        await s.insertIdea(input);
        const before = await s.getIdea(input.id);
        expect(await s.insertIdea({ ...input, authorId: fx.bob.id, text: 'hijack' })).toEqual({ kind: 'conflict' });
        const other = fx.ateliers[1]!;
        expect(await s.insertIdea({ ...input, atelierId: other.id, boardId: other.boardId })).toEqual({ kind: 'conflict' });
        expect(await s.getIdea(input.id)).toEqual(before);
      });

      it('creates exactly once under 10 concurrent identical inserts', async () => {
        const input = newIdea(fx);
        const outcomes = await Promise.all(Array.from({ length: 10 }, () => s.insertIdea(input)));
        expect(outcomes.filter((o) => o.kind === 'created')).toHaveLength(1);
        expect(outcomes.filter((o) => o.kind === 'existing')).toHaveLength(9);
        expect(await s.listBoardIdeas(input.boardId)).toHaveLength(1);
      });

      it('appends the card a writer returns in the insert\'s transaction, and keeps neither when the writer fails', async () => {
        const input = newIdea(fx);
        const seen: { kind: string; slot: number }[] = [];
        const card = new Uint8Array([7, 7, 7]);
        const outcome = await s.insertIdea(input, ({ kind, idea, slot }) => {
          seen.push({ kind, slot });
          expect(idea.id).toBe(input.id);
          return card;
        });
        expect(outcome.kind).toBe('created');
        expect(seen).toEqual([{ kind: 'created', slot: (await s.ideaSlots([input.id])).get(input.id)! }]);
        expect((await s.loadBoard(input.boardId)).updates).toEqual([card]);
        // A retry sees the stored idea; nothing to draw, nothing appended.
        const retry = await s.insertIdea(input, ({ kind }) => {
          seen.push({ kind, slot: -1 });
          return null;
        });
        expect(retry.kind).toBe('existing');
        expect(seen.at(-1)!.kind).toBe('existing');
        expect((await s.loadBoard(input.boardId)).updates).toHaveLength(1);
        // Another author's id: the writer is not called.
        expect(await s.insertIdea({ ...input, authorId: fx.bob.id }, () => { throw new Error('not for a conflict'); })).toEqual({ kind: 'conflict' });

        const failed = newIdea(fx);
        await expect(s.insertIdea(failed, () => { throw new Error('drawing failed'); })).rejects.toThrow('drawing failed');
        expect(await s.getIdea(failed.id)).toBeNull();
        expect((await s.loadBoard(failed.boardId)).updates).toHaveLength(1);
      });

      it('gives each new idea of a board its own grid slot, a retry keeping its slot', async () => {
        const inputs = Array.from({ length: 30 }, (_, i) => newIdea(fx, { authorId: i % 2 ? fx.alice.id : fx.bob.id }));
        await Promise.all(inputs.map((input) => s.insertIdea(input)));
        await s.insertIdea(inputs[0]!);
        const other = newIdea(fx, { atelierId: fx.ateliers[1]!.id, boardId: fx.ateliers[1]!.boardId });
        await s.insertIdea(other);
        const slots = await s.ideaSlots([...inputs.map((i) => i.id), other.id]);
        expect(new Set(inputs.map((i) => slots.get(i.id))).size).toBe(30);
        expect([...inputs.map((i) => slots.get(i.id)!)].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
        // Slots count per board.
        expect(slots.get(other.id)).toBe(0);
      });

      it('updates the text and updatedAt, not createdAt', async () => {
        const input = newIdea(fx);
        await s.insertIdea(input);
        const now = later(input.now);
        const updated = await s.updateIdeaText(input.id, 'new text', now);
        expect(updated).toMatchObject({ text: 'new text', createdAt: input.now, updatedAt: now, deletedAt: null });
        expect(await s.getIdea(input.id)).toEqual(updated);
        expect(await s.updateIdeaText(randomUUID(), 'x', now)).toBeNull();
      });

      it('soft-deletes idempotently, keeping the first deletedAt', async () => {
        const input = newIdea(fx);
        await s.insertIdea(input);
        const first = later(input.now);
        const deleted = await s.deleteIdea(input.id, first);
        expect(deleted).toMatchObject({ text: input.text, deletedAt: first });
        expect(await s.deleteIdea(input.id, later(first))).toEqual(deleted);
        expect(await s.getIdea(input.id)).toEqual(deleted);
        expect(await s.deleteIdea(randomUUID(), first)).toBeNull();
      });

      it('lists a board oldest first, deleted ideas included', async () => {
        const board = fx.ateliers[0]!;
        const t0 = '2030-01-01T10:00:00.000Z';
        const third = newIdea(fx, { now: later(t0, 2) });
        const first = newIdea(fx, { now: t0, authorId: fx.bob.id });
        const second = newIdea(fx, { now: later(t0, 1) });
        for (const idea of [third, first, second]) await s.insertIdea(idea);
        await s.deleteIdea(second.id, later(t0, 3));
        await s.insertIdea(newIdea(fx, { atelierId: fx.ateliers[1]!.id, boardId: fx.ateliers[1]!.boardId }));

        const listed = await s.listBoardIdeas(board.boardId);
        expect(listed.map((i) => i.id)).toEqual([first.id, second.id, third.id]);
        expect(listed[1]!.deletedAt).toBe(later(t0, 3));
      });

      it("lists an author's ideas on one atelier, deleted included", async () => {
        const mine = newIdea(fx);
        const deleted = newIdea(fx, { now: later(mine.now) });
        await s.insertIdea(mine);
        await s.insertIdea(deleted);
        await s.deleteIdea(deleted.id, later(mine.now, 2));
        await s.insertIdea(newIdea(fx, { authorId: fx.bob.id }));
        await s.insertIdea(newIdea(fx, { atelierId: fx.ateliers[1]!.id, boardId: fx.ateliers[1]!.boardId }));

        const listed = await s.listAuthorIdeas(fx.alice.id, fx.ateliers[0]!.id);
        expect(listed.map((i) => i.id)).toEqual([mine.id, deleted.id]);
        expect(await s.listAuthorIdeas(randomUUID(), fx.ateliers[0]!.id)).toEqual([]);
      });
    });

    describe('board update log', () => {
      it('loads an unknown board as empty', async () => {
        expect(await s.loadBoard(randomUUID())).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
      });

      it('returns appended updates in order, byte for byte', async () => {
        const board = randomUUID();
        const updates = [bytes(0, 255, 1), bytes(), bytes(...Array.from({ length: 4096 }, (_, i) => i % 256))];
        for (const u of updates) await s.appendBoardUpdate(board, u);
        const state = await s.loadBoard(board);
        expect(state.snapshot).toBeNull();
        expect(state.updates).toEqual(updates);
        expect(state.updates[0]).toBeInstanceOf(Uint8Array);
        expect(state.lastSeq).toBeGreaterThan(0);
      });

      it('compacts into a snapshot and keeps later updates', async () => {
        const board = randomUUID();
        const other = randomUUID();
        await s.appendBoardUpdate(board, bytes(1));
        await s.appendBoardUpdate(board, bytes(2));
        await s.appendBoardUpdate(other, bytes(9));
        const { lastSeq } = await s.loadBoard(board);
        await s.compactBoard(board, bytes(1, 2), lastSeq);
        await s.appendBoardUpdate(board, bytes(3));

        const state = await s.loadBoard(board);
        expect(state.snapshot).toEqual(bytes(1, 2));
        expect(state.updates).toEqual([bytes(3)]);
        expect(state.lastSeq).toBeGreaterThan(lastSeq);
        expect((await s.loadBoard(other)).updates).toEqual([bytes(9)]);

        await s.compactBoard(board, bytes(1, 2, 3), state.lastSeq);
        expect(await s.loadBoard(board)).toEqual({ snapshot: bytes(1, 2, 3), updates: [], lastSeq: state.lastSeq });
      });

      it('keeps an update appended while a compaction runs', async () => {
        const board = randomUUID();
        await s.appendBoardUpdate(board, bytes(1));
        const loaded = await s.loadBoard(board);
        await Promise.all([s.compactBoard(board, bytes(1), loaded.lastSeq), s.appendBoardUpdate(board, bytes(2))]);
        const state = await s.loadBoard(board);
        expect(state.snapshot).toEqual(bytes(1));
        expect(state.updates).toEqual([bytes(2)]);
      });

      it('ignores a stale compaction older than the stored snapshot', async () => {
        const board = randomUUID();
        await s.appendBoardUpdate(board, bytes(1));
        const old = await s.loadBoard(board);
        await s.appendBoardUpdate(board, bytes(2));
        const recent = await s.loadBoard(board);
        await s.compactBoard(board, bytes(1, 2), recent.lastSeq);
        await s.compactBoard(board, bytes(1), old.lastSeq);
        expect(await s.loadBoard(board)).toEqual({ snapshot: bytes(1, 2), updates: [], lastSeq: recent.lastSeq });
      });

      it('loses no Yjs update when many appends race repeated compactions', async () => {
        const board = randomUUID();
        const writes = Array.from({ length: 40 }, (_, i) => s.appendBoardUpdate(board, yjsSet(`k${i}`, i)));
        const compactions = Array.from({ length: 5 }, async () => {
          const state = await s.loadBoard(board);
          const parts = state.snapshot ? [state.snapshot, ...state.updates] : state.updates;
          if (parts.length > 0) await s.compactBoard(board, Y.mergeUpdates(parts), state.lastSeq);
        });
        await Promise.all([...writes, ...compactions]);

        const state = await s.loadBoard(board);
        const doc = new Y.Doc();
        for (const u of state.snapshot ? [state.snapshot, ...state.updates] : state.updates) Y.applyUpdate(doc, u);
        expect(doc.getMap('m').size).toBe(40);
      });
    });

    describe('running the evening', () => {
      it('updates phase, modes and timer of several ateliers at once', async () => {
        const timer = { durationMs: 60_000, endsAt: 1_900_000_000_000, remainingMs: 60_000, onZero: 'lock' as const };
        await s.updateAteliers(fx.ateliers.map((a) => a.id), { phase: 'vote', privateWriting: true, moderated: true, showAuthors: false, timer });
        for (const a of await s.listAteliers(fx.event.id)) {
          expect(a).toMatchObject({ phase: 'vote', privateWriting: true, moderated: true, showAuthors: false, timer });
        }
        await s.updateAteliers([fx.ateliers[0]!.id], { timer: null, privateWriting: false });
        expect(await s.getAtelier(fx.ateliers[0]!.id)).toMatchObject({ timer: null, privateWriting: false, moderated: true });
        expect(await s.getAtelier(fx.ateliers[1]!.id)).toMatchObject({ timer, privateWriting: true });
      });

      it('stores the event timer', async () => {
        const timer = { durationMs: 5_000, endsAt: null, remainingMs: 2_500, onZero: 'notify' as const };
        await s.setEventTimer(fx.event.id, timer);
        expect((await s.getEvent(fx.event.id))?.timer).toEqual(timer);
        await s.setEventTimer(fx.event.id, null);
        expect((await s.getEvent(fx.event.id))?.timer).toBeNull();
      });

      it('creates ideas with a status, reveals private ones, counts them', async () => {
        const priv = newIdea(fx, { status: 'private' });
        const pending = newIdea(fx, { status: 'pending' });
        const visible = newIdea(fx);
        for (const i of [priv, pending, visible]) await s.insertIdea(i);
        const revealed = await s.revealIdeas(fx.ateliers[0]!.id, later(visible.now));
        expect(revealed.map((i) => [i.id, i.status])).toEqual([[priv.id, 'visible']]);
        expect(await s.revealIdeas(fx.ateliers[0]!.id, later(visible.now))).toEqual([]);
        expect((await s.getIdea(pending.id))?.status).toBe('pending');
        expect((await s.setIdeaStatus(pending.id, 'hidden', later(visible.now)))?.status).toBe('hidden');
        const counts = await s.ideaCounts(fx.event.id);
        expect(counts.sort((a, b) => a.status.localeCompare(b.status))).toEqual([
          { atelierId: fx.ateliers[0]!.id, status: 'hidden', count: 1 },
          { atelierId: fx.ateliers[0]!.id, status: 'visible', count: 2 },
        ]);
      });

      it('marks a facilitator edit as moderated', async () => {
        const i = newIdea(fx);
        await s.insertIdea(i);
        const edited = await s.moderateIdeaText(i.id, 'Texte corrigé', later(i.now));
        expect(edited).toMatchObject({ text: 'Texte corrigé', moderatedAt: later(i.now), updatedAt: later(i.now) });
      });

      it('blocks a participant and its pseudonym, once', async () => {
        const now = new Date().toISOString();
        await s.blockParticipant(fx.alice.id, fx.event.id, 'alice', now);
        await s.blockParticipant(fx.alice.id, fx.event.id, 'alice', later(now));
        expect((await s.getParticipant(fx.alice.id))?.blockedAt).toBe(now);
        expect(await s.isPseudonymBlocked(fx.event.id, 'alice')).toBe(true);
        expect(await s.isPseudonymBlocked(fx.event.id, 'bob')).toBe(false);
      });

      it('finds the owner of any token hash in one call: admin link, co-facilitator link, phone', async () => {
        const t = { id: randomUUID(), eventId: fx.event.id, atelierId: fx.ateliers[0]!.id, label: 'Claire', tokenHash: randomUUID(), createdAt: new Date().toISOString() };
        await s.createFacilitatorToken(t);
        expect(await s.findTokenOwner(fx.event.adminTokenHash)).toEqual({ kind: 'admin', event: fx.event });
        expect(await s.findTokenOwner(t.tokenHash)).toEqual({ kind: 'cofacilitator', event: fx.event, token: t });
        expect(await s.findTokenOwner(fx.alice.tokenHash)).toEqual({ kind: 'participant', event: fx.event, participant: fx.alice });
        await s.blockParticipant(fx.bob.id, fx.event.id, 'bob', '2030-01-01T00:00:00.000Z');
        expect(await s.findTokenOwner(fx.bob.tokenHash)).toEqual({ kind: 'participant', event: fx.event, participant: { ...fx.bob, blockedAt: '2030-01-01T00:00:00.000Z' } });
        expect(await s.findTokenOwner(randomUUID())).toBeNull();
      });

      it('reads what a first join needs in one statement: event by code, ateliers by position, block', async () => {
        const reads = s.calls.reads;
        const found = await s.joinContext(fx.event.joinCode, ['alice', 'alice-legacy']);
        expect(s.calls.reads - reads).toBe(1);
        const byPosition = [...fx.ateliers].sort((a, b) => a.position - b.position);
        expect(found).toEqual({ event: fx.event, ateliers: byPosition, pseudonymBlocked: false });
        expect(found?.ateliers).toEqual(await s.listAteliers(fx.event.id));
        await s.blockParticipant(fx.alice.id, fx.event.id, 'alice-legacy', new Date().toISOString());
        expect((await s.joinContext(fx.event.joinCode, ['alice', 'alice-legacy']))?.pseudonymBlocked).toBe(true);
        expect((await s.joinContext(fx.event.joinCode, ['bob']))?.pseudonymBlocked).toBe(false);
        expect((await s.joinContext(fx.event.joinCode, []))?.pseudonymBlocked).toBe(false);
        expect(await s.joinContext(joinCode(), ['alice'])).toBeNull();
        // An event without ateliers still comes back (one row of empty atelier columns).
        const bare = eventRecord();
        await s.createEvent(bare, []);
        expect(await s.joinContext(bare.joinCode, ['x'])).toEqual({ event: bare, ateliers: [], pseudonymBlocked: false });
      });

      it('counts the statements it sends: reads, writes and transactions', async () => {
        const before = { ...s.calls };
        await s.getEvent(fx.event.id);
        await s.updateParticipant(fx.alice.id, { pseudonym: 'Alix' });
        await s.blockParticipant(fx.bob.id, fx.event.id, 'bob', new Date().toISOString());
        expect(s.calls.reads - before.reads).toBe(1);
        // The update, then the block's two statements in its one transaction.
        expect(s.calls.writes - before.writes).toBe(3);
        expect(s.calls.transactions - before.transactions).toBe(1);
      });

      it('stores co-facilitator tokens and the moderation log, newest first', async () => {
        const t = { id: randomUUID(), eventId: fx.event.id, atelierId: fx.ateliers[1]!.id, label: 'Claire', tokenHash: randomUUID(), createdAt: new Date().toISOString() };
        await s.createFacilitatorToken(t);
        expect(await s.getFacilitatorTokenByHash(t.tokenHash)).toEqual(t);
        expect(await s.getFacilitatorTokenByHash(randomUUID())).toBeNull();
        const base = { eventId: fx.event.id, atelierId: null, actor: 'animation', target: 'x', details: '' };
        await s.logModeration({ ...base, action: 'first', at: '2030-01-01T00:00:00.000Z' });
        await s.logModeration({ ...base, action: 'second', at: '2030-01-01T00:00:01.000Z' });
        expect((await s.listModeration(fx.event.id, 10)).map((e) => e.action)).toEqual(['second', 'first']);
        expect(await s.listModeration(fx.event.id, 1)).toHaveLength(1);
      });
    });

    describe('votes and candidates', () => {
      const session = (atelierId: string | null) => ({
        id: randomUUID(), eventId: fx.event.id, atelierId, config: { ...DEFAULT_VOTE_CONFIG }, status: 'open' as const, openedAt: new Date().toISOString(), closedAt: null,
      });

      it('keeps the budget under concurrent casts of one participant, and counts an op once', async () => {
        const s1 = session(fx.ateliers[0]!.id);
        await s.votes.createSession(s1);
        await s.votes.syncItems(s1.id, [{ itemId: 'a', title: 'A', ideaIds: [], position: 0 }, { itemId: 'b', title: 'B', ideaIds: [], position: 1 }]);
        const budget = (mine: Record<string, number>) => (Object.values(mine).reduce((x, y) => x + y, 0) >= 5 ? ('VOTE_BUDGET_SPENT' as const) : null);
        const outcomes = await Promise.all(
          Array.from({ length: 20 }, (_, i) => s.votes.castDot({ sessionId: s1.id, participantId: fx.alice.id, itemId: i % 2 ? 'a' : 'b', delta: 1, opId: randomUUID(), at: 'x' }, budget)),
        );
        expect(outcomes.filter((o) => o.ok)).toHaveLength(5);
        const mine = await s.votes.myDots(s1.id, fx.alice.id);
        expect(Object.values(mine).reduce((x, y) => x + y, 0)).toBe(5);
        const opId = randomUUID();
        const free = () => null;
        await s.votes.castDot({ sessionId: s1.id, participantId: fx.bob.id, itemId: 'a', delta: 1, opId, at: 'x' }, free);
        await Promise.all([1, 2, 3].map(() => s.votes.castDot({ sessionId: s1.id, participantId: fx.bob.id, itemId: 'a', delta: 1, opId, at: 'x' }, free)));
        expect(await s.votes.myDots(s1.id, fx.bob.id)).toEqual({ a: 1 });
      });

      it('withdraws vanished items, returning their dots, and reopens sessions', async () => {
        const s1 = session(fx.ateliers[1]!.id);
        await s.votes.createSession(s1);
        await s.votes.syncItems(s1.id, [{ itemId: 'a', title: 'A', ideaIds: ['i1'], position: 0 }, { itemId: 'b', title: 'B', ideaIds: [], position: 1 }]);
        await s.votes.castDot({ sessionId: s1.id, participantId: fx.alice.id, itemId: 'b', delta: 1, opId: randomUUID(), at: 'x' }, () => null);
        await s.votes.rate(s1.id, fx.alice.id, 'b', 3, 2);
        await s.votes.syncItems(s1.id, [{ itemId: 'a', title: 'A2', ideaIds: ['i1', 'i2'], position: 0 }]);
        expect((await s.votes.listItems(s1.id)).map((i) => [i.itemId, i.title, i.withdrawn])).toEqual([['a', 'A2', false], ['b', 'B', true]]);
        expect(await s.votes.allDots(s1.id)).toEqual([]);
        expect(await s.votes.allRatings(s1.id)).toEqual([]);
        await s.votes.setSessionStatus(s1.id, 'closed', 'later');
        expect((await s.votes.getSession(s1.id))?.closedAt).toBe('later');
        await s.votes.setSessionStatus(s1.id, 'open', 'again');
        expect(await s.votes.latestSession(fx.event.id, fx.ateliers[1]!.id)).toMatchObject({ id: s1.id, status: 'open', closedAt: null });
        expect(await s.votes.latestSession(fx.event.id, null)).toBeNull();
      });

      it('stores candidates once per source and keeps their edits', async () => {
        const base = {
          id: randomUUID(), eventId: fx.event.id, atelierId: fx.ateliers[0]!.id, source: { kind: 'cluster' as const, id: 'c1' }, title: 'Navette', besoin: '', ressources: '',
          stakeholders: [], porteur: '', nextSteps: '', modeleEconomique: '', steps: [], history: [], status: 'idee' as const, ideaIds: ['i1'], votes: { dots: 3, voters: 2, rank: 1 }, createdAt: '2030-01-01', updatedAt: '2030-01-01',
        };
        expect((await s.candidates.insert(base)).created).toBe(true);
        const again = await s.candidates.insert({ ...base, id: randomUUID() });
        expect(again).toEqual({ candidate: base, created: false });
        await s.candidates.update({ ...base, porteur: 'Mairie', updatedAt: '2030-01-02' });
        expect((await s.candidates.get(base.id))?.porteur).toBe('Mairie');
        expect((await s.candidates.list(fx.event.id)).map((c) => c.id)).toEqual([base.id]);
      });
    });

    describe('migrations', () => {
      it('migrate() again, even concurrently, changes nothing', async () => {
        await s.migrate();
        await Promise.all([s.migrate(), s.migrate()]);
        expect(await s.getEvent(fx.event.id)).toEqual(fx.event);
      });
    });

    // Last: it replaces the shared storage with a reopened one.
    describe('durability', () => {
      it('keeps everything across close and reopen', async () => {
        const idea = newIdea(fx);
        await s.insertIdea(idea);
        const board = fx.ateliers[0]!.boardId;
        await s.appendBoardUpdate(board, bytes(7, 7));
        await s.close();

        s = await open();
        expect(await s.getEvent(fx.event.id)).toEqual(fx.event);
        expect(await s.listAteliers(fx.event.id)).toHaveLength(3);
        expect(await s.getParticipant(fx.alice.id)).toEqual(fx.alice);
        expect(await s.getIdea(idea.id)).toMatchObject({ text: idea.text });
        expect((await s.loadBoard(board)).updates).toEqual([bytes(7, 7)]);
      });
    });
  });
}

interface Fixture {
  event: EventRecord;
  ateliers: Atelier[];
  alice: ParticipantRecord;
  bob: ParticipantRecord;
}

/** An event with three ateliers inserted out of position order, and two participants. */
async function seed(s: Storage): Promise<Fixture> {
  const event = eventRecord();
  const ateliers = [2, 0, 1].map((position) => atelierRecord(event.id, position));
  await s.createEvent(event, ateliers);
  const alice = participantRecord(event.id, 'Alice', ateliers[1]!.id);
  const bob = participantRecord(event.id, 'Bob', null);
  await s.createParticipant(alice);
  await s.createParticipant(bob);
  return { event, ateliers, alice, bob };
}

function eventRecord(): EventRecord {
  return {
    id: randomUUID(),
    name: 'Assises du territoire',
    date: '2030-06-12',
    place: 'Salle des fêtes',
    retentionDays: 30,
    joinCode: joinCode(),
    adminTokenHash: randomUUID(),
    createdAt: new Date().toISOString(),
    timer: null,
  };
}

function atelierRecord(eventId: string, position: number): Atelier {
  return {
    id: randomUUID(),
    eventId,
    position,
    title: `Atelier ${position}`,
    theme: 'Mobilités',
    question: 'Comment venir sans voiture ?',
    boardKind: 'mur',
    boardId: randomUUID(),
    phase: 'ideation',
    privateWriting: false,
    moderated: false,
    showAuthors: true,
    timer: null,
    vote: DEFAULT_VOTE_CONFIG,
  };
}

function participantRecord(eventId: string, pseudonym: string, atelierId: string | null): ParticipantRecord {
  return { id: randomUUID(), eventId, pseudonym, tokenHash: randomUUID(), atelierId, createdAt: new Date().toISOString(), blockedAt: null };
}

/** Alice's idea on the first atelier (position 2) unless overridden. */
function newIdea(fx: Fixture, overrides: Partial<NewIdea> = {}): NewIdea {
  const atelier = fx.ateliers[0]!;
  return {
    id: randomUUID(),
    eventId: fx.event.id,
    atelierId: atelier.id,
    boardId: atelier.boardId,
    authorId: fx.alice.id,
    text: 'Des navettes le samedi',
    now: new Date().toISOString(),
    ...overrides,
  };
}

function joinCode(): string {
  return Array.from({ length: 6 }, () => JOIN_CODE_ALPHABET[Math.floor(Math.random() * JOIN_CODE_ALPHABET.length)]).join('');
}

function later(iso: string, seconds = 1): string {
  return new Date(Date.parse(iso) + seconds * 1000).toISOString();
}

function bytes(...values: number[]): Uint8Array {
  return new Uint8Array(values);
}

function yjsSet(key: string, value: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}
