// Plain JavaScript: loaded with --import before any TypeScript loader.
/**
 * Loaded into the server under test with `--import`: measures the server's own event-loop
 * delay (perf_hooks.monitorEventLoopDelay). On SIGUSR2 it writes the histogram since the last
 * signal to ELD_FILE as JSON (ms) and starts a new one.
 */
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.ELD_FILE;
if (file) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  process.on("SIGUSR2", () => {
    const ms = (ns) => ns / 1e6;
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) }));
    fs.renameSync(`${file}.tmp`, file);
    h.reset();
  });
}
