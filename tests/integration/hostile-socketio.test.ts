import WS from 'ws';
import { describe, expect, it } from 'vitest';
import { API, C, SOCKET_PATH } from '@semis/shared';
import { api, call, createEvent, facilitator, must, useServer, waitFor } from '../support/harness';

/** Hostile socket.io clients written from docs/protocol.md alone: raw engine.io frames. */

const suite = useServer();

/** A raw socket.io connection over WebSocket (engine.io v4 framing), connected to `/`. */
async function rawSocket(url: string): Promise<WS> {
  const ws = new WS(`${url.replace('http', 'ws')}${SOCKET_PATH}/?EIO=4&transport=websocket`);
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.on('message', (m) => {
      if (String(m).startsWith('40')) resolve();
    });
    ws.once('open', () => ws.send('40'));
  });
  return ws;
}

describe('a socket.io client that never reads', () => {
  it('is closed once its unread acks pass the bound, instead of being fed until memory runs out', async () => {
    const { url } = suite.server;
    const ev = await createEvent(url, 1);
    const atelierId = ev.ateliers[0]!.id;
    // A wall whose moderation list is ~150 KB: each mod:ideas ack is that big.
    const lines = Array.from({ length: 500 }, (_, i) => `Idée ${i} ${'x'.repeat(250)}`).join('\n');
    expect((await api(url, API.importIdeas(atelierId), { body: { text: lines }, token: ev.adminToken })).status).toBe(201);

    const engine = suite.server.semis.io.engine;
    const ws = await rawSocket(url);
    const before = engine.clientsCount;
    ws.send(`420${JSON.stringify([C.facilitatorAuth, { token: ev.adminToken }])}`);
    await new Promise((r) => setTimeout(r, 300));
    // Stop reading: from here on every answer waits in the server, unless it gives up on us.
    (ws as unknown as { _socket: { pause(): void } })._socket.pause();
    let id = 1;
    const flood = setInterval(() => {
      for (let i = 0; i < 10; i++) ws.send(`42${id++}${JSON.stringify([C.modIdeas, { atelierId }])}`);
      ws.send('3'); // a pong, blindly: the client looks alive to the heartbeat
    }, 100);
    try {
      // ~100 acks of ~150 KB a second: the 8 MiB bound is passed within a second or two.
      await waitFor(() => engine.clientsCount < before, 8000, 'the stalled connection closed by the server');
    } finally {
      clearInterval(flood);
      ws.terminate();
    }
    // Others are untouched: a reading facilitator still gets its (big) answers.
    const admin = await facilitator(url, ev.adminToken);
    suite.open.push(admin);
    expect(must(await call<{ ideas: unknown[] }>(admin, C.modIdeas, { atelierId })).ideas).toHaveLength(500);
  }, 20_000);
});
