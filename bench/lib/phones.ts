/**
 * The live-wall bench's phones: each a socket.io client on this (the timing) thread — join,
 * posts, acks, votes — and a read-only board document kept in a board worker (./boards.ts).
 */
import { randomUUID } from 'node:crypto';
import { C, YJS_PATH, type IdeaView, type JoinResult } from '@semis/shared';
import { call, connect, must, type Client } from '../../tests/support/harness';
import { clock, type BoardFleet, type Tracker } from './boards';

export interface Phone { socket: Client; join: JoinResult }

/** Phones join the way the phone app does from an atelier's QR code: socket.io connection,
 * `participant:join` entering the atelier in the same command, then the board (it needs the
 * token the join gives), opened in a board worker. `oldJoin`: the earlier path,
 * `atelier:enter` as a fourth step. `ms` runs until the last board synced, by the worker's stamp. */
export async function joinPhones(fleet: BoardFleet, url: string, code: string, atelierId: string, boardId: string, n: number, from: number, oldJoin = false): Promise<{ phones: Phone[]; ms: number }> {
  const t0 = clock();
  let last = t0;
  const phones = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const socket = await connect(url);
      const pseudonym = `Tel ${from + i}`;
      const join = must(await call<JoinResult>(socket, C.join, oldJoin ? { code, pseudonym } : { code, pseudonym, atelierId }, 60_000));
      if (oldJoin) must(await call(socket, C.enterAtelier, { atelierId }, 60_000));
      // The options of tests/support/harness.ts `openBoard`.
      const synced = await fleet.open(url.replace(/^http/, 'ws') + YJS_PATH, boardId, { params: { token: join.token }, maxBackoffTime: 500 });
      last = Math.max(last, synced);
      return { socket, join };
    }),
  );
  return { phones, ms: last - t0 };
}

/** Posts at a steady rate for a while; resolves with the acks' latencies and the error count. */
export async function postAtRate(phones: Phone[], atelierId: string, perSecond: number, durationMs: number, track: Tracker): Promise<{ acks: number[]; errors: number }> {
  const acks: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const started = clock();
  const total = Math.round((perSecond * durationMs) / 1000);
  // Every post due by now goes out on each turn: a sender that falls behind still sends the
  // whole load, in catch-up bursts.
  for (let i = 0; i < total; ) {
    const due = Math.min(total, Math.floor(((clock() - started) * perSecond) / 1000) + 1);
    for (; i < due; i++) {
      const id = randomUUID();
      const t0 = clock();
      track.postedAt.set(id, t0);
      pending.push(
        call<{ idea: IdeaView }>(phones[i % phones.length]!.socket, C.postIdea, { id, atelierId, text: `Idée numéro ${i} : une navette le samedi matin` }, 20_000).then(
          (ack) => (ack.ok ? void acks.push(clock() - t0) : void errors++),
          () => void errors++,
        ),
      );
    }
    const next = started + (i * 1000) / perSecond;
    await new Promise((r) => setTimeout(r, Math.max(0, next - clock())));
  }
  await Promise.all(pending);
  await track.settle();
  return { acks, errors };
}
