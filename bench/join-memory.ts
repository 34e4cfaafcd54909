/**
 * `npx tsx bench/join-memory.ts`: the server's resident memory per joined phone. One server
 * process spawned like the other benches (tsx), one phone joined and its board synced first
 * (the document loaded, code warmed), then N phones (env N, default 1,000) join 100 at a time
 * the way the phone app does (socket.io, `participant:join` into the atelier, the board's
 * y-websocket); RSS is read 2 s after. Prints KiB per phone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { C, type JoinResult } from '@semis/shared';
import { call, connect, createEvent, must, openBoard, type BoardClient, type Client } from '../tests/support/harness';
import { spawnServer } from '../tests/support/process';
import { procUsage } from './lib/stats';

const N = Number(process.env.N ?? 1000);
process.setMaxListeners(0);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'semis-join-memory-'));
const server = await spawnServer({ DATA_DIR: dataDir });
const pid = server.child.pid!;
const ev = await createEvent(server.url, 1);
const atelier = ev.ateliers[0]!;
const phones: { socket: Client; board: BoardClient }[] = [];

async function join(pseudonym: string): Promise<void> {
  const socket = await connect(server.url);
  const joined = must(await call<JoinResult>(socket, C.join, { code: ev.event.joinCode, pseudonym, atelierId: atelier.id }, 60_000));
  const board = openBoard(server.url, atelier.boardId, joined.token);
  board.provider.awareness.setLocalState(null);
  await board.synced;
  phones.push({ socket, board });
}

await join('Premier');
await new Promise((r) => setTimeout(r, 1000));
const before = procUsage(pid).rssMiB;
for (let i = 0; i < N; i += 100) await Promise.all(Array.from({ length: Math.min(100, N - i) }, (_, k) => join(`Tel ${i + k}`)));
await new Promise((r) => setTimeout(r, 2000));
const after = procUsage(pid).rssMiB;
console.log(`server RSS ${before.toFixed(0)} MiB with one phone, ${after.toFixed(0)} MiB with ${N + 1}: ${(((after - before) * 1024) / N).toFixed(0)} KiB per phone (load ${os.loadavg().map((n) => n.toFixed(2)).join(' ')})`);
for (const p of phones) {
  p.board.destroy();
  p.socket.disconnect();
}
await server.kill();
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
