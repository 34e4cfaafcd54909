import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { SERVER_ORIGIN, initBoardDoc } from '@semis/shared';
import type { Storage } from '../storage/types';
import { INLINE_FOLD_BYTES, type FoldPool } from './fold-pool';
import { afterTimers, turnIsBusy, yieldIfBusy } from '../limits/loopSlice';
import {
  LOAD_ORIGIN, awarenessFrame, isEmptyStateVector, merge, mergeInSlices, protectServerOnlyMaps, takeBatch, updateFrame,
  type HeldWrite, type Queued, type RoomListener, type UpdateBatch,
} from './updates';

// The room's public vocabulary, for its users (connections, services, the cluster relay).
export { LOAD_ORIGIN, MAX_BATCH_BYTES, PEER_ORIGIN, SERVER_ONLY_MAPS, isClientOrigin } from './updates';
export type { ClientOrigin, HeldWrite, RoomListener, UpdateBatch } from './updates';

const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5000;

/**
 * One board document in memory: the Y.Doc, its awareness, who listens, and its update log.
 *
 * Edits are applied to the document at once (so they can be checked, and services read their
 * own writes), then go through one pipeline per board: merged, **appended to the log, and
 * only then** sent to the board's connections and peers as one frame. An edit on a quiet board
 * starts its batch at once (in the same turn of the event loop, so what arrived together goes
 * together); under load, what arrives while a write is in flight, or within `coalesceMs` of the
 * previous batch's start, joins the next batch (group commit): at most one frame per board per
 * `coalesceMs`, each adding at most that much latency. A failed write is retried with backoff
 * until it succeeds. So nobody is ever shown an edit the log lacks, and an acknowledgement
 * never waits for the fan-out.
 */
export class BoardRoom {
  readonly doc = new Y.Doc({ gc: true });
  /** What is in the log: sync replies and catch-ups are encoded from it, so a client that
   * connects inside the write window is not handed an edit a crash could still lose. */
  private readonly stored = new Y.Doc({ gc: true });
  /** `stored` encoded whole, until it changes. */
  private storedWhole: Uint8Array | null = null;
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly listeners = new Set<RoomListener>();
  /** Which local connection speaks for each awareness client id (no one may speak for another's). */
  readonly awarenessOwners = new Map<number, object>();
  /** Byte size of the document as last measured, plus every update since: an upper bound of
   * its encoded state, to refuse writers that would blow it up. */
  approxSize = 0;
  private measuredSize = 0;
  private queue: Queued[] = [];
  /** The next batch's start, when one is scheduled. */
  private timer: { cancel(): void } | null = null;
  /** When the last batch was taken (performance.now()): the next waits until `coalesceMs` after. */
  private lastBatchAt = -Infinity;
  private running = false;
  private destroyed = false;
  /** Updates queued and updates stored (or known not to need storing), counted. */
  private queuedSeq = 0;
  private storedSeq = 0;
  private readonly waiters: { seq: number; resolve: () => void }[] = [];
  private sentSV: Uint8Array = Y.encodeStateVector(new Y.Doc());
  /** While `hold` runs: the server's writes it made. */
  private holding: Uint8Array[] | null = null;
  private appendedSinceCompaction = 0;
  private appendedBytes = 0;
  private compacting: Promise<void> | null = null;

  constructor(
    readonly boardId: string,
    private readonly storage: Storage,
    /** Under load, the shortest interval between two batches of this board. */
    private readonly coalesceMs: number,
    /** Reports a failure worth a log line (the room carries on). */
    private readonly log: (msg: string) => void,
    /** Folds the stored log (load, compaction) off the main thread when it is long. */
    private readonly folder: Pick<FoldPool, 'merge' | 'collect'>,
  ) {
    this.awareness.setLocalState(null);
    this.stored.on('update', () => (this.storedWhole = null));
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.approxSize += update.length;
      if (origin === LOAD_ORIGIN) return;
      if (this.holding && origin === SERVER_ORIGIN) {
        this.holding.push(update);
        return;
      }
      // The server's own writes are derived from records already stored (ideas, uploads,
      // migrations): a crash rebuilds them on load, so they may be shown at once.
      if (origin === SERVER_ORIGIN) Y.applyUpdate(this.stored, update);
      this.queue.push({ update, origin });
      this.queuedSeq += 1;
      this.schedule();
    });
    protectServerOnlyMaps(this.doc);
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = added.concat(updated, removed);
      if (changed.length === 0) return;
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
      const frame = awarenessFrame(update);
      for (const l of this.listeners) this.notify(() => l.sendAwareness(update, frame, origin));
    });
  }

  /** One listener failing (a socket gone bad) must not stop the others nor the writer. */
  private notify(send: () => void): void {
    try {
      send();
    } catch (err) {
      this.log(`a listener failed: ${String(err)}`);
    }
  }

  /** Bytes of updates Yjs holds back because what they depend on never arrived (clock gaps). */
  get pendingBytes(): number {
    const { pendingStructs, pendingDs } = this.doc.store;
    return (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0);
  }

  /** Forgets updates stuck on missing dependencies. Honest clients resend them on resync. */
  dropPending(): void {
    this.doc.store.pendingStructs = null;
    this.doc.store.pendingDs = null;
  }

  /** What a client with state vector `sv` lacks of the stored document. A client with nothing
   * yet (every phone that joins) gets the whole document, encoded once per stored version:
   * 1,000 phones joining a big board cost one encoding, not 1,000. */
  encodeStoredDiff(sv?: Uint8Array): Uint8Array {
    if (sv === undefined || isEmptyStateVector(sv)) return (this.storedWhole ??= Y.encodeStateAsUpdate(this.stored));
    return Y.encodeStateAsUpdate(this.stored, sv);
  }

  encodeDiff(sv?: Uint8Array): Uint8Array {
    const { pendingStructs, pendingDs } = this.doc.store;
    this.dropPending();
    try {
      return Y.encodeStateAsUpdate(this.doc, sv);
    } finally {
      this.doc.store.pendingStructs = pendingStructs;
      this.doc.store.pendingDs = pendingDs;
    }
  }

  async load(kind: string): Promise<void> {
    const state = await this.storage.loadBoard(this.boardId);
    const parts = state.snapshot ? [state.snapshot, ...state.updates] : state.updates;
    if (parts.length > 0) {
      const merged = await this.folder.merge(parts);
      // Each step is 15–40 ms on a 2,000-card wall: a restart's loads share the event loop with
      // the phones reconnecting (nobody sees this room before it is loaded). A small board's
      // steps take well under a millisecond: no turn is waited for.
      const long = merged.byteLength > INLINE_FOLD_BYTES;
      Y.applyUpdate(this.doc, merged, LOAD_ORIGIN);
      if (long) await afterTimers();
      Y.applyUpdate(this.stored, merged);
      if (long) await afterTimers();
    }
    this.appendedSinceCompaction = state.updates.length;
    this.sentSV = Y.encodeStateVector(this.doc);
    initBoardDoc(this.doc, this.boardId, kind);
    this.measure();
  }

  private measure(): void {
    this.approxSize = this.measuredSize = this.encodeDiff().byteLength;
  }

  /** Whether the document stays under `cap` bytes with `extra` more. The running count includes
   * content deleted since (a stroke moved 1,000 times): measure the document itself before
   * refusing — at most once per 1/16 of growth, so a writer at the cap cannot make us re-encode
   * the whole document on every message. */
  fits(extra: number, cap: number): boolean {
    const total = () => this.approxSize + this.pendingBytes + extra;
    if (total() <= cap) return true;
    if (this.approxSize > this.measuredSize + Math.max(64 * 1024, this.measuredSize / 16)) this.measure();
    return total() <= cap;
  }

  /**
   * Runs `project` (the server's writes of a record its caller is storing) and keeps what it
   * wrote to the document out of the pipeline until the caller says whether the transaction
   * that stores the record — and appends `update` to the log with it, one commit for both —
   * committed. Until then nothing queued after it is sent either: the server's writes reach
   * listeners in the order they were made (Yjs clocks), and nobody sees them before they are
   * stored, nor before their record.
   */
  hold(project: () => void): HeldWrite {
    const made: Uint8Array[] = [];
    this.holding = made;
    try {
      project();
    } finally {
      this.holding = null;
    }
    if (made.length === 0) return { update: null, stored() {}, unstored() {} };
    const entry: Queued = { update: merge(made), origin: SERVER_ORIGIN, state: 'held' };
    this.queue.push(entry);
    this.queuedSeq += 1;
    const settle = (state: Queued['state']) => {
      if (entry.state !== 'held') return;
      entry.state = state;
      // Appended with its record: it counts toward the next compaction like the pipeline's own
      // appends (a wall's 2,000 cards otherwise left a 2,000-update log until unload).
      if (state === 'stored') {
        this.appendedSinceCompaction += 1;
        this.appendedBytes += entry.update.byteLength;
      }
      // Committed with its record (or derived from a record stored, that the pipeline will
      // store): a joiner may have it from now on, as `doc.on` does for the server's writes.
      // Here, one card at a time: a batch of 150 posts does not apply them all in one step.
      Y.applyUpdate(this.stored, entry.update);
      this.schedule();
    };
    return { update: entry.update, stored: () => settle('stored'), unstored: () => settle(undefined) };
  }

  /** The next batch can start: something is queued, and its head is not waiting for a commit. */
  private get ready(): boolean {
    return this.queue.length > 0 && this.queue[0]!.state !== 'held';
  }

  private schedule(): void {
    if (this.timer || this.running || this.destroyed || !this.ready) return;
    // Someone waits for a flush (shutdown, unload, compaction): no more gathering.
    const wait = this.waiters.length > 0 ? 0 : this.lastBatchAt + this.coalesceMs - performance.now();
    if (wait <= 0) {
      const immediate = setImmediate(() => void this.run());
      this.timer = { cancel: () => clearImmediate(immediate) };
    } else {
      const timeout = setTimeout(() => void this.run(), wait);
      this.timer = { cancel: () => clearTimeout(timeout) };
    }
  }

  /** The pipeline, one batch: store, then send. What arrived meanwhile is the next batch. */
  private async run(): Promise<void> {
    this.timer = null;
    if (this.running || this.destroyed) return;
    this.running = true;
    try {
      if (this.ready) await this.runBatch();
    } finally {
      this.running = false;
    }
    if (this.queue.length > 0) this.schedule();
    else this.maybeCompact();
  }

  private async runBatch(): Promise<void> {
    this.lastBatchAt = performance.now();
    // Under a burst, what is already queued for the loop goes first — a group commit's acks
    // releasing their cards one slice after the other: the batch then takes them all, one
    // fan-out instead of one per slice.
    await yieldIfBusy();
    if (this.destroyed || !this.ready) return;
    const items = takeBatch(this.queue);
    const before = this.sentSV;
    // The document holds every queued update: its state vector is where listeners stand once
    // this batch is sent only if nothing stays queued (a batch cut at MAX_BATCH_BYTES). Else
    // keep the older one — a catch-up from it re-sends a little, but never skips an update.
    if (this.queue.length === 0) this.sentSV = Y.encodeStateVector(this.doc);
    // Peers' updates are stored again: a sync reply after a Redis blip can carry edits its
    // sender had not stored yet, and Yjs updates are idempotent.
    const update = await mergeInSlices(items.map((i) => i.update));
    // What a held write's transaction appended is not appended again.
    const toStore = items.filter((i) => i.state !== 'stored');
    if (toStore.length > 0) await this.store(toStore.length === items.length ? update : await mergeInSlices(toStore.map((i) => i.update)));
    if (this.destroyed) return;
    // The server's own writes reached the stored copy as they were made (held ones, as they
    // committed).
    if (items.some((i) => i.origin !== SERVER_ORIGIN)) Y.applyUpdate(this.stored, update);
    this.storedSeq += items.length;
    this.wake();
    // Acknowledgements and incoming messages of this turn may go first under a burst.
    await yieldIfBusy();
    if (this.destroyed) return;
    await this.fanOut({ update, frame: updateFrame(update), origins: new Set(items.map((i) => i.origin)), before });
  }

  /** One frame to every listener, encoded once. A big board's fan-out shares the event loop:
   * past the turn's slice, the remaining listeners get it on the next turn (in order, and
   * before any later batch). Who joins meanwhile was synced from the stored copy, batch included. */
  private async fanOut(batch: UpdateBatch): Promise<void> {
    const listeners = [...this.listeners];
    for (let i = 0; i < listeners.length; i++) {
      if (i % 16 === 15 && turnIsBusy()) {
        await yieldIfBusy();
        if (this.destroyed) return;
      }
      const l = listeners[i]!;
      if (this.listeners.has(l)) this.notify(() => l.sendUpdate(batch));
    }
  }

  /** Appends to the log, retrying with backoff until storage takes it (a database outage). */
  private async store(update: Uint8Array): Promise<void> {
    for (let delay = RETRY_MIN_MS; ; delay = Math.min(delay * 2, RETRY_MAX_MS)) {
      try {
        await this.storage.appendBoardUpdate(this.boardId, update);
        this.appendedSinceCompaction += 1;
        this.appendedBytes += update.byteLength;
        return;
      } catch (err) {
        this.log(`append failed, retrying in ${delay} ms: ${String(err)}`);
        if (this.destroyed) return;
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  private wake(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i]!;
      if (w.seq <= this.storedSeq) {
        this.waiters.splice(i, 1);
        w.resolve();
      }
    }
  }

  /** Resolves once every update seen so far is in the log (however long storage is down). */
  flush(): Promise<void> {
    if (this.storedSeq >= this.queuedSeq) return Promise.resolve();
    const seq = this.queuedSeq;
    const stored = new Promise<void>((resolve) => this.waiters.push({ seq, resolve }));
    if (this.timer) {
      this.timer.cancel();
      void this.run();
    }
    return stored;
  }

  /** The log grows with history (a stroke moved 1,000 times); fold it once it is much larger
   * than the document, so what is stored stays near what is shown. */
  private maybeCompact(): void {
    if (this.compacting || this.destroyed) return;
    if (this.appendedSinceCompaction < 500 && this.appendedBytes < Math.max(4 * 1024 * 1024, 4 * this.measuredSize)) return;
    this.compact().catch((err: unknown) => this.log(`compaction failed: ${String(err)}`));
  }

  /** Folds the log into one snapshot, from what storage holds (not memory), so a compaction
   * by one process never drops updates another process appended. One at a time. */
  compact(minUpdates = 1, collect = false): Promise<void> {
    this.compacting ??= this.compactNow(minUpdates, collect).finally(() => (this.compacting = null));
    return this.compacting;
  }

  /** Rewrites the stored history as one snapshot without deleted content (RGPD purge): merged
   * updates keep every value ever overwritten, a garbage-collected document keeps none. */
  async collectHistory(): Promise<void> {
    while (this.compacting) await this.compacting.catch(() => undefined);
    await this.compact(0, true);
  }

  private async compactNow(minUpdates: number, collect: boolean): Promise<void> {
    await this.flush();
    if (this.destroyed || this.appendedSinceCompaction < minUpdates) return;
    const state = await this.storage.loadBoard(this.boardId);
    if (this.destroyed || (state.updates.length === 0 && !(collect && state.snapshot))) return;
    const parts = state.snapshot ? [state.snapshot, ...state.updates] : state.updates;
    const snapshot = collect ? await this.folder.collect(parts) : await this.folder.merge(parts);
    await this.storage.compactBoard(this.boardId, snapshot, state.lastSeq);
    this.appendedSinceCompaction = 0;
    this.appendedBytes = 0;
    // Not measured again here: encoding a 2,000-card wall takes 7–23 ms of the event loop, and
    // walls now compact during the evening. `fits` measures when a writer nears the cap.
  }

  /** A write to storage is under way (still true for a moment after destroy). */
  get storing(): boolean {
    return this.running || this.compacting !== null;
  }

  get hasPendingWrites(): boolean {
    return this.storedSeq < this.queuedSeq || this.running;
  }

  destroy(): void {
    this.destroyed = true;
    this.timer?.cancel();
    // Nothing more will be stored: whoever waits for a flush stops waiting.
    for (const w of this.waiters.splice(0)) w.resolve();
    this.awareness.destroy();
    this.doc.destroy();
    this.stored.destroy();
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
