import { describe, expect, it } from 'vitest';
import { C, type JoinResult } from '@semis/shared';
import { call, connect, createEvent, must, useServer } from '../support/harness';

describe('same pseudonym twice in one event', () => {
  const suite = useServer();

  async function join(code: string, payload: Record<string, string>): Promise<JoinResult> {
    const socket = await connect(suite.server.url);
    suite.open.push(socket);
    return must(await call<JoinResult>(socket, C.join, { code, ...payload }));
  }

  it('the second one is told apart, in another event nobody is', async () => {
    const ev = await createEvent(suite.server.url, 1);
    const first = await join(ev.event.joinCode, { pseudonym: 'Camille' });
    const second = await join(ev.event.joinCode, { pseudonym: 'camille' });
    expect(first.participant.pseudonym).toBe('Camille');
    expect(second.participant.pseudonym).toBe('camille (2)');
    // Coming back with the token keeps one's name: nobody is told apart from themselves.
    expect((await join(ev.event.joinCode, { token: first.token })).participant.pseudonym).toBe('Camille');
    // Renaming oneself to a taken name gets a number too.
    const third = await join(ev.event.joinCode, { pseudonym: 'Sacha' });
    expect((await join(ev.event.joinCode, { token: third.token, pseudonym: 'CAMILLE' })).participant.pseudonym).toBe('CAMILLE (3)');
    const other = await createEvent(suite.server.url, 1);
    expect((await join(other.event.joinCode, { pseudonym: 'Camille' })).participant.pseudonym).toBe('Camille');
  });

  it('phones joining at the same instant with the same pseudonym all get distinct ones', async () => {
    const ev = await createEvent(suite.server.url, 1);
    const sockets = await Promise.all(Array.from({ length: 8 }, () => connect(suite.server.url)));
    const joined = await Promise.all(sockets.map(async (socket) => must(await call<JoinResult>(socket, C.join, { code: ev.event.joinCode, pseudonym: 'Dominique' }))));
    for (const s of sockets) s.disconnect();
    const names = joined.map((j) => j.participant.pseudonym).sort();
    expect(names).toEqual(['Dominique', ...Array.from({ length: 7 }, (_, i) => `Dominique (${i + 2})`)].sort());
    // Renames at the same instant too.
    const renamers = await Promise.all(Array.from({ length: 4 }, (_, i) => join(ev.event.joinCode, { pseudonym: `Renamer ${i}` })));
    const renamed = await Promise.all(renamers.map((r) => join(ev.event.joinCode, { token: r.token, pseudonym: 'Sacha' })));
    expect(new Set(renamed.map((r) => r.participant.pseudonym)).size).toBe(4);
  });
});
