/** How much time work that can wait may use before timers get their turn (wall time, and CPU
 * time too while the loop is saturated: see `overBudget`). */
export const SLICE_MS = 5;

/** The process's CPU time (ms). It includes the worker threads' CPU (Node 20 has no
 * per-thread figure): while one works, a slice counted in CPU time is shorter, never longer. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** When the current slice began (performance.now()); -1 once timers have run since (a new turn). */
let sliceStart = -1;
/** The process's CPU time when the slice began, when this slice is counted in CPU time. */
let sliceCpuStart = Number.NaN;
/** A slice recently ran out its wall time: the next ones are counted in CPU time too. */
let countCpu = false;
/** This slice ran out its wall time. */
let reachedWall = false;
/** A deferred caller went on in this slice: the next ones may be held back (not before). */
let deferredAdmitted = false;
/** This slice was found over its share: no need to read the clock again until timers run. */
let spent = false;

function openSlice(now: number): void {
  sliceStart = now;
  sliceCpuStart = countCpu ? cpuMs() : Number.NaN;
  reachedWall = false;
  // Fires in the next timers phase: the slice spans this turn's poll and check phases.
  setTimeout(() => {
    // A turn that finished within its wall time: the loop is not saturated any more.
    if (!reachedWall) countCpu = false;
    sliceStart = -1;
    deferredAdmitted = false;
    spent = false;
    // A new turn: as many admission turns as can go on in its check phase.
    if (waiting.length > 0) arm();
  }, 0).unref();
}

/**
 * Whether the current slice has run its share (opening one if timers ran since the last).
 * The wall clock is read first: it is nearly free (vDSO), while the CPU clock is a
 * `getrusage` that sums every thread of the process — in this VM its p99 was 4 ms, called
 * ten times per fan-out (issue #13, 19:10 UTC). A slice within `SLICE_MS` of wall time has
 * used at most that much of the main thread's CPU, so it needs no CPU reading. Once a slice
 * runs out its wall time the loop is saturated (or the machine starves us): from the next
 * slice on, until a turn ends early again, a slice also needs `SLICE_MS` of CPU time before
 * it ends, so a loaded machine stretching wall time does not shrink slices to one step per
 * turn — and with them the server's throughput — exactly when it is short of CPU.
 */
function overBudget(): boolean {
  const now = performance.now();
  if (sliceStart < 0) {
    openSlice(now);
    return false;
  }
  if (now - sliceStart <= SLICE_MS) return false;
  reachedWall = true;
  countCpu = true;
  spent = Number.isNaN(sliceCpuStart) || cpuMs() - sliceCpuStart > SLICE_MS;
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
    // Nothing more goes on before timers run: one turn stays armed (it keeps the loop alive,
    // and retries if timers are not due yet); the timers phase arms the others.
    phase += 1;
    armed = 1;
    setImmediate(admit, phase);
    return;
  }
  if (!deferredAdmitted && sliceStart < 0) openSlice(performance.now());
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
    openSlice(performance.now());
    return goOn;
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    arm();
  });
}

/** For a loop doing work step after step itself (a fan-out): has this slice run its share? */
export const turnIsBusy = overBudget;

/**
 * Answers a batch's callers in the order given, each admitted like a `yieldIfBusy` caller: a
 * group commit that resolves 150 writes does not run their 150 continuations (an ack, a card
 * released to the board, the author's pushes) in one turn — past the slice, the rest go on in
 * the next turns. They queue together, ahead of whatever their continuations queue (the
 * board's fan-out, the author's pushes): the acks still go first. Each caller's microtasks
 * finish before the next is answered.
 */
export function settleInSlices<T>(items: readonly T[], settle: (item: T) => void): Promise<void> {
  return Promise.all(items.map((item) => yieldIfBusy().then(() => settle(item)))).then(() => undefined);
}

/**
 * Resolves once timers had their turn (the next timers phase). For one long step after another
 * — a big board's load applies its state to two documents, 15–40 ms each — where
 * `yieldIfBusy` would not do: its first caller of a turn, and the first deferred one, go on
 * at once by design, so two long steps in a row would still run back to back.
 */
export function afterTimers(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
