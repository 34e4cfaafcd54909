/**
 * The cockpit's live numbers (issue #9): a 15-atelier evening with votes in every atelier and
 * their candidates, seeded through the public surface; then `dashboard:get` (what the server
 * computes for the cockpit at most once a second per event: counts, connected, voters per vote,
 * candidates) and `mod:queue` (the queue across ateliers) asked a number of times.
 *
 *   npx tsx bench/cockpit.ts          (SEMIS_BENCH_RUNS=50 to change the number of runs)
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { C } from '@semis/shared';
import { call, must, startServer } from '../tests/support/harness';
import { seedEvening } from '../tests/support/evening';

const RUNS = Number(process.env.SEMIS_BENCH_RUNS ?? 30);
const server = await startServer();
const seeded = await seedEvening(server.url, { ateliers: 15, ideasPerAtelier: 20, posters: 0, voting: 15 });

async function timed(event: string, payload: unknown): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    must(await call(seeded.admin, event, payload));
    ms.push(performance.now() - start);
  }
  return ms.sort((a, b) => a - b);
}
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))]!.toFixed(1);

for (const [name, event, payload] of [['dashboard:get', C.dashboard, {}], ['mod:queue', C.modQueue, {}]] as const) {
  const ms = await timed(event, payload);
  console.log(`${name}: median ${pct(ms, 0.5)} ms, p95 ${pct(ms, 0.95)} ms over ${RUNS} runs`);
}
console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
for (const s of seeded.sockets) s.disconnect();
await server.stop();
