/** The storage contract (contract.ts) on ideas and on the boards' update logs. */
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Storage } from '../../server/src/storage/index';
import { bytes, later, newIdea, type Fixture, type Shared } from './contract-fixture';

export function describeIdeaContract(shared: Shared): void {
  // Taken from `shared` before each test: contract.ts seeds a fixture per test and may reopen the storage.
  let s: Storage, fx: Fixture;
  describe('ideas', () => {
    beforeEach(() => void ({ s, fx } = shared));

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
    beforeEach(() => void ({ s, fx } = shared));

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
}

function yjsSet(key: string, value: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}
