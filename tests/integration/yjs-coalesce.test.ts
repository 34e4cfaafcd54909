import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import { C, readIdeaCards } from '@semis/shared';
import { call, createEvent, must, openBoard, participant, useServers, waitFor, type TestServer } from '../support/harness';
import { inbox, openRaw, syncMessage, wsUrl } from '../support/yjsRaw';

/** Issue #13: a board's pipeline adds no fixed delay on a quiet board, and merges under load
 * (`persistDebounceMs` is the coalescing window, not a wait every edit pays). */
const servers = useServers();

/** The coalescing window of the first test: long, so that waiting it out cannot pass unseen. */
const WINDOW = 5000;

const stateVector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64');

async function storedDoc(server: TestServer, boardId: string): Promise<Y.Doc> {
  const state = await server.semis.storage.loadBoard(boardId);
  const doc = new Y.Doc();
  for (const part of state.snapshot ? [state.snapshot, ...state.updates] : state.updates) Y.applyUpdate(doc, part);
  return doc;
}

describe('coalescing under load, not when idle', () => {
  it('sends an edit on a quiet board right after its commit, whatever the window', async () => {
    const server = await servers.start({ config: { persistDebounceMs: WINDOW } });
    const ev = await createEvent(server.url, 1);
    const boardId = ev.ateliers[0]!.boardId;
    const writer = openBoard(server.url, boardId, ev.adminToken);
    const reader = openBoard(server.url, boardId, ev.adminToken);
    await Promise.all([writer.synced, reader.synced]);
    const room = await server.semis.registry.use(boardId, (r) => r);
    // Loading the board wrote its layout, a batch: once its window is over, the board is quiet.
    await room.flush();
    await new Promise((r) => setTimeout(r, WINDOW + 100));

    writer.doc.getMap('layout').set('first', { x: 1, y: 1 });
    // Sooner than the window (in practice, milliseconds): the batch started at once.
    await waitFor(() => reader.doc.getMap('layout').has('first'), WINDOW - 1000, 'the isolated edit');
    // Seen means stored: the reader got it only after the log had it.
    expect((await storedDoc(server, boardId)).getMap('layout').has('first')).toBe(true);

    // A second edit right after is under load: it gathers in the window the first one opened…
    writer.doc.getMap('layout').set('second', { x: 2, y: 2 });
    await waitFor(() => room.doc.getMap('layout').has('second'), 5000, 'the second edit applied');
    await new Promise((r) => setTimeout(r, 500));
    expect(reader.doc.getMap('layout').has('second')).toBe(false);
    expect((await storedDoc(server, boardId)).getMap('layout').has('second')).toBe(false);
    // …which a flush (unload, shutdown) cuts short.
    await room.flush();
    await waitFor(() => reader.doc.getMap('layout').has('second'), 20_000, 'the flushed edit');
    for (const c of [writer, reader]) c.destroy();
  }, 60_000);

  it('merges a burst of posts into fewer frames than posts; every reader converges to the stored document', async () => {
    const server = await servers.start({ config: { persistDebounceMs: 20 } });
    const ev = await createEvent(server.url, 1);
    const atelier = ev.ateliers[0]!;
    const phones = await Promise.all(Array.from({ length: 30 }, (_, i) => participant(server.url, ev.event.joinCode, `Tel ${i}`, atelier.id)));
    servers.open.push(...phones.map((p) => p.socket));
    const raw = await openRaw(wsUrl(server.url, atelier.boardId, phones[0]!.join.token));
    const rawDoc = new Y.Doc();
    const frames = inbox(raw, (m) => m.sync !== undefined && m.sync > 0 && Y.applyUpdate(rawDoc, m.payload));
    raw.send(syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(rawDoc)));
    const reader = openBoard(server.url, atelier.boardId, phones[1]!.join.token);
    await reader.synced;
    const room = await server.semis.registry.use(atelier.boardId, (r) => r);
    await room.flush();
    await new Promise((r) => setTimeout(r, 100));
    const before = frames.filter((m) => m.sync === syncProtocol.messageYjsUpdate).length;

    // 60 posts at the same instant, two per phone.
    const ids = phones.flatMap(() => [randomUUID(), randomUUID()]);
    await Promise.all(ids.map((id, i) => call(phones[i % phones.length]!.socket, C.postIdea, { id, atelierId: atelier.id, text: `Rafale ${i}` }).then(must)));
    await waitFor(() => readIdeaCards(rawDoc).length === ids.length, 20_000, 'every post on the raw reader');
    await waitFor(() => readIdeaCards(reader.doc).length === ids.length, 20_000, 'every post on the provider reader');

    const sent = frames.filter((m) => m.sync === syncProtocol.messageYjsUpdate).length - before;
    console.log(`[yjs-coalesce] 60 simultaneous posts reached a reader in ${sent} frames`);
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(ids.length / 2);
    await room.flush();
    const stored = stateVector(await storedDoc(server, atelier.boardId));
    expect(stateVector(room.doc)).toBe(stored);
    await waitFor(() => stateVector(rawDoc) === stored && stateVector(reader.doc) === stored, 5000, 'readers at the stored state vector');
    raw.close();
    reader.destroy();
  }, 60_000);
});
