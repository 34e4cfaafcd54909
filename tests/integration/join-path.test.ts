import net from 'node:net';
import WS from 'ws';
import { describe, expect, it } from 'vitest';
import { C, S, type AtelierStatePush, type Dashboard, type IdeaView, type JoinResult } from '@semis/shared';
import { call, connect, createEvent, facilitator, must, openBoard, useServer, type Client } from '../support/harness';
import { cpuMs, yieldIfBusy } from '../../server/src/limits/loopSlice';

/**
 * Issue #13: a phone's join reads what it needs in one or two queries, and enters its atelier
 * in the same command. Counts come from the storage layer's own instrument (`storage.calls`).
 */
describe('the join path', () => {
  // No dashboard push in the middle of a measurement (it reads the whole event).
  const suite = useServer({ config: { dashboardEveryMs: 60_000 } });
  const { open: sockets, boards } = suite;

  async function phone(): Promise<Client> {
    const socket = await connect(suite.server.url);
    sockets.push(socket);
    return socket;
  }
  const calls = () => ({ ...suite.server.semis.storage.calls });
  const since = (before: ReturnType<typeof calls>) => {
    const now = suite.server.semis.storage.calls;
    return { reads: now.reads - before.reads, writes: now.writes - before.writes };
  };

  it('joins and enters an atelier with one participant:join: its pushes, its presence, its posts', async () => {
    const ev = await createEvent(suite.server.url, 2);
    const atelier = ev.ateliers[1]!;
    const p = await phone();
    const joined = must(await call<JoinResult>(p, C.join, { code: ev.event.joinCode, pseudonym: 'Lou', atelierId: atelier.id }));
    expect(joined.participant.atelierId).toBe(atelier.id);
    expect(joined.ateliers.map((a) => a.id)).toEqual(ev.ateliers.map((a) => a.id));

    const fac = await facilitator(suite.server.url, ev.adminToken);
    sockets.push(fac);
    const dashboard = must(await call<Dashboard>(fac, C.dashboard, {}));
    expect(dashboard.ateliers.find((a) => a.id === atelier.id)?.connected).toBe(1);
    must(await call(p, C.postIdea, { id: crypto.randomUUID(), atelierId: atelier.id, text: 'Une navette le samedi' }));

    const pushed = new Promise<AtelierStatePush>((resolve) => p.once(S.atelierState, resolve));
    must(await call(fac, C.setPhase, { atelierIds: [atelier.id], phase: 'regroupement' }));
    expect((await pushed).atelier).toMatchObject({ id: atelier.id, phase: 'regroupement' });
  });

  it('refuses an atelier of another event before creating anyone, and says which field', async () => {
    const ev = await createEvent(suite.server.url, 1);
    const other = await createEvent(suite.server.url, 1);
    const refused = await call(await phone(), C.join, { code: ev.event.joinCode, pseudonym: 'Noé', atelierId: other.ateliers[0]!.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ATELIER', field: 'atelierId' } });
    // Nobody was created: the same pseudonym is not told apart from a ghost.
    const joined = must(await call<JoinResult>(await phone(), C.join, { code: ev.event.joinCode, pseudonym: 'Noé' }));
    expect(joined.participant).toMatchObject({ pseudonym: 'Noé', atelierId: null });
  });

  it('moves a phone that rejoins with its token to the atelier it asks for, and keeps it there', async () => {
    const ev = await createEvent(suite.server.url, 2);
    const [first, second] = ev.ateliers as [(typeof ev.ateliers)[0], (typeof ev.ateliers)[0]];
    const joined = must(await call<JoinResult>(await phone(), C.join, { code: ev.event.joinCode, pseudonym: 'Inès', atelierId: first.id }));
    const back = must(await call<JoinResult>(await phone(), C.join, { token: joined.token, code: ev.event.joinCode, atelierId: second.id }));
    expect(back.participant).toEqual({ ...joined.participant, atelierId: second.id });
    // Without atelierId, a rejoin leaves it where it is.
    const again = must(await call<JoinResult>(await phone(), C.join, { token: joined.token, code: ev.event.joinCode }));
    expect(again.participant.atelierId).toBe(second.id);
  });

  it('costs two reads and one write per first join, two reads per rejoin, one read per board connection, however many joined before', async () => {
    const ev = await createEvent(suite.server.url, 1);
    const { id: atelierId, boardId } = ev.ateliers[0]!;
    const costs: { join: ReturnType<typeof since>; board: ReturnType<typeof since> }[] = [];
    const tokens: string[] = [];
    for (let i = 0; i < 40; i++) {
      const p = await phone();
      const before = calls();
      const joined = must(await call<JoinResult>(p, C.join, { code: ev.event.joinCode, pseudonym: `Tel ${i}`, atelierId }));
      const join = since(before);
      tokens.push(joined.token);
      const beforeBoard = calls();
      const board = openBoard(suite.server.url, boardId, joined.token);
      boards.push(board);
      await board.synced;
      costs.push({ join, board: since(beforeBoard) });
    }
    // The first board connection loads the document; every later one only checks the token.
    for (const c of costs.slice(1)) expect(c).toEqual({ join: { reads: 2, writes: 1 }, board: { reads: 1, writes: 0 } });

    const before = calls();
    for (const token of tokens.slice(0, 10)) must(await call<JoinResult>(await phone(), C.join, { token, code: ev.event.joinCode, atelierId }));
    // Already in that atelier: nothing to write.
    expect(since(before)).toEqual({ reads: 20, writes: 0 });
  });

  it('gives a connection one listener for all its commands: nothing per command to build or hold, and no built-in name answers', async () => {
    const ev = await createEvent(suite.server.url, 1);
    const p = await phone();
    must(await call<JoinResult>(p, C.join, { code: ev.event.joinCode, pseudonym: 'Sam', atelierId: ev.ateliers[0]!.id }));
    const conn = suite.server.semis.io.sockets.sockets.get(p.id!)!;
    // Some 40 commands, yet no listener per command name (they held ~90 closures per phone).
    expect(conn.eventNames().filter((e) => typeof e === 'string' && e.includes(':'))).toEqual([]);
    expect(conn.listenersAny()).toHaveLength(1);
    // Names of the handlers' own lookup table are no commands.
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'get']) {
      await expect(call(p, name, {}, 300)).rejects.toThrow();
    }
    // Every command still goes through the wrapper: parsed, rate-limited, answered once.
    expect(await call(p, C.postIdea, { id: 'not-a-uuid', atelierId: ev.ateliers[0]!.id, text: 'x' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    must(await call(p, C.postIdea, { id: crypto.randomUUID(), atelierId: ev.ateliers[0]!.id, text: 'Toujours là' }));
  });

  it('lets a socket.io handshake wait its turn behind work already queued, as a board upgrade does', async () => {
    // Doors open: handshakes must not all run in one poll phase ahead of timers and queued work.
    await new Promise((r) => setTimeout(r, 5));
    const done: number[] = [];
    const work = Array.from({ length: 60 }, async (_, i) => {
      await yieldIfBusy();
      const end = cpuMs() + 3;
      while (cpuMs() < end) { /* a join's worth of work, and more */ }
      done.push(i);
    });
    const connectedAfter = new Promise<number>((resolve) => suite.server.semis.io.once('connection', () => resolve(done.length)));
    const connecting = phone();
    await Promise.all(work);
    // Handled as it arrived, the handshake went through after a handful of the 60 steps.
    expect(await connectedAfter).toBeGreaterThanOrEqual(40);
    expect((await connecting).connected).toBe(true);
  });

  it('answers each handshake in one write: the 101 with engine.io\'s open packet, the 101 with the board\'s greeting', async () => {
    // What the server's accepted sockets hand to the kernel, one entry per write call (the
    // Writable hooks: `_writev` gets what was corked together).
    const writes = new Map<net.Socket, string[]>();
    const proto = net.Socket.prototype as unknown as Record<'_write' | '_writev', (this: net.Socket & { server?: unknown }, ...args: never[]) => void>;
    const { _write, _writev } = proto;
    const record = (socket: net.Socket & { server?: unknown }, chunks: unknown[]) => {
      if (!socket.server) return; // the test's own client sockets
      const list = writes.get(socket) ?? [];
      list.push(chunks.map((c) => Buffer.from(c as string).toString('latin1')).join(''));
      writes.set(socket, list);
    };
    proto._write = function (chunk: never, ...rest: never[]) {
      record(this, [chunk]);
      return _write.call(this, chunk, ...rest);
    };
    proto._writev = function (chunks: never, ...rest: never[]) {
      record(this, (chunks as { chunk: unknown }[]).map((c) => c.chunk));
      return _writev.call(this, chunks, ...rest);
    };
    try {
      const ev = await createEvent(suite.server.url, 1);
      const p = await phone();
      const joined = must(await call<JoinResult>(p, C.join, { code: ev.event.joinCode, pseudonym: 'Éli', atelierId: ev.ateliers[0]!.id }));
      const board = openBoard(suite.server.url, ev.ateliers[0]!.boardId, joined.token);
      boards.push(board);
      await board.synced;
    } finally {
      Object.assign(proto, { _write, _writev });
    }
    const upgrades = [...writes.values()].filter((w) => w[0]!.startsWith('HTTP/1.1 101'));
    expect(upgrades).toHaveLength(2);
    for (const [first] of upgrades) {
      const headersEnd = first!.indexOf('\r\n\r\n') + 4;
      // A WebSocket frame follows the headers in the same write: engine.io's open packet
      // (text, "0{"sid"…) or the board's SyncStep1 (binary).
      expect(first!.length).toBeGreaterThan(headersEnd);
      expect([0x81, 0x82]).toContain(first!.charCodeAt(headersEnd));
    }
  });

  it('sends the phones joining a board one and the same SyncStep2 message, not a copy of the board each', async () => {
    const ev = await createEvent(suite.server.url, 1);
    const { id: atelierId, boardId } = ev.ateliers[0]!;
    const author = await phone();
    must(await call<JoinResult>(author, C.join, { code: ev.event.joinCode, pseudonym: 'Ana', atelierId }));
    for (let i = 0; i < 3; i++) must(await call<{ idea: IdeaView }>(author, C.postIdea, { id: crypto.randomUUID(), atelierId, text: `Idée ${i}` }));
    const tokens: string[] = [];
    for (const pseudonym of ['Bea', 'Cy']) {
      tokens.push(must(await call<JoinResult>(await phone(), C.join, { code: ev.event.joinCode, pseudonym, atelierId })).token);
    }
    // The server's sends (the test's clients use the same class: `_isServer` tells them apart).
    const replies: Uint8Array[] = [];
    const { send } = WS.prototype;
    WS.prototype.send = function (this: WS & { _isServer: boolean }, ...args: Parameters<typeof send>) {
      const bytes = args[0] as Uint8Array;
      if (this._isServer && bytes[0] === 0 && bytes[1] === 1) replies.push(bytes);
      return send.apply(this, args);
    } as typeof send;
    try {
      for (const token of tokens) {
        const board = openBoard(suite.server.url, boardId, token);
        boards.push(board);
        await board.synced;
        expect(board.doc.getMap('ideas').size).toBe(3);
      }
    } finally {
      WS.prototype.send = send;
    }
    expect(replies).toHaveLength(2);
    expect(replies[1]).toBe(replies[0]);
  });
});
