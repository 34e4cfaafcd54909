/**
 * A wall's stored log folded in place vs in the fold worker (issue #13): what a board load, a
 * compaction or a présenter step over clusters costs the event loop on a wall of N cards whose
 * log was never compacted (one update per posted card).
 *
 *   npm run bench:fold [-- --cards=2000]
 *
 * Prints, per operation: the time in place (the event loop blocked that long) and, through
 * the pool, the wall time and the longest gap between two ticks of a 1 ms timer meanwhile.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { clusterIds, merged } from '../server/src/yjs/fold';
import { BoardRoom } from '../server/src/yjs/room';
import type { Storage } from '../server/src/storage/types';
import { FoldPool } from '../server/src/yjs/fold-pool';
import { wallLog } from '../tests/support/wall-log';
import { percentile } from './lib/stats';

const cards = Number(process.argv.find((a) => a.startsWith('--cards='))?.slice(8) ?? 2000);
const RUNS = 7;

/** Runs `op` while a 1 ms timer ticks; returns the wall time and the longest gap between ticks. */
async function timed(op: () => unknown): Promise<{ ms: number; gap: number }> {
  let last = performance.now();
  let gap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
  }, 1);
  const t0 = performance.now();
  await op();
  const ms = performance.now() - t0;
  clearInterval(timer);
  gap = Math.max(gap, performance.now() - last);
  return { ms, gap };
}

const parts = wallLog(cards);
const bytes = parts.reduce((n, p) => n + p.byteLength, 0);
console.log(`Board fold — ${cards} cards, ${parts.length} updates, ${(bytes / 1024).toFixed(0)} KB; node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);
const pool = new FoldPool();
await pool.merge(parts.slice(0, 200)); // the thread started (tsx loads the task once)
const row = (name: string, xs: { ms: number; gap: number }[]) => {
  const ms = xs.map((x) => x.ms);
  const gaps = xs.map((x) => x.gap);
  console.log(`${name.padEnd(34)} time p50 ${percentile(ms, 50).toFixed(1).padStart(6)} ms  max ${Math.max(...ms).toFixed(1).padStart(6)} ms   longest loop gap p50 ${percentile(gaps, 50).toFixed(1).padStart(6)} ms  max ${Math.max(...gaps).toFixed(1).padStart(6)} ms`);
};
for (const [name, inPlace, pooled] of [
  ['merge (load, compaction)', () => merged(parts), () => pool.merge(parts)],
  ['clusters (présenter step)', () => clusterIds(parts, 'b', 'mur'), () => pool.clusterIds(parts, 'b', 'mur')],
] as const) {
  const a: { ms: number; gap: number }[] = [];
  const b: { ms: number; gap: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(await timed(inPlace));
    b.push(await timed(pooled));
  }
  row(`${name}, in place`, a);
  row(`${name}, fold worker`, b);
}
// A whole board load (BoardRoom.load: the log folded, applied to the room's two documents,
// initialised, measured), from a log of one update per card, through the pool.
const storage = { loadBoard: async () => ({ snapshot: null, updates: parts, lastSeq: parts.length }) } as unknown as Storage;
const loads: { ms: number; gap: number }[] = [];
for (let i = 0; i < RUNS; i++) {
  const room = new BoardRoom('b', storage, 20, () => {}, pool);
  loads.push(await timed(() => room.load('mur')));
  room.destroy();
}
row('board load, fold worker', loads);
await pool.close();
