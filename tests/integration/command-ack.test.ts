import { describe, expect, it } from 'vitest';
import { C, type Ack } from '@semis/shared';
import { connect, createEvent, facilitator, useServer, type Client } from '../support/harness';

const suite = useServer();

/** Emits a command with its callback only, no payload (`socket.emit(event, callback)`), as
 * docs/protocol.md allows for dashboard:get, candidates:list and mod:log; resolves with the ack,
 * or 'no ack' if none comes. */
function emitBare(socket: Client, event: string): Promise<Ack<unknown> | 'no ack'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('no ack'), 2000);
    (socket as unknown as { emit(e: string, cb: (a: Ack<unknown>) => void): void }).emit(event, (ack) => {
      clearTimeout(timer);
      resolve(ack);
    });
  });
}

describe('a command sent without a payload', () => {
  it('is answered for the commands that take none', async () => {
    const ev = await createEvent(suite.server.url, 1);
    const admin = await facilitator(suite.server.url, ev.adminToken);
    suite.open.push(admin);
    expect(await emitBare(admin, C.dashboard)).toMatchObject({ ok: true, data: { eventId: ev.event.id } });
    expect(await emitBare(admin, C.candidates)).toEqual({ ok: true, data: { candidates: [] } });
    expect(await emitBare(admin, C.modLog)).toMatchObject({ ok: true, data: { entries: [] } });
  });

  it('is refused with BAD_REQUEST, not left unanswered, by the commands that need one', async () => {
    const socket = await connect(suite.server.url);
    suite.open.push(socket);
    for (const event of [C.join, C.timeSync, C.postIdea, C.facilitatorAuth, C.subscribePosters]) {
      expect(await emitBare(socket, event)).toMatchObject({ ok: false, error: { code: expect.any(String) } });
    }
    expect(await emitBare(socket, C.timeSync)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
