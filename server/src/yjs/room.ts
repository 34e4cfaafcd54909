import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { initBoardDoc } from '@semis/shared';
import type { Storage } from '../storage/types';

/** Origin of updates read back from storage: they are already persisted. */
export const LOAD_ORIGIN = 'load';
/** Origin of updates received from another server process. They are persisted here too:
 * the sender may die before its debounced flush, and Yjs updates are idempotent. */
export const PEER_ORIGIN = 'peer';

/** Whoever receives a room's traffic: a y-websocket connection, or a cross-process relay. */
export interface RoomListener {
  sendUpdate(update: Uint8Array, origin: unknown): void;
  sendAwareness(update: Uint8Array, origin: unknown): void;
}

/**
 * One board document in memory: the Y.Doc, its awareness, who listens, and its update log.
 * Updates are appended to storage in small batches (debounced); flush() makes them durable.
 */
export class BoardRoom {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly listeners = new Set<RoomListener>();
  /** Rough byte size of the document, to refuse writers that would blow it up. */
  approxSize = 0;
  private pending: Uint8Array[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private appendedSinceCompaction = 0;

  constructor(
    readonly boardId: string,
    private readonly storage: Storage,
    private readonly debounceMs: number,
    private readonly onPersistError: (err: unknown) => void,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.approxSize += update.length;
      if (origin !== LOAD_ORIGIN) this.queue(update);
      for (const l of this.listeners) l.sendUpdate(update, origin);
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = added.concat(updated, removed);
      if (changed.length === 0) return;
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
      for (const l of this.listeners) l.sendAwareness(update, origin);
    });
  }

  async load(kind: string): Promise<void> {
    const state = await this.storage.loadBoard(this.boardId);
    const parts = state.snapshot ? [state.snapshot, ...state.updates] : state.updates;
    if (parts.length > 0) Y.applyUpdate(this.doc, Y.mergeUpdates(parts), LOAD_ORIGIN);
    this.appendedSinceCompaction = state.updates.length;
    initBoardDoc(this.doc, this.boardId, kind);
  }

  private queue(update: Uint8Array): void {
    this.pending.push(update);
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.debounceMs);
  }

  /** Resolves once every update seen so far is in the log. Serialised so order is kept. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.flushing.then(async () => {
      if (batch.length === 0) return;
      try {
        await this.storage.appendBoardUpdate(this.boardId, batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch));
        this.appendedSinceCompaction += 1;
      } catch (err) {
        // Keep the batch for the next flush rather than lose it.
        this.pending = batch.concat(this.pending);
        this.onPersistError(err);
      }
    });
    return this.flushing;
  }

  /** Folds the log into one snapshot, from what storage holds (not memory), so a compaction
   * by one process never drops updates another process appended. */
  async compact(minUpdates = 1): Promise<void> {
    await this.flush();
    if (this.appendedSinceCompaction < minUpdates) return;
    const state = await this.storage.loadBoard(this.boardId);
    if (state.updates.length === 0) return;
    const parts = state.snapshot ? [state.snapshot, ...state.updates] : state.updates;
    await this.storage.compactBoard(this.boardId, Y.mergeUpdates(parts), state.lastSeq);
    this.appendedSinceCompaction = 0;
  }

  get hasPendingWrites(): boolean {
    return this.pending.length > 0;
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
