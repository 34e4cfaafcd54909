/** The storage contract (contract.ts) on events, their ateliers and their participants. */
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { PSEUDONYM_MAX, pseudonymChoice } from '@semis/shared';
import { UniqueViolationError, type Storage } from '../../server/src/storage/index';
import { atelierRecord, eventRecord, joinCode, participantRecord, type Fixture, type Shared } from './contract-fixture';

export function describeEventContract(shared: Shared): void {
  // Taken from `shared` before each test: contract.ts seeds a fixture per test and may reopen the storage.
  let s: Storage, fx: Fixture;
  describe('events', () => {
    beforeEach(() => void ({ s, fx } = shared));

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
    beforeEach(() => void ({ s, fx } = shared));

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
    beforeEach(() => void ({ s, fx } = shared));

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
}
