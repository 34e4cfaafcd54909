import fs from 'node:fs';

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
