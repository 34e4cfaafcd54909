import { describe, expect, it } from 'vitest';
import { SLICE_MS, cpuMs, yieldIfBusy } from '../../server/src/limits/loopSlice';

/** A step using `ms` of CPU (slices count CPU time, so a loaded machine changes nothing). */
const burn = (ms: number) => {
  const end = cpuMs() + ms;
  while (cpuMs() < end) { /* CPU-bound step */ }
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
    await new Promise((r) => setTimeout(r, 5));
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
});
