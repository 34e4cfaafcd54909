import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { C } from '@semis/shared';
import * as Y from 'yjs';
import { call, createEvent, must, participant, useServer, waitFor } from '../support/harness';
import type { RoomListener, UpdateBatch } from '../../server/src/yjs/room';
import { SLICE_MS, cpuMs } from '../../server/src/limits/loopSlice';

/** A step using `ms` of CPU (slices count CPU time, so a loaded machine changes nothing). */
const burn = (ms: number) => {
  const end = cpuMs() + ms;
  while (cpuMs() < end) { /* CPU-bound step */ }
};

/** Idea cards carried by these frames, applied in order to an empty document. */
function countCards(frames: UpdateBatch[]): number {
  const doc = new Y.Doc();
  for (const f of frames) Y.applyUpdate(doc, f.update);
  return doc.getMap('ideas').size;
}

/**
 * Issue #13: a group commit answers a whole burst of posts at once. Their continuations (the
 * ack, the card released to the board, the author's pushes) share the event loop: past a
 * slice, the rest wait for the next turns, so timers (and `time:sync`) run in between.
 */
describe('a burst answered by one group commit', () => {
  // No coalescing window: only the pipeline's own ordering keeps the burst in one frame.
  const suite = useServer({ config: { sqliteSynchronous: 'FULL', persistDebounceMs: 0 } });

  it('runs its posts continuations in slices, timers in between, and sends their cards in one frame', async () => {
    const ev = await createEvent(suite.server.url, 1);
    const atelier = ev.ateliers[0]!;
    const phones = await Promise.all(Array.from({ length: 8 }, (_, i) => participant(suite.server.url, ev.event.joinCode, `P${i}`, atelier.id)));
    suite.open.push(...phones.map((p) => p.socket));
    const storage = suite.server.semis.storage;
    // What the board's connections receive, counted where the room hands it out.
    const frames: UpdateBatch[] = [];
    const counter: RoomListener = { sendUpdate: (batch) => void frames.push(batch), sendAwareness() {} };
    await suite.server.semis.registry.use(atelier.boardId, (room) => void room.listeners.add(counter));
    // Each post's continuation after its commit costs 1 ms of CPU here (what 150 acks and
    // their pushes cost on the bench machine), counted between two ticks of a 1 ms timer.
    const insertIdea = storage.insertIdea;
    let sinceTick = 0;
    let mostBetweenTicks = 0;
    storage.insertIdea = async (...args) => {
      const outcome = await insertIdea(...args);
      burn(1);
      sinceTick += 1;
      return outcome;
    };
    const timer = setInterval(() => {
      mostBetweenTicks = Math.max(mostBetweenTicks, sinceTick);
      sinceTick = 0;
    }, 1);
    try {
      // The first commit stalls: the 40 posts behind it go into the next one together.
      storage.stallCommits!(300);
      const acks = await Promise.all(
        phones.flatMap((p) => Array.from({ length: 5 }, (_, i) => call(p.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: `idée ${i}` }, 10_000))),
      );
      for (const ack of acks) must(ack);
    } finally {
      clearInterval(timer);
      storage.insertIdea = insertIdea;
    }
    mostBetweenTicks = Math.max(mostBetweenTicks, sinceTick);
    // One turn for the whole group would be 40; a slice runs past SLICE_MS by about one step.
    expect(mostBetweenTicks).toBeLessThanOrEqual(SLICE_MS + 3);
    // The cards released slice after slice still go out together: the first post's own frame,
    // then one for the 39 committed with it (not one per slice, each to every connection).
    await waitFor(() => countCards(frames) === 40, 5000, 'the 40 cards sent');
    expect(frames.length).toBeLessThanOrEqual(2);
  });
});
