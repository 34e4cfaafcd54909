import { performance } from 'node:perf_hooks';

/** How long one turn of the event loop may run work that can wait for the next turn. */
export const SLICE_MS = 5;

let sliceStart = -1;

/** Whether this turn of the loop has already run its share. The first caller of a turn opens
 * the slice; it closes when the turn reaches its check phase (a setImmediate queued now). */
function overBudget(): boolean {
  const now = performance.now();
  if (sliceStart < 0) {
    sliceStart = now;
    setImmediate(() => (sliceStart = -1));
    return false;
  }
  return now - sliceStart > SLICE_MS;
}

/**
 * Shares the event loop under bursts. Work that arrives in waves — a group commit resolving
 * 150 posts at once, a 150-way fan-out — awaits this between steps: once the current turn has
 * run for `SLICE_MS`, the rest waits for a later turn, so timers, pings and other connections
 * are served in between. On an idle server it never waits (a resolved promise).
 */
export async function yieldIfBusy(): Promise<void> {
  while (overBudget()) await new Promise((r) => setImmediate(r));
}

/** The synchronous test, for loops that want to yield only when needed. */
export const turnIsBusy = overBudget;
