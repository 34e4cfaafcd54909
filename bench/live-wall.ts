/**
 * `npm run bench`: one board, 150 simulated phones (socket.io + read-only y-websocket each),
 * one idea posted every 50 ms for 10 s. Prints post→ack and post→visible-on-all-150 latency,
 * server RSS and CPU, then the same fan-out through a bare y-websocket relay for comparison.
 * Options: PHONES=150 INTERVAL_MS=50 DURATION_MS=10000 DATABASE_URL=… (default: embedded SQLite),
 * SQLITE_SYNCHRONOUS=FULL|NORMAL (passed to the server).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { C, type IdeaView, type JoinResult } from '@semis/shared';
import { call, connect, createEvent, must, openBoard, type BoardClient, type Client } from '../tests/support/harness';
import { spawnServer } from '../tests/support/process';
import { percentile, procUsage, summary } from './lib/stats';
import { runBareRelay } from './lib/bare-relay';

const PHONES = Number(process.env.PHONES ?? 150);
const INTERVAL_MS = Number(process.env.INTERVAL_MS ?? 50);
const DURATION_MS = Number(process.env.DURATION_MS ?? 10_000);

async function main(): Promise<void> {
  // Each Node-side WebsocketProvider registers a process exit hook; 300 of them are expected here.
  process.setMaxListeners(0);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'semis-bench-'));
  const server = await spawnServer({
    DATA_DIR: dataDir,
    SQLITE_SYNCHRONOUS: process.env.SQLITE_SYNCHRONOUS ?? 'FULL',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL, DATABASE_SCHEMA: process.env.DATABASE_SCHEMA ?? '' } : {}),
  });
  const pid = server.child.pid!;
  console.log(`Semis bench — ${PHONES} phones, one idea every ${INTERVAL_MS} ms for ${DURATION_MS / 1000} s, ${process.env.DATABASE_URL ? 'PostgreSQL' : `SQLite (synchronous=${process.env.SQLITE_SYNCHRONOUS ?? 'FULL'})`}, node ${process.version}, ${os.cpus().length} cores`);

  const ev = await createEvent(server.url, 1);
  const atelier = ev.ateliers[0]!;
  const phones: { socket: Client; board: BoardClient }[] = [];
  for (let i = 0; i < PHONES; i++) {
    const socket = await connect(server.url);
    const join = must(await call<JoinResult>(socket, C.join, { code: ev.event.joinCode, pseudonym: `Tel ${i}` }));
    must(await call(socket, C.enterAtelier, { atelierId: atelier.id }));
    const board = openBoard(server.url, atelier.boardId, join.token);
    board.provider.awareness.setLocalState(null);
    phones.push({ socket, board });
  }
  await Promise.all(phones.map((p) => p.board.synced));
  const idle = procUsage(pid);
  console.log(`connected: ${PHONES} sockets + ${PHONES} read-only board docs; server RSS ${idle.rssMiB.toFixed(0)} MiB`);

  const postedAt = new Map<string, number>();
  const seenBy = new Map<string, number>();
  const visible: number[] = [];
  const acks: number[] = [];
  for (const { board } of phones) {
    board.doc.getMap('ideas').observe((e) => {
      const now = performance.now();
      for (const key of e.keysChanged) {
        const n = (seenBy.get(key) ?? 0) + 1;
        seenBy.set(key, n);
        if (n === PHONES && postedAt.has(key)) visible.push(now - postedAt.get(key)!);
      }
    });
  }

  // Warm-up posts (JIT, socket buffers, SQLite pages), not measured.
  for (let i = 0; i < 20; i++) must(await call(phones[i % PHONES]!.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: `Échauffement ${i}` }));
  await new Promise((r) => setTimeout(r, 500));

  const before = procUsage(pid);
  const started = performance.now();
  const pending: Promise<void>[] = [];
  let errors = 0;
  for (let i = 0; performance.now() - started < DURATION_MS; i++) {
    const id = randomUUID();
    const phone = phones[i % PHONES]!;
    const t0 = performance.now();
    postedAt.set(id, t0);
    pending.push(
      call<{ idea: IdeaView }>(phone.socket, C.postIdea, { id, atelierId: atelier.id, text: `Idée numéro ${i} : une navette le samedi matin` }, 10_000).then(
        (ack) => (ack.ok ? void acks.push(performance.now() - t0) : void errors++),
        () => void errors++,
      ),
    );
    const next = started + (i + 1) * INTERVAL_MS;
    await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
  }
  await Promise.all(pending);
  const deadline = performance.now() + 5000;
  while (visible.length < postedAt.size && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const elapsed = performance.now() - started;
  const after = procUsage(pid);

  console.log(`\nposted ${postedAt.size} ideas, ${acks.length} acknowledged, ${errors} errors, ${visible.length} seen by all ${PHONES} phones`);
  console.log(`post → ack                 ${summary(acks)}`);
  console.log(`post → visible on all ${PHONES}  ${summary(visible)}`);
  console.log(`server RSS ${after.rssMiB.toFixed(0)} MiB (idle ${idle.rssMiB.toFixed(0)} MiB), server CPU ${(((after.cpuMs - before.cpuMs) / elapsed) * 100).toFixed(0)} % of one core over ${(elapsed / 1000).toFixed(1)} s`);

  for (const p of phones) {
    p.board.destroy();
    p.socket.disconnect();
  }
  await server.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });

  const bare = await runBareRelay({ clients: PHONES, intervalMs: INTERVAL_MS, durationMs: DURATION_MS });
  console.log(`\nbare y-websocket relay (baseline, same fan-out, no auth/storage):`);
  console.log(`write → visible on all ${PHONES}  ${summary(bare.visible)}`);
  console.log(`Semis / bare relay, p99 visible-on-all: ${(percentile(visible, 99) / percentile(bare.visible, 99)).toFixed(2)}×`);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
