import { Worker } from 'node:worker_threads';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { SLICE_MS, cpuMs, yieldIfBusy } from '../../server/src/limits/loopSlice';

/**
 * A step lasting `ms` of wall time and `ms` of the process's CPU time, whichever ends later. A
 * slice ends on wall time, and, on a saturated loop, on CPU time too: a step long by both
 * clocks bounds the steps per slice whatever the machine does. CPU time alone is not enough:
 * it is the whole process's, so beside a busy thread (the unit files run in parallel threads
 * of one process) 1 ms of it passed in 0.5 ms of wall time, and 7–8 steps fit in a slice.
 */
const burn = (ms: number) => {
  const cpuEnd = cpuMs() + ms;
  const wallEnd = performance.now() + ms;
  while (performance.now() < wallEnd || cpuMs() < cpuEnd) { /* CPU-bound step */ }
};

describe('loopSlice: bursts share the event loop', () => {
  it('never defers on a quiet loop', async () => {
    // Start from a fresh turn, so no slice of this test's setup is open.
    await new Promise((r) => setTimeout(r, 5));
    const order: string[] = [];
    setImmediate(() => order.push('next turn'));
    await yieldIfBusy();
    order.push('went on');
    expect(order).toEqual(['went on']);
  });

  it('lets timers run between slices of a burst, and finishes every task in order', async () => {
    // Another thread of the process busy meanwhile, as in the suite (and a server's workers).
    const busy = new Worker('const end = Date.now() + 3000; while (Date.now() < end) {}', { eval: true });
    await new Promise((r) => setTimeout(r, 20));
    onTestFinished(async () => {
      await busy.terminate();
    });
    const TASK_MS = 1;
    let ranSinceTick = 0;
    let mostBetweenTicks = 0;
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
      mostBetweenTicks = Math.max(mostBetweenTicks, ranSinceTick);
      ranSinceTick = 0;
    }, 1);
    const done: number[] = [];
    // 100 steps of 1 ms arriving in one turn, like 100 posts resolved by one group commit.
    await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        await yieldIfBusy();
        burn(TASK_MS);
        ranSinceTick += 1;
        done.push(i);
      }),
    );
    clearInterval(timer);
    mostBetweenTicks = Math.max(mostBetweenTicks, ranSinceTick);
    expect(done).toEqual(Array.from({ length: 100 }, (_, i) => i));
    // A slice runs past SLICE_MS by at most one step; the timer fired between slices.
    expect(mostBetweenTicks).toBeLessThanOrEqual(SLICE_MS / TASK_MS + 1);
    expect(ticks).toBeGreaterThanOrEqual(100 / (SLICE_MS / TASK_MS + 1) - 1);
  });

  it('a long queue costs each turn a few clock reads, not one per waiting caller', async () => {
    await new Promise((r) => setTimeout(r, 5));
    const reads = vi.spyOn(process, 'cpuUsage');
    let burnReads = 0;
    const CALLERS = 300;
    try {
      // 300 steps of ~0.3 ms arriving in one turn, like joins at doors opening: ≈ 20 turns of
      // slices. Polling every waiting caller on every turn read the clock ≈ 3,000 times.
      await Promise.all(
        Array.from({ length: CALLERS }, async () => {
          await yieldIfBusy();
          const clock = () => {
            burnReads += 1;
            return cpuMs();
          };
          const end = clock() + 0.3;
          while (clock() < end) { /* CPU-bound step */ }
        }),
      );
      expect(reads.mock.calls.length - burnReads).toBeLessThanOrEqual(CALLERS + 50);
    } finally {
      reads.mockRestore();
    }
  });

  it('a caller arriving while others wait goes after them', async () => {
    await new Promise((r) => setTimeout(r, 5));
    const order: number[] = [];
    const first = Array.from({ length: 20 }, async (_, i) => {
      await yieldIfBusy();
      burn(1);
      order.push(i);
    });
    // Next turn, timers have run: a newcomer with a fresh slice still queues behind the wave.
    await new Promise((r) => setTimeout(r, 1));
    const late = (async () => {
      await yieldIfBusy();
      order.push(99);
    })();
    await Promise.all([...first, late]);
    expect(order.indexOf(99)).toBe(order.length - 1);
  });
});
