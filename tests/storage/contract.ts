import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../server/src/storage/index';
import { describeEveningContract } from './contract-evening';
import { describeEventContract } from './contract-events';
import { bytes, newIdea, seed, type Fixture, type Shared } from './contract-fixture';
import { describeIdeaContract } from './contract-ideas';
import { describeVoteContract } from './contract-votes';

/**
 * The behaviour every Storage must have. `open` must return a storage on the same database
 * each time it is called (the durability test closes and reopens it). Tests never clean up
 * between themselves: every record has fresh random ids and join codes.
 *
 * One entry per driver runs every part (contract-*.ts, by subject) on one storage, in this order.
 */
export function describeStorageContract(
  name: string,
  open: () => Promise<Storage>,
  cleanup: () => Promise<void> = async () => {},
): void {
  describe(`Storage contract: ${name}`, () => {
    let s: Storage;
    let fx: Fixture;
    const shared: Shared = { get s() { return s; }, get fx() { return fx; } };

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

    describeEventContract(shared);
    describeIdeaContract(shared);
    describeEveningContract(shared);
    describeVoteContract(shared);

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
