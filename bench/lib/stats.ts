import fs from 'node:fs';
import { createHistogram } from 'node:perf_hooks';

/** Percentiles by nearest rank on a copy of the samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summary(samples: number[]): string {
  const f = (n: number) => n.toFixed(1).padStart(7);
  return `p50 ${f(percentile(samples, 50))} ms   p99 ${f(percentile(samples, 99))} ms   max ${f(Math.max(...samples))} ms   (n=${samples.length})`;
}

/** CPU time (user+system, ms) and resident memory (MiB) of a process, from /proc. */
export function procUsage(pid: number): { cpuMs: number; rssMiB: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssPages = Number(fields[21]);
  return { cpuMs: (ticks * 1000) / 100, rssMiB: (rssPages * 4096) / 2 ** 20 };
}

/**
 * The calling thread's CPU stalls, as bench/lib/eld-probe.mjs measures the server's: the CPU
 * time the thread spent between two ticks of a 2 ms timer (/proc/thread-self/schedstat). Beside
 * its event-loop delay it tells work (a long stall) from waiting for a core (a long delay with
 * short stalls). Linux only: elsewhere it reads 0.
 */
export function cpuStalls(): { read(): { p99: number; max: number }; reset(): void; stop(): void } {
  const h = createHistogram();
  let cpuNs = () => 0;
  try {
    const fd = fs.openSync('/proc/thread-self/schedstat', 'r');
    const buf = Buffer.alloc(64);
    cpuNs = () => Number(buf.toString('latin1', 0, fs.readSync(fd, buf, 0, 64, 0)).split(' ')[0]);
  } catch {
    // Not Linux.
  }
  let last = cpuNs();
  const timer = setInterval(() => {
    const now = cpuNs();
    h.record(Math.max(1, now - last));
    last = now;
  }, 2).unref();
  return {
    read: () => ({ p99: h.percentile(99) / 1e6, max: h.max / 1e6 }),
    reset: () => h.reset(),
    stop: () => clearInterval(timer),
  };
}
