/**
 * The evening's report (issue #11): a 15-atelier *grande soirée* with 300 ideas, 6 posters,
 * votes in every atelier and their candidates, seeded through the public surface; then the
 * PDF (and the HTML) asked for a few times. Target: the PDF in under 10 s on the 2-core machine.
 *
 *   npm run bench:report            (SEMIS_BENCH_RUNS=5 to change the number of runs)
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { API } from '@semis/shared';
import { startServer } from '../tests/support/harness';
import { seedEvening } from '../tests/support/evening';

const RUNS = Number(process.env.SEMIS_BENCH_RUNS ?? 3);
const server = await startServer();
const t0 = performance.now();
const seeded = await seedEvening(server.url, { ateliers: 15, ideasPerAtelier: 20, posters: 6, voting: 15 });
console.log(`seeded 15 ateliers, 300 ideas, 6 posters, 15 votes, ${seeded.candidates.length} candidates in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

async function once(format: 'pdf' | 'html'): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const res = await fetch(server.url + API.adminReport, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${seeded.ev.adminToken}` },
    body: JSON.stringify({ format }),
  });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`report: ${res.status} ${body.toString().slice(0, 200)}`);
  return { ms: performance.now() - start, bytes: body.length };
}

for (const format of ['pdf', 'html'] as const) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(format));
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  console.log(`${format}: median ${(ms[Math.floor(ms.length / 2)]! / 1000).toFixed(2)} s, max ${(ms[ms.length - 1]! / 1000).toFixed(2)} s, ${(runs[0]!.bytes / 1024).toFixed(0)} KiB (${RUNS} runs)`);
}
// Two facilitators at once: the gate runs both; neither waits for the other's whole report.
const both = performance.now();
await Promise.all([once('pdf'), once('pdf')]);
console.log(`two PDFs at once: ${((performance.now() - both) / 1000).toFixed(2)} s`);
console.log(`load average (1, 5, 15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
for (const s of seeded.sockets) s.disconnect();
await server.stop();
