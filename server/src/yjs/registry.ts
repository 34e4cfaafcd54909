import { migrateBoardDoc } from '@semis/shared';
import type { Storage } from '../storage/types';
import { AppError } from '../errors';
import { BoardRoom } from './room';
import type { FoldPool } from './fold-pool';

const MAX_GONE = 100_000;

export interface RegistryOptions {
  storage: Storage;
  idleMs: number;
  /** Under load, the shortest interval between two batches of a board (`BoardRoom`). */
  debounceMs: number;
  /** Kind of board (from its atelier) for a new document's meta. */
  boardKind: (boardId: string) => Promise<string>;
  /** Brings a freshly loaded document in line with the authoritative records (ideas). */
  reconcile: (room: BoardRoom) => Promise<void>;
  log: (msg: string) => void;
  /** Folds long stored logs off the main thread (load, compaction). */
  folder: FoldPool;
  /** Called once per loaded room, e.g. to relay it to other server processes. */
  onOpen?: (room: BoardRoom) => void;
  onClose?: (room: BoardRoom) => void;
}

/**
 * Loads each board document once, keeps it while someone uses it, and unloads it after
 * `idleMs` without users — only after its pending writes are flushed and compacted.
 */
export class BoardRegistry {
  private readonly rooms = new Map<string, Promise<BoardRoom>>();
  private readonly users = new Map<string, number>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  /** Boards discarded for good (their event deleted): not loaded again by this process, so a
   * write arriving late cannot store a row for them. Ids are random UUIDs, reused only when the
   * deleted event's archive is imported again (`revive`). */
  private readonly gone = new Set<string>();

  constructor(private readonly opts: RegistryOptions) {}

  /** Marks the board as in use and returns it loaded (state read before any reply). */
  async acquire(boardId: string): Promise<BoardRoom> {
    this.users.set(boardId, (this.users.get(boardId) ?? 0) + 1);
    this.cancelIdle(boardId);
    try {
      return await this.open(boardId);
    } catch (err) {
      this.release(boardId);
      throw err;
    }
  }

  release(boardId: string): void {
    const n = (this.users.get(boardId) ?? 1) - 1;
    if (n > 0) return void this.users.set(boardId, n);
    this.users.delete(boardId);
    this.scheduleIdle(boardId);
  }

  /** Runs fn on the loaded board without keeping it loaded afterwards. */
  async use<T>(boardId: string, fn: (room: BoardRoom) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(boardId);
    try {
      return await fn(room);
    } finally {
      this.release(boardId);
    }
  }

  /**
   * Drops boards for good (their event is deleted): nothing more is stored for them, and any
   * write already on its way is waited for, so deleting their rows afterwards leaves none.
   */
  async discard(boardIds: readonly string[]): Promise<void> {
    for (const boardId of boardIds) {
      this.gone.add(boardId);
      // Bounded: the oldest deletions are long over.
      if (this.gone.size > MAX_GONE) this.gone.delete(this.gone.values().next().value!);
      const pending = this.rooms.get(boardId);
      this.cancelIdle(boardId);
      this.rooms.delete(boardId);
      this.users.delete(boardId);
      const room = await pending?.catch(() => null);
      if (!room) continue;
      this.opts.onClose?.(room);
      room.destroy();
      for (let i = 0; room.storing && i < 500; i++) await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** The boards of an imported archive may be loaded again: an event deleted here, then
   * imported from its archive, comes back with the same board ids. */
  revive(boardIds: readonly string[]): void {
    for (const boardId of boardIds) this.gone.delete(boardId);
  }

  loaded(): string[] {
    return [...this.rooms.keys()];
  }

  private open(boardId: string): Promise<BoardRoom> {
    if (this.gone.has(boardId)) return Promise.reject(new AppError('UNKNOWN_BOARD'));
    let room = this.rooms.get(boardId);
    if (!room) {
      room = this.load(boardId);
      this.rooms.set(boardId, room);
      room.catch(() => this.rooms.delete(boardId));
    }
    return room;
  }

  private async load(boardId: string): Promise<BoardRoom> {
    const { storage, debounceMs, log, folder } = this.opts;
    const room = new BoardRoom(boardId, storage, debounceMs, (msg) => log(`board ${boardId}: ${msg}`), folder);
    await room.load(await this.opts.boardKind(boardId));
    // Open (e.g. relay to peers) before reconciling, so the repairs reach the other processes.
    this.opts.onOpen?.(room);
    try {
      // Older documents are brought to their kind's layout; a newer one is refused, untouched.
      const applied = migrateBoardDoc(room.doc);
      if (applied.length > 0) log(`board ${boardId}: migrated (${applied.join(', ')})`);
      await this.opts.reconcile(room);
    } catch (err) {
      this.opts.onClose?.(room);
      room.destroy();
      throw err;
    }
    return room;
  }

  private scheduleIdle(boardId: string): void {
    this.cancelIdle(boardId);
    this.idleTimers.set(
      boardId,
      setTimeout(() => void this.unload(boardId), this.opts.idleMs),
    );
  }

  private cancelIdle(boardId: string): void {
    const t = this.idleTimers.get(boardId);
    if (t) clearTimeout(t);
    this.idleTimers.delete(boardId);
  }

  private async unload(boardId: string): Promise<void> {
    this.idleTimers.delete(boardId);
    const pending = this.rooms.get(boardId);
    if (!pending || this.users.has(boardId)) return;
    const room = await pending;
    try {
      await room.compact();
    } catch (err) {
      this.opts.log(`board ${boardId}: compaction failed: ${String(err)}`);
    }
    // Someone may have come back, or written, while we were saving.
    if (this.users.has(boardId) || room.hasPendingWrites) return this.scheduleIdle(boardId);
    this.rooms.delete(boardId);
    this.opts.onClose?.(room);
    room.destroy();
  }

  /** Flushes and compacts every loaded board; used on shutdown. A board whose writes cannot
   * be stored within `deadlineMs` (database down) is reported, not waited for forever. */
  async closeAll(deadlineMs = 10_000): Promise<void> {
    for (const t of this.idleTimers.values()) clearTimeout(t);
    this.idleTimers.clear();
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    await Promise.all(
      rooms.map(async (r) => {
        if (r.status !== 'fulfilled') return;
        const room = r.value;
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deadlineMs)));
        const outcome = await Promise.race([room.compact().then(() => 'done' as const, (err: unknown) => err), deadline]);
        clearTimeout(timer);
        if (outcome === 'late') this.opts.log(`board ${room.boardId}: edits not stored at shutdown (storage unavailable)`);
        else if (outcome !== 'done') this.opts.log(`board ${room.boardId}: compaction on shutdown failed: ${String(outcome)}`);
        this.opts.onClose?.(room);
        room.destroy();
      }),
    );
    this.rooms.clear();
  }
}
