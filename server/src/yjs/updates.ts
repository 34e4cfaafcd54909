import * as Y from 'yjs';
import { SERVER_ORIGIN } from '@semis/shared';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { turnIsBusy, yieldIfBusy } from '../limits/loopSlice';

/*
 * What a board room's updates are, apart from the room that holds them: their origins, the
 * batches and frames its listeners receive, the held writes its callers store, and how
 * updates are merged. No state here: the room (room.ts) is the one pipeline per board.
 */

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

export const merge = (updates: Uint8Array[]) => (updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));

/** Updates merged by this many at a time: 150 cards merged at once took 10–14 ms. */
const MERGE_CHUNK = 32;

/** `merge`, a chunk at a time, letting timers through between chunks under load. The parts
 * merged last are few, so that step is short too. */
export async function mergeInSlices(updates: Uint8Array[]): Promise<Uint8Array> {
  while (updates.length > MERGE_CHUNK) {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < updates.length; i += MERGE_CHUNK) {
      if (i > 0 && turnIsBusy()) await yieldIfBusy();
      parts.push(merge(updates.slice(i, i + MERGE_CHUNK)));
    }
    updates = parts;
    if (turnIsBusy()) await yieldIfBusy();
  }
  return merge(updates);
}

/** A state vector of no client (varuint count 0): a client that has nothing yet. */
export const isEmptyStateVector = (sv: Uint8Array) => sv.length === 1 && sv[0] === 0;

/** The y-websocket message carrying a document update (sync message, type Update). */
export function updateFrame(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SYNC);
  syncProtocol.writeUpdate(enc, update);
  return encoding.toUint8Array(enc);
}

/** The y-websocket message carrying an awareness update. */
export function awarenessFrame(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
}

/** Origin of updates read back from storage: they are already persisted. */
export const LOAD_ORIGIN = 'load';
/** Origin of updates received from another server process. */
export const PEER_ORIGIN = 'peer';

/** Root maps only the server writes (`ideas` mirrors the database, `meta` is set at load):
 * what a client writes there, whatever its role, is undone at once. */
export const SERVER_ONLY_MAPS = ['ideas', 'meta'] as const;

/** Updates and awareness from a y-websocket client carry an origin marked this way: the only
 * origins not trusted (storage, peers and the server's own services are). */
export interface ClientOrigin {
  readonly fromClient: true;
}
export const isClientOrigin = (origin: unknown): origin is ClientOrigin =>
  typeof origin === 'object' && origin !== null && (origin as Partial<ClientOrigin>).fromClient === true;

/** A run of document updates, merged once and encoded once for every connection. */
export interface UpdateBatch {
  update: Uint8Array;
  /** The y-websocket frame carrying `update` (sync message, type Update). */
  frame: Uint8Array;
  /** Where its updates came from: a connection skips a batch made only of its own. */
  origins: ReadonlySet<unknown>;
  /** A state vector every listener that got all earlier batches is at or past: what a
   * connection that skips this batch catches up from. */
  before: Uint8Array;
}

/** Whoever receives a room's traffic: a y-websocket connection, or a cross-process relay. */
export interface RoomListener {
  sendUpdate(batch: UpdateBatch): void;
  /** `frame` is the y-websocket awareness message carrying `update`. */
  sendAwareness(update: Uint8Array, frame: Uint8Array, origin: unknown): void;
}

/** The server's document writes made during `ServerWrite.project`, stored by the caller. */
export interface HeldWrite {
  /** What to append to the board's log in the caller's transaction (null: nothing changed). */
  readonly update: Uint8Array | null;
  /** The caller's transaction committed: the pipeline sends it, without appending it again. */
  stored(): void;
  /** It did not: the pipeline appends it like any other write (the caller may undo it first). */
  unstored(): void;
}

/** Largest batch merged into one log append and one frame (one update may be larger). */
export const MAX_BATCH_BYTES = 1024 * 1024;

/** An update waiting in a room's pipeline. */
export interface Queued {
  update: Uint8Array;
  origin: unknown;
  /** `held`: a server write whose storage transaction (which appends it) has not committed
   * yet — nothing from here on is sent; `stored`: appended by that transaction. */
  state?: 'held' | 'stored';
}

/** Takes the oldest queued updates, up to MAX_BATCH_BYTES (at least one), stopping at a held
 * one, so a frame stays small even after a storage stall let the queue grow. */
export function takeBatch(queue: Queued[]): Queued[] {
  let bytes = 0;
  let n = 0;
  const fits = (q: Queued) => q.state !== 'held' && (n === 0 || bytes + q.update.byteLength <= MAX_BATCH_BYTES);
  while (n < queue.length && fits(queue[n]!)) bytes += queue[n++]!.update.byteLength;
  return queue.splice(0, n);
}

/** Keys of maps clients write that only the server may set: a poster's background points at an
 * upload the server checked (its type, its size, a file of this event), so a group member must
 * not point it elsewhere over the board channel. */
export const SERVER_ONLY_KEYS: readonly (readonly [map: string, key: string])[] = [['settings', 'background']];

/** Undoes a client's writes to the server-only maps and keys in the next transaction. Both
 * reach listeners back to back, so a reader never shows the forged value. */
export function protectServerOnlyMaps(doc: Y.Doc): void {
  for (const name of SERVER_ONLY_MAPS) revertClientWrites(doc, doc.getMap<unknown>(name), () => true);
  for (const [name, key] of SERVER_ONLY_KEYS) revertClientWrites(doc, doc.getMap<unknown>(name), (k) => k === key);
}

function revertClientWrites(doc: Y.Doc, map: Y.Map<unknown>, guarded: (key: string) => boolean): void {
  map.observe((event, tr) => {
    if (!isClientOrigin(tr.origin)) return;
    const changes = [...event.changes.keys].filter(([key]) => guarded(key));
    if (changes.length === 0) return;
    doc.transact(() => {
      for (const [key, { action, oldValue }] of changes) {
        if (action === 'add' || oldValue instanceof Y.AbstractType) map.delete(key);
        else map.set(key, oldValue);
      }
    }, SERVER_ORIGIN);
  });
}
