// Plain JavaScript: loaded with --import before any TypeScript loader.
/**
 * Loaded into the server under test with `--import`: measures the server's own event-loop
 * delay (perf_hooks.monitorEventLoopDelay, wall clock, 10 ms resolution — an idle loop reads
 * ≈ 10 ms) and, load-independent, its **CPU stalls**: the main thread's CPU time between two
 * ticks of a 2 ms timer (from /proc/self/task/<pid>/schedstat), i.e. how much work ran without
 * letting timers through, whatever share of a core the machine gave it. On SIGUSR2 it writes
 * both since the last signal to ELD_FILE as JSON (ms) and starts anew.
 */
import fs from 'node:fs';
import { createHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.ELD_FILE;
if (file) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const stalls = createHistogram();
  let cpuNs = () => 0;
  try {
    const fd = fs.openSync(`/proc/self/task/${process.pid}/schedstat`, 'r');
    const buf = Buffer.alloc(64);
    cpuNs = () => Number(buf.toString('latin1', 0, fs.readSync(fd, buf, 0, 64, 0)).split(' ')[0]);
  } catch {
    // Not Linux: no CPU stalls reported.
  }
  let last = cpuNs();
  setInterval(() => {
    const now = cpuNs();
    stalls.record(Math.max(1, now - last));
    last = now;
  }, 2).unref();
  process.on("SIGUSR2", () => {
    const ms = (ns) => ns / 1e6;
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), cpuP99: ms(stalls.percentile(99)), cpuMax: ms(stalls.max) }));
    fs.renameSync(`${file}.tmp`, file);
    h.reset();
    stalls.reset();
  });
}
