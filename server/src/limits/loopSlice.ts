/** How much CPU time work that can wait may use before timers get their turn. */
export const SLICE_MS = 5;

/** The process's CPU time (ms): a slice is counted in work done, not in wall time, which a
 * loaded machine stretches — counted in wall time, slices would shrink to one step per turn
 * exactly when the server is short of CPU, and its throughput with them. It includes the
 * worker threads' CPU (Node 20 has no per-thread figure): while one works, slices are shorter,
 * never longer. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** When the current slice began; -1 once timers have run since (a new turn of the loop). */
let sliceStart = -1;
/** A deferred caller went on in this slice: the next ones may be held back (not before). */
let deferredAdmitted = false;
/** This slice was found over its share: no need to read the clock again until timers run. */
let spent = false;

function openSlice(now: number): void {
  sliceStart = now;
  // Fires in the next timers phase: the slice spans this turn's poll and check phases.
  setTimeout(() => {
    sliceStart = -1;
    deferredAdmitted = false;
    spent = false;
  }, 0).unref();
}

/** Whether the current slice has run its share (opening one if timers ran since the last). */
function overBudget(): boolean {
  const now = cpuMs();
  if (sliceStart < 0) {
    openSlice(now);
    return false;
  }
  spent = now - sliceStart > SLICE_MS;
  return spent;
}

/** Deferred callers, in arrival order. */
const waiting: (() => void)[] = [];
/** Admission turns queued for the coming check phase (one immediate each). */
let armed = 0;
/** Bumped when a check phase's slice runs out: that phase's remaining turns do nothing. */
let phase = 0;
/** More callers than this never go on in one turn: enough to fill a slice with short steps,
 * few enough that a long queue does not schedule thousands of immediates per turn. */
const MOST_PER_TURN = 64;

/** Queues admission turns for the next check phase: one per waiting caller, up to the cap. */
function arm(): void {
  const want = Math.min(waiting.length, MOST_PER_TURN);
  const current = phase;
  for (; armed < want; armed++) setImmediate(admit, current);
}

/** One admission turn: the oldest caller goes on if the slice has room (or none went on in it
 * yet); else this phase is over and the queue waits for the next turn. */
function admit(armedIn: number): void {
  if (armedIn !== phase) return;
  armed -= 1;
  if (waiting.length === 0) return;
  if (deferredAdmitted && (spent || overBudget())) {
    phase += 1;
    armed = 0;
    return arm();
  }
  if (!deferredAdmitted && sliceStart < 0) openSlice(cpuMs());
  deferredAdmitted = true;
  waiting.shift()!();
  if (armed === 0) arm();
}

const goOn: Promise<void> = Promise.resolve();

/**
 * Shares the event loop under bursts. Work that arrives in waves — 150 commands read in one
 * poll phase, a group commit resolving 150 inserts at once — awaits this before its step. The
 * first caller since timers last ran goes on at once (a quiet server never waits); the others
 * go on in the check phase, one after the other (each with its microtasks done before the next
 * is admitted), until the slice has run `SLICE_MS`; the rest wait for the next turns, in order.
 * At least one deferred caller goes on per turn, however busy the poll phase: a wave drains.
 * Deferring every caller but the first matters: callers resolved together check in before any
 * of them has worked, so a test of elapsed time alone would let the whole wave through.
 *
 * The waiting callers are one queue, and only the turns that can admit one are scheduled: a
 * thousand phones joining at once cost each turn a few clock reads, not one per caller.
 */
export function yieldIfBusy(): Promise<void> {
  if (sliceStart < 0 && waiting.length === 0) {
    openSlice(cpuMs());
    return goOn;
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    arm();
  });
}

/** For a loop doing work step after step itself (a fan-out): has this slice run its share? */
export const turnIsBusy = overBudget;
