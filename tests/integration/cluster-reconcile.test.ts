import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { C, readIdeaCards } from '@semis/shared';
import { call, must, openBoard, participant, sleep, waitFor } from '../support/harness';
import { twoProcessesAvailable, useTwoProcesses } from '../support/two-processes';

/**
 * A process opening a board makes its document show exactly the stored, visible ideas. Cards
 * another process posts while that read is out are newer than it: CI once lost 5 of 450 cards
 * from a wall this way (the loading process took them off as "not stored").
 */
const available = await twoProcessesAvailable('reconciling a board across processes');

describe.skipIf(!available)('a board opening on a second process while the first takes posts', () => {
  const cluster = useTwoProcesses();
  const { suite } = cluster;

  it('keeps the cards posted meanwhile, and shows every stored idea on both processes', async () => {
    const { a, b, ev } = cluster;
    const atelierId = ev.ateliers[0]!.id;
    const boardId = ev.ateliers[0]!.boardId;
    const phone = await participant(a.url, ev.event.joinCode, 'Aline', atelierId);
    suite.open.push(phone.socket);
    const post = (text: string) => call(phone.socket, C.postIdea, { id: randomUUID(), atelierId, text });
    must(await post('avant'));

    // B's read of the board's ideas comes back, then five posts go through A before B uses it.
    const storage = b.semis.storage;
    const list = storage.listBoardIdeas.bind(storage);
    storage.listBoardIdeas = async (id) => {
      const ideas = await list(id);
      for (let i = 0; i < 5; i++) must(await post(`pendant ${i}`));
      await sleep(300); // A's cards reach B through Redis.
      return ideas;
    };
    const wallB = openBoard(b.url, boardId, ev.adminToken);
    suite.boards.push(wallB);
    await wallB.synced;
    storage.listBoardIdeas = list;
    must(await post('après'));

    const wallA = openBoard(a.url, boardId, ev.adminToken);
    suite.boards.push(wallA);
    await wallA.synced;
    for (const wall of [wallA, wallB]) {
      await waitFor(() => readIdeaCards(wall.doc).length >= 7, 5000, 'seven cards').catch(() => {});
      expect(readIdeaCards(wall.doc).map((c) => c.text).sort()).toEqual(['après', 'avant', 'pendant 0', 'pendant 1', 'pendant 2', 'pendant 3', 'pendant 4']);
    }
  }, 60_000);
});
