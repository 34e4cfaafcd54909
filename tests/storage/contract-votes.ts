/** The storage contract (contract.ts) on vote sessions and project candidates. */
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_VOTE_CONFIG } from '@semis/shared';
import type { Storage } from '../../server/src/storage/index';
import type { Fixture, Shared } from './contract-fixture';

export function describeVoteContract(shared: Shared): void {
  // Taken from `shared` before each test: contract.ts seeds a fixture per test and may reopen the storage.
  let s: Storage, fx: Fixture;
  describe('votes and candidates', () => {
    beforeEach(() => void ({ s, fx } = shared));

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
}
