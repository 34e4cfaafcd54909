/** The storage contract (contract.ts) on running the evening: phases, timers, moderation, blocking, tokens, joins. */
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../server/src/storage/index';
import { eventRecord, joinCode, later, newIdea, type Fixture, type Shared } from './contract-fixture';

export function describeEveningContract(shared: Shared): void {
  // Taken from `shared` before each test: contract.ts seeds a fixture per test and may reopen the storage.
  let s: Storage, fx: Fixture;
  describe('running the evening', () => {
    beforeEach(() => void ({ s, fx } = shared));

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
}
