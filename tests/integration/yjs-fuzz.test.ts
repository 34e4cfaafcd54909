import { randomUUID } from 'node:crypto';
import type WS from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { beforeAll, expect, it } from 'vitest';
import { C, readIdeaCards, type CreateEventResult, type IdeaView, type JoinResult } from '@semis/shared';
import { api, call, connect, createEvent, must, openBoard, useServer, waitFor, type Client } from '../support/harness';
import { adminGroup, boardOf, joinPerson } from '../support/posters';
import { seeded } from '../support/random';
import { awarenessMessage, awarenessUpdate, openRaw, syncMessage, updateMessage, wsUrl } from '../support/yjsRaw';

/**
 * Hostile y-websocket traffic for a few seconds (SEMIS_FUZZ_MS, default 3 s; `npm run
 * fuzz:yjs` runs a minute), seeded (SEMIS_FUZZ_SEED) so a failure replays: random bytes,
 * truncated varints, huge lengths, unknown types, clock gaps, awareness floods, replays of real
 * frames, and random edits through the official provider — while an honest phone posts ideas
 * and reads them on the wall. The server must stay up, the phone keep its latency, memory stay
 * bounded, and the phone's document converge with the server's.
 */
const FUZZ_MS = Number(process.env.SEMIS_FUZZ_MS ?? 3000);
const SEED = Number(process.env.SEMIS_FUZZ_SEED ?? 20261130);
/** The test process holds the server and every client. */
const RSS_BOUND = 1024 * 1024 * 1024;
const ATTACKERS = 6;

const suite = useServer();
let ev: CreateEventResult;
let phone: JoinResult;
let socket: Client;
let posterId: string;
/** Attackers, each its own participant: half write the group's poster, half read the wall. */
const attackers: { token: string; boardId: string }[] = [];

beforeAll(async () => {
  ev = await createEvent(suite.server.url, 1);
  socket = await connect(suite.server.url);
  suite.open.push(socket);
  phone = must(await call<JoinResult>(socket, C.join, { code: ev.event.joinCode, pseudonym: 'Honnête' }));
  const group = await adminGroup(suite.server.url, ev, 'Les fuzzeurs');
  posterId = boardOf(group, 'poster');
  for (let i = 0; i < ATTACKERS; i++) {
    const p = await joinPerson(suite.server.url, ev, `Fuzz${i}`);
    if (i % 2 === 0) must(await call(p.socket, C.joinGroup, { groupId: group.group.id }));
    attackers.push({ token: p.token, boardId: i % 2 === 0 ? posterId : ev.ateliers[0]!.boardId });
    p.socket.disconnect();
  }
});

function varint(enc: encoding.Encoder, n: number) {
  encoding.writeVarUint(enc, n);
}

/** One hostile frame; `seen` holds real frames to replay. */
function frame(rand: () => number, seen: Uint8Array[]): Uint8Array {
  const pick = Math.floor(rand() * 9);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
  const enc = encoding.createEncoder();
  switch (pick) {
    case 0:
      return bytes(Math.floor(rand() * 300));
    case 1: // truncated varints
      return Uint8Array.from([Math.floor(rand() * 4), ...Array.from({ length: 1 + Math.floor(rand() * 9) }, () => 0x80 | Math.floor(rand() * 128))]);
    case 2: // a huge declared length, few bytes behind it
      varint(enc, Math.floor(rand() * 2));
      varint(enc, Math.floor(rand() * 3));
      varint(enc, 2 ** 31 + Math.floor(rand() * 2 ** 20));
      encoding.writeUint8Array(enc, bytes(8));
      return encoding.toUint8Array(enc);
    case 3: // unknown message and sync types
      varint(enc, rand() < 0.5 ? 4 + Math.floor(rand() * 1000) : 0);
      varint(enc, 3 + Math.floor(rand() * 100));
      encoding.writeUint8Array(enc, bytes(16));
      return encoding.toUint8Array(enc);
    case 4: {
      // a clock gap: the struct's first clock was never sent
      const doc = new Y.Doc();
      doc.getMap('layout').set('a', 1);
      const sv = Y.encodeStateVector(doc);
      doc.getMap('layout').set(randomUUID(), 'x'.repeat(Math.floor(rand() * 20_000)));
      return updateMessage(Y.encodeStateAsUpdate(doc, sv));
    }
    case 5: // awareness flood
      return awarenessMessage(awarenessUpdate(Array.from({ length: 1 + Math.floor(rand() * 2000) }, (_, i) => ({ clientId: Math.floor(rand() * 2 ** 30) + i, clock: 1, state: { user: 'f'.repeat(Math.floor(rand() * 100)) } }))));
    case 6: // a replay of something real
      return seen.length > 0 ? seen[Math.floor(rand() * seen.length)]! : bytes(4);
    case 7: // a state vector that lies
      return syncMessage(0, bytes(Math.floor(rand() * 40)));
    default: {
      // a valid edit, sometimes to the server-only ideas map
      const doc = new Y.Doc();
      const map = doc.getMap(rand() < 0.3 ? 'ideas' : 'layout');
      map.set(randomUUID(), { id: 'x', text: 'forgé', x: rand() * 1000, y: rand() * 1000 });
      return updateMessage(Y.encodeStateAsUpdate(doc));
    }
  }
}

it(
  'survives seeded hostile frames while an honest phone keeps posting and reading',
  async () => {
    const rand = seeded(SEED);
    const boardId = ev.ateliers[0]!.boardId;
    const atelierId = ev.ateliers[0]!.id;
    const reader = openBoard(suite.server.url, boardId, phone.token);
    const editor = openBoard(suite.server.url, boardId, ev.adminToken);
    const posterEditor = openBoard(suite.server.url, posterId, ev.adminToken);
    await Promise.all([reader.synced, editor.synced, posterEditor.synced]);
    const seen: Uint8Array[] = [];
    let sent = 0;
    let closed = 0;
    const sockets: (WS | null)[] = Array.from({ length: ATTACKERS }, () => null);
    const opening = new Set<number>();
    const ensure = (i: number) => {
      if (sockets[i] || opening.has(i)) return;
      opening.add(i);
      openRaw(wsUrl(suite.server.url, attackers[i]!.boardId, attackers[i]!.token))
        .then((ws) => {
          ws.on('message', (m: Buffer) => seen.length < 200 && seen.push(new Uint8Array(m)));
          ws.on('close', () => {
            closed += 1;
            sockets[i] = null;
          });
          ws.on('error', () => {});
          sockets[i] = ws;
        })
        .catch(() => {})
        .finally(() => opening.delete(i));
    };

    const latencies: number[] = [];
    const start = Date.now();
    let maxRss = 0;
    let posts = 0;
    // The honest phone posts and waits to see each idea on its wall, alongside the attack.
    const honest = (async () => {
      while (Date.now() - start < FUZZ_MS) {
        posts += 1;
        const t0 = Date.now();
        const idea = must(await call<{ idea: IdeaView }>(socket, C.postIdea, { id: randomUUID(), atelierId, text: `Idée ${posts}` })).idea;
        await waitFor(() => readIdeaCards(reader.doc).some((c) => c.id === idea.id), 5000, `idea ${posts} on the phone's wall`);
        latencies.push(Date.now() - t0);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    while (Date.now() - start < FUZZ_MS) {
      for (let i = 0; i < ATTACKERS; i++) {
        ensure(i);
        const ws = sockets[i];
        if (ws && ws.readyState === ws.OPEN) {
          for (let k = 0; k < 10; k++) ws.send(frame(rand, seen));
          sent += 10;
        }
      }
      // The official provider, editing at random (including the server-only map).
      editor.doc.getMap(rand() < 0.2 ? 'ideas' : 'layout').set(`e${Math.floor(rand() * 50)}`, { x: rand() * 100, y: rand() * 100 });
      posterEditor.doc.getMap('shapes').set(`s${Math.floor(rand() * 50)}`, { x: rand() * 100 });
      maxRss = Math.max(maxRss, process.memoryUsage().rss);
      await new Promise((r) => setTimeout(r, 2));
    }
    await honest;
    for (const ws of sockets) ws?.terminate();

    expect((await api(suite.server.url, '/api/health')).status).toBe(200);
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))]!;
    console.log(`[fuzz:yjs] seed ${SEED}, ${FUZZ_MS} ms: ${sent} hostile frames, ${closed} attacker connections closed, ${posts} posts, phone latency p99 ${p99} ms, max RSS ${(maxRss / 2 ** 20).toFixed(0)} MB`);
    expect(posts).toBeGreaterThan(0);
    expect(p99).toBeLessThan(3000); // generous: the machine running the suite is shared
    expect(maxRss).toBeLessThan(RSS_BOUND);

    // Honest clients converge with the server, and no forged card got through.
    const room = await suite.server.semis.registry.use(boardId, (r) => r);
    const poster = await suite.server.semis.registry.use(posterId, (r) => r);
    const sameAs = (doc: Y.Doc, server: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).equals(Buffer.from(Y.encodeStateVector(server)));
    await waitFor(() => sameAs(reader.doc, room.doc), 5000, 'phone converged');
    await waitFor(() => sameAs(editor.doc, room.doc), 5000, 'wall editor converged');
    await waitFor(() => sameAs(posterEditor.doc, poster.doc), 5000, 'poster editor converged');
    expect(readIdeaCards(room.doc).map((c) => c.text).every((t) => t.startsWith('Idée'))).toBe(true);
    expect(room.doc.getMap('ideas').size).toBe(readIdeaCards(room.doc).length);
    expect(poster.pendingBytes).toBeLessThanOrEqual(256 * 1024);
    for (const b of [reader, editor, posterEditor]) b.destroy();
  },
  FUZZ_MS + 40_000,
);
