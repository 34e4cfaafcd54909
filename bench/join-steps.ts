/**
 * `npm run bench:join`: what each step of a phone's join costs, beside the bare relay's whole
 * join (issue #13, s5). 1,000 phones (env N) take each step together, one step after the other,
 * against one spawned server, as `npm run bench` s5 does in one go:
 *   1. the socket.io connection (WebSocket upgrade, engine.io and socket.io handshakes);
 *   2. `participant:join` with `atelierId` (pseudonym, token, atelier entered);
 *   3. the board: a y-websocket connection with the join's token, synced (in board workers).
 * Printed per step: the wall time for all phones, the server's CPU per phone (/proc: every
 * thread) and this process's (the phones', board workers included). The relay's join is one
 * y-websocket connection synced; as in s5 its clients' documents live in board workers too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { C, YJS_PATH, type JoinResult } from '@semis/shared';
import { call, connect, createEvent, must, type Client } from '../tests/support/harness';
import { spawnServer } from '../tests/support/process';
import { procUsage } from './lib/stats';
import { BoardFleet, clock } from './lib/boards';
import { runBareRelay } from './lib/bare-relay';

const N = Number(process.env.N ?? 1000);
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'semis-bench-join-'));
const server = await spawnServer({ DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: process.env.SQLITE_SYNCHRONOUS ?? 'FULL' }, []);
const pid = server.child.pid!;
console.log(`Join steps — ${N} phones, SQLite, node ${process.version}, ${os.cpus().length} cores, load ${load()}`);
const ev = await createEvent(server.url, 1);
const atelier = ev.ateliers[0]!;
const boardUrl = server.url.replace(/^http/, 'ws') + YJS_PATH;
const fleet = await BoardFleet.start();

interface Step { name: string; ms: number; server: number; client: number }
const steps: Step[] = [];
async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  await new Promise((r) => setTimeout(r, 1000));
  const s0 = procUsage(pid).cpuMs;
  const c0 = process.cpuUsage();
  const t0 = clock();
  const out = await fn();
  const ms = clock() - t0;
  const c = process.cpuUsage(c0);
  steps.push({ name, ms, server: (procUsage(pid).cpuMs - s0) / N, client: (c.user + c.system) / 1000 / N });
  return out;
}

// One phone first: the board document loaded and the code warmed are no phone's join.
const first = await connect(server.url);
const firstJoin = must(await call<JoinResult>(first, C.join, { code: ev.event.joinCode, pseudonym: 'Premier', atelierId: atelier.id }));
await fleet.open(boardUrl, atelier.boardId, { params: { token: firstJoin.token }, maxBackoffTime: 500 });

const sockets = await step('1. socket.io connection', () => Promise.all(Array.from({ length: N }, () => connect(server.url))));
const joins = await step('2. participant:join + atelier', () =>
  Promise.all(sockets.map((s: Client, i) => call<JoinResult>(s, C.join, { code: ev.event.joinCode, pseudonym: `Tel ${i}`, atelierId: atelier.id }, 60_000).then(must))),
);
await step('3. board: y-websocket sync', () => Promise.all(joins.map((j) => fleet.open(boardUrl, atelier.boardId, { params: { token: j.token }, maxBackoffTime: 500 }))));
await fleet.close();
for (const s of [first, ...sockets]) s.disconnect();
await server.kill();
fs.rmSync(dataDir, { recursive: true, force: true });

const relay = await runBareRelay({ clients: N, intervalMs: 1000, durationMs: 0 });
const total = steps.reduce((t, s) => ({ ms: t.ms + s.ms, server: t.server + s.server, client: t.client + s.client }), { ms: 0, server: 0, client: 0 });
console.log('\n| step | wall, all phones | server CPU per phone | phones\' CPU per phone |');
console.log('| --- | --- | --- | --- |');
for (const s of steps) console.log(`| ${s.name} | ${s.ms.toFixed(0)} ms | ${s.server.toFixed(2)} ms | ${s.client.toFixed(2)} ms |`);
console.log(`| Semis, the three steps | ${total.ms.toFixed(0)} ms | ${total.server.toFixed(2)} ms | ${total.client.toFixed(2)} ms |`);
console.log(`| bare relay: y-websocket sync | ${relay.joinMs.toFixed(0)} ms | ${relay.joinCpuMs.toFixed(2)} ms | ${relay.clientCpuMs.toFixed(2)} ms |`);
console.log(`\nload average at end ${load()}`);
process.exit(0);
