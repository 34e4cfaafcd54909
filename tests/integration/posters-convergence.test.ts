import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { C, type CreateEventResult } from '@semis/shared';
import { posterMaps, putShapes, readShapes, removeShapes, type Shape } from '@semis/shared/posters';
import { call, createEvent, must, openBoard, sleep, useServer, waitFor, type BoardClient } from '../support/harness';
import { adminGroup, boardOf, joinPerson, type Person } from '../support/posters';
import { seeded } from '../support/random';

/**
 * Six members of one group draw on one poster at once through real y-websocket providers,
 * with random pauses and connections dropped and restored (seeded: SEED=… replays a run).
 * Every replica, and the server's, must end identical.
 */
const SEED = Number(process.env.SEED ?? 20260608);

const suite = useServer();
let ev: CreateEventResult;
let people: Person[];

beforeAll(async () => {
  ev = await createEvent(suite.server.url, 1);
  people = await Promise.all(['Léa', 'Marc', 'Zoé', 'Paul', 'Inès', 'Yann'].map((n) => joinPerson(suite.server.url, ev, n)));
  suite.open.push(...people.map((p) => p.socket));
});

describe('six members editing one poster', () => {
  it('converge to the same document through random delays and reconnects', async () => {
    const group = await adminGroup(suite.server.url, ev, 'La table 3');
    for (const p of people) must(await call(p.socket, C.joinGroup, { groupId: group.group.id }));
    const poster = boardOf(group, 'poster');
    const clients: BoardClient[] = people.map((p) => openBoard(suite.server.url, poster, p.token));
    await Promise.all(clients.map((c) => c.synced));
    const rand = seeded(SEED);

    await Promise.all(
      clients.map(async (c, who) => {
        for (let step = 0; step < 25; step++) {
          await sleep(Math.floor(rand() * 15));
          const r = rand();
          const mine = readShapes(c.doc);
          if (r < 0.5 || mine.length === 0) {
            putShapes(c.doc, [shape(`m${who}-${step}`, rand)]);
          } else if (r < 0.8) {
            // Everyone moves whatever they see, often the same shapes as the others.
            const target = mine[Math.floor(rand() * mine.length)]!;
            putShapes(c.doc, [{ ...target, x: Math.round(rand() * 1000), y: Math.round(rand() * 800) }]);
          } else if (r < 0.9) {
            removeShapes(c.doc, [mine[Math.floor(rand() * mine.length)]!.id]);
          } else {
            // Drop the connection and come back, editing meanwhile.
            c.provider.disconnect();
            putShapes(c.doc, [shape(`off${who}-${step}`, rand)]);
            await sleep(Math.floor(rand() * 40));
            c.provider.connect();
          }
        }
      }),
    );

    const serverState = () => suite.server.semis.registry.use(poster, (room) => Y.encodeStateVector(room.doc));
    await waitFor(async () => {
      const sv = await serverState();
      return clients.every((c) => c.provider.synced && equalBytes(Y.encodeStateVector(c.doc), sv));
    }, 10_000, 'every replica synced with the server');

    const expected = await suite.server.semis.registry.use(poster, (room) => canonical(room.doc));
    for (const c of clients) expect(canonical(c.doc)).toBe(expected);
    const keys = (JSON.parse(expected) as [string, unknown][]).map(([k]) => k);
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.some((k) => k.startsWith('off'))).toBe(true);
    for (const c of clients) c.destroy();
  });
});

function shape(id: string, rand: () => number): Shape {
  const x = Math.round(rand() * 1000);
  const y = Math.round(rand() * 800);
  const common = { id, z: rand(), domain: 'organisation' as const, color: '#5b3a8c', x, y, rotation: 0, scaleX: 1, scaleY: 1 };
  return rand() < 0.5
    ? { ...common, type: 'symbol', symbol: 'maillage.point', size: 24, label: id }
    : { ...common, type: 'line', symbol: 'dynamique.ligne', points: [0, 0, 50, 20, 90, -10], arrow: 'end', dashed: false, width: 5, label: '' };
}

/** Y.Map iteration order follows local insertion, which differs between replicas: sort keys. */
function canonical(doc: Y.Doc): string {
  const json = posterMaps(doc).shapes.toJSON() as Record<string, unknown>;
  return JSON.stringify(Object.keys(json).sort().map((k) => [k, json[k]]));
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  // State vectors encode the same clocks in possibly different client orders: compare decoded.
  const da = Y.decodeStateVector(a);
  const db = Y.decodeStateVector(b);
  return da.size === db.size && [...da].every(([k, v]) => db.get(k) === v);
}
